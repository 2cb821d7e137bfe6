import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a week's average means for one nutrient, as a dietitian would put it.
public enum Verdict: String, Sendable, Codable, Equatable {
    /// The average is below the average requirement (EAR/AR): a deficiency is likely.
    case likelyDeficiency = "likely_deficiency"
    /// Between the average requirement and the goal: a shortfall is possible.
    case possibleShortfall = "possible_shortfall"
    /// Below an Adequate Intake where no average requirement exists: adequacy cannot be judged; more is advisable.
    case belowAdequateIntake = "below_adequate_intake"
    /// At or above the goal.
    case adequate
    /// Above sodium's CDRR: reduce.
    case aboveReduceLevel = "above_reduce_level"
    /// Too much of the food logged has no value for the nutrient to judge a shortfall.
    case insufficientData = "insufficient_data"
    /// Nothing logged in the period.
    case notLogged = "not_logged"
}

/// How far the week's figure can be trusted, from the share of logged grams whose food has no value.
public enum Confidence: String, Sendable, Codable, Equatable {
    /// Under 5 % of the grams without a value.
    case high
    /// 5 % to 20 %.
    case moderate
    /// Over 20 %, or servings of unknown weight (recorded in another tracker) without a value: the figure is a
    /// lower bound only.
    case low

    init(unknownShare: Double) {
        self = unknownShare < 0.05 ? .high : unknownShare <= 0.2 ? .moderate : .low
    }
}

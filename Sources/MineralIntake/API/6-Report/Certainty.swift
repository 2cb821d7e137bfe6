import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How sure a few days' average is about a person's usual intake, by the NASEM method for assessing individuals
/// (IOM 2000, Dietary Reference Intakes: Applications in Dietary Assessment, ch. 3 and appendix B):
/// z = (mean − reference) / √(SD_req² + SD_within²/n), where the reference is the average requirement (EAR/AR)
/// when there is one, else the AI (then only "confidently at or above it" can be said).
public struct Certainty: Sendable, Codable, Equatable {
    /// The nutrient.
    public var nutrient: Nutrient
    /// Days the average is over.
    public var days: Int
    /// What the average was compared with: `average_requirement` or `goal` (an AI).
    public var reference: TargetRole
    /// The reference amount.
    public var referenceAmount: Double
    /// The requirement's SD: (RDA − EAR) ÷ 2 (the RDA is EAR + 2 SD); 0 for an AI.
    public var requirementSD: Double
    /// The within-person day-to-day SD used, and `within-person-sd.csv`'s line; `nil` where none could be read.
    public var withinPersonSD: Double?
    /// Where the within-person SD comes from.
    public var withinPersonSDSource: String?
    /// The z statistic (`nil` without a within-person SD).
    public var z: Double?
    /// How confident the statement is, in percent, rounded to 5 (`nil` without a z).
    public var confidencePercent: Int?
    /// More days that would bring the confidence to 90 %, if any number would (`nil` when already there, never, or
    /// only past a million days).
    public var moreDaysFor90Percent: Int?

    /// The z for 90 % confidence, one-sided.
    static let z90 = 1.2816

    enum CodingKeys: String, CodingKey {
        case nutrient, days, reference, z, statement
        case referenceAmount = "reference_amount"
        case requirementSD = "requirement_sd"
        case withinPersonSD = "within_person_sd"
        case withinPersonSDSource = "within_person_sd_source"
        case confidencePercent = "confidence_percent"
        case moreDaysFor90Percent = "more_days_for_90_percent"
    }

    /// The certainty of an average of `days` days, or `nil` when there is nothing to compare.
    static func of(_ nutrient: Nutrient, average: Double, days: Int, targets: NutrientTargets, sweat: Double?)
        -> Certainty?
    {
        guard days > 0 else { return nil }
        let reference: TargetRole
        let referenceAmount: Double
        var requirementSD = 0.0
        if let ear = targets.averageRequirement {
            reference = .averageRequirement
            referenceAmount = ear.amount + (sweat ?? 0)
            if let goal = targets.goal, goal.kind != .ai, goal.kind != .custom, goal.amount > ear.amount {
                requirementSD = (goal.amount - ear.amount) / 2
            } else {
                requirementSD = ear.amount * 0.1  // the DRI reports' default CV of 10 %
            }
        } else if let goal = targets.goal {
            reference = .goal
            referenceAmount = goal.amount + (sweat ?? 0)
        } else {
            return nil
        }
        guard let row = targets.withinPersonSD, let within = row.sd else {
            return Certainty(
                nutrient: nutrient, days: days, reference: reference, referenceAmount: referenceAmount,
                requirementSD: requirementSD, withinPersonSD: nil, withinPersonSDSource: nil, z: nil,
                confidencePercent: nil, moreDaysFor90Percent: nil)
        }
        let z =
            (average - referenceAmount) / (requirementSD * requirementSD + within * within / Double(days)).squareRoot()
        let probability: Double = min(0.99, 0.5 * (1 + erf(abs(z) / 2.0.squareRoot())))
        let confidence = probability >= 0.99 ? 99 : min(95, Int((probability * 20).rounded()) * 5)
        let z90 = Self.z90
        var more: Int?
        let gap =
            (average - referenceAmount) * (average - referenceAmount) / (z90 * z90) - requirementSD * requirementSD
        // For an AI only "confidently at or above it" can be said: no number of days settles an average below it.
        if abs(z) < z90, gap > 0, reference == .averageRequirement || z > 0 {
            // A gap a hair above zero asks for more days than any person logs (and than an Int holds): no number.
            let needed = (within * within / gap).rounded(.up)
            more = needed < 1_000_000 ? max(1, Int(needed) - days) : nil
        }
        return Certainty(
            nutrient: nutrient, days: days, reference: reference, referenceAmount: referenceAmount,
            requirementSD: requirementSD, withinPersonSD: within,
            withinPersonSDSource: "within-person-sd.csv line \(row.line): \(row.table)", z: z,
            confidencePercent: confidence, moreDaysFor90Percent: more)
    }
}

extension Certainty {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nutrient = try container.decode(Nutrient.self, forKey: .nutrient)
        days = try container.decode(Int.self, forKey: .days)
        reference = try container.decode(TargetRole.self, forKey: .reference)
        referenceAmount = try container.decode(Double.self, forKey: .referenceAmount)
        requirementSD = try container.decode(Double.self, forKey: .requirementSD)
        withinPersonSD = try container.decodeIfPresent(Double.self, forKey: .withinPersonSD)
        withinPersonSDSource = try container.decodeIfPresent(String.self, forKey: .withinPersonSDSource)
        z = try container.decodeIfPresent(Double.self, forKey: .z)
        confidencePercent = try container.decodeIfPresent(Int.self, forKey: .confidencePercent)
        moreDaysFor90Percent = try container.decodeIfPresent(Int.self, forKey: .moreDaysFor90Percent)
    }

    /// Every number, and the sentence they make (`statement`) for people reading the JSON; reading it back takes
    /// the numbers.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nutrient, forKey: .nutrient)
        try container.encode(days, forKey: .days)
        try container.encode(reference, forKey: .reference)
        try container.encode(referenceAmount, forKey: .referenceAmount)
        try container.encode(requirementSD, forKey: .requirementSD)
        try container.encodeIfPresent(withinPersonSD, forKey: .withinPersonSD)
        try container.encodeIfPresent(withinPersonSDSource, forKey: .withinPersonSDSource)
        try container.encodeIfPresent(z, forKey: .z)
        try container.encodeIfPresent(confidencePercent, forKey: .confidencePercent)
        try container.encode(statement, forKey: .statement)
        try container.encodeIfPresent(moreDaysFor90Percent, forKey: .moreDaysFor90Percent)
    }
}

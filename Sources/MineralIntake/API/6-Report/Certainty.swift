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
    /// The statement for people.
    public var statement: String
    /// More days that would bring the confidence to 90 %, if any number would (`nil` when already there or never).
    public var moreDaysFor90Percent: Int?

    enum CodingKeys: String, CodingKey {
        case days, reference, z, statement
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
        let unit = nutrient.unit.rawValue
        func amount(_ value: Double) -> String { "\(NumberText.plain(value)) \(unit)" }
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
        let name = nutrient.displayName
        let daysText = "\(days) day\(days == 1 ? "" : "s") recorded"
        guard let row = targets.withinPersonSD, let within = row.sd else {
            return Certainty(
                days: days, reference: reference, referenceAmount: referenceAmount, requirementSD: requirementSD,
                withinPersonSD: nil, withinPersonSDSource: nil, z: nil, confidencePercent: nil,
                statement:
                    "How sure: not computed; \(days) day\(days == 1 ? " is" : "s are") a sample of your usual \(name) "
                    + "intake, and its day-to-day SD (IOM 2000, table B-2) could not be read in a source for your "
                    + "age and sex.",
                moreDaysFor90Percent: nil)
        }
        let z =
            (average - referenceAmount) / (requirementSD * requirementSD + within * within / Double(days)).squareRoot()
        let probability: Double = min(0.99, 0.5 * (1 + erf(abs(z) / 2.0.squareRoot())))
        let confidence = probability >= 0.99 ? 99 : min(95, Int((probability * 20).rounded()) * 5)
        let z90 = 1.2816
        var more: Int?
        let gap =
            (average - referenceAmount) * (average - referenceAmount) / (z90 * z90) - requirementSD * requirementSD
        // For an AI only "confidently at or above it" can be said: no number of days settles an average below it.
        if abs(z) < z90, gap > 0, reference == .averageRequirement || z > 0 {
            more = max(1, Int((within * within / gap).rounded(.up)) - days)
        }
        let statement: String
        if reference == .averageRequirement {
            let side =
                z < 0
                ? "below the requirement (\(amount(referenceAmount)))"
                : "at or above the requirement (\(amount(referenceAmount)))"
            statement =
                confidence < 70
                ? "How sure: too few days to tell (\(confidence) %): with \(daysText), your usual \(name) intake may "
                    + "be on either side of the requirement."
                : "How sure: with \(daysText), about \(confidence) % confident your usual \(name) intake is \(side)."
        } else {
            statement =
                z >= z90
                ? "How sure: with \(daysText), about \(confidence) % confident your usual \(name) intake is at or "
                    + "above the AI (\(amount(referenceAmount))): adequate."
                : "How sure: with \(daysText), it cannot be said that your usual \(name) intake is at or above the "
                    + "AI; below the AI is not a deficiency."
        }
        let settle = more.map { " About \($0) more day\($0 == 1 ? "" : "s") would settle it at 90 %." } ?? ""
        return Certainty(
            days: days, reference: reference, referenceAmount: referenceAmount, requirementSD: requirementSD,
            withinPersonSD: within, withinPersonSDSource: "within-person-sd.csv line \(row.line): \(row.table)",
            z: z, confidencePercent: confidence, statement: statement + settle, moreDaysFor90Percent: more)
    }
}

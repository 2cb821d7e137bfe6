/// Which target of a nutrient a user changed.
public enum TargetRole: String, CaseIterable, Sendable, Codable, Equatable {
    /// The intake to reach: RDA or AI (EFSA: PRI or AI).
    case goal
    /// The average requirement: EAR (EFSA: AR).
    case averageRequirement = "average_requirement"
    /// The tolerable upper intake level: UL.
    case upperLimit = "upper_limit"
    /// Sodium's Chronic Disease Risk Reduction intake: reduce intake if above.
    case reduceAbove = "reduce_above"

    /// Short names used on the command line: `goal`, `ar`, `ul`, `cdrr`.
    static let aliases: [String: TargetRole] = [
        "goal": .goal, "rda": .goal, "ai": .goal, "pri": .goal,
        "ar": .averageRequirement, "ear": .averageRequirement, "average": .averageRequirement,
        "ul": .upperLimit, "upper": .upperLimit, "limit": .upperLimit,
        "cdrr": .reduceAbove, "reduce": .reduceAbove,
    ]
}

/// A target the user set themselves (a doctor's advice), replacing the official one.
public struct TargetOverride: Sendable, Codable, Equatable {
    /// The nutrient whose target is replaced.
    public var nutrient: Nutrient
    /// Which of its targets.
    public var role: TargetRole
    /// The amount, in the nutrient's unit (mg, or µg for vitamin D).
    public var amount: Double

    /// A target of `amount` for `nutrient`'s `role`.
    public init(nutrient: Nutrient, role: TargetRole = .goal, amount: Double) {
        self.nutrient = nutrient
        self.role = role
        self.amount = amount
    }

    /// Reads `magnesium=400`, `magnesium.goal=400`, `Mg.ul=300`, `sodium.cdrr=2000`.
    public init(parsing text: String) throws(MineralIntakeError) {
        let sides = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let usage =
            "give NUTRIENT[.goal|.ar|.ul|.cdrr]=AMOUNT in mg (µg for vitamin D), e.g. magnesium=400 or sodium.cdrr=2000"
        guard sides.count == 2 else {
            throw .invalidProfile(.overrides, "override \"\(text)\" is not understood; \(usage)")
        }
        let left = sides[0].split(separator: ".", maxSplits: 1)
        guard let nutrientText = left.first else {
            throw .invalidProfile(.overrides, "override \"\(text)\" names no nutrient; \(usage)")
        }
        let nutrient: Nutrient
        do { nutrient = try Nutrient(parsing: String(nutrientText)) } catch {
            throw .invalidProfile(.overrides, "override \"\(text)\": \(error.description)")
        }
        guard nutrient != .energy else {
            throw .invalidProfile(.overrides, "override \"\(text)\": energy has no intake target here; \(usage)")
        }
        var role = TargetRole.goal
        if left.count == 2 {
            guard let found = TargetRole.aliases[left[1].lowercased()] else {
                throw .invalidProfile(
                    .overrides, "override \"\(text)\": unknown target \"\(left[1])\"; known: goal, ar, ul, cdrr")
            }
            role = found
        }
        guard let amount = Double(String(sides[1]).trimmingWhitespace()), amount.isFinite, amount > 0,
            amount < 1_000_000
        else {
            throw .invalidProfile(
                .overrides, "override \"\(text)\": \"\(sides[1])\" is not a positive amount; \(usage)")
        }
        self.init(nutrient: nutrient, role: role, amount: amount)
    }
}

/// All targets for one nutrient.
public struct NutrientTargets: Sendable, Codable, Equatable {
    /// The nutrient.
    public var nutrient: Nutrient
    /// Its unit.
    public var unit: NutrientUnit
    /// The intake to reach (RDA/AI, EFSA PRI/AI).
    public var goal: Target?
    /// The average requirement (EAR, EFSA AR): below it, a deficiency is likely.
    public var averageRequirement: Target?
    /// The tolerable upper intake level (UL). For magnesium it counts supplements only.
    public var upperLimit: Target?
    /// Sodium's CDRR: reduce intake if above.
    public var reduceAbove: Target?
    /// Athletes: estimated sweat loss to add to the goal, shown apart from it.
    public var sweatLoss: SweatLossEstimate?
    /// How much this person's intake varies from day to day (a pooled survey figure), for saying how sure a few
    /// days' average is; `sd` is `nil` where no value could be read in a source.
    public var withinPersonSD: WithinPersonSD?

    /// The goal plus the estimated sweat loss, when both exist.
    public var goalWithSweatLoss: Double? {
        guard let goal, let sweatLoss else { return nil }
        return goal.amount + sweatLoss.amountPerDay
    }

    /// The target playing `role`.
    public subscript(role: TargetRole) -> Target? {
        get {
            switch role {
            case .goal: goal
            case .averageRequirement: averageRequirement
            case .upperLimit: upperLimit
            case .reduceAbove: reduceAbove
            }
        }
        set {
            switch role {
            case .goal: goal = newValue
            case .averageRequirement: averageRequirement = newValue
            case .upperLimit: upperLimit = newValue
            case .reduceAbove: reduceAbove = newValue
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case nutrient, unit, goal
        case averageRequirement = "average_requirement"
        case upperLimit = "upper_limit"
        case reduceAbove = "reduce_above"
        case sweatLoss = "sweat_loss"
        case goalWithSweatLoss = "goal_with_sweat_loss"
        case withinPersonSD = "within_person_sd"
    }

    /// No targets yet for `nutrient`.
    public init(nutrient: Nutrient) {
        self.nutrient = nutrient
        self.unit = nutrient.unit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nutrient = try container.decode(Nutrient.self, forKey: .nutrient)
        unit = try container.decode(NutrientUnit.self, forKey: .unit)
        goal = try container.decodeIfPresent(Target.self, forKey: .goal)
        averageRequirement = try container.decodeIfPresent(Target.self, forKey: .averageRequirement)
        upperLimit = try container.decodeIfPresent(Target.self, forKey: .upperLimit)
        reduceAbove = try container.decodeIfPresent(Target.self, forKey: .reduceAbove)
        sweatLoss = try container.decodeIfPresent(SweatLossEstimate.self, forKey: .sweatLoss)
        withinPersonSD = try container.decodeIfPresent(WithinPersonSD.self, forKey: .withinPersonSD)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nutrient, forKey: .nutrient)
        try container.encode(unit, forKey: .unit)
        try container.encode(goal, forKey: .goal)
        try container.encode(averageRequirement, forKey: .averageRequirement)
        try container.encode(upperLimit, forKey: .upperLimit)
        try container.encode(reduceAbove, forKey: .reduceAbove)
        try container.encode(sweatLoss, forKey: .sweatLoss)
        try container.encode(goalWithSweatLoss, forKey: .goalWithSweatLoss)
        try container.encode(withinPersonSD, forKey: .withinPersonSD)
    }
}

/// Why a nutrient got its verdict, as a code with what the report's own numbers do not say (its average, goal,
/// requirement, CDRR, sweat loss, share without a value and days are the rest); the sentence for people is
/// ``NutrientReport/explanation``, made from these by the rendering layer.
/// In JSON: `{"code": "likely_deficiency", "servings_without_value": 0, "weighed_food_only": false}`.
public struct VerdictReason: Sendable, Codable, Equatable {
    /// What decided the verdict.
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// Nothing was logged in the period.
        case notLogged = "not_logged"
        /// The average is above the level to stay below for lower chronic disease risk (sodium's CDRR).
        case aboveReduceLevel = "above_reduce_level"
        /// No goal is set for the nutrient.
        case noGoal = "no_goal"
        /// The average meets the goal.
        case meetsGoal = "meets_goal"
        /// The average is under the goal, but too much of the food has no value to judge it.
        case notEnoughData = "not_enough_data"
        /// The average is below the average requirement.
        case likelyDeficiency = "likely_deficiency"
        /// The average is between the average requirement and the goal.
        case possibleShortfall = "possible_shortfall"
        /// The average is below an Adequate Intake, and no average requirement exists.
        case belowAdequateIntake = "below_adequate_intake"
    }

    /// What decided the verdict.
    public var code: Code
    /// Servings of unknown weight (recorded in another tracker) on the counted days that had no value.
    public var servingsWithoutValue: Int
    /// Whether the share without a value is of the weighed food only (servings of unknown weight were logged too).
    public var weighedFoodOnly: Bool

    /// A reason with its code and what it adds.
    public init(_ code: Code, servingsWithoutValue: Int = 0, weighedFoodOnly: Bool = false) {
        self.code = code
        self.servingsWithoutValue = servingsWithoutValue
        self.weighedFoodOnly = weighedFoodOnly
    }

    enum CodingKeys: String, CodingKey {
        case code
        case servingsWithoutValue = "servings_without_value"
        case weighedFoodOnly = "weighed_food_only"
    }
}

/// Everything `mineral foods show` tells about a food: its nutrients per 100 g and per household measure, and where
/// each value comes from.
public struct FoodDetail: Sendable, Codable, Equatable {
    /// The nutrients in one portion.
    public struct Portion: Sendable, Codable, Equatable {
        /// `100 g`, or a household measure's label (`1 cup, halves`).
        public var label: String
        /// The portion's weight, grams.
        public var grams: Double
        /// The USDA measure, for household measures.
        public var measure: HouseholdMeasure?
        /// Nutrients in the portion; `null` where unknown.
        public var nutrients: NutrientValues
    }

    /// The food.
    public var food: Food
    /// Its USDA food group.
    public var group: FoodGroup
    /// 100 g first, then each household measure in USDA's order.
    public var portions: [Portion]
    /// For each nutrient, where its value comes from (`USDA SR28 NDB 09032, nutrient 306`).
    public var sources: [String: String]

    /// The detail of `food`, whose group is looked up in `database`.
    public init(food: Food, in database: FoodDatabase) {
        self.food = food
        self.group = database.group(code: food.groupCode) ?? FoodGroup(code: food.groupCode, name: "unknown group")
        self.portions =
            [Portion(label: "100 g", grams: 100, measure: nil, nutrients: food.per100g)]
            + food.measures.map { measure in
                Portion(
                    label: "\(NumberText.plain(measure.amount)) \(measure.unit)", grams: measure.grams,
                    measure: measure, nutrients: food.nutrients(inGrams: measure.grams))
            }
        self.sources = Dictionary(uniqueKeysWithValues: Nutrient.allCases.map { ($0.rawValue, food.source(of: $0)) })
    }
}

/// Number formatting for people, the same on every machine (no locale).
package enum DisplayNumber {
    /// A nutrient amount for a person: about four significant digits, never a nonzero value shown as 0.
    package static func amount(_ value: Double) -> String { NumberText.display(value) }
    /// A number without needless decimals: `130`, `0.5`, `1.025`.
    package static func plain(_ value: Double) -> String { NumberText.plain(value) }
}

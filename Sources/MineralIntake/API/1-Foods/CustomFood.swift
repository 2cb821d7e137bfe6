/// A food the user defined: either its values per 100 g (any may be unknown), or a recipe of ingredients whose
/// nutrients it adds up. Logged like any other food, by its name.
public struct CustomFood: Sendable, Codable, Equatable {
    /// One ingredient of a recipe: what was typed, the food it resolved to, and its weight.
    public struct Ingredient: Sendable, Codable, Equatable {
        /// The ingredient as typed: `50 g rolled oats`.
        public var text: String
        /// The food it was read as.
        public var food: FoodReference
        /// Its weight in the recipe, grams.
        public var grams: Double

        /// An ingredient.
        public init(text: String, food: FoodReference, grams: Double) {
            self.text = text
            self.food = food
            self.grams = grams
        }
    }

    /// The name it is logged by: `granola mix`.
    public var name: String
    /// Values per 100 g, for a food defined by its values; `nil` entries are unknown.
    public var per100g: NutrientValues?
    /// The ingredients, for a recipe.
    public var ingredients: [Ingredient]?
    /// The recipe's cooked weight, if it differs from the sum of its ingredients (water lost or added), grams.
    public var totalGrams: Double?
    /// Household measures the user gave: `bar` = 40 g.
    public var measures: [HouseholdMeasure]

    /// A food defined by its values per 100 g.
    public init(name: String, per100g: NutrientValues, measures: [HouseholdMeasure] = []) {
        self.name = name
        self.per100g = per100g
        self.measures = measures
    }

    /// A recipe of ingredients; `totalGrams` when cooking changed its weight.
    public init(name: String, ingredients: [Ingredient], totalGrams: Double? = nil, measures: [HouseholdMeasure] = []) {
        self.name = name
        self.ingredients = ingredients
        self.totalGrams = totalGrams
        self.measures = measures
    }

    /// Checks what a hand-edited file may hold: a name of 1 to 80 characters without line breaks, values per 100 g
    /// from 0 to 100,000, measure and ingredient weights within ``QuantityLimits/grams``, either values or
    /// ingredients. - Throws: ``MineralIntakeError/invalidEntry(_:_:)`` naming the food and the value.
    public func validated() throws(MineralIntakeError) {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty, name.count <= 80, JournalFormat.field(name) == name else {
            throw .invalidEntry(
                .customFood, "custom food name \"\(name)\" is not 1 to 80 characters of text on one line")
        }
        guard (per100g == nil) != (ingredients == nil) else {
            throw .invalidEntry(.customFood, "custom food \"\(name)\" needs either values per 100 g or ingredients")
        }
        for nutrient in Nutrient.allCases {
            if let value = per100g?[nutrient], !(value >= 0 && value <= 100_000) {
                throw .invalidEntry(
                    .customFood,
                    "custom food \"\(name)\": \(nutrient.rawValue) \(NumberText.plain(value)) per 100 g is not from 0 "
                        + "to 100000"
                )
            }
        }
        for measure in measures
        where !(QuantityLimits.grams.contains(measure.grams) && measure.amount > 0 && measure.amount.isFinite) {
            throw .invalidEntry(
                .customFood,
                "custom food \"\(name)\": measure \"\(measure.unit)\" of \(NumberText.plain(measure.grams)) g is "
                    + "outside 0.001–10000 g"
            )
        }
        for ingredient in ingredients ?? [] where !QuantityLimits.grams.contains(ingredient.grams) {
            throw .invalidEntry(
                .customFood,
                "custom food \"\(name)\": ingredient \"\(ingredient.text)\" of \(NumberText.plain(ingredient.grams)) "
                    + "g is outside 0.001–10000 g"
            )
        }
        if let total = totalGrams, !(total > 0 && total <= 100_000) {
            throw .invalidEntry(
                .customFood,
                "custom food \"\(name)\": total weight \(NumberText.plain(total)) g is not from 0 to 100000")
        }
    }

    /// Whether two names name the same custom food (case, spacing, punctuation and plural do not matter).
    public static func namesMatch(_ a: String, _ b: String) -> Bool {
        TextNormalizer.tokens(a) == TextNormalizer.tokens(b)
    }

    enum CodingKeys: String, CodingKey {
        case name, ingredients, measures
        case per100g = "per_100g"
        case totalGrams = "total_grams"
    }
}

extension NutrientValues {
    /// Values per 100 g as a person writes them for a custom food: `potassium=300,magnesium=50` (nutrients as
    /// ``Nutrient/init(parsing:)`` reads them, each amount 0 to 100000 in the nutrient's unit).
    /// - Throws: ``MineralIntakeError/invalidEntry(_:_:)`` (``EntryField/customFood``) naming the pair that is not
    ///   `NUTRIENT=AMOUNT` or whose amount is out of range; the nutrient's own error for an unknown nutrient.
    public init(parsing text: String) throws(MineralIntakeError) {
        self.init()
        for pair in text.split(separator: ",") {
            let sides = pair.split(separator: "=", maxSplits: 1).map { $0.trimmedWhitespace() }
            guard sides.count == 2 else { throw .invalidEntry(.customFood, "\"\(pair)\" is not NUTRIENT=AMOUNT") }
            let nutrient = try Nutrient(parsing: sides[0])
            guard let amount = Double(sides[1]), amount.isFinite, amount >= 0, amount <= 100_000 else {
                throw .invalidEntry(.customFood, "\"\(pair)\": \"\(sides[1])\" is not an amount from 0 to 100000")
            }
            self[nutrient] = amount
        }
    }
}

extension HouseholdMeasure {
    /// A custom food's measure as a person writes it, `NAME=GRAMS` (`bar=40`, `serving=250 g`): one `NAME` weighs
    /// `GRAMS` (more than 0, at most ``FoodCatalog/maximumGrams``); it is the food's `sequence`-th measure.
    /// - Throws: ``MineralIntakeError/invalidEntry(_:_:)`` (``EntryField/customFood``) naming the text.
    public init(parsing text: String, sequence: Int) throws(MineralIntakeError) {
        let parts = text.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let grams = Double(parts[1].replacing("g", with: "").trimmedWhitespace()),
            grams > 0, grams <= FoodCatalog.maximumGrams, !parts[0].trimmedWhitespace().isEmpty
        else { throw .invalidEntry(.customFood, "\"\(text)\" is not accepted; give NAME=GRAMS, e.g. bar=40") }
        self.init(sequence: sequence, amount: 1, unit: parts[0].trimmedWhitespace(), grams: grams)
    }
}

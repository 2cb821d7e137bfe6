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
    /// ingredients. - Throws: ``MineralIntakeError/invalidEntry(_:)`` naming the food and the value.
    public func validated() throws(MineralIntakeError) {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty, name.count <= 80, JournalFormat.field(name) == name else {
            throw .invalidEntry("custom food name \"\(name)\" is not 1 to 80 characters of text on one line")
        }
        guard (per100g == nil) != (ingredients == nil) else {
            throw .invalidEntry("custom food \"\(name)\" needs either values per 100 g or ingredients")
        }
        for nutrient in Nutrient.allCases {
            if let value = per100g?[nutrient], !(value >= 0 && value <= 100_000) {
                throw .invalidEntry("custom food \"\(name)\": \(nutrient.rawValue) \(NumberText.plain(value)) per 100 g is not from 0 to 100000")
            }
        }
        for measure in measures where !(QuantityLimits.grams.contains(measure.grams) && measure.amount > 0 && measure.amount.isFinite) {
            throw .invalidEntry("custom food \"\(name)\": measure \"\(measure.unit)\" of \(NumberText.plain(measure.grams)) g is outside 0.001–10000 g")
        }
        for ingredient in ingredients ?? [] where !QuantityLimits.grams.contains(ingredient.grams) {
            throw .invalidEntry("custom food \"\(name)\": ingredient \"\(ingredient.text)\" of \(NumberText.plain(ingredient.grams)) g is outside 0.001–10000 g")
        }
        if let total = totalGrams, !(total > 0 && total <= 100_000) {
            throw .invalidEntry("custom food \"\(name)\": total weight \(NumberText.plain(total)) g is not from 0 to 100000")
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

/// The amount of one nutrient in some food, with how much of the food's weight had no value for it.
/// Unknown is never added as zero: ``gramsWithoutValue`` says how much was left out.
public struct NutrientTotal: Sendable, Codable, Equatable {
    /// The sum of the known values, in the nutrient's unit.
    public var amount: Double
    /// Grams of food whose value for this nutrient is unknown.
    public var gramsWithoutValue: Double
    /// All grams counted.
    public var grams: Double
    /// Entries of unknown weight (servings recorded elsewhere, `1 cup`) that had no value: the total is a lower bound
    /// when this is above 0, by an amount no weight can say.
    public var entriesWithoutValue: Int

    /// A total of `amount` over `grams`, of which `gramsWithoutValue` had no value, and `entriesWithoutValue` entries
    /// of unknown weight without a value.
    public init(amount: Double = 0, gramsWithoutValue: Double = 0, grams: Double = 0, entriesWithoutValue: Int = 0) {
        self.amount = amount
        self.gramsWithoutValue = gramsWithoutValue
        self.grams = grams
        self.entriesWithoutValue = entriesWithoutValue
    }

    /// The share of the grams with no value, 0 to 1 (0 when there are no grams).
    public var unknownShare: Double { grams > 0 ? gramsWithoutValue / grams : 0 }

    /// Whether anything counted had no value: some grams, or an entry of unknown weight.
    public var hasUnknown: Bool { gramsWithoutValue > 0 || entriesWithoutValue > 0 }

    /// Whether nothing at all is known (some grams or entries, none of them with a value).
    public var isUnknown: Bool {
        amount == 0 && (grams > 0 ? gramsWithoutValue >= grams : entriesWithoutValue > 0)
    }

    public static func + (lhs: NutrientTotal, rhs: NutrientTotal) -> NutrientTotal {
        NutrientTotal(amount: lhs.amount + rhs.amount, gramsWithoutValue: lhs.gramsWithoutValue + rhs.gramsWithoutValue,
                      grams: lhs.grams + rhs.grams, entriesWithoutValue: lhs.entriesWithoutValue + rhs.entriesWithoutValue)
    }

    public static func += (lhs: inout NutrientTotal, rhs: NutrientTotal) { lhs = lhs + rhs }

    enum CodingKeys: String, CodingKey {
        case amount, grams
        case gramsWithoutValue = "grams_without_value"
        case unknownShare = "unknown_share"
        case entriesWithoutValue = "entries_without_value"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amount = try container.decode(Double.self, forKey: .amount)
        gramsWithoutValue = try container.decode(Double.self, forKey: .gramsWithoutValue)
        grams = try container.decode(Double.self, forKey: .grams)
        entriesWithoutValue = try container.decodeIfPresent(Int.self, forKey: .entriesWithoutValue) ?? 0
    }

    /// `entries_without_value` is written only when above 0 (it comes only from servings recorded elsewhere).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount, forKey: .amount)
        try container.encode(gramsWithoutValue, forKey: .gramsWithoutValue)
        try container.encode(grams, forKey: .grams)
        try container.encode(unknownShare, forKey: .unknownShare)
        if entriesWithoutValue > 0 { try container.encode(entriesWithoutValue, forKey: .entriesWithoutValue) }
    }
}

/// Totals of every nutrient: a fixed set of fields, not a dictionary, because journals of years are totalled
/// entry by entry.
public struct NutrientTotals: Sendable, Codable, Equatable {
    private var energy: NutrientTotal?
    private var potassium: NutrientTotal?
    private var magnesium: NutrientTotal?
    private var calcium: NutrientTotal?
    private var sodium: NutrientTotal?
    private var vitaminD: NutrientTotal?

    /// No totals yet.
    public init() {}

    /// Totals from a dictionary.
    public init(values: [Nutrient: NutrientTotal]) {
        for (nutrient, total) in values { self[nutrient] = total }
    }

    /// The totals that were set, by nutrient (a supplement sets only its own nutrient).
    public var values: [Nutrient: NutrientTotal] {
        var result: [Nutrient: NutrientTotal] = [:]
        for nutrient in Nutrient.allCases { if let total = field(nutrient) { result[nutrient] = total } }
        return result
    }

    /// Whether a total was set for `nutrient`.
    public func has(_ nutrient: Nutrient) -> Bool { field(nutrient) != nil }

    private func field(_ nutrient: Nutrient) -> NutrientTotal? {
        switch nutrient {
        case .energy: energy
        case .potassium: potassium
        case .magnesium: magnesium
        case .calcium: calcium
        case .sodium: sodium
        case .vitaminD: vitaminD
        }
    }

    /// The total of `nutrient` (zero grams and amount when none was set).
    public subscript(nutrient: Nutrient) -> NutrientTotal {
        get { field(nutrient) ?? NutrientTotal() }
        set {
            switch nutrient {
            case .energy: energy = newValue
            case .potassium: potassium = newValue
            case .magnesium: magnesium = newValue
            case .calcium: calcium = newValue
            case .sodium: sodium = newValue
            case .vitaminD: vitaminD = newValue
            }
        }
    }

    public static func + (lhs: NutrientTotals, rhs: NutrientTotals) -> NutrientTotals {
        var result = lhs
        result += rhs
        return result
    }

    public static func += (lhs: inout NutrientTotals, rhs: NutrientTotals) {
        // Field by field (a loop over the cases through the subscript cost most of a long report's time).
        func add(_ total: inout NutrientTotal?, _ other: NutrientTotal?) {
            if let other { total = total.map { $0 + other } ?? other }
        }
        add(&lhs.energy, rhs.energy)
        add(&lhs.potassium, rhs.potassium)
        add(&lhs.magnesium, rhs.magnesium)
        add(&lhs.calcium, rhs.calcium)
        add(&lhs.sodium, rhs.sodium)
        add(&lhs.vitaminD, rhs.vitaminD)
    }

    public init(from decoder: any Decoder) throws {
        self.init(values: try decoder.singleValueContainer().decode([Nutrient: NutrientTotal].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

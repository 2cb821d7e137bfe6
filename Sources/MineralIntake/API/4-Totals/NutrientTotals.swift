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
        NutrientTotal(
            amount: lhs.amount + rhs.amount, gramsWithoutValue: lhs.gramsWithoutValue + rhs.gramsWithoutValue,
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

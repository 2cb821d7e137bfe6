/// What an entry's amount is of: a USDA food, a custom food or recipe, or a supplement of one nutrient.
public enum FoodReference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A USDA SR28 food, by NDB number.
    case usda(NDBNumber)
    /// A custom food or recipe of the user, by name.
    case custom(String)
    /// A supplement of one nutrient, counted by its amount, with no grams.
    case supplement(Nutrient)
    /// A serving logged in another tracker, with the amounts recorded there (``RecordedFood``); grams when known.
    case recorded(RecordedFood)

    /// As written in the journal: `09032`, `custom:granola bar`, `supplement:magnesium`,
    /// `recorded:cronometer|95|195||6|2|0|Apple, raw`.
    public var description: String {
        switch self {
        case .usda(let ndb): ndb.rawValue
        case .custom(let name): "custom:" + name
        case .supplement(let nutrient): "supplement:" + nutrient.rawValue
        case .recorded(let food): (food.isSupplement ? "recorded-supplement:" : "recorded:") + food.journalText
        }
    }

    /// Whether an entry of it may have no grams: a supplement (counted by its amount) or a serving recorded elsewhere
    /// (counted by its recorded amounts).
    public var goesWithoutGrams: Bool {
        switch self {
        case .supplement, .recorded: true
        case .usda, .custom: false
        }
    }

    /// Whether this is a food (USDA, custom or recorded elsewhere), not a supplement (nor a supplement recorded
    /// elsewhere).
    public var isFood: Bool {
        switch self {
        case .supplement: false
        case .recorded(let food): !food.isSupplement
        case .usda, .custom: true
        }
    }

    /// Reads the journal's text form; `nil` if it is none of the four.
    public init?(journalText text: String) {
        if let ndb = NDBNumber(rawValue: text) {
            self = .usda(ndb)
        } else if text.hasPrefix("recorded:") {
            guard let food = RecordedFood(journalText: String(text.dropFirst(9))) else { return nil }
            self = .recorded(food)
        } else if text.hasPrefix("recorded-supplement:") {
            guard var food = RecordedFood(journalText: String(text.dropFirst(20))) else { return nil }
            food.isSupplement = true
            self = .recorded(food)
        } else if text.hasPrefix("custom:"), text.count > 7 {
            self = .custom(String(text.dropFirst(7)))
        } else if text.hasPrefix("supplement:"), let nutrient = Nutrient(rawValue: String(text.dropFirst(11))),
            nutrient != .energy
        {
            self = .supplement(nutrient)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reference = FoodReference(journalText: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "\"\(text)\" is not a food: give a 5-digit NDB number, custom:NAME, supplement:NUTRIENT or "
                        + "recorded:…"
                ))
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

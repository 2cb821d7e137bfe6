/// A USDA Nutrient Databank number: the 5-digit id of a food in SR28 (`09032` is dried apricots).
///
/// Encoded in JSON as the plain string `"09032"`.
public struct NDBNumber: RawRepresentable, Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    /// The five digits, with leading zeros.
    public let rawValue: String

    /// Accepts exactly five digits (`09032`).
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 5, rawValue.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        self.rawValue = rawValue
    }

    /// Five digits already checked by the caller.
    init(uncheckedDigits: String) {
        rawValue = uncheckedDigits
    }

    /// Reads an NDB number as a person might type it: `09032`, or without its leading zero, `9032`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        guard (1...5).contains(trimmed.utf8.count), trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        self.init(rawValue: String(repeating: "0", count: 5 - trimmed.utf8.count) + trimmed)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = NDBNumber(rawValue: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "NDB number must be 5 digits, got \"\(text)\""))
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: NDBNumber, rhs: NDBNumber) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A USDA SR28 food group (`0900` Fruits and Fruit Juices).
public struct FoodGroup: Sendable, Codable, Hashable {
    /// The 4-digit group code, `0900`.
    public var code: String
    /// The USDA group name, `Fruits and Fruit Juices`.
    public var name: String

    /// A group.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// A household measure from USDA SR28's WEIGHT file: `1 cup, halves` of dried apricots weighs 130 g.
public struct HouseholdMeasure: Sendable, Codable, Hashable {
    /// USDA's sequence number for this measure within the food (1 is listed first).
    public var sequence: Int
    /// How many of the unit the weight is for: the `1` of `1 cup` (`0.5` for `1/2 cup`).
    public var amount: Double
    /// The unit as USDA wrote it: `cup, halves`, `tbsp`, `oz`, `large`.
    public var unit: String
    /// The edible weight of `amount` of `unit`, grams.
    public var grams: Double

    /// A measure: `amount` × `unit` weighs `grams`.
    public init(sequence: Int, amount: Double, unit: String, grams: Double) {
        self.sequence = sequence
        self.amount = amount
        self.unit = unit
        self.grams = grams
    }

    /// The weight of one `unit`, grams: `grams / amount`.
    public var gramsPerUnit: Double { grams / amount }

    /// `1 cup, halves (130 g)`.
    public var label: String {
        "\(NumberText.plain(amount)) \(unit) (\(NumberText.plain(grams)) g)"
    }

    enum CodingKeys: String, CodingKey {
        case sequence, amount, unit, grams
    }
}

/// A meal of the day.
public enum Meal: String, CaseIterable, Sendable, Codable, Equatable, Comparable {
    /// The four meals of a day, in their order.
    case breakfast, lunch, dinner, snack

    /// Reads `breakfast`, `lunch`, `dinner` or `snack`, in any case.
    public init(parsing text: String) throws(MineralIntakeError) {
        guard let meal = Meal(rawValue: text.lowercased()) else {
            throw .invalidEntry(.meal, "unknown meal \"\(text)\"; known: breakfast, lunch, dinner, snack")
        }
        self = meal
    }

    /// The meal's name as UTF-8 bytes, for reading journal lines without making a string.
    var utf8: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: staticName.utf8Start, count: staticName.utf8CodeUnitCount)
    }

    private var staticName: StaticString {
        switch self {
        case .breakfast: "breakfast"
        case .lunch: "lunch"
        case .dinner: "dinner"
        case .snack: "snack"
        }
    }

    public static func < (lhs: Meal, rhs: Meal) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

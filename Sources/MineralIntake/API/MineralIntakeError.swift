import FoundationEssentials

/// Every error the library throws. Each message names the bad input and says what would be accepted.
public enum MineralIntakeError: Error, Sendable, Codable, Equatable, CustomStringConvertible {
    /// A nutrient name that is not one of ``Nutrient``'s names.
    case unknownNutrient(String, suggestion: String?)
    /// A food search with nothing to search for.
    case emptyQuery
    /// An NDB number that no food in the database has.
    case unknownNDBNumber(String)
    /// A food name that matched nothing; `suggestions` are everyday names close to it.
    case unknownFood(String, suggestions: [String])
    /// A food group that matched no USDA group name or code.
    case unknownFoodGroup(String, known: [String])
    /// A food group text that matched several USDA groups.
    case ambiguousFoodGroup(String, candidates: [String])
    /// A ranking basis other than `100g`, `100kcal` or `portion`.
    case unknownRankingBasis(String)
    /// Data that does not have the expected shape: the file, the 1-based line and what is wrong.
    case invalidData(file: String, line: Int, reason: String)
    /// A date that is not a real `YYYY-MM-DD` day.
    case invalidDate(String)
    /// A week that is not an ISO week like `2026-W48`.
    case invalidWeek(String)
    /// A report period that cannot be used.
    case invalidPeriod(String)
    /// A profile that cannot be used: the field it is in, and a message naming the value and what is accepted.
    case invalidProfile(ProfileField, String)
    /// A journal entry, item, supplement or imported row that cannot be read: which part (``EntryField``), and a
    /// message naming the value and what is accepted.
    case invalidEntry(EntryField, String)
    /// A food name that is not exactly one food's name: the candidates a search finds; nothing is logged.
    case ambiguousFood(String, candidates: [FoodCandidate])
    /// A unit the food cannot be measured in: the text, the unit, and the units the food takes.
    case unknownUnit(String, unit: String, food: String, known: [String])
    /// A file of the data directory could not be read or written; nothing was changed.
    case fileAccess(String)
    /// Another writer held the data directory's lock for longer than the wait allows; nothing was changed.
    case busy(String)
    /// Rows of a file that cannot be read, each `FILE:LINE: what is wrong`; a file with any is refused whole.
    case invalidRows([String])
    /// No journal entry has this id.
    case unknownEntryID(Int)
    /// The profile has neither an age nor a birth date, so no targets can be chosen.
    case profileWithoutAge

    public var description: String {
        switch self {
        case .unknownNutrient(let text, let suggestion):
            let hint = suggestion.map { "did you mean \"\($0)\"? " } ?? ""
            return "unknown nutrient \"\(text)\"; \(hint)known nutrients: "
                + Nutrient.allCases.map(\.rawValue).joined(separator: ", ") + " (also K, Mg, Ca, Na, kcal)"
        case .emptyQuery:
            return "empty food search; give some words of the food's name, e.g. \"dried apricots\""
        case .unknownNDBNumber(let text):
            return "no food with NDB number \(text) in USDA SR28; a search by name finds the numbers"
        case .unknownFood(let text, let suggestions):
            let hint =
                suggestions.isEmpty
                ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
            let letters =
                TextNormalizer.tokens(text).isEmpty && !text.isEmpty
                ? "; food names are searched in English letters and digits (USDA's descriptions)" : ""
            return "no food matches \"\(text)\"\(hint)\(letters)"
        case .unknownFoodGroup(let text, let known):
            return "unknown food group \"\(text)\"; known groups: " + known.joined(separator: ", ")
        case .ambiguousFoodGroup(let text, let candidates):
            return "food group \"\(text)\" matches several groups: " + candidates.joined(separator: ", ")
                + "; give more of the name or the 4-digit code"
        case .unknownRankingBasis(let text):
            return "unknown basis \"\(text)\"; known: 100g, 100kcal, portion"
        case .invalidData(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .invalidDate(let text):
            return "\"\(text)\" is not a date; give a real day as YYYY-MM-DD, e.g. 2026-11-24"
        case .invalidWeek(let text):
            return "\"\(text)\" is not an ISO week; give YYYY-Www, e.g. 2026-W48"
        case .invalidPeriod(let message):
            return message
        case .invalidProfile(_, let message), .invalidEntry(_, let message):
            return message
        case .ambiguousFood(let text, let candidates):
            return
                "\"\(text)\" is not the exact name of one food; nothing was logged. Foods it may mean (name one by "
                + "its NDB number):\n"
                + candidates.map { "  \($0.ndb)  \($0.name)" }.joined(separator: "\n")
        case .fileAccess(let message), .busy(let message):
            return message
        case .unknownEntryID(let id):
            return "no entry with id \(id)"
        case .profileWithoutAge:
            return "the profile has no age; give an age in years or a birth date"
        case .invalidRows(let problems):
            return problems.joined(separator: "\n")
        case .unknownUnit(let text, let unit, let food, let known):
            return "unknown unit \"\(unit)\" in \"\(text)\"; known units for \(food): "
                + known.map { $0.contains(",") || $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: ", ")
        }
    }
}

extension MineralIntakeError: LocalizedError {
    /// The same message as ``description``, so `localizedDescription` (Foundation) reads it, not "error 12".
    public var errorDescription: String? { description }
}

/// The part of a profile a ``MineralIntakeError/invalidProfile(_:_:)`` is about.
public enum ProfileField: String, Sendable, Codable, Equatable, CaseIterable {
    /// `female` or `male`.
    case sex
    /// The age in years.
    case age
    /// The birth date.
    case birthDate = "birth_date"
    /// Pregnant, lactating or neither.
    case state
    /// NASEM or EFSA.
    case standard
    /// The risk groups (teenager, elderly, athlete …).
    case groups
    /// Training hours and sweat rate.
    case training
    /// Targets the person set themselves.
    case overrides
}

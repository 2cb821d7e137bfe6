import Foundation

/// A meal of the day.
public enum Meal: String, CaseIterable, Sendable, Codable, Equatable, Comparable {
    case breakfast, lunch, dinner, snack

    public init(parsing text: String) throws(MineralIntakeError) {
        guard let meal = Meal(rawValue: text.lowercased()) else {
            throw .invalidEntry("unknown meal \"\(text)\"; known: breakfast, lunch, dinner, snack")
        }
        self = meal
    }

    public static func < (lhs: Meal, rhs: Meal) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What an entry's amount is of: a USDA food, a custom food or recipe, or a supplement of one nutrient.
public enum FoodReference: Sendable, Hashable, Codable, CustomStringConvertible {
    case usda(NDBNumber)
    case custom(String)
    case supplement(Nutrient)

    /// As written in the journal: `09032`, `custom:granola bar`, `supplement:magnesium`.
    public var description: String {
        switch self {
        case .usda(let ndb): ndb.rawValue
        case .custom(let name): "custom:" + name
        case .supplement(let nutrient): "supplement:" + nutrient.rawValue
        }
    }

    public init?(journalText text: String) {
        if let ndb = NDBNumber(rawValue: text) {
            self = .usda(ndb)
        } else if text.hasPrefix("custom:"), text.count > 7 {
            self = .custom(String(text.dropFirst(7)))
        } else if text.hasPrefix("supplement:"), let nutrient = Nutrient(rawValue: String(text.dropFirst(11))),
                  nutrient != .energy {
            self = .supplement(nutrient)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reference = FoodReference(journalText: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "\"\(text)\" is not a food: give a 5-digit NDB number, custom:NAME or supplement:NUTRIENT"))
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One line of the meal journal: what was eaten, when, how much, and what the person typed.
public struct JournalEntry: Sendable, Codable, Equatable, Identifiable {
    /// A number unique within the journal, given when the entry is written.
    public var id: Int
    public var date: CalendarDate
    public var meal: Meal
    /// How many `unit`s: `0.5` for `1/2 cup`.
    public var amount: Double
    /// `g`, `cup (not packed)`, `medium (7" to 7-7/8" long)`; for supplements `mg` or `µg`.
    public var unit: String
    /// The weight eaten, grams (`nil` for supplements, which count by nutrient amount, not weight).
    public var grams: Double?
    public var food: FoodReference
    /// What the person typed: `1/2 cup raisins`.
    public var text: String

    public init(
        id: Int, date: CalendarDate, meal: Meal, amount: Double, unit: String, grams: Double?, food: FoodReference,
        text: String
    ) {
        self.id = id
        self.date = date
        self.meal = meal
        self.amount = amount
        self.unit = unit
        self.grams = grams
        self.food = food
        self.text = text
    }
}

/// A problem found reading a journal: the line, what it holds, and what is wrong. The other lines still count.
public struct JournalProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    public var line: Int
    public var content: String
    public var reason: String

    public var description: String { "line \(line): \(reason): \(content)" }
}

/// A journal as read: the entries that parsed, and a problem for each line that did not.
public struct Journal: Sendable, Codable, Equatable {
    public var entries: [JournalEntry]
    public var problems: [JournalProblem]

    public init(entries: [JournalEntry] = [], problems: [JournalProblem] = []) {
        self.entries = entries
        self.problems = problems
    }

    /// The number the next entry gets: one more than the highest in use.
    public var nextID: Int { (entries.map(\.id).max() ?? 0) + 1 }

    /// Entries on `date`, by meal then id.
    public func entries(on date: CalendarDate) -> [JournalEntry] {
        entries.filter { $0.date == date }.sorted { ($0.meal, $0.id) < ($1.meal, $1.id) }
    }
}

/// The journal's text format: UTF-8, one entry a line, tab-separated, `#` comments. A person can read it, edit it
/// in any editor and keep it under version control:
///
/// ```
/// # id	date	meal	amount	unit	grams	food	text
/// 1	2026-11-24	breakfast	50	g	50	09032	50 g dried apricots
/// 2	2026-11-24	breakfast	0.5	cup (not packed)	72.5	09298	1/2 cup raisins
/// 3	2026-11-24	dinner	200	mg		supplement:magnesium	magnesium 200 mg
/// ```
public enum JournalFormat {
    /// The comment lines a new journal starts with.
    public static let header = """
        # MineralIntake meal journal, format 1. One entry a line, fields separated by tabs:
        # id	date	meal	amount	unit	grams	food	text
        # food is a USDA NDB number, custom:NAME or supplement:NUTRIENT; grams is empty for supplements.
        # Lines starting with # are comments. Edit freely; `mineral check` lists any line it cannot read.

        """

    static let fieldCount = 8

    /// The line for `entry`, ending in `\n`. Tabs and line breaks in the typed text become spaces.
    public static func line(_ entry: JournalEntry) -> String {
        let text = entry.text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }
        return [
            String(entry.id), entry.date.description, entry.meal.rawValue, exact(entry.amount),
            entry.unit, entry.grams.map(exact) ?? "", entry.food.description, String(text),
        ].joined(separator: "\t") + "\n"
    }

    /// The shortest decimal that reads back as exactly `value` (`56.69904625`, `0.5`, `130`).
    static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(value)
        return text.contains("e") ? NumberText.plain(value, maxDecimals: 12) : text
    }

    /// Reads a journal. Never fails: each line that cannot be read becomes a ``JournalProblem`` and the rest count.
    public static func parse(_ text: String) -> Journal {
        var journal = Journal()
        journal.entries.reserveCapacity(text.utf8.count / 56)
        var lineNumber = 0
        var seen = Set<Int>()
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if line.isEmpty || line.first == "#" || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            do throws(MineralIntakeError) {
                let entry = try parseLine(line)
                guard seen.insert(entry.id).inserted else {
                    throw .invalidEntry("id \(entry.id) is used by an earlier line too; give each line its own id")
                }
                journal.entries.append(entry)
            } catch {
                journal.problems.append(JournalProblem(line: lineNumber, content: String(line), reason: error.description))
            }
        }
        return journal
    }

    static func parseLine(_ line: Substring) throws(MineralIntakeError) -> JournalEntry {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= fieldCount else {
            throw .invalidEntry("\(fields.count) tab-separated fields, expected \(fieldCount): id, date, meal, amount, unit, grams, food, text")
        }
        guard let id = Int(fields[0]), id > 0 else { throw .invalidEntry("id \"\(fields[0])\" is not a positive whole number") }
        let date = try CalendarDate(parsing: String(fields[1]))
        let meal = try Meal(parsing: String(fields[2]))
        guard let amount = Double(fields[3]), amount.isFinite, amount > 0 else {
            throw .invalidEntry("amount \"\(fields[3])\" is not a positive number")
        }
        guard let food = FoodReference(journalText: String(fields[6])) else {
            throw .invalidEntry("food \"\(fields[6])\" is not a 5-digit NDB number, custom:NAME or supplement:NUTRIENT")
        }
        var grams: Double?
        if fields[5].isEmpty {
            guard case .supplement = food else { throw .invalidEntry("grams is empty; only supplements go without grams") }
        } else {
            guard let value = Double(fields[5]), value.isFinite, value > 0 else {
                throw .invalidEntry("grams \"\(fields[5])\" is not a positive number")
            }
            grams = value
        }
        // The text is the last field; a tab typed into it by hand is kept as part of it.
        let text = fields[7...].joined(separator: "\t")
        return JournalEntry(
            id: id, date: date, meal: meal, amount: amount, unit: String(fields[4]), grams: grams, food: food, text: text)
    }
}

extension JournalFormat {
    /// The highest entry id in a journal's bytes, reading only each line's first field (fast for long journals).
    public static func maxID(in data: Data) -> Int {
        var highest = 0
        var current = 0
        var atLineStart = true
        var inFirstField = false
        for byte in data {
            if atLineStart {
                atLineStart = false
                inFirstField = byte >= 0x30 && byte <= 0x39
                current = 0
            }
            if byte == 0x0A {
                atLineStart = true
                continue
            }
            guard inFirstField else { continue }
            if byte >= 0x30, byte <= 0x39 {
                current = current &* 10 &+ Int(byte - 0x30)
                if current > 1_000_000_000_000 { inFirstField = false }
            } else {
                if byte == 0x09 { highest = max(highest, current) }
                inFirstField = false
            }
        }
        return highest
    }

    /// The journal text without the lines of entries `ids`, and those lines. Every other line stays as it was.
    public static func removing(ids: Set<Int>, from text: String) -> (kept: String, removed: [String]) {
        var kept: [Substring] = []
        var removed: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let entry = try? parseLine(line.last == "\r" ? line.dropLast() : line), ids.contains(entry.id) {
                removed.append(String(line))
            } else {
                kept.append(line)
            }
        }
        return (kept.joined(separator: "\n"), removed)
    }

    /// The journal text with the line of entry `id` replaced by `entry`'s line.
    public static func replacing(id: Int, with entry: JournalEntry, in text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let parsed = try? parseLine(line.last == "\r" ? line.dropLast() : line), parsed.id == id {
                lines.append(String(self.line(entry).dropLast()))
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }
}

import FoundationEssentials

/// One entry of the journal's exchange format (``JournalExchange``), as an export writes it and an import reads it
/// back.
public struct ExportedEntry: Codable, Equatable, Sendable {
    /// The entry's id in the journal it came from (an import gives new ids).
    public var id: Int?
    /// The day it was eaten.
    public var date: CalendarDate
    /// The meal.
    public var meal: Meal
    /// The food.
    public var food: FoodReference
    /// The food's name for people (written by an export, not read).
    public var foodName: String?
    /// The amount as given (`0.5` of `cup`); for a supplement, the dose.
    public var amount: Double?
    /// The unit of `amount`.
    public var unit: String?
    /// The weight in grams (none for a supplement or a serving of unknown weight).
    public var grams: Double?
    /// The item as the person wrote it.
    public var text: String?
    /// Nutrients of the entry; `null` where unknown.
    public var nutrients: NutrientValues?

    /// A row: the entry's fields, and its food's name and nutrients as an export writes them (a reader needs only
    /// the entry's fields).
    public init(
        id: Int?, date: CalendarDate, meal: Meal, food: FoodReference, foodName: String?, amount: Double?,
        unit: String?, grams: Double?, text: String?, nutrients: NutrientValues?
    ) {
        self.id = id
        self.date = date
        self.meal = meal
        self.food = food
        self.foodName = foodName
        self.amount = amount
        self.unit = unit
        self.grams = grams
        self.text = text
        self.nutrients = nutrients
    }

    enum CodingKeys: String, CodingKey {
        case id, date, meal, food, amount, unit, grams, text, nutrients
        case foodName = "food_name"
    }
}

/// The journal's own exchange format, as an export writes it and an import reads it back: CSV with a header row
/// (``csvHeader``), or JSON (a list of ``ExportedEntry``). Reading checks every row as a logged entry is checked and
/// names each row that cannot be read; nothing is half-read.
public enum JournalExchange {
    /// The CSV header: the entry's fields, its food's name, then each nutrient with its unit.
    public static let csvHeader =
        ["id", "date", "meal", "food", "food_name", "amount", "unit", "grams", "text"]
        + Nutrient.allCases.map { "\($0.rawValue)_\($0 == .vitaminD ? "ug" : $0 == .energy ? "kcal" : "mg")" }

    /// The entries of an exported CSV file's `text` (`file` names it in messages; columns may come in any order,
    /// only date, meal and food are required).
    /// - Throws: ``MineralIntakeError/invalidData(file:line:reason:)`` for text that is not CSV or has no such
    ///   header; ``MineralIntakeError/invalidRows(_:)`` naming every row that cannot be read (`file:line: why`).
    public static func entries(csv text: String, file: String, catalog: FoodCatalog) throws(MineralIntakeError)
        -> [JournalEntry]
    {
        let table = try CSVText.parse(text, file: file)
        guard let header = table.first?.fields else {
            throw .invalidData(file: file, line: 1, reason: "the file is empty")
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let date = column("date"), let meal = column("meal"), let food = column("food") else {
            throw .invalidData(
                file: file, line: 1,
                reason: "the header needs date, meal and food columns (and grams, or amount for supplements)")
        }
        var rows: [(line: Int, entry: ExportedEntry)] = []
        var problems: [String] = []
        for row in table.dropFirst() {
            func field(_ name: String) -> String? {
                column(name).flatMap { $0 < row.fields.count ? row.fields[$0] : nil }.flatMap {
                    $0.isEmpty ? nil : CSVText.unguarded($0)
                }
            }
            do throws(MineralIntakeError) {
                guard row.fields.count == header.count else {
                    throw .invalidEntry(.importedRow, "\(row.fields.count) fields, expected \(header.count)")
                }
                guard
                    let reference = FoodReference(
                        journalText: NDBNumber(parsing: row.fields[food])?.rawValue ?? row.fields[food])
                else {
                    throw .invalidEntry(
                        .food, "food \"\(row.fields[food])\" is not an NDB number, custom:NAME or supplement:NUTRIENT")
                }
                func number(_ name: String) throws(MineralIntakeError) -> Double? {
                    guard let text = field(name) else { return nil }
                    guard let value = Double(text), value.isFinite else {
                        throw .invalidEntry(.importedRow, "\(name) \"\(text)\" is not a number")
                    }
                    return value
                }
                rows.append(
                    (
                        row.line,
                        ExportedEntry(
                            id: nil, date: try CalendarDate(parsing: row.fields[date]),
                            meal: try Meal(parsing: row.fields[meal]), food: reference, foodName: nil,
                            amount: try number("amount"), unit: field("unit"), grams: try number("grams"),
                            text: field("text"), nutrients: nil)
                    ))
            } catch {
                problems.append("\(file):\(row.line): \(error)")
            }
        }
        return try entries(rows, file: file, catalog: catalog, problems: problems)
    }

    /// The entries of exported rows (a JSON export's list), the first row being line 1 in messages.
    /// - Throws: ``MineralIntakeError/invalidRows(_:)`` naming every row that cannot be read.
    public static func entries(rows: [ExportedEntry], file: String, catalog: FoodCatalog)
        throws(MineralIntakeError) -> [JournalEntry]
    {
        try entries(rows.enumerated().map { ($0.offset + 1, $0.element) }, file: file, catalog: catalog, problems: [])
    }

    private static func entries(
        _ rows: [(line: Int, entry: ExportedEntry)], file: String, catalog: FoodCatalog, problems: [String]
    ) throws(MineralIntakeError) -> [JournalEntry] {
        var problems = problems
        var entries: [JournalEntry] = []
        for (line, row) in rows {
            do {
                entries.append(try entry(from: row, catalog: catalog))
            } catch {
                problems.append("\(file):\(line): \(error)")
            }
        }
        guard problems.isEmpty else { throw .invalidRows(problems) }
        return entries
    }

    /// A journal entry from an exported row, checked as a logged entry is (``JournalFormat/check(_:)``).
    public static func entry(from row: ExportedEntry, catalog: FoodCatalog) throws(MineralIntakeError) -> JournalEntry {
        let text = row.text ?? ""
        switch row.food {
        case .supplement(let nutrient):
            guard let amount = row.amount, amount.isFinite, amount > 0 else {
                throw .invalidEntry(
                    .supplement,
                    "a \(nutrient.displayName) supplement needs a positive amount in \(nutrient.unit.rawValue)")
            }
            let entry = JournalEntry(
                id: 0, date: row.date, meal: row.meal, amount: amount, unit: nutrient.unit.rawValue, grams: nil,
                food: row.food,
                text: text.isEmpty
                    ? "\(nutrient.displayName) \(JournalFormatText.exact(amount)) \(nutrient.unit.rawValue)" : text)
            try JournalFormat.check(entry)
            return entry
        case .recorded(let food):
            // A serving recorded elsewhere: its amounts are its own; its weight, when known, is checked like any.
            let amount = row.amount ?? 1
            let entry = JournalEntry(
                id: 0, date: row.date, meal: row.meal, amount: amount,
                unit: row.unit ?? (row.grams == nil ? "serving" : "g"),
                grams: row.grams, food: row.food, text: text.isEmpty ? "\(food.name) (\(food.sourceName))" : text)
            try JournalFormat.check(entry)
            return entry
        case .usda(let ndb):
            guard catalog.database.contains(ndb) else { throw .unknownNDBNumber(ndb.rawValue) }
        case .custom(let name):
            guard catalog.customFood(named: name) != nil else {
                throw .invalidEntry(.food, "no custom food \"\(name)\"; define it first")
            }
        }
        guard let grams = row.grams, grams.isFinite, grams > 0 else {
            throw .invalidEntry(.grams, "grams must be a positive number")
        }
        let amount = row.amount ?? grams
        let entry = JournalEntry(
            id: 0, date: row.date, meal: row.meal, amount: amount, unit: row.unit ?? "g", grams: grams, food: row.food,
            text: text.isEmpty ? "\(JournalFormatText.exact(grams)) g \(catalog.name(of: row.food))" : text)
        // The same limits as `mineral log` and the journal reader.
        try JournalFormat.check(entry)
        return entry
    }
}

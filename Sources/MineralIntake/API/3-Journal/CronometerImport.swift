/// Reads Cronometer's CSV exports: the "servings" export (one row per food logged: `Day`, `Group`, `Food Name`,
/// `Amount`, then a column per nutrient with its unit in the header, `Potassium (mg)`) and the "daily summary" export
/// (`Date`, `Completed`, and the same nutrient columns).
///
/// Servings become journal entries of ``FoodReference/recorded(_:)`` foods carrying Cronometer's amounts; an empty cell
/// stays unknown (never 0). Vitamin D given in IU is divided by 40 (40 IU = 1 µg); energy in kJ by 4.184.
/// Every row is checked; any problem refuses the whole file, each problem named with its line.
public enum CronometerImport {
    /// What kind of Cronometer export a CSV is, from its header.
    public enum Kind: String, Sendable, Codable, Equatable {
        /// The servings export.
        case servings
        /// The daily summary export.
        case dailySummary = "daily_summary"
    }

    /// Servings read from a servings export.
    public struct Servings: Sendable, Codable, Equatable {
        /// One entry per row, in file order, ids 0 (the journal gives them).
        public var entries: [JournalEntry]
        /// Cronometer groups that are none of the four meals, with how many rows each had: those rows were logged as
        /// snacks.
        public var otherGroups: [String: Int]
        /// Nutrients the file has no column for: unknown in every entry.
        public var missingNutrients: [Nutrient]
    }

    /// The kind of export `text` is, or `nil` if its header is neither.
    public static func kind(of text: String) -> Kind? {
        guard
            let header = (try? CSV.parse(firstLine(of: text), file: ""))?.first?.fields.map({ $0.trimmingWhitespace() })
        else { return nil }
        if header.contains("Day"), header.contains("Food Name") { return .servings }
        if header.contains("Date"), header.contains("Completed") { return .dailySummary }
        return nil
    }

    /// The header columns a servings export needs.
    public static let servingsColumns = ["Day", "Group", "Food Name", "Amount"]

    /// Reads a servings export.
    /// - Throws: ``MineralIntakeError/invalidData(file:line:reason:)`` for a file that cannot be read at all (no
    ///   header, a column missing, a unit that cannot be converted), or ``MineralIntakeError/invalidRows(_:)``
    ///   listing every row's problem.
    public static func servings(csv text: String, file: String) throws(MineralIntakeError) -> Servings {
        let rows = try CSV.parse(text, file: file)
        guard let header = rows.first?.fields.map({ $0.trimmingWhitespace() }) else {
            throw .invalidData(file: file, line: 1, reason: "empty: a Cronometer servings export starts with a header")
        }
        var columns: [String: Int] = [:]
        for name in servingsColumns {
            guard let index = header.firstIndex(of: name) else {
                throw .invalidData(
                    file: file, line: 1,
                    reason:
                        "no \"\(name)\" column: a Cronometer servings export has "
                        + "\(servingsColumns.joined(separator: ", ")) and a column per nutrient"
                )
            }
            columns[name] = index
        }
        let nutrientColumns = try Self.nutrientColumns(header, file: file)
        let categoryColumn = header.firstIndex(of: "Category")
        var entries: [JournalEntry] = []
        var otherGroups: [String: Int] = [:]
        var problems: [String] = []
        for row in rows.dropFirst() {
            func field(_ name: String) -> String {
                columns[name].flatMap { $0 < row.fields.count ? row.fields[$0] : nil }?.trimmingWhitespace() ?? ""
            }
            do {
                guard row.fields.count == header.count else {
                    throw MineralIntakeError.invalidEntry(
                        .importedRow, "\(row.fields.count) fields, expected \(header.count)")
                }
                let date = try CalendarDate(parsing: field("Day"))
                let group = field("Group")
                let meal = Self.meal(group)
                if meal == nil { otherGroups[group.isEmpty ? "(none)" : group, default: 0] += 1 }
                let name = field("Food Name")
                guard !name.isEmpty else { throw MineralIntakeError.invalidEntry(.importedRow, "Food Name is empty") }
                let (amount, unit, grams) = try Self.amount(field("Amount"))
                var amounts = NutrientValues()
                for column in nutrientColumns {
                    let cell = row.fields[column.index].trimmingWhitespace()
                    guard !cell.isEmpty else { continue }  // unknown stays unknown
                    guard let value = NumberText.plainDecimal(cell), value >= 0 else {
                        throw MineralIntakeError.invalidEntry(
                            .importedRow,
                            "\(header[column.index]) \"\(cell)\" is not a number (an empty cell means unknown)")
                    }
                    amounts[column.nutrient] = value / column.divisor
                }
                // A supplement (Cronometer's category, or a group named so) counts as a supplement, not as food.
                let isSupplement =
                    Self.isSupplement(group) || categoryColumn.map { Self.isSupplement(row.fields[$0]) } == true
                let food = try RecordedFood(
                    source: "cronometer", name: name, amounts: amounts, isSupplement: isSupplement)
                let amountText = field("Amount")
                let entry = JournalEntry(
                    id: 0, date: date, meal: meal ?? .snack, amount: amount, unit: unit, grams: grams,
                    food: .recorded(food),
                    text: JournalFormat.field(amountText.isEmpty ? food.name : amountText + " " + food.name))
                try JournalFormat.check(entry)
                entries.append(entry)
            } catch {
                problems.append("\(file):\(row.line): \(error)")
            }
        }
        guard problems.isEmpty else { throw .invalidRows(problems) }
        let covered = Set(nutrientColumns.map(\.nutrient))
        return Servings(
            entries: entries, otherGroups: otherGroups,
            missingNutrients: Nutrient.allCases.filter { !covered.contains($0) })
    }

    /// Reads a daily summary export: each day and whether it was marked completed.
    /// - Throws: ``MineralIntakeError/invalidData(file:line:reason:)`` or ``MineralIntakeError/invalidRows(_:)``.
    public static func dailySummary(csv text: String, file: String) throws(MineralIntakeError) -> [CalendarDate: Bool] {
        let rows = try CSV.parse(text, file: file)
        guard let header = rows.first?.fields.map({ $0.trimmingWhitespace() }),
            let dateColumn = header.firstIndex(of: "Date"), let completedColumn = header.firstIndex(of: "Completed")
        else {
            throw .invalidData(
                file: file, line: 1,
                reason: "no \"Date\" and \"Completed\" columns: not a Cronometer daily summary export")
        }
        var days: [CalendarDate: Bool] = [:]
        var problems: [String] = []
        for row in rows.dropFirst() {
            do {
                guard row.fields.count == header.count else {
                    throw MineralIntakeError.invalidEntry(
                        .importedRow, "\(row.fields.count) fields, expected \(header.count)")
                }
                let date = try CalendarDate(parsing: row.fields[dateColumn].trimmingWhitespace())
                let completed = row.fields[completedColumn].trimmingWhitespace().lowercased()
                switch completed {
                case "true", "yes", "1": days[date] = true
                case "false", "no", "0", "": days[date] = days[date] ?? false
                default:
                    throw MineralIntakeError.invalidEntry(
                        .importedRow, "Completed \"\(completed)\" is not true or false")
                }
            } catch {
                problems.append("\(file):\(row.line): \(error)")
            }
        }
        guard problems.isEmpty else { throw .invalidRows(problems) }
        return days
    }

    /// The meal a Cronometer group is: `Breakfast`, `Lunch`, `Dinner`, `Snacks` (any case); `nil` for other groups.
    static func meal(_ group: String) -> Meal? {
        switch group.lowercased() {
        case "breakfast": .breakfast
        case "lunch": .lunch
        case "dinner": .dinner
        case "snack", "snacks": .snack
        default: nil
        }
    }

    /// Whether `number` marks thousands with commas the usual way (`1,250.5`): every group after the first is three
    /// digits, so `1,5` (a decimal comma) is not taken for one.
    static func groupsOfThousands(_ number: String) -> Bool {
        let whole = number.prefix { $0 != "." }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        return groups.count > 1 && !groups[0].isEmpty && groups[0].count <= 3
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Whether a Cronometer group or category names supplements.
    static func isSupplement(_ text: String) -> Bool {
        text.trimmingWhitespace().lowercased().hasPrefix("supplement")
    }

    /// Grams in one of a weight unit Cronometer may give an amount in (`g`, `kg`, `oz`, `lb` …): the item reader's
    /// table of mass units.
    static func gramsPer(_ unit: String) -> Double? {
        MetricUnit.mass.first { $0.names.contains(unit) }?.grams
    }

    /// `1.00 cup` → (1, `cup`, no grams); `100.00 g` → (100, `g`, 100 g); an empty amount is one serving.
    static func amount(_ text: String) throws(MineralIntakeError) -> (amount: Double, unit: String, grams: Double?) {
        guard !text.isEmpty else { return (1, "serving", nil) }
        // The number: `1.00`, `1,250.00` (thousands marked), or a fraction `1/2`; then the unit after a space.
        let number = String(text.prefix { !$0.isWhitespace })
        let unit = String(text.dropFirst(number.count)).trimmingWhitespace()
        let fraction = number.split(separator: "/", omittingEmptySubsequences: false)
        let amount: Double?
        if fraction.count == 2, let top = NumberText.plainDecimal(String(fraction[0])),
            let bottom = NumberText.plainDecimal(String(fraction[1])), bottom > 0
        {
            amount = top / bottom
        } else if number.contains(","), Self.groupsOfThousands(number) {
            amount = NumberText.plainDecimal(number.replacing(",", with: ""))
        } else {
            amount = NumberText.plainDecimal(number)
        }
        guard let amount, amount > 0, amount.isFinite else {
            throw .invalidEntry(
                .importedRow, "Amount \"\(text)\" does not start with a positive number and a unit (1.00 cup, 100.00 g)"
            )
        }
        let grams = gramsPer(unit.lowercased()).map { amount * $0 }
        return (amount, unit.isEmpty ? "serving" : unit, grams)
    }

    /// The nutrient columns of a header with the divisor that brings each to the nutrient's unit.
    static func nutrientColumns(_ header: [String], file: String) throws(MineralIntakeError) -> [(
        index: Int, nutrient: Nutrient, divisor: Double
    )] {
        let names: [(String, Nutrient)] = [
            ("energy", .energy), ("potassium", .potassium), ("magnesium", .magnesium), ("calcium", .calcium),
            ("sodium", .sodium), ("vitamin d", .vitaminD),
        ]
        var result: [(index: Int, nutrient: Nutrient, divisor: Double)] = []
        for (index, column) in header.enumerated() {
            // `Potassium (mg)`: a name, then the unit in brackets.
            guard let open = column.lastIndex(of: "("), column.hasSuffix(")") else { continue }
            let name = String(column[..<open]).trimmingWhitespace().lowercased()
            let unit = String(column[column.index(after: open)..<column.index(before: column.endIndex)])
                .trimmingWhitespace().lowercased()
            guard let nutrient = names.first(where: { $0.0 == name })?.1 else { continue }
            let divisor: Double?
            switch (nutrient, unit) {
            case (.energy, "kcal"): divisor = 1
            case (.energy, "kj"): divisor = 4.184
            case (.vitaminD, "iu"): divisor = 40
            case (.vitaminD, "µg"), (.vitaminD, "μg"), (.vitaminD, "ug"), (.vitaminD, "mcg"): divisor = 1
            case (.vitaminD, "mg"): divisor = 0.001
            case (_, "mg"): divisor = nutrient == .vitaminD || nutrient == .energy ? nil : 1
            case (_, "g"): divisor = nutrient == .vitaminD || nutrient == .energy ? nil : 0.001
            case (_, "µg"), (_, "μg"), (_, "ug"), (_, "mcg"): divisor = nutrient == .energy ? nil : 1000
            default: divisor = nil
            }
            guard let divisor else {
                throw .invalidData(
                    file: file, line: 1,
                    reason: "column \"\(column)\": the unit \(unit) cannot be read as \(nutrient.unit.rawValue)")
            }
            guard !result.contains(where: { $0.nutrient == nutrient }) else {
                throw .invalidData(file: file, line: 1, reason: "two columns for \(nutrient.displayName)")
            }
            result.append((index, nutrient, divisor))
        }
        return result
    }

    private static func firstLine(of text: String) -> String {
        var line = ""
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            if !inQuotes, scalar == "\n" || scalar == "\r" { break }
            line.unicodeScalars.append(scalar)
        }
        return line
    }
}

import FoundationEssentials
import MineralIntake

/// One entry as `mineral export` writes it and `mineral import` reads it back.
public struct ExportedEntry: Codable, Equatable, Sendable {
    public var id: Int?
    public var date: CalendarDate
    public var meal: Meal
    public var food: FoodReference
    public var foodName: String?
    public var amount: Double?
    public var unit: String?
    public var grams: Double?
    public var text: String?
    /// Nutrients of the entry; `null` where unknown.
    public var nutrients: NutrientValues?

    enum CodingKeys: String, CodingKey {
        case id, date, meal, food, amount, unit, grams, text, nutrients
        case foodName = "food_name"
    }
}

/// `mineral export` and `mineral import`.
struct ExchangeCommands {
    let context: MineralCommandLine

    static let specs: [CommandSpec] = [
        CommandSpec(["export"], summary: "Write every entry with its nutrients as CSV or JSON", options: [
            OptionSpec(.format, value: "FORMAT", allowed: ["csv", "json"], help: "csv (default) or json"),
            OptionSpec(.output, value: "FILE", help: "write to FILE instead of stdout"),
            DataDirectory.option,
        ]),
        CommandSpec(["import"], summary: "Add entries from a CSV or JSON file, or from Cronometer; every row is checked before any is written",
                    arguments: "FILE [FILE]", minimumArguments: 1, maximumArguments: 2, options: [
                        OptionSpec(.format, value: "FORMAT", allowed: ["csv", "json"], help: "csv or json (default: by the file's ending)"),
                        OptionSpec(.from, value: "TRACKER", allowed: ["cronometer"],
                                   help: "FILEs are another tracker's exports: cronometer (servings and/or daily summary CSV)"),
                        OptionSpec(.allowDuplicates, help: "add rows even when the journal already holds the same entry (same day, meal, food, amount and text)"),
                        DataDirectory.option,
                    ],
                    discussion: """

                        Rows need date, meal, food (NDB number, custom:NAME, supplement:NUTRIENT or recorded:…) and grams (for
                        supplements: amount, in mg or µg); amount, unit and text are kept when given. The CSV header is
                        the one `mineral export` writes. Imported entries get new ids after the journal's last.

                        From Cronometer (--from cronometer): give its servings export, its daily summary export, or
                        both (told apart by their headers). Each serving becomes an entry that carries Cronometer's own
                        amounts (food recorded:cronometer|…), its weight when the amount is in g, kg, oz or lb; an
                        empty cell stays unknown, never 0; vitamin D in IU is divided by 40. Groups Breakfast, Lunch,
                        Dinner and Snacks become meals; other groups are logged as snack (and said). Days the daily
                        summary marks Completed are marked complete (as `mineral day --complete`).
                          mineral import --from cronometer servings.csv dailysummary.csv
                        """),
    ]

    static let csvHeader = ["id", "date", "meal", "food", "food_name", "amount", "unit", "grams", "text"]
        + Nutrient.allCases.map { "\($0.rawValue)_\($0 == .vitaminD ? "ug" : $0 == .energy ? "kcal" : "mg")" }

    func run(_ parsed: ParsedArguments) throws -> CommandResult {
        let files = try DataFiles(context, parsed)
        return parsed.command[0] == "export" ? try export(parsed, files) : try importFile(parsed, files)
    }

    private func export(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        let (journal, warnings) = try files.journal()
        let catalog = try files.catalog()
        // One look-up per food, not per entry: a ten-year journal logs the same few hundred foods again and again.
        var names: [FoodReference: String] = [:]
        let sorted = journal.entries.sorted { ($0.date, $0.meal, $0.id) < ($1.date, $1.meal, $1.id) }
        let allTotals = catalog.nutrients(of: sorted)
        let rows: [ExportedEntry] = zip(sorted, allTotals).map { entry, totals in
            let name = names[entry.food] ?? {
                let name = catalog.name(of: entry.food)
                names[entry.food] = name
                return name
            }()
            var values = NutrientValues()
            for nutrient in Nutrient.allCases {
                guard totals.has(nutrient), !totals[nutrient].isUnknown else { continue }
                let total = totals[nutrient]
                values[nutrient] = total.amount
            }
            return ExportedEntry(id: entry.id, date: entry.date, meal: entry.meal, food: entry.food, foodName: name,
                                 amount: entry.amount, unit: entry.unit, grams: entry.grams, text: entry.text, nutrients: values)
        }
        let text: String
        if parsed[.format] == "json" {
            text = try JSONOutput.encode("export", rows)
        } else {
            var out = Self.csvHeader.joined(separator: ",") + "\n"
            out.reserveCapacity(rows.count * 160)
            var escapedNames: [String: String] = [:]  // the same food's name, escaped once
            for row in rows {
                let name = row.foodName ?? ""
                let escapedName = escapedNames[name] ?? {
                    let escaped = CSVText.escape(name)
                    escapedNames[name] = escaped
                    return escaped
                }()
                out += row.id.map(String.init) ?? ""
                for field in [row.date.description, row.meal.rawValue, CSVText.escape(row.food.description)] { out += ","; out += field }
                out += ","; out += escapedName
                out += ","; out += row.amount.map(JournalFormatText.exact) ?? ""
                out += ","; out += CSVText.escape(row.unit ?? "")
                out += ","; out += row.grams.map(JournalFormatText.exact) ?? ""
                out += ","; out += CSVText.escape(row.text ?? "")
                for nutrient in Nutrient.allCases {
                    out += ","
                    if let value = row.nutrients?[nutrient] { out += JournalFormatText.exact(value) }
                }
                out += "\n"
            }
            text = out
        }
        if let output = parsed[.output] {
            return CommandResult(standardOutput: try files.writeOutput(output, text, what: "\(rows.count) entries"), standardError: warnings)
        }
        return CommandResult(standardOutput: text, standardError: warnings)
    }

    private func importFile(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        if parsed[.from] == "cronometer" { return try importCronometer(parsed, files) }
        guard parsed.arguments.count == 1 else {
            throw CLIError.usage("`mineral import` takes one FILE (two only with --from cronometer: servings and daily summary)")
        }
        let path = parsed.arguments[0]
        guard let data = try context.files.read(path) else { throw CLIError.noInput("\(path) does not exist") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError.data("\(path) is not UTF-8 text") }
        let format = parsed[.format] ?? (path.lowercased().hasSuffix(".json") ? "json" : "csv")
        var rows: [(line: Int, entry: ExportedEntry)] = []
        var problems: [String] = []
        if format == "json" {
            do {
                let decoder = JSONDecoder()
                let entries: [ExportedEntry]
                if let wrapped = try? decoder.decode(VersionedOutput<[ExportedEntry]>.self, from: data) {
                    entries = wrapped.data
                } else {
                    entries = try decoder.decode([ExportedEntry].self, from: data)
                }
                rows = entries.enumerated().map { ($0.offset + 1, $0.element) }
            } catch {
                throw CLIError.data("\(path) is not a JSON list of entries (\(ProfileCommands.describe(error))); nothing was imported")
            }
        } else {
            let table: [CSVText.Row]
            do { table = try CSVText.parse(text, file: path) } catch { throw CLIError.data(error.description + "; nothing was imported") }
            guard let header = table.first?.fields else { throw CLIError.data("\(path) is empty; nothing was imported") }
            func column(_ name: String) -> Int? { header.firstIndex(of: name) }
            guard let date = column("date"), let meal = column("meal"), let food = column("food") else {
                throw CLIError.data("\(path):1: the header needs date, meal and food columns (and grams, or amount for supplements); nothing was imported")
            }
            for row in table.dropFirst() {
                func field(_ name: String) -> String? {
                    column(name).flatMap { $0 < row.fields.count ? row.fields[$0] : nil }.flatMap { $0.isEmpty ? nil : CSVText.unguarded($0) }
                }
                do {
                    guard row.fields.count == header.count else { throw MineralIntakeError.invalidEntry("\(row.fields.count) fields, expected \(header.count)") }
                    guard let reference = FoodReference(journalText: NDBNumber(parsing: row.fields[food])?.rawValue ?? row.fields[food]) else {
                        throw MineralIntakeError.invalidEntry("food \"\(row.fields[food])\" is not an NDB number, custom:NAME or supplement:NUTRIENT")
                    }
                    func number(_ name: String) throws(MineralIntakeError) -> Double? {
                        guard let text = field(name) else { return nil }
                        guard let value = Double(text), value.isFinite else { throw .invalidEntry("\(name) \"\(text)\" is not a number") }
                        return value
                    }
                    rows.append((row.line, ExportedEntry(
                        id: nil, date: try CalendarDate(parsing: row.fields[date]), meal: try Meal(parsing: row.fields[meal]),
                        food: reference, foodName: nil, amount: try number("amount"), unit: field("unit"), grams: try number("grams"),
                        text: field("text"), nutrients: nil)))
                } catch {
                    problems.append("\(path):\(row.line): \(error)")
                }
            }
        }
        let catalog = try files.catalog()
        var entries: [JournalEntry] = []
        for (line, row) in rows {
            do {
                entries.append(try Self.entry(from: row, catalog: catalog))
            } catch {
                problems.append("\(path):\(line): \(error)")
            }
        }
        guard problems.isEmpty else {
            throw CLIError.data(problems.prefix(20).joined(separator: "\nmineral: ")
                + (problems.count > 20 ? "\nmineral: … and \(problems.count - 20) more" : "")
                + "\nmineral: nothing was imported (\(problems.count) rows have problems)")
        }
        guard !entries.isEmpty else { throw CLIError.data("\(path) holds no entries; nothing was imported") }
        try refuseDuplicates(entries, of: path, parsed, files)
        entries = try files.store.add(entries)
        return CommandResult(standardOutput: "Imported \(entries.count) entries (ids \(entries[0].id)–\(entries[entries.count - 1].id)) from \(path)\n")
    }

    /// The same file imported twice would double every entry: refuse unless asked (`--allow-duplicates`).
    private func refuseDuplicates(_ entries: [JournalEntry], of path: String, _ parsed: ParsedArguments, _ files: DataFiles) throws {
        guard !parsed.has(.allowDuplicates), let first = entries.map(\.date).min(), let last = entries.map(\.date).max() else { return }
        func key(_ entry: JournalEntry) -> String {
            [entry.date.description, entry.meal.rawValue, entry.food.description, JournalFormatText.exact(entry.amount), JournalFormat.field(entry.unit),
             entry.grams.map(JournalFormatText.exact) ?? "", JournalFormat.field(entry.text)].joined(separator: "\t")
        }
        let existing = Set(try files.store.read(dates: first...last).entries.map(key))
        let repeated = entries.filter { existing.contains(key($0)) }.count
        if repeated > 0 {
            throw CLIError.data("\(repeated) of \(entries.count) rows of \(path) are already in the journal (same day, meal, food, amount and text): was it imported before? nothing was imported; give --allow-duplicates to add them anyway")
        }
    }

    /// `mineral import --from cronometer FILE [FILE]`: servings as entries with Cronometer's amounts, and days the
    /// daily summary marks completed as complete. Both files are read and checked before anything is written.
    private func importCronometer(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        guard parsed[.format] == nil else { throw CLIError.usage("--format is for mineral's own files; --from cronometer reads Cronometer's CSV") }
        var servings: (path: String, read: CronometerImport.Servings)?
        var summary: (path: String, days: [CalendarDate: Bool])?
        for path in parsed.arguments {
            guard let data = try context.files.read(path) else { throw CLIError.noInput("\(path) does not exist") }
            guard let text = String(data: data, encoding: .utf8) else { throw CLIError.data("\(path) is not UTF-8 text; nothing was imported") }
            switch CronometerImport.kind(of: text) {
            case .servings:
                if let earlier = servings { throw CLIError.usage("two servings exports given (\(earlier.path), \(path)); import them one at a time") }
                do { servings = (path, try CronometerImport.servings(csv: text, file: path)) } catch {
                    throw CLIError.data(error.description.replacing("\n", with: "\nmineral: ") + "\nmineral: nothing was imported")
                }
            case .dailySummary:
                if let earlier = summary { throw CLIError.usage("two daily summary exports given (\(earlier.path), \(path)); give one") }
                do { summary = (path, try CronometerImport.dailySummary(csv: text, file: path)) } catch {
                    throw CLIError.data(error.description.replacing("\n", with: "\nmineral: ") + "\nmineral: nothing was imported")
                }
            case nil:
                throw CLIError.data("\(path) is not a Cronometer export: a servings export has Day, Group, Food Name and Amount columns, a daily summary Date and Completed; nothing was imported")
            }
        }
        var out = ""
        if let servings {
            guard !servings.read.entries.isEmpty else { throw CLIError.data("\(servings.path) holds no servings; nothing was imported") }
            try refuseDuplicates(servings.read.entries, of: servings.path, parsed, files)
            let written = try files.store.add(servings.read.entries)
            out += "Imported \(written.count) servings from Cronometer (ids \(written[0].id)–\(written[written.count - 1].id)) from \(servings.path), with Cronometer's amounts\n"
            if !servings.read.otherGroups.isEmpty {
                let groups = servings.read.otherGroups.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
                out += "  logged as snack: servings in groups that are no meal: \(groups)\n"
            }
            if !servings.read.missingNutrients.isEmpty {
                out += "  no column for \(servings.read.missingNutrients.map(\.displayName).joined(separator: ", ")): unknown in these entries, not 0\n"
            }
            let unknownCells = servings.read.entries.reduce(0) { count, entry in
                guard case .recorded(let food) = entry.food else { return count }
                return count + Nutrient.tracked.filter { food.amounts[$0] == nil }.count
            }
            if unknownCells > 0 { out += "  \(unknownCells) empty nutrient cells kept as unknown (reports count them as foods without a value)\n" }
        }
        if let summary {
            let completed = summary.days.filter(\.value).map(\.key)
            try files.setComplete(completed, true)
            out += "Marked \(completed.count) of \(summary.days.count) days complete from \(summary.path) (the days Cronometer marks Completed)\n"
        }
        return CommandResult(standardOutput: out)
    }

    /// A journal entry from an imported row, checked as `mineral log` would check it.
    static func entry(from row: ExportedEntry, catalog: FoodCatalog) throws(MineralIntakeError) -> JournalEntry {
        let text = row.text ?? ""
        switch row.food {
        case .supplement(let nutrient):
            guard let amount = row.amount, amount.isFinite, amount > 0 else {
                throw .invalidEntry("a \(nutrient.displayName) supplement needs a positive amount in \(nutrient.unit.rawValue)")
            }
            let entry = JournalEntry(id: 0, date: row.date, meal: row.meal, amount: amount, unit: nutrient.unit.rawValue, grams: nil,
                                     food: row.food, text: text.isEmpty ? "\(nutrient.displayName) \(JournalFormatText.exact(amount)) \(nutrient.unit.rawValue)" : text)
            try JournalFormat.check(entry)
            return entry
        case .recorded(let food):
            // A serving recorded elsewhere: its amounts are its own; its weight, when known, is checked like any.
            let amount = row.amount ?? 1
            let entry = JournalEntry(id: 0, date: row.date, meal: row.meal, amount: amount, unit: row.unit ?? (row.grams == nil ? "serving" : "g"),
                                     grams: row.grams, food: row.food, text: text.isEmpty ? "\(food.name) (\(food.sourceName))" : text)
            try JournalFormat.check(entry)
            return entry
        case .usda(let ndb):
            guard catalog.database.food(ndb) != nil else { throw .unknownNDBNumber(ndb.rawValue) }
        case .custom(let name):
            guard catalog.customFood(named: name) != nil else { throw .invalidEntry("no custom food \"\(name)\"; define it first (mineral custom add)") }
        }
        guard let grams = row.grams, grams.isFinite, grams > 0 else { throw .invalidEntry("grams must be a positive number") }
        let amount = row.amount ?? grams
        let entry = JournalEntry(id: 0, date: row.date, meal: row.meal, amount: amount, unit: row.unit ?? "g", grams: grams, food: row.food,
                                 text: text.isEmpty ? "\(JournalFormatText.exact(grams)) g \(catalog.name(of: row.food))" : text)
        // The same limits as `mineral log` and the journal reader.
        try JournalFormat.check(entry)
        return entry
    }
}

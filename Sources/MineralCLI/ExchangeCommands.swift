import FoundationEssentials
import MineralIntake

/// `mineral export` and `mineral import`.
struct ExchangeCommands {
    let context: MineralCommandLine

    /// `mineral export`: every entry in date, meal and id order, with its nutrients, as CSV or JSON, written in
    /// pieces as the entries are read (a journal of years is never held whole as rows or as text).
    func export(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        let catalog = try files.catalog()
        let json = parsed[.format] == "json"
        var count = 0
        var problems: [JournalProblem] = []
        /// Writes the export of the journal that `read` reads piece by piece (an export of years holds a piece of
        /// it, not all of it), and returns what the command prints.
        func export(size: Int, read: (Int, Int) throws -> [UInt8]) throws -> String {
            /// Writes the whole export through `write`, in pieces of about 16 KB (each piece is copied twice on its
            /// way out, and the freed copies stay in the process: small pieces keep an export of years as small as a
            /// week's).
            func produce(_ write: (Data) throws -> Void) throws {
                try withoutActuallyEscaping(write) { write in
                    var writer = ExportWriter(json: json, catalog: catalog, write: write)
                    problems = try JournalFormat.forEachEntryInOrder(size: size, read: read) { entry in
                        count += 1
                        try writer.add(entry)
                    }
                    try writer.finish()
                }
            }
            if let path = parsed[.output] {
                return try files.writeOutput(path, what: { "\(count) entries" }, writing: produce)
            } else if let stream = context.writeStandardOutput {
                try produce { piece in
                    if let failure = stream(String(decoding: piece, as: UTF8.self)) {
                        throw CLIError.io("cannot write to standard output: \(failure)")
                    }
                }
                return ""
            }
            var whole = Data()
            try produce { whole.append($0) }
            return String(decoding: whole, as: UTF8.self)
        }
        // The journal is opened first: one that cannot be read is said so before any output is begun.
        let output =
            try context.files.withPieces(of: files.journalPath) { size, read in try export(size: size, read: read) }
            ?? export(size: 0, read: { _, _ in [] })
        return CommandResult(
            standardOutput: output,
            standardError: DataFiles.warnings(problems, entryCount: count, path: files.journalPath))
    }

    /// The rows of an export, written as they come: CSV, or the JSON ``JSONOutput`` writes for the whole list
    /// (the envelope around rows encoded one by one).
    struct ExportWriter {
        let json: Bool
        let catalog: FoodCatalog
        let write: (Data) throws -> Void
        /// The bytes not yet written (appending bytes costs far less than growing a string), room made once.
        private var buffer: [UInt8] = []
        /// About how many bytes go out at once.
        static let pieceSize = 1 << 14
        private var rows = 0
        /// Each food's name, worked out once, and its name and journal text escaped for CSV once.
        private var names: [FoodReference: (name: String, escaped: String, escapedFood: String)] = [:]
        private var cache: [FoodReference: FoodCatalog.Composition] = [:]
        /// Numbers already written, by their bits: a journal repeats its amounts and values again and again, and
        /// writing a number exactly (shortest round trip) costs more than looking it up.
        private var numbers: [UInt64: String] = [:]
        private let encoder: JSONEncoder = {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return encoder
        }()

        init(json: Bool, catalog: FoodCatalog, write: @escaping (Data) throws -> Void) {
            self.json = json
            self.catalog = catalog
            self.write = write
            buffer.reserveCapacity(Self.pieceSize + 4096)
        }

        mutating func add(_ entry: JournalEntry) throws {
            let name =
                names[entry.food]
                ?? {
                    let name = catalog.name(of: entry.food)
                    let known = (name, CSVText.escape(name), CSVText.escape(entry.food.description))
                    names[entry.food] = known
                    return known
                }()
            let totals = catalog.nutrients(of: entry, cache: &cache)
            var values = NutrientValues()
            for nutrient in Nutrient.allCases where totals.has(nutrient) && !totals[nutrient].isUnknown {
                values[nutrient] = totals[nutrient].amount
            }
            if json {
                let row = ExportedEntry(
                    id: entry.id, date: entry.date, meal: entry.meal, food: entry.food, foodName: name.name,
                    amount: entry.amount, unit: entry.unit, grams: entry.grams, text: entry.text, nutrients: values)
                let encoded = try encoder.encode(row)
                put(rows == 0 ? "{\n  \"data\" : [\n" : ",\n")
                // The row as the whole list's encoding has it: every line indented by four more spaces.
                buffer.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
                for byte in encoded {
                    buffer.append(byte)
                    if byte == 0x0A { buffer.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
                }
            } else {
                if rows == 0 { put(JournalExchange.csvHeader.joined(separator: ",") + "\n") }
                put(String(entry.id))
                buffer.append(0x2C)
                put(entry.date.description)
                buffer.append(0x2C)
                put(entry.meal.rawValue)
                buffer.append(0x2C)
                put(name.escapedFood)
                buffer.append(0x2C)
                put(name.escaped)
                buffer.append(0x2C)
                put(number(entry.amount))
                buffer.append(0x2C)
                put(CSVText.escape(entry.unit))
                buffer.append(0x2C)
                if let grams = entry.grams { put(number(grams)) }
                buffer.append(0x2C)
                put(CSVText.escape(entry.text))
                for nutrient in Nutrient.allCases {
                    buffer.append(0x2C)
                    if let value = values[nutrient] { put(number(value)) }
                }
                buffer.append(0x0A)
            }
            rows += 1
            if buffer.count >= Self.pieceSize { try flush() }
        }

        private mutating func put(_ text: String) {
            buffer.append(contentsOf: text.utf8)
        }

        /// `value` written exactly, once per distinct value.
        private mutating func number(_ value: Double) -> String {
            if let known = numbers[value.bitPattern] { return known }
            let text = JournalFormatText.exact(value)
            if numbers.count < 100_000 { numbers[value.bitPattern] = text }
            return text
        }

        mutating func finish() throws {
            if rows == 0 {
                buffer = []
                put(
                    json
                        ? try JSONOutput.encode("export", [ExportedEntry]())
                        : JournalExchange.csvHeader.joined(separator: ",") + "\n")
            } else if json {
                put(
                    "\n  ],\n  \"kind\" : \"export\",\n  \"schema_version\" : "
                        + "\(VersionedOutput<[ExportedEntry]>.currentSchemaVersion)\n}\n"
                )
            }
            try flush()
        }

        private mutating func flush() throws {
            guard !buffer.isEmpty else { return }
            try write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }

    func importFile(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        if parsed[.from] == "cronometer" { return try importCronometer(parsed, files) }
        guard parsed.arguments.count == 1 else {
            throw CLIError.usage(
                "`mineral import` takes one FILE (two only with --from cronometer: servings and daily summary)")
        }
        let path = parsed.arguments[0]
        guard let data = try context.files.read(path) else { throw CLIError.noInput("\(path) does not exist") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError.data("\(path) is not UTF-8 text") }
        let format = parsed[.format] ?? (path.lowercased().hasSuffix(".json") ? "json" : "csv")
        let catalog = try files.catalog()
        var entries: [JournalEntry]
        do {
            if format == "json" {
                let decoder = JSONDecoder()
                let rows: [ExportedEntry]
                do {
                    if let wrapped = try? decoder.decode(VersionedOutput<[ExportedEntry]>.self, from: data) {
                        rows = wrapped.data
                    } else {
                        rows = try decoder.decode([ExportedEntry].self, from: data)
                    }
                } catch {
                    throw CLIError.data(
                        "\(path) is not a JSON list of entries (\(ProfileCommands.describe(error))); nothing was "
                            + "imported")
                }
                entries = try JournalExchange.entries(rows: rows, file: path, catalog: catalog)
            } else {
                entries = try JournalExchange.entries(csv: text, file: path, catalog: catalog)
            }
        } catch MineralIntakeError.invalidRows(let rows) {
            // The library names no command: the way to define a custom food is added here.
            let problems = rows.map { $0.hasSuffix("; define it first") ? $0 + " (mineral custom add)" : $0 }
            throw CLIError.data(
                problems.prefix(20).joined(separator: "\nmineral: ")
                    + (problems.count > 20 ? "\nmineral: … and \(problems.count - 20) more" : "")
                    + "\nmineral: nothing was imported (\(problems.count) rows have problems)")
        } catch let error as MineralIntakeError {
            throw CLIError.data(error.description + "; nothing was imported")
        }
        guard !entries.isEmpty else { throw CLIError.data("\(path) holds no entries; nothing was imported") }
        try refuseDuplicates(entries, of: path, parsed, files)
        entries = try files.store.add(entries)
        return CommandResult(
            standardOutput:
                "Imported \(entries.count) entries (ids \(entries[0].id)–\(entries[entries.count - 1].id)) from "
                + "\(path)\n"
        )
    }

    /// The same file imported twice would double every entry: refuse unless asked (`--allow-duplicates`).
    private func refuseDuplicates(
        _ entries: [JournalEntry], of path: String, _ parsed: ParsedArguments, _ files: DataFiles
    ) throws {
        guard !parsed.has(.allowDuplicates), let first = entries.map(\.date).min(), let last = entries.map(\.date).max()
        else { return }
        func key(_ entry: JournalEntry) -> String {
            [
                entry.date.description, entry.meal.rawValue, entry.food.description,
                JournalFormatText.exact(entry.amount), JournalFormat.field(entry.unit),
                entry.grams.map(JournalFormatText.exact) ?? "", JournalFormat.field(entry.text),
            ].joined(separator: "\t")
        }
        let existing = Set(try files.store.read(dates: first...last).entries.map(key))
        let repeated = entries.filter { existing.contains(key($0)) }.count
        if repeated > 0 {
            throw CLIError.data(
                "\(repeated) of \(entries.count) rows of \(path) are already in the journal (same day, meal, food, "
                    + "amount and text): was it imported before? nothing was imported; give --allow-duplicates to add "
                    + "them anyway"
            )
        }
    }

    /// `mineral import --from cronometer FILE [FILE]`: servings as entries with Cronometer's amounts, and days the
    /// daily summary marks completed as complete. Both files are read and checked before anything is written.
    private func importCronometer(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        guard parsed[.format] == nil else {
            throw CLIError.usage("--format is for mineral's own files; --from cronometer reads Cronometer's CSV")
        }
        var servings: (path: String, read: CronometerImport.Servings)?
        var summary: (path: String, days: [CalendarDate: Bool])?
        for path in parsed.arguments {
            guard let data = try context.files.read(path) else { throw CLIError.noInput("\(path) does not exist") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CLIError.data("\(path) is not UTF-8 text; nothing was imported")
            }
            switch CronometerImport.kind(of: text) {
            case .servings:
                if let earlier = servings {
                    throw CLIError.usage(
                        "two servings exports given (\(earlier.path), \(path)); import them one at a time")
                }
                do { servings = (path, try CronometerImport.servings(csv: text, file: path)) } catch {
                    throw CLIError.data(
                        error.description.replacing("\n", with: "\nmineral: ") + "\nmineral: nothing was imported")
                }
            case .dailySummary:
                if let earlier = summary {
                    throw CLIError.usage("two daily summary exports given (\(earlier.path), \(path)); give one")
                }
                do { summary = (path, try CronometerImport.dailySummary(csv: text, file: path)) } catch {
                    throw CLIError.data(
                        error.description.replacing("\n", with: "\nmineral: ") + "\nmineral: nothing was imported")
                }
            case nil:
                throw CLIError.data(
                    "\(path) is not a Cronometer export: a servings export has Day, Group, Food Name and Amount "
                        + "columns, a daily summary Date and Completed; nothing was imported"
                )
            }
        }
        var out = ""
        if let servings {
            guard !servings.read.entries.isEmpty else {
                throw CLIError.data("\(servings.path) holds no servings; nothing was imported")
            }
            try refuseDuplicates(servings.read.entries, of: servings.path, parsed, files)
            let written = try files.store.add(servings.read.entries)
            out +=
                "Imported \(written.count) servings from Cronometer (ids "
                + "\(written[0].id)–\(written[written.count - 1].id)) from \(servings.path), with Cronometer's "
                + "amounts\n"
            if !servings.read.otherGroups.isEmpty {
                let groups = servings.read.otherGroups.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
                    .joined(separator: ", ")
                out += "  logged as snack: servings in groups that are no meal: \(groups)\n"
            }
            if !servings.read.missingNutrients.isEmpty {
                out +=
                    "  no column for \(servings.read.missingNutrients.map(\.displayName).joined(separator: ", ")): "
                    + "unknown in these entries, not 0\n"
            }
            let unknownCells = servings.read.entries.reduce(0) { count, entry in
                guard case .recorded(let food) = entry.food else { return count }
                return count + Nutrient.tracked.filter { food.amounts[$0] == nil }.count
            }
            if unknownCells > 0 {
                out +=
                    "  \(unknownCells) empty nutrient cells kept as unknown (reports count them as foods without a "
                    + "value)\n"
            }
        }
        if let summary {
            let completed = summary.days.filter(\.value).map(\.key)
            do {
                try files.setComplete(completed, true)
            } catch let error as CLIError where !out.isEmpty {
                // The servings are in already: say so, and how to mark the days alone.
                throw CLIError.io(
                    "\(error.description); the servings were imported (\(out.split(separator: "\n").first ?? "")), but "
                        + "no day was marked complete: run `mineral import --from cronometer \(summary.path)` to mark "
                        + "them"
                )
            }
            out +=
                "Marked \(completed.count) of \(summary.days.count) days complete from \(summary.path) (the days "
                + "Cronometer marks Completed)\n"
        }
        return CommandResult(standardOutput: out)
    }
}

/// `mineral export`: declared once, for the parser, help, completions and the manual.
enum ExportCommand: MineralCommand {
    static let spec = CommandSpec(
        .export, summary: "Write every entry with its nutrients as CSV or JSON",
        options: [
            OptionSpec(.format, value: "FORMAT", allowed: ["csv", "json"], help: "csv (default) or json"),
            OptionSpec(.output, value: "FILE", help: "write to FILE instead of stdout"),
            DataDirectory.option,
        ])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try ExchangeCommands(context: context).export(parsed, DataFiles(context, parsed))
    }
}

/// `mineral import`: declared once, for the parser, help, completions and the manual.
enum ImportCommand: MineralCommand {
    static let spec = CommandSpec(
        .import,
        summary:
            "Add entries from a CSV or JSON file, or from Cronometer; every row is checked before any is written",
        arguments: "FILE [FILE]", minimumArguments: 1, maximumArguments: 2,
        options: [
            OptionSpec(
                .format, value: "FORMAT", allowed: ["csv", "json"],
                help: "csv or json (default: by the file's ending)"),
            OptionSpec(
                .from, value: "TRACKER", allowed: ["cronometer"],
                help: "FILEs are another tracker's exports: cronometer (servings and/or daily summary CSV)"),
            OptionSpec(
                .allowDuplicates,
                help:
                    "add rows even when the journal already holds the same entry (same day, meal, food, amount "
                    + "and text)"
            ),
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
            Dinner and Snacks become meals; other groups are logged as snack (and said); servings in the
            Supplements category (or group) count as supplements. Days the daily summary marks Completed
            are marked complete (as `mineral day --complete`).
              mineral import --from cronometer servings.csv dailysummary.csv
            """)

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try ExchangeCommands(context: context).importFile(parsed, DataFiles(context, parsed))
    }
}

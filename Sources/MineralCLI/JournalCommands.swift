import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif
import MineralIntake

/// `mineral log | day | entries | undo | remove | edit | check`.
struct JournalCommands {
    let context: MineralCommandLine

    static let dateOption = OptionSpec(.date, value: "DATE", help: "YYYY-MM-DD, today (default) or yesterday")
    static let mealOption = OptionSpec(
        .meal, value: "MEAL", allowed: Meal.allCases.map(\.rawValue),
        help: "breakfast, lunch, dinner or snack (default: by the time of day)")

    /// The items of a `log` call: each argument is an item if any has a space; else all arguments are one item.
    static func items(_ arguments: [String]) -> [String] {
        if arguments.contains(where: { $0.contains(" ") }) { return arguments }
        return arguments.isEmpty ? [] : [arguments.joined(separator: " ")]
    }

    func log(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        let date = try DataFiles.date(parsed[.date], today: context.today)
        let meal =
            try parsed[.meal].map { (text) throws(MineralIntakeError) in try Meal(parsing: text) }
            ?? context.defaultMeal
        var catalog = try files.catalog()
        var parsedItems: [ParsedItem] = []
        var errors: [String] = []
        var names = try files.personalNames()
        var chosen = false
        if let source = parsed[.copy] {
            return try copy(from: source, to: date, meal: parsed[.meal], parsed, files)
        }
        if let supplement = parsed[.supplement] {
            guard parsed.arguments.isEmpty, parsed[.food] == nil else {
                throw CLIError.usage("--supplement takes its own text; log foods in a separate call")
            }
            parsedItems.append(try catalog.parseSupplement(supplement))
        } else {
            var texts = Self.items(parsed.arguments)
            var lineNumbers: [Int?] = texts.map { _ in nil }
            if texts.isEmpty, parsed[.food] == nil, let ask = context.ask {
                // On a terminal: one item a line, each read back at once; an empty line ends.
                var number = 0
                while let line = ask(number == 0 ? "Items, one a line (an empty line ends):\n> " : "> ")?
                    .trimmedWhitespace(), !line.isEmpty
                {
                    number += 1
                    do {
                        let items = try readItems(line, catalog: &catalog, names: &names, chosen: &chosen, files)
                        parsedItems += items
                        context.say?(items.map { "  → \($0.foodName): \($0.explanation)\n" }.joined())
                    } catch {
                        context.say?("  mineral: \(error)\n  (not added; type it again)\n")
                    }
                }
                guard !parsedItems.isEmpty else { throw CLIError.usage("no items given; nothing was logged") }
            } else if texts.isEmpty {
                guard let input = try context.readStandardInput() else {
                    throw CLIError.usage(
                        "`mineral log` needs items: mineral log \"50 g dried apricots\", or one item a line on stdin")
                }
                texts = []
                lineNumbers = []
                for (index, line) in TextLines.lines(input).enumerated() {
                    let item = line.trimmedWhitespace()
                    if item.isEmpty || item.hasPrefix("#") { continue }
                    texts.append(item)
                    lineNumbers.append(index + 1)
                }
                guard !texts.isEmpty else {
                    throw CLIError.usage("no items on stdin; give one item a line, e.g. 50 g dried apricots")
                }
            }
            let fixed = try parsed[.food].map { (text) throws -> FoodReference in try Self.food(text, in: catalog) }
            if fixed != nil, texts.count > 1 {
                throw CLIError.usage(
                    "--food names the food of one item, and \(texts.count) items were given; log the others in a "
                        + "separate call"
                )
            }
            for (text, line) in zip(texts, lineNumbers) {
                do {
                    parsedItems +=
                        fixed == nil
                        ? try readItems(text, catalog: &catalog, names: &names, chosen: &chosen, files)
                        : try catalog.parseItems(text, food: fixed)
                } catch {
                    errors.append((line.map { "stdin line \($0): " } ?? "") + "\(error)")
                }
            }
        }
        if !errors.isEmpty {
            let count = parsedItems.count + errors.count
            throw CLIError.data(
                errors.joined(separator: "\nmineral: ")
                    + (count > 1
                        ? "\nmineral: nothing was logged (\(errors.count) of \(count) items could not be read)" : ""))
        }
        if parsed.has(.dryRun) {
            return CommandResult(
                standardOutput: parsedItems.map {
                    "\($0.text) → \($0.foodName): \($0.explanation)\n" + Self.howRead($0)
                }.joined()
                    + "(dry run: nothing written)\n")
        }
        let written = try files.store.add(
            parsedItems.map {
                JournalEntry(
                    id: 0, date: date, meal: meal, amount: $0.amount, unit: $0.unit, grams: $0.grams, food: $0.food,
                    text: $0.text)
            })
        if chosen {
            // Merged with the file as it is now (another `mineral` may have added names meanwhile); the entries are
            // already written, so a failure here is a warning, not a failed log.
            do {
                try context.files.withLock(files.lockPath) {
                    var current = try files.personalNames()
                    for (name, food) in names.names
                    where !current.names.contains(where: { $0.name == name && $0.food == food }) {
                        current = current.setting(name, to: food)
                    }
                    try context.files.replace(files.personalNamesPath, with: Data(current.text.utf8))
                }
            } catch {
                context.notes.add(
                    "mineral: the entries were logged, but your food choices could not be kept: \(error)\n")
            }
        }
        var out = ""
        for (entry, item) in zip(written, parsedItems) {
            let nutrients = catalog.nutrients(of: entry)
            out +=
                "Logged #\(entry.id) \(entry.date) \(entry.meal.rawValue): \(TerminalText.visible(item.text)) → "
                + "\(TerminalText.visible(item.foodName))"
            if case .usda(let ndb) = entry.food { out += " (\(ndb))" }
            out +=
                "\n  \(item.explanation)\n" + Self.howRead(item) + "  "
                + Self.nutrientLine(nutrients, supplement: entry.grams == nil) + "\n"
        }
        return CommandResult(standardOutput: out)
    }

    /// The items of one line; on a terminal, a food that cannot be told from its words is picked from a numbered
    /// list (the foods this person logs most first), and the choice is kept as a personal name.
    private func readItems(
        _ text: String, catalog: inout FoodCatalog, names: inout PersonalNames, chosen: inout Bool, _ files: DataFiles
    ) throws -> [ParsedItem] {
        for _ in 0..<4 {
            let failure: MineralIntakeError
            do { return try catalog.parseItems(text) } catch { failure = error }
            guard case .ambiguousFood(let words, let candidates) = failure, let ask = context.ask, !candidates.isEmpty
            else { throw failure }
            do {
                let counts = try logCounts(files)
                let ordered = candidates.enumerated().sorted {
                    (counts[$0.element.ndb] ?? 0, -$0.offset) > (counts[$1.element.ndb] ?? 0, -$1.offset)
                }.map(\.element)
                var prompt = "\"\(words)\" may be several foods:\n"
                for (index, candidate) in ordered.enumerated() {
                    let logged = counts[candidate.ndb].map { " (logged \($0)×)" } ?? ""
                    prompt += "  \(index + 1)  \(candidate.ndb)  \(candidate.name)\(logged)\n"
                }
                prompt += "Which one? Number (remembered as your name \"\(words)\"), or Enter to skip: "
                guard let answer = ask(prompt)?.trimmedWhitespace(), let number = Int(answer),
                    ordered.indices.contains(number - 1)
                else {
                    throw failure
                }
                names = names.setting(words, to: .usda(ordered[number - 1].ndb))
                chosen = true
                catalog = FoodCatalog(
                    database: catalog.database, customFoods: catalog.customFoods, personalNames: names)
            }
        }
        return try catalog.parseItems(text)
    }

    /// How often each USDA food was logged, for ordering pick lists.
    private func logCounts(_ files: DataFiles) throws -> [NDBNumber: Int] {
        var counts: [NDBNumber: Int] = [:]
        for entry in try files.journal().journal.entries {
            if case .usda(let ndb) = entry.food { counts[ndb, default: 0] += 1 }
        }
        return counts
    }

    /// `log --copy yesterday [--meal M]`: the entries of that day (or that meal) logged again on `date`.
    private func copy(
        from source: String, to date: CalendarDate, meal: String?, _ parsed: ParsedArguments, _ files: DataFiles
    ) throws -> CommandResult {
        guard parsed.arguments.isEmpty, parsed[.food] == nil, parsed[.supplement] == nil else {
            throw CLIError.usage("--copy takes no items; it copies a day's entries (optionally one --meal)")
        }
        let from = try DataFiles.date(source, today: context.today)
        let onlyMeal = try meal.map { (text) throws(MineralIntakeError) in try Meal(parsing: text) }
        guard from != date else {
            throw CLIError.usage("--copy \(from) copies onto the same day; give --date for another day")
        }
        let source = try files.store.read(dates: from...from).entries
            .filter { onlyMeal == nil || $0.meal == onlyMeal }.sorted { $0.id < $1.id }
        guard !source.isEmpty else {
            throw CLIError.data(
                "no entries on \(from)" + (onlyMeal.map { " at \($0.rawValue)" } ?? "")
                    + " to copy; see `mineral entries`")
        }
        let copies = source.map { entry in
            var copy = entry
            copy.date = date
            return copy
        }
        let catalog = try files.catalog()
        if parsed.has(.dryRun) {
            return CommandResult(
                standardOutput:
                    "Would copy \(copies.count) entr\(copies.count == 1 ? "y" : "ies") from \(from) to \(date):\n"
                    + copies.map {
                        "  \($0.meal.rawValue): \(TerminalText.visible($0.text)) → "
                            + "\(TerminalText.visible(catalog.name(of: $0.food)))\n"
                    }.joined()
                    + "(dry run: nothing written)\n")
        }
        let written = try files.store.add(copies)
        return CommandResult(
            standardOutput: "Copied \(written.count) entr\(written.count == 1 ? "y" : "ies") from \(from) to \(date):\n"
                + written.map {
                    "  #\($0.id) \($0.meal.rawValue): \(TerminalText.visible($0.text)) → "
                        + "\(TerminalText.visible(catalog.name(of: $0.food)))\n"
                }.joined())
    }

    /// The food `--food` names: an NDB number of the database or a custom food that exists, never a supplement.
    static func food(_ text: String, in catalog: FoodCatalog) throws -> FoodReference {
        guard let reference = FoodReference(journalText: NDBNumber(parsing: text)?.rawValue ?? text), reference.isFood
        else {
            throw CLIError.usage("--food \"\(text)\" is not an NDB number (09032) or custom:NAME")
        }
        if case .usda(let ndb) = reference, !catalog.database.contains(ndb) {
            throw MineralIntakeError.unknownNDBNumber(ndb.rawValue)
        }
        if case .custom(let name) = reference, catalog.customFood(named: name) == nil {
            throw CLIError.data("no custom food \"\(name)\"; see `mineral custom list`")
        }
        return reference
    }

    /// A line saying how the food was found when it was not by a name the person or the data gave it.
    static func howRead(_ item: ParsedItem) -> String {
        guard item.match == .onlyMatch else { return "" }
        return "  the one food whose USDA name has every word; choose another with --food NDB\n"
    }

    static func nutrientLine(_ totals: NutrientTotals, supplement: Bool) -> String {
        let nutrients = supplement ? Nutrient.tracked.filter { totals.values[$0] != nil } : Nutrient.allCases
        return nutrients.map { nutrient in
            let total = totals[nutrient]
            let value = total.isUnknown ? "unknown" : DisplayNumber.amount(total.amount) + " " + nutrient.unit.rawValue
            return "\(FoodsCommands.shortName(nutrient)) \(value)"
        }.joined(separator: " · ")
    }

    func day(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        let date = try DataFiles.date(parsed.arguments.first, today: context.today)
        var marked = ""
        if parsed.has(.complete) || parsed.has(.notComplete) {
            guard !(parsed.has(.complete) && parsed.has(.notComplete)) else {
                throw CLIError.usage("give --complete or --not-complete, not both")
            }
            let complete = parsed.has(.complete)
            try files.setComplete(date, complete)
            marked =
                complete
                ? "Marked \(date) complete: reports average the days marked complete.\n\n"
                : "\(date) is no longer marked complete.\n\n"
        }
        // Only the day's lines are read; others are skipped after a look at their date.
        let (journal, warnings) = try files.journal(dates: date...date)
        let catalog = try files.catalog()
        let summary = catalog.summary(of: date, entries: journal.entries)
        let targets = try files.targets(on: date)
        if OutputFormat(parsed) == .json {
            return CommandResult(
                standardOutput: try JSONOutput.encode("day", DayReport(summary: summary, targets: targets)),
                standardError: warnings)
        }
        let state =
            try files.completeDays().contains(date)
            ? "marked complete" : date == context.today ? "today, not over" : "not marked complete"
        return CommandResult(
            standardOutput: marked + DayRenderer.text(summary, targets: targets, width: context.terminalWidth)
                + (summary.isLogged ? "(\(state))\n" : ""), standardError: warnings)
    }

    func entries(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        let to = try DataFiles.date(parsed[.to], today: context.today)
        let from =
            try parsed[.from].map { (text) throws(MineralIntakeError) in try DataFiles.date(text, today: context.today)
            }
            ?? to.adding(days: -6) ?? CalendarDate.first
        guard from <= to else { throw CLIError.usage("--from \(from) is after --to \(to)") }
        let (journal, warnings) = try files.journal()
        let selected = journal.entries.filter { $0.date >= from && $0.date <= to }
            .sorted { ($0.date, $0.meal, $0.id) < ($1.date, $1.meal, $1.id) }
        if OutputFormat(parsed) == .json {
            return CommandResult(standardOutput: try JSONOutput.encode("entries", selected), standardError: warnings)
        }
        let catalog = try files.catalog()
        var table = TextTable(columns: [
            .init("id", .right), .init("date"), .init("meal"), .init("grams", .right), .init("item"), .init("food"),
        ])
        for entry in selected {
            table.rows.append([
                String(entry.id), entry.date.description, entry.meal.rawValue,
                entry.grams.map(DisplayNumber.amount) ?? "–", entry.text, catalog.name(of: entry.food),
            ])
        }
        let out = selected.isEmpty ? "No entries from \(from) to \(to).\n" : context.fit(table)
        return CommandResult(standardOutput: out, standardError: warnings)
    }

    /// Removes the entries `ids` (or the last one logged) by rewriting the journal without their lines; every
    /// other line, comments and unreadable ones included, stays exactly as it was.
    func remove(ids: [Int]?, _ files: DataFiles) throws -> CommandResult {
        let removed = try ids.map { try files.store.remove(ids: Set($0)) } ?? [try files.store.removeLast()]
        return CommandResult(
            standardOutput: removed.map { "Removed: " + TerminalText.visible(JournalFormat.line($0)) }.joined())
    }

    func edit(_ parsed: ParsedArguments, _ files: DataFiles) throws -> CommandResult {
        guard let id = Int(parsed.arguments[0]), id > 0 else {
            throw CLIError.usage(
                "\"\(parsed.arguments[0])\" is not an entry id; ids are the numbers `mineral day` shows")
        }
        let catalog = try files.catalog()
        guard parsed.arguments.count == 2 || !parsed.values.keys.filter({ $0 != OptionName.dataDir.rawValue }).isEmpty
        else {
            throw CLIError.usage("`mineral edit \(id)` needs a new ITEM, --date, --meal or --food")
        }
        let fixed = try parsed[.food].map { (text) throws -> FoodReference in try Self.food(text, in: catalog) }
        let changed = try files.store.update(id: id) { old in
            var entry = old
            if let date = parsed[.date] { entry.date = try DataFiles.date(date, today: context.today) }
            if let meal = parsed[.meal] { entry.meal = try Meal(parsing: meal) }
            if parsed.arguments.count == 2 || parsed[.food] != nil {
                let itemText = parsed.arguments.count == 2 ? parsed.arguments[1] : entry.text
                let item =
                    !entry.food.isFood && fixed == nil
                    ? try catalog.parseSupplement(itemText) : try catalog.parseItem(itemText, food: fixed)
                (entry.amount, entry.unit, entry.grams, entry.food, entry.text) = (
                    item.amount, item.unit, item.grams, item.food, item.text
                )
            }
            return entry
        }.new
        return CommandResult(
            standardOutput: "Changed: " + TerminalText.visible(JournalFormat.line(changed).replacing("\t", with: "  ")))
    }

    func check(_ files: DataFiles) throws -> CommandResult {
        let (journal, _) = try files.journal()
        var problems = journal.problems.map { "\(files.journalPath):\($0.line): \($0.reason)\n    \($0.content)" }
        let catalog = try files.catalog()
        for entry in journal.entries {
            switch entry.food {
            case .usda(let ndb) where !catalog.database.contains(ndb):
                problems.append(
                    "\(files.journalPath): entry \(entry.id): no USDA food \(ndb); its grams count as unknown")
            case .custom(let name) where catalog.customFood(named: name) == nil:
                problems.append(
                    "\(files.journalPath): entry \(entry.id): no custom food \"\(name)\"; its grams count as unknown")
            default: break
            }
        }
        guard !problems.isEmpty else {
            return CommandResult(
                standardOutput: "\(files.journalPath): \(journal.entries.count) entries, no problems\n")
        }
        return CommandResult(
            standardOutput: problems.joined(separator: "\n") + "\n",
            standardError: "mineral: \(problems.count) problem(s); the other \(journal.entries.count) entries count\n",
            exitCode: .dataError)
    }
}

/// `mineral day --format json`: the day and the targets it was compared with.
struct DayReport: Codable, Equatable, Sendable {
    var summary: DaySummary
    var targets: Targets?
}

/// A day as text.
enum DayRenderer {
    static func text(_ summary: DaySummary, targets: Targets?, width: Int? = nil) -> String {
        func fit(_ table: TextTable) -> String { table.rendered(width: width.map { max(80, $0) }) }
        var out = "\(summary.date)"
        if let targets {
            out +=
                " · targets: \(targets.ageYears)-year-old "
                + "\(targets.profile.state == .none ? "" : targets.profile.state.rawValue + " ")\(targets.profile.sex.rawValue), \(targets.standard.rawValue)"
        }
        out += "\n\n"
        guard summary.isLogged else { return out + "Nothing logged on \(summary.date).\n" }
        var table = TextTable(
            columns: [.init("id", .right), .init("meal"), .init("item"), .init("grams", .right)]
                + Nutrient.allCases.map {
                    .init(
                        FoodsCommands.shortName($0) == "kcal"
                            ? "kcal" : "\(FoodsCommands.shortName($0)) \($0.unit.rawValue)", .right)
                }
                + [.init("food")])
        for item in summary.entries {
            let supplement = !item.entry.food.isFood
            let cells = Nutrient.allCases.map { nutrient -> String in
                guard let total = item.nutrients.values[nutrient] else { return supplement ? "" : "–" }
                return total.isUnknown ? "missing" : DisplayNumber.amount(total.amount)
            }
            table.rows.append(
                [
                    String(item.entry.id), item.entry.meal.rawValue, item.entry.text,
                    item.entry.grams.map(DisplayNumber.amount) ?? "–",
                ] + cells + [item.foodName])
        }
        let grams = summary.food[.energy].grams
        table.rows.append(
            ["", "total", "", DisplayNumber.amount(grams)]
                + Nutrient.allCases.map { DisplayNumber.amount(summary.total[$0].amount) } + [""])
        // A narrow terminal: the meal column gives way (meals are in `mineral entries`), so numbers and names fit.
        if let width, width < 100,
            table.rendered().split(separator: "\n").contains(where: { $0.count > max(80, width) })
        {
            table.columns.remove(at: 1)
            table.rows = table.rows.map { row in
                var row = row; row.remove(at: 1); return row
            }
            table.rows[table.rows.count - 1][1] = "total"
        }
        out += fit(table)

        var against = TextTable(columns: [
            .init("nutrient"), .init("eaten", .right), .init("goal", .right), .init("% of goal", .right),
            .init("no value for", .right), .init("note"),
        ])
        for nutrient in Nutrient.tracked {
            let total = summary.total[nutrient]
            let food = summary.food[nutrient]
            let unit = nutrient.unit.rawValue
            var goalText = "–"
            var percent = "–"
            var note = ""
            if let nutrientTargets = targets?[nutrient], let goal = nutrientTargets.goal {
                let goalAmount = nutrientTargets.goalWithSweatLoss ?? goal.amount
                goalText = "\(DisplayNumber.plain(goalAmount)) \(unit)"
                percent = DisplayNumber.plain((total.amount / goalAmount * 100).rounded()) + " %"
                if let reduce = nutrientTargets.reduceAbove, total.amount > reduce.amount {
                    note = "above the CDRR \(DisplayNumber.plain(reduce.amount)) \(unit): reduce"
                }
                if let limit = nutrientTargets.upperLimit {
                    let counted = limit.supplementsOnly ? summary.supplements[nutrient].amount : total.amount
                    if counted > limit.amount {
                        note =
                            "over the UL \(DisplayNumber.plain(limit.amount)) \(unit)"
                            + (limit.supplementsOnly ? " from supplements" : "")
                    }
                }
            }
            var share = food.grams > 0 ? DisplayNumber.plain((food.unknownShare * 100).rounded()) + " % of grams" : "–"
            // Servings of unknown weight have no share of grams: they are counted (short, so the table fits).
            if food.entriesWithoutValue > 0 {
                let servings = "\(food.entriesWithoutValue) serving\(food.entriesWithoutValue == 1 ? "" : "s")"
                share = food.grams > 0 && food.unknownShare > 0 ? share + " + " + servings : servings
            }
            if food.hasUnknown { note += (note.isEmpty ? "" : "; ") + "a lower bound: some food had no value" }
            against.rows.append([
                nutrient.displayName, "\(DisplayNumber.amount(total.amount)) \(unit)", goalText, percent, share, note,
            ])
        }
        out += "\n" + fit(against)
        if targets == nil {
            // Two lines, so it fits an 80-column terminal.
            out += "\nNo profile: set one to compare with targets:\n  mineral profile set --sex female --age 31\n"
        }
        return out
    }
}

/// `mineral log`: declared once, for the parser, help, completions and the manual.
enum LogCommand: MineralCommand {
    static let spec = CommandSpec(
        .log, summary: "Add what you ate (or read one item a line from stdin)", arguments: "[ITEM…]",
        maximumArguments: .max,
        options: [
            JournalCommands.dateOption, JournalCommands.mealOption,
            OptionSpec(
                .food, value: "NDB", help: "the food, by NDB number or custom:NAME, when its name is ambiguous"),
            OptionSpec(
                .supplement, value: "TEXT",
                help: "a supplement, elemental: \"magnesium 200 mg\", \"vitamin D 25 µg\""),
            OptionSpec(.dryRun, help: "show how the items are read; write nothing"),
            OptionSpec(
                .copy, value: "DATE",
                help: "copy the entries of DATE (yesterday, YYYY-MM-DD; with --meal, of one meal) to --date"),
            DataDirectory.option,
        ],
        discussion: """

            An ITEM is an amount and a food: "50 g dried apricots", "1/2 cup raisins", "1.5 cups cooked buckwheat",
            "2 oz almonds", "1 banana", "3 tbsp wheat bran", "200ml soy milk". Units: g, kg, mg, oz, lb; ml, l and
            fl oz through the food's own cup weight; and the food's USDA measures (cup, tbsp, slice, large, …).
            Quote each item, or give one item unquoted. With no ITEM, items are read one a line from stdin.
            Every item is checked before any is written: one bad item logs nothing.

            Examples:
              mineral log "50 g dried apricots" "1/2 cup raisins" --meal breakfast
              mineral log 1 banana --date yesterday
              mineral log --supplement "magnesium 200 mg"
              printf '50 g almonds\\n1 cup soy milk\\n' | mineral log --meal snack
            """)

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try JournalCommands(context: context).log(parsed, DataFiles(context, parsed))
    }
}

/// `mineral day`: declared once, for the parser, help, completions and the manual.
enum DayCommand: MineralCommand {
    static let spec = CommandSpec(
        .day, summary: "A day's entries and totals against your targets; mark a day complete",
        arguments: "[DATE]",
        maximumArguments: 1,
        options: [
            OptionSpec(
                .complete,
                help: "mark the day complete (everything eaten is logged): reports then average complete days"),
            OptionSpec(.notComplete, help: "take the mark back"),
            OutputFormat.option, DataDirectory.option,
        ])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try JournalCommands(context: context).day(parsed, DataFiles(context, parsed))
    }
}

/// `mineral entries`: declared once, for the parser, help, completions and the manual.
enum EntriesCommand: MineralCommand {
    static let spec = CommandSpec(
        .entries, summary: "List entries, with their ids",
        options: [
            OptionSpec(.from, value: "DATE", help: "first day (default: 7 days ago)"),
            OptionSpec(.to, value: "DATE", help: "last day (default: today)"),
            OutputFormat.option, DataDirectory.option,
        ])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try JournalCommands(context: context).entries(parsed, DataFiles(context, parsed))
    }
}

/// `mineral undo`: declared once, for the parser, help, completions and the manual.
enum UndoCommand: MineralCommand {
    static let spec = CommandSpec(.undo, summary: "Remove the last entry logged", options: [DataDirectory.option])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try JournalCommands(context: context).remove(ids: nil, DataFiles(context, parsed))
    }
}

/// `mineral remove`: declared once, for the parser, help, completions and the manual.
enum RemoveCommand: MineralCommand {
    static let spec = CommandSpec(
        .remove, summary: "Remove entries by id", arguments: "ID…", minimumArguments: 1,
        maximumArguments: .max, options: [DataDirectory.option])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        let files = try DataFiles(context, parsed)
        let ids = try parsed.arguments.map { text in
            guard let id = Int(text), id > 0 else {
                throw CLIError.usage("\"\(text)\" is not an entry id; ids are the numbers `mineral day` shows")
            }
            return id
        }
        return try JournalCommands(context: context).remove(ids: ids, files)
    }
}

/// `mineral edit`: declared once, for the parser, help, completions and the manual.
enum EditCommand: MineralCommand {
    static let spec = CommandSpec(
        .edit, summary: "Correct an entry: a new item, date or meal", arguments: "ID [ITEM]",
        minimumArguments: 1, maximumArguments: 2,
        options: [
            JournalCommands.dateOption, JournalCommands.mealOption,
            OptionSpec(.food, value: "NDB", help: "the food, by NDB number or custom:NAME"),
            DataDirectory.option,
        ])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try JournalCommands(context: context).edit(parsed, DataFiles(context, parsed))
    }
}

/// `mineral check`: declared once, for the parser, help, completions and the manual.
enum CheckCommand: MineralCommand {
    static let spec = CommandSpec(
        .check, summary: "List every line of the journal that cannot be read, and other problems",
        options: [DataDirectory.option])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try JournalCommands(context: context).check(DataFiles(context, parsed))
    }
}

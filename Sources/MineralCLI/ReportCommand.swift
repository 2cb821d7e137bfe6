import FoundationEssentials
import MineralIntake

/// What `mineral report` does: reads the period, the profile and the journal (or its day sums), renders the report.
struct Reporting {
    let context: MineralCommandLine

    static let formats = ["text", "markdown", "csv", "json", "html"]
    /// The counts `--weeks` and `--last` accept.
    static let weeksRange = 1...520
    static let lastRange = 1...3650

    func run(_ parsed: ParsedArguments) throws -> CommandResult {
        let format = parsed[.format] ?? "text"
        let report: WeeklyReport
        var warnings = ""
        if parsed.has(.sample) {
            guard Self.periodOptions.allSatisfy({ parsed[$0] == nil }) else {
                throw CLIError.usage(
                    "--sample is the fixed week \(SampleWeek.period.label); give no other period with it")
            }
            let catalog = FoodCatalog(database: try context.loadFoods())
            let targets = try context.loadTables().targets(for: SampleWeek.profile, on: SampleWeek.period.to)
            report = catalog.weeklyReport(
                period: SampleWeek.period, entries: try SampleWeek.entries(catalog: catalog), targets: targets)
        } else {
            let files = try DataFiles(context, parsed)
            let period = try Self.period(parsed, today: context.today) {
                // The days that count: complete ones if any is marked, else days with food logged (not today).
                let complete = try files.completeDays()
                let logged = Set(try files.journal().journal.entries.filter(\.food.isFood).map(\.date))
                return complete.isEmpty
                    ? logged.filter { $0 != context.today }.sorted() : complete.intersection(logged).sorted()
            }
            guard let targets = try files.targets(on: period.to) else {
                throw CLIError.noInput(
                    "no profile yet (\(files.profilePath)); set one (mineral profile set --sex female --age 31), or "
                        + "see a sample: mineral report --sample"
                )
            }
            // Read as it is added up; a long period reads the day sums saved beside the journal, when they were
            // made from this very journal (else they are made again, and saved for the next report).
            let data = try context.files.read(files.journalPath) ?? Data()
            let long = period.dayCount >= FoodCatalog.sumsIndexMinimumDays
            let made = try files.catalog().weeklyReport(
                period: period, journal: data, sumsIndex: long ? try? context.files.read(files.sumsIndexPath) : nil,
                targets: targets, today: context.today, completeDays: try files.completeDays())
            // Only a shortcut: a report whose index cannot be saved (a read-only directory, a full disk) is whole.
            if let index = made.indexToSave { try? context.files.replaceRebuildable(files.sumsIndexPath, with: index) }
            report = made.report
            warnings = DataFiles.warnings(made.problems, entryCount: made.report.entryCount, path: files.journalPath)
        }
        let color =
            format == "text" && parsed[.output] == nil && context.standardOutputIsTerminal
            && (context.environment["NO_COLOR"] ?? "").isEmpty
        let text: String
        switch format {
        case "markdown": text = ReportRenderer.markdown(report, markCompleteHint: Self.markCompleteHint)
        case "csv":
            // The trend asked for: a column per week; other periods a row per day and nutrient.
            text = parsed[.weeks].flatMap { _ in ReportRenderer.trendCSV(report) } ?? ReportRenderer.csv(report)
        case "json": text = try ReportRenderer.json(report)
        case "html": text = ReportRenderer.html(report, markCompleteHint: Self.markCompleteHint)
        default:
            // On a terminal, prose is wrapped to its width (never under 80); a file or a pipe gets whole lines.
            text = ReportRenderer.text(
                report, color: color, sourcesHint: "`mineral targets` lists each source",
                markCompleteHint: Self.markCompleteHint,
                width: parsed[.output] == nil ? context.terminalWidth.map { max(80, $0) } : nil)
        }
        if let output = parsed[.output] {
            let files = try DataFiles(context, parsed)
            return CommandResult(
                standardOutput: try files.writeOutput(
                    output, text, what: "the \(format) report for \(report.period.label)"),
                standardError: warnings)
        }
        return CommandResult(standardOutput: text, standardError: warnings)
    }

    /// How a day is marked complete here, for the report's note.
    static let markCompleteHint = "mineral day --complete DATE"

    static let periodOptions: [OptionName] = [.week, .month, .last, .weeks, .from, .to]

    /// The period the options name: `--week 2026-W48|last|this`, `--month 2026-11`, `--last N` (the last N days
    /// that count: complete, or logged when none is marked), `--weeks N`, `--from … --to …`; this week by default.
    static func period(
        _ parsed: ParsedArguments, today: CalendarDate, countedDays: () throws -> [CalendarDate] = { [] }
    ) throws -> ReportPeriod {
        let given = periodOptions.filter { parsed[$0] != nil }
        guard given.count <= 1 || Set(given) == [.from, .to] else {
            throw CLIError.usage(
                "give one period: " + given.map(\.rawValue).joined(separator: ", ") + " were given together")
        }
        /// A count the declaration accepted (the parser checked its range); a caller that built `parsed` by hand
        /// gets the same refusal.
        func count(_ option: OptionName, _ range: ClosedRange<Int>) throws -> Int {
            guard let value = parsed.number(option), range.contains(value) else {
                throw CLIError.usage(
                    "\(option.rawValue) \"\(parsed[option] ?? "")\" is not accepted; give a whole number from "
                        + "\(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        if let week = parsed[.week] {
            switch week.lowercased() {
            case "this": return ReportPeriod(weekOf: today)
            case "last": return ReportPeriod(weekOf: today.adding(days: -7) ?? today)
            default: return try ReportPeriod(isoWeek: week)
            }
        }
        if let month = parsed[.month] { return try ReportPeriod(month: month) }
        if parsed[.weeks] != nil {
            let weeks = try count(.weeks, Reporting.weeksRange)
            let this = ReportPeriod(weekOf: today)
            let first = this.from.adding(days: -7 * (weeks - 1)) ?? CalendarDate.first
            return try ReportPeriod(
                from: first, to: this.to,
                label: "the last \(weeks) weeks, \(ReportPeriod(weekOf: first).label) – \(this.label)")
        }
        if parsed[.last] != nil {
            let n = try count(.last, Reporting.lastRange)
            let days = try countedDays().filter { $0 <= today }.suffix(n)
            guard let first = days.first, let last = days.last else {
                throw CLIError.data("no days to report: log meals (and mark complete days with mineral day --complete)")
            }
            return try ReportPeriod(
                from: first, to: last,
                label: "the last \(days.count) day\(days.count == 1 ? "" : "s") (\(first) – \(last))")
        }
        switch (parsed[.from], parsed[.to]) {
        case (nil, nil): return ReportPeriod(weekOf: today)
        case (let from?, let to?):
            return try ReportPeriod(from: DataFiles.date(from, today: today), to: DataFiles.date(to, today: today))
        default: throw CLIError.usage("give both --from and --to, e.g. --from 2026-11-20 --to 2026-11-26")
        }
    }
}

/// `mineral report`: declared once, for the parser, help, completions and the manual.
enum ReportCommand: MineralCommand {
    static let spec = CommandSpec(
        .report, summary: "The weekly deficiency report: shortfalls, confidence, limits, what to eat",
        options: [
            OptionSpec(
                .week, value: "WEEK", help: "ISO week, e.g. 2026-W48, or last, or this (default: this week)"),
            OptionSpec(.month, value: "MONTH", help: "a calendar month, e.g. 2026-11"),
            OptionSpec(
                .last, value: "N", wholeNumbers: Reporting.lastRange,
                help: "the last N complete days (or, with none marked, logged days)"),
            OptionSpec(
                .weeks, value: "N", wholeNumbers: Reporting.weeksRange,
                help: "the last N weeks, with a trend line per nutrient, by month over 26 weeks (CSV: a column per "
                    + "week)"),
            OptionSpec(.from, value: "DATE", help: "first day of any period (with --to), of any length"),
            OptionSpec(.to, value: "DATE", help: "last day of the period"),
            OptionSpec(
                .format, value: "FORMAT", allowed: Reporting.formats,
                help: "text (default), markdown, csv, json or html"),
            OptionSpec(.output, value: "FILE", help: "write the report to FILE"),
            OptionSpec(.sample, help: "the built-in sample week, to see a report before logging anything"),
            DataDirectory.option,
        ],
        discussion: """

            For each of potassium, magnesium, calcium, sodium and vitamin D: each day's intake and the daily average
            over logged days against your targets, a verdict (below the average requirement: a deficiency is likely;
            between it and the goal: a shortfall is possible), how much of the food logged had no value, days over an
            upper limit, the foods that gave most, and additions that close the gap. Days with no entries are shown
            as not logged and left out of the average. Colour only on a terminal, never with NO_COLOR.

            Each verdict says how sure it is (a few days are a sample of usual intake). Mark fully logged days with
            `mineral day --complete DATE`: averages then use those days. Longer periods add a week-by-week trend.

            Examples:
              mineral report --sample
              mineral report --week 2026-W48 --format html --output week48.html
              mineral report --weeks 8
              mineral report --last 7
            """)

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try Reporting(context: context).run(parsed)
    }
}

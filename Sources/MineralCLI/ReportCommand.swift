import FoundationEssentials
import MineralIntake

/// `mineral report`: the week's deficiency report.
struct ReportCommand {
    let context: MineralCommandLine

    static let formats = ["text", "markdown", "csv", "json", "html"]
    static let specs: [CommandSpec] = [
        CommandSpec(["report"], summary: "The weekly deficiency report: shortfalls, confidence, limits, what to eat", options: [
            OptionSpec("--week", value: "WEEK", help: "ISO week, e.g. 2026-W48 (default: this week)"),
            OptionSpec("--from", value: "DATE", help: "first day of another period (with --to)"),
            OptionSpec("--to", value: "DATE", help: "last day of the period"),
            OptionSpec("--format", value: "FORMAT", allowed: formats, help: "text (default), markdown, csv, json or html"),
            OptionSpec("--output", value: "FILE", help: "write the report to FILE"),
            OptionSpec("--sample", help: "the built-in sample week, to see a report before logging anything"),
            DataDirectory.option,
        ], discussion: """

            For each of potassium, magnesium, calcium, sodium and vitamin D: each day's intake and the daily average
            over logged days against your targets, a verdict (below the average requirement: a deficiency is likely;
            between it and the goal: a shortfall is possible), how much of the food logged had no value, days over an
            upper limit, the foods that gave most, and additions that close the gap. Days with no entries are shown
            as not logged and left out of the average. Colour only on a terminal, never with NO_COLOR.

            Examples:
              mineral report --sample
              mineral report --week 2026-W48 --format html --output week48.html
            """),
    ]

    func run(_ parsed: ParsedArguments) throws -> CommandResult {
        let format = parsed.values["--format"] ?? "text"
        let report: WeeklyReport
        var warnings = ""
        if parsed.flags.contains("--sample") {
            guard parsed.values["--week"] == nil, parsed.values["--from"] == nil, parsed.values["--to"] == nil else {
                throw CLIError.usage("--sample is the fixed week \(SampleWeek.period.label); give no --week, --from or --to with it")
            }
            let catalog = FoodCatalog(database: try context.loadFoods())
            let targets = try context.loadTables().targets(for: SampleWeek.profile, on: SampleWeek.period.to)
            report = catalog.weeklyReport(period: SampleWeek.period, entries: try SampleWeek.entries(catalog: catalog), targets: targets)
        } else {
            let period = try Self.period(parsed, today: context.today)
            let files = try DataFiles(context, parsed)
            guard let targets = try files.targets(on: period.to) else {
                throw CLIError.noInput("no profile yet (\(files.profilePath)); set one (mineral profile set --sex female --age 31), or see a sample: mineral report --sample")
            }
            let (journal, journalWarnings) = try files.journal(dates: period.from...period.to)
            warnings = journalWarnings
            report = try files.catalog().weeklyReport(period: period, entries: journal.entries, targets: targets, today: context.today,
                                                      completeDays: try files.completeDays())
        }
        let color = format == "text" && parsed.values["--output"] == nil && context.standardOutputIsTerminal
            && (context.environment["NO_COLOR"] ?? "").isEmpty
        let text: String
        switch format {
        case "markdown": text = ReportRenderer.markdown(report)
        case "csv": text = ReportRenderer.csv(report)
        case "json": text = try ReportRenderer.json(report)
        case "html": text = ReportRenderer.html(report)
        default: text = ReportRenderer.text(report, color: color)
        }
        if let output = parsed.values["--output"] {
            let files = try DataFiles(context, parsed)
            return CommandResult(standardOutput: try files.writeOutput(output, text, what: "the \(format) report for \(report.period.label)"),
                                 standardError: warnings)
        }
        return CommandResult(standardOutput: text, standardError: warnings)
    }

    static func period(_ parsed: ParsedArguments, today: CalendarDate) throws -> ReportPeriod {
        if let week = parsed.values["--week"] {
            guard parsed.values["--from"] == nil, parsed.values["--to"] == nil else { throw CLIError.usage("give --week or --from/--to, not both") }
            return try ReportPeriod(isoWeek: week)
        }
        switch (parsed.values["--from"], parsed.values["--to"]) {
        case (nil, nil): return ReportPeriod(weekOf: today)
        case (let from?, let to?): return try ReportPeriod(from: DataFiles.date(from, today: today), to: DataFiles.date(to, today: today))
        default: throw CLIError.usage("give both --from and --to, e.g. --from 2026-11-20 --to 2026-11-26")
        }
    }
}

import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

/// Golden files: the sample week's report in every format. Run with UPDATE_GOLDEN=1 to rewrite them after a
/// deliberate change, and read the diff.
@Suite("mineral report: golden files of the sample week")
struct ReportGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: [
        ("text", "sample-report.txt"), ("markdown", "sample-report.md"), ("csv", "sample-report.csv"),
        ("json", "sample-report.json"), ("html", "sample-report.html"),
    ])
    func format(format: String, file: String) throws {
        let result = mineral("report", "--sample", "--format", format)
        #expect(result.exitCode == .success)
        #expect(result.standardError.isEmpty)
        let url = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(result.standardOutput.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(result.standardOutput == expected, "\(file) differs; run with UPDATE_GOLDEN=1 and read the diff")
    }

    @Test("the JSON report decodes with the library's own types")
    func decodes() throws {
        let result = mineral("report", "--sample", "--format", "json")
        let report = try JSONDecoder().decode(
            VersionedOutput<WeeklyReport>.self, from: Data(result.standardOutput.utf8))
        #expect(report.kind == "report")
        #expect(report.schemaVersion == 3)
        #expect(report.data.nutrients.count == 5)
    }

    @Test("the HTML page is self-contained: no scripts, no links to the network")
    func selfContained() {
        let html = mineral("report", "--sample", "--format", "html").standardOutput
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(html.contains("<svg"))
    }

    @Test("colour only on a terminal, and never with NO_COLOR")
    func colour() {
        let terminal = MineralCommandLine(
            environment: [:], files: MemoryFileStore(), today: testToday, standardOutputIsTerminal: true)
        #expect(terminal.run(["report", "--sample"]).standardOutput.contains("\u{1B}["))
        let noColor = MineralCommandLine(
            environment: ["NO_COLOR": "1"], files: MemoryFileStore(), today: testToday, standardOutputIsTerminal: true)
        #expect(!noColor.run(["report", "--sample"]).standardOutput.contains("\u{1B}["))
        #expect(!mineral("report", "--sample").standardOutput.contains("\u{1B}["))
    }
}

@Suite("mineral report on the user's journal")
struct ReportCommandTests {
    @Test("the report reads the profile and the week's entries; --output writes a file")
    func userWeek() {
        let files = MemoryFileStore()
        let cli = MineralCommandLine(environment: ["MINERAL_HOME": "/data"], files: files, today: testToday)
        _ = cli.run(["profile", "set", "--sex", "female", "--age", "31"])
        _ = cli.run(["log", "100 g pumpkin seeds", "--date", "2026-11-23"])
        _ = cli.run(["log", "100 g pumpkin seeds", "--date", "2026-11-16"])
        let report = cli.run(["report"])
        #expect(report.exitCode == .success)
        #expect(
            report.standardOutput.hasPrefix(
                "Weekly report 2026-W48 (2026-11-23 – 2026-11-29) · 31-year-old female, NASEM · 1 of 7 days logged\n"))
        let last = cli.run(["report", "--week", "2026-W47", "--format", "csv"])
        #expect(last.standardOutput.contains("2026-11-16,magnesium,mg,yes,no,592,0,0,320,265,350,,no,\n"))
        #expect(last.standardOutput.contains("average,magnesium,mg,,,592,,0,320,265,350,,no,adequate\n"))
        let written = cli.run(["report", "--format", "html", "--output", "/out/week.html"])
        #expect(written.standardOutput == "Wrote the html report for 2026-W48 to /out/week.html\n")
        #expect(files.contents["/out/week.html"]?.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test(arguments: [
        (["report"], ExitCode.noInput, "no profile yet (/data/profile.json)"),
        (["report", "--week", "2026-W54"], .usage, "\"2026-W54\" is not an ISO week; give YYYY-Www, e.g. 2026-W48"),
        (["report", "--from", "2026-11-20"], .usage, "give both --from and --to"),
        (
            ["report", "--from", "2026-11-26", "--to", "2026-11-20"], .usage,
            "the period starts 2026-11-26, after its end 2026-11-20"
        ),
        (
            ["report", "--week", "2026-W48", "--from", "2026-11-20", "--to", "2026-11-21"], .usage,
            "give one period: --week, --from, --to were given together"
        ),
        (["report", "--format", "pdf"], .usage, "--format \"pdf\" is not accepted"),
        (["report", "--sample", "--week", "2026-W48"], .usage, "--sample is the fixed week 2026-W47"),
    ])
    func refused(arguments: [String], code: ExitCode, message: String) {
        expectRefused(arguments, code: code, message: message)
    }
}

@Suite("mineral report: overrides and groups")
struct ReportGroupTests {
    @Test("an overridden goal is marked as yours; the groups say what they changed, the athlete addition with amounts")
    func overridesAndGroups() {
        let files = MemoryFileStore()
        let cli = MineralCommandLine(environment: ["MINERAL_HOME": "/data"], files: files, today: testToday)
        _ = cli.run([
            "profile", "set", "--sex", "female", "--age", "25", "--pregnant", "--group", "athlete", "--training",
            "7/week",
            "--override", "calcium=1200",
        ])
        _ = cli.run(["log", "100 g pumpkin seeds", "--date", "2026-11-23"])
        let report = cli.run(["report"]).standardOutput
        #expect(report.contains("46 mg / 1254 mg (your goal)"))  // 1200 set by the user + 53.97 mg sweat loss
        #expect(report.contains("Changed: potassium goal 2600 → 2900 mg; magnesium goal 310 → 350 mg"))
        #expect(
            report.contains(
                "the estimated sweat loss adds 279.1 mg potassium, 11.86 mg magnesium, 53.97 mg calcium, 998.6 mg "
                    + "sodium a day"
            ))
    }
}

@Suite("mineral report: a day still going")
struct ReportTodayTests {
    @Test("entries logged today make the report say the day is not over")
    func today() {
        let files = MemoryFileStore()
        let cli = MineralCommandLine(environment: ["MINERAL_HOME": "/data"], files: files, today: testToday)
        _ = cli.run(["profile", "set", "--sex", "female", "--age", "31"])
        _ = cli.run(["log", "50 g almonds"])
        #expect(cli.run(["report"]).standardOutput.contains("Today (2026-11-25) is not over"))
        #expect(!cli.run(["report", "--week", "2026-W47"]).standardOutput.contains("is not over"))
    }

    @Test("periods: --week last, --month, --last N complete days, --weeks N with a trend, any --from/--to")
    func periods() throws {
        let files = MemoryFileStore()
        let cli = commandLine(files)
        _ = cli.run(["profile", "set", "--sex", "female", "--age", "31"])
        for (day, grams) in [
            ("2026-11-02", 20), ("2026-11-10", 40), ("2026-11-17", 60), ("2026-11-19", 70), ("2026-11-24", 80),
        ] {
            _ = cli.run(["log", "\(grams) g almonds", "--date", day])
        }
        #expect(
            cli.run(["report", "--week", "last"]).standardOutput.hasPrefix(
                "Weekly report 2026-W47 (2026-11-16 – 2026-11-22)"))
        #expect(
            cli.run(["report", "--month", "2026-11"]).standardOutput.hasPrefix(
                "Report 2026-11 · 31-year-old female, NASEM · 5 of 30 days logged"))
        #expect(
            cli.run(["report", "--last", "2"]).standardOutput.hasPrefix(
                "Report the last 2 days (2026-11-19 – 2026-11-24)"))
        _ = cli.run(["day", "2026-11-10", "--complete"])
        _ = cli.run(["day", "2026-11-17", "--complete"])
        #expect(
            cli.run(["report", "--last", "7"]).standardOutput.hasPrefix(
                "Report the last 2 days (2026-11-10 – 2026-11-17)"))
        let trend = cli.run(["report", "--weeks", "4"])
        #expect(trend.standardOutput.hasPrefix("Report the last 4 weeks, 2026-W45 – 2026-W48"))
        #expect(trend.standardOutput.contains("Week by week (2026-W45 – 2026-W48)"))
        // CSV: a column per week; weeks with no complete day are empty cells, not 0.
        let trendCSV = cli.run(["report", "--weeks", "4", "--format", "csv"]).standardOutput.split(separator: "\n").map(
            String.init)
        #expect(trendCSV.first == "nutrient,unit,goal,2026-W45,2026-W46,2026-W47,2026-W48,trend")
        #expect(trendCSV.dropFirst().first == "days,,,0,1,1,0,")
        #expect(trendCSV.contains { $0.hasPrefix("magnesium,mg,320,,") && $0.hasSuffix(",,too few weeks to tell") })
        let decade = cli.run(["report", "--from", "2016-11-25", "--to", "2026-11-24"])
        #expect(decade.exitCode == .success)
        #expect(!decade.standardOutput.contains("\nDays:\n"))  // weeks, not 3,652 day rows
    }
}

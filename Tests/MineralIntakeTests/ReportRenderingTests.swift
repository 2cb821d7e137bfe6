import Testing
@testable import MineralIntake

/// What each format shows: the right colour rule with a mark beside colour, escaped Markdown, per-day CSV facts,
/// the footnote only when used, one rounding rule.
@Suite("Report rendering: colour rules, escaping, per-day CSV facts, rounding")
struct ReportRenderingTests {
    static let period = WeeklyReportTests.period
    static func report(_ entries: [JournalEntry]) -> WeeklyReport {
        catalog.weeklyReport(period: period, entries: entries, targets: WeeklyReportTests.woman)
    }

    @Test("a high sodium day is a warning, not a success, and says so beside the colour")
    func sodiumRule() throws {
        let salty = Self.report([WeeklyReportTests.entry(1, day: 0, "02047", grams: 14)])  // about 5,400 mg sodium
        let sodium = try #require(salty[.sodium])
        let state = ReportRenderer.dayState(try #require(sodium.days[0].amount), sodium)
        #expect(state.css == "over" && state.mark == "▲" && state.words == "over the CDRR")
        let html = ReportRenderer.html(salty)
        #expect(html.contains("<rect class=\"over\""))
        #expect(html.contains("CDRR 2300 mg"))
        #expect(html.contains("name=\"viewport\""))
        // One self-contained file: no script, nothing fetched (the SVG namespace is a name, not a fetch).
        #expect(
            !html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http")
                && !html.contains("url(http"))
        // Low calcium: under the average requirement, marked ▼.
        let calcium = try #require(salty[.calcium])
        #expect(ReportRenderer.dayState(try #require(calcium.days[0].amount), calcium).mark == "▼")
    }

    @Test("Markdown shows food names literally and suggestions are single list items")
    func markdown() {
        #expect(
            ReportRenderer.markdownText("<script>[x](javascript:alert(1))")
                == "\\<script\\>\\[x\\]\\(javascript:alert\\(1\\)\\)")
        let text = ReportRenderer.markdown(Self.report([WeeklyReportTests.entry(1, day: 0, "12061", grams: 10)]))
        #expect(!text.contains("- + "))
    }

    @Test("CSV day rows carry that day's facts; the verdict is on the average row; numbers rounded")
    func csv() throws {
        let week = Self.report([
            WeeklyReportTests.entry(1, day: 0, "02047", grams: 14),
            WeeklyReportTests.entry(2, day: 1, "12061", grams: 33.333),
        ])
        let lines = ReportRenderer.csv(week).split(separator: "\n").map(String.init)
        let sodiumDays = lines.filter { $0.contains(",sodium,") && !$0.hasPrefix("average") }
        #expect(sodiumDays.allSatisfy { $0.hasSuffix(",") })  // no verdict on a day's row
        #expect(sodiumDays[0].hasSuffix(",yes,") && sodiumDays[1].hasSuffix(",no,"))
        #expect(
            lines.contains {
                $0.hasPrefix("average,sodium,mg,") && $0.hasSuffix(",yes,above_reduce_level")
                    || $0.hasPrefix("average,sodium,mg,")
            })
        #expect(!ReportRenderer.csv(week).contains("99999"))  // no float noise such as 1906.1799999999998
    }

    @Test("a cell guarded against formulas reads back as it was")
    func formulaGuard() {
        for text in ["=1+1", "+31 6", "-5 g note", "@SUM(A1)", "plain", "'quoted"] {
            #expect(CSVText.unguarded(CSVText.escape(text).trimmingCharacters(in: ["\""])) == text)
        }
        #expect(CSVText.escape("=HYPERLINK(\"x\")").hasPrefix("\"'="))
    }

    @Test("for an AI no number of days settles an average below it")
    func aiBelow() throws {
        var potassium = WeeklyReportTests.woman[.potassium]
        potassium.withinPersonSD = WithinPersonSD(
            nutrient: .potassium, sex: .female, ageMinimum: 19, ageMaximum: 50, sd: 800, source: "test", table: "test",
            verification: "read-primary", line: 0)
        let below = try #require(Certainty.of(.potassium, average: 2000, days: 3, targets: potassium, sweat: nil))
        #expect(below.moreDaysFor90Percent == nil && below.statement.contains("below the AI is not a deficiency"))
        let above = try #require(Certainty.of(.potassium, average: 2900, days: 3, targets: potassium, sweat: nil))
        #expect(above.moreDaysFor90Percent != nil)  // z = 300 / (800/√3) = 0.65: more days would show it
    }

    @Test("the text footnote appears only when a day is starred")
    func footnote() {
        let clean = ReportRenderer.text(Self.report([WeeklyReportTests.entry(1, day: 0, "12061", grams: 50)]))
        #expect(!clean.contains("* part of the day's food has no value"))
        // no magnesium value
        let starred = ReportRenderer.text(Self.report([WeeklyReportTests.entry(1, day: 0, "16609", grams: 50)]))
        #expect(starred.contains("* part of the day's food has no value"))
    }
}

@Suite("Tables fit a terminal")
struct TextTableWidthTests {
    @Test("text columns give way with …, widest first; numbers are never cut")
    func fits() {
        var table = TextTable(columns: [.init("item"), .init("grams", .right), .init("food")])
        table.rows = [
            ["a glass of milk", "247.5", "Milk, whole, 3.25% milkfat, with added vitamin D"],
            ["salmon", "150", "Fish"],
        ]
        let fitted = table.rendered(width: 40)
        #expect(fitted.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(fitted.contains("247.5") && fitted.contains("…"))
        #expect(table.rendered() == table.rendered(width: 500))
    }
}

@Suite("The text report on a terminal: sentences wrapped to its width, nothing lost")
struct ReportTextWrappingTests {
    @Test("at 80 columns every line fits, and the words are the same as unwrapped")
    func wraps() throws {
        let catalog = FoodCatalog(database: builtInFoods)
        let report = catalog.weeklyReport(
            period: SampleWeek.period, entries: try SampleWeek.entries(catalog: catalog),
            targets: try ReferenceTables.builtIn().targets(for: SampleWeek.profile, on: SampleWeek.period.to))
        let whole = ReportRenderer.text(report, markCompleteHint: "mineral day --complete DATE")
        let wrapped = ReportRenderer.text(report, markCompleteHint: "mineral day --complete DATE", width: 80)
        #expect(whole.split(separator: "\n").contains { $0.count > 80 })  // the sample has long sentences
        // The days table is a table, fitted by its columns, not wrapped: the sentences and headings are checked.
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        let table = lines.drop { !$0.hasPrefix("Days:") }.prefix { !$0.hasPrefix("  * ") && !$0.isEmpty }
        #expect(table.count == 9)  // the title, the header and 7 days
        for line in lines where !table.contains(line) {
            #expect(line.count <= 80, "\(line)")
        }
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == whole.split(whereSeparator: \.isWhitespace))
        #expect(ReportRenderer.text(report, width: nil) == ReportRenderer.text(report))
    }
}

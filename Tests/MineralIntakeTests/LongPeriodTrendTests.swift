import Testing
@testable import MineralIntake

@Suite("A long period's trend is read by month, a period of years by year, and fits 80 columns")
struct LongPeriodTrendTests {
    /// A report from 2023-01-01 over `days` days, with 60 g of dried apricots every third day (more each year).
    static func report(days: Int) throws -> WeeklyReport {
        let first = CalendarDate(year: 2023, month: 1, day: 1)!
        let entries = stride(from: 0, to: days, by: 3).map { day in
            let date = first.adding(days: day)!
            let grams = Double(60 + (date.year - 2023) * 20)
            return JournalEntry(
                id: day + 1, date: date, meal: .lunch, amount: grams, unit: "g", grams: grams,
                food: .usda(NDBNumber(rawValue: "09032")!), text: "apricots")
        }
        let period = try ReportPeriod(from: first, to: first.adding(days: days - 1)!)
        return catalog.weeklyReport(period: period, entries: entries, targets: WeeklyReportTests.woman)
    }

    @Test("up to 26 weeks: weeks only (the trend as it always was)")
    func weeks() throws {
        let report = try Self.report(days: 182)
        #expect(report.weeks.count == 27 && report.months.isEmpty && report.years.isEmpty)
        #expect(ReportRenderer.text(report).contains("\nWeek by week (2022-W52 – 2023-W26)"))
    }

    @Test("a year: months, each averaged over its counted days")
    func months() throws {
        let report = try Self.report(days: 365)
        #expect(report.months.map(\.label).first == "2023-01" && report.months.count == 12 && report.years.isEmpty)
        let january = try #require(report.months.first)
        #expect(january.days == 11)  // days 0, 3, … 30
        let apricots = try #require(catalog.database.food(NDBNumber(rawValue: "09032")!))
        let potassium = try #require(apricots.per100g[.potassium])
        #expect(abs((january.averages[.potassium] ?? 0) - potassium * 60 / 100) < 1e-9)
        let text = ReportRenderer.text(report)
        #expect(text.contains("\nMonth by month (2023-01 – 2023-12), averages over counted days:\n"))
        #expect(text.contains("latest month"))
        #expect(ReportRenderer.markdown(report).contains("\n## Month by month\n"))
        #expect(
            ReportRenderer.html(report).contains(
                "<h2>Month by month</h2>\n<div class=\"wide\"><table><tr><th>month</th>"))
    }

    @Test("three years and more: years; every trend line fits 80 columns")
    func years() throws {
        let report = try Self.report(days: 3 * 365 + 30)
        #expect(report.years.map(\.label) == ["2023", "2024", "2025", "2026"])
        let text = ReportRenderer.text(report)
        #expect(text.contains("\nYear by year (2023 – 2026), averages over counted days:\n"))
        // More apricots each year: potassium gets better.
        #expect(text.contains("latest year") && text.contains("better"))
        for line in text.split(separator: "\n") where line.contains("latest ") {
            #expect(line.count <= 80, "\(line)")
        }
        let month = try Self.report(days: 35 * 30)
        for line in ReportRenderer.text(month).split(separator: "\n") where line.contains("latest ") {
            #expect(line.count <= 80, "\(line)")
        }
    }
}

import FoundationEssentials
import Testing
@testable import MineralIntake

@Suite("A report straight from a journal's bytes equals the report of its parsed entries")
struct JournalReportStreamingTests {
    /// Lines of every kind: USDA foods (some unknown to the database), custom foods, supplements, recorded servings,
    /// other days, comments, blank lines, CRLF, broken lines and repeated ids.
    static func journal(seed: UInt64, lines: Int) -> String {
        var generator = SeededGenerator(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        var text = JournalFormat.header
        for id in 1...lines {
            let day = String(format2(Int(generator.next() % 16) + 10))
            let date = "2026-11-\(day)"
            let meal = pick(["breakfast", "lunch", "dinner", "snack"])
            let line: String
            switch generator.next() % 12 {
            case 0: line = "\(id)\t\(date)\t\(meal)\t200\tmg\t\tsupplement:magnesium\tmagnesium 200 mg"
            case 1:
                line = "\(id)\t\(date)\t\(meal)\t1\tcup\t\trecorded:cronometer|95|195||6|2|0|Apple, raw\t1 cup apple"
            case 2: line = "\(id)\t\(date)\t\(meal)\t40\tg\t40\tcustom:oat brick\t40 g oat brick"
            case 3: line = "\(id)\t\(date)\t\(meal)\tlots\tg\t40\t09032\tbroken amount"
            case 4: line = "\(max(1, id - 3))\t\(date)\t\(meal)\t50\tg\t50\t09298\trepeated id"
            case 5: line = "# a comment\n\n\(id)\t\(date)\t\(meal)\t50\tg\t50\t99999\tno such food"
            case 6: line = "\(id)\t\(date)\t\(meal)\t0.5\tcup\t72.5\t09298\t1/2 cup raisins\r"
            case 7: line = "\(id)\t\(date)\t\(meal)\t2\tg\t20000\t09032\ttoo heavy"
            default:
                line =
                    "\(id)\t\(date)\t\(meal)\t\(Int(generator.next() % 300) + 1)\tg\t\(Int(generator.next() % 300) + 1)\t\(pick(["09032", "09298", "12061", "16609", "20010"]))\tfood"
            }
            text += line + "\n"
        }
        return text
    }

    static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    @Test("same report, same problems, for 40 random journals and periods of a week to a month")
    func sameReport() throws {
        let withCustom = catalogWithOatBrick
        let targets = try womanTargets()
        for seed in 1...40 as ClosedRange<UInt64> {
            let text = Self.journal(seed: seed, lines: 150)
            let from = CalendarDate(year: 2026, month: 11, day: 9 + Int(seed % 7))!
            let period = try ReportPeriod(from: from, to: from.adding(days: Int(seed % 3) * 11 + 6)!, label: "test")
            let parsed = JournalFormat.parse(text, dates: period.from...period.to)
            let expected = withCustom.weeklyReport(
                period: period, entries: parsed.entries, targets: targets,
                completeDays: [from.adding(days: 1)!])
            let streamed = withCustom.weeklyReport(
                period: period, journal: Data(text.utf8), targets: targets,
                completeDays: [from.adding(days: 1)!])
            #expect(
                expected.entryCount > 20 && !parsed.problems.isEmpty, "seed \(seed): the journal must exercise both")
            #expect(streamed.report == expected, "seed \(seed)")
            #expect(streamed.problems == parsed.problems, "seed \(seed)")
        }
    }

    @Test("each logged day's amount is the day's total as the day summary (DayTotals) makes it, to the last digit")
    func dayAmountsAreDaySummaries() throws {
        let withCustom = catalogWithOatBrick
        let targets = try womanTargets()
        let period = try ReportPeriod(
            from: CalendarDate(year: 2026, month: 11, day: 10)!, to: CalendarDate(year: 2026, month: 11, day: 25)!,
            label: "test")
        for seed in 41...50 as ClosedRange<UInt64> {
            let text = Self.journal(seed: seed, lines: 150)
            let entries = JournalFormat.parse(text).entries
            let report = withCustom.weeklyReport(period: period, journal: Data(text.utf8), targets: targets).report
            var checked = 0
            for nutrient in report.nutrients {
                for day in nutrient.days {
                    guard let amount = day.amount else { continue }
                    let summary = withCustom.summary(of: day.date, entries: entries)
                    #expect(amount == summary.total[nutrient.nutrient].amount, "seed \(seed), \(day.date)")
                    #expect(
                        day.supplements == summary.supplements[nutrient.nutrient].amount, "seed \(seed), \(day.date)")
                    checked += 1
                }
            }
            #expect(checked > 40, "seed \(seed): the journal must log days")
        }
    }
}

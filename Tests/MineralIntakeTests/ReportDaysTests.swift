import Testing
@testable import MineralIntake

/// Which days a report averages: food days only, complete days when some are marked, today as partial; and an
/// athlete's sodium judged against the CDRR plus sweat loss.
@Suite("Report days: supplement-only days, complete and partial days, the athlete's sodium")
struct ReportDaysTests {
    static let period = WeeklyReportTests.period
    static func date(_ day: Int) -> CalendarDate { period.from.adding(days: day)! }
    static func food(_ id: Int, day: Int, grams: Double = 100, ndb: String = "12061") -> JournalEntry {
        WeeklyReportTests.entry(id, day: day, ndb, grams: grams)
    }
    static func pill(_ id: Int, day: Int, _ nutrient: Nutrient, _ amount: Double) -> JournalEntry {
        JournalEntry(
            id: id, date: date(day), meal: .lunch, amount: amount, unit: nutrient.unit.rawValue, grams: nil,
            food: .supplement(nutrient), text: "pill")
    }

    @Test("a day with only a supplement is no day of zero food; its supplement still counts for the limits")
    func supplementOnlyDay() throws {
        let entries = [Self.food(1, day: 0), Self.pill(2, day: 3, .magnesium, 500)]
        let report = catalog.weeklyReport(period: Self.period, entries: entries, targets: WeeklyReportTests.woman)
        #expect(report.loggedDays == 1)
        let calcium = try #require(report[.calcium])
        #expect(calcium.loggedDays == 1)
        #expect(calcium.average == calcium.days[0].amount)  // not halved by a zero-food day
        let magnesium = try #require(report[.magnesium])
        #expect(
            magnesium.days[3].logged == false && magnesium.days[3].amount == nil && magnesium.days[3].supplements == 500
        )
        // 500 mg > the 350 mg UL
        #expect(magnesium.limitFlags.contains { $0.date == Self.date(3) && $0.role == .upperLimit })
        #expect(
            report.notes.contains {
                $0.text().contains("1 day with only a supplement logged is not counted as a day of food")
            }
        )
        // A supplement alone in the whole week: nothing is judged from no food at all.
        let alone = catalog.weeklyReport(
            period: Self.period, entries: [Self.pill(1, day: 0, .magnesium, 100)], targets: WeeklyReportTests.woman)
        #expect(alone.nutrients.allSatisfy { $0.verdict == .notLogged })
    }

    @Test("with days marked complete, averages use them; the others are partial and left out")
    func completeDays() throws {
        let entries = [
            Self.food(1, day: 0, grams: 100), Self.food(2, day: 1, grams: 100), Self.food(3, day: 2, grams: 10),
        ]
        let unmarked = catalog.weeklyReport(period: Self.period, entries: entries, targets: WeeklyReportTests.woman)
        #expect(unmarked.loggedDays == 3)
        #expect(unmarked.notes.contains { $0.text().contains("No day is marked complete") })
        let marked = catalog.weeklyReport(
            period: Self.period, entries: entries, targets: WeeklyReportTests.woman,
            completeDays: [Self.date(0), Self.date(1)])
        #expect(marked.loggedDays == 2)
        let magnesium = try #require(marked[.magnesium])
        #expect(magnesium.days[2].partial && !magnesium.days[0].partial)
        #expect(magnesium.average == magnesium.days[0].amount)  // the 10 g day does not drag the average down
        #expect(marked.notes.contains { $0.text().contains("1 other day with food logged is shown as partial") })
    }

    @Test("today is partial until it is over or marked")
    func today() throws {
        let entries = [Self.food(1, day: 0, grams: 100), Self.food(2, day: 1, grams: 5)]
        let report = catalog.weeklyReport(
            period: Self.period, entries: entries, targets: WeeklyReportTests.woman, today: Self.date(1))
        #expect(report.loggedDays == 1)
        #expect(try #require(report[.calcium]).days[1].partial)
        #expect(report.notes.contains { $0.text().contains("is not over: it is shown as partial") })
        let marked = catalog.weeklyReport(
            period: Self.period, entries: entries, targets: WeeklyReportTests.woman, today: Self.date(1),
            completeDays: [Self.date(0), Self.date(1)])
        #expect(marked.loggedDays == 2)
    }

    @Test("an athlete's sodium is judged against the CDRR plus the estimated sweat loss, said to be an estimate")
    func athleteSodium() throws {
        let athlete = try tables.targets(
            for: Profile(sex: .female, ageYears: 31, training: Training(hours: 1.5, per: .day)), on: Self.date(0))
        let loss = try #require(athlete[.sodium].sweatLoss?.amountPerDay)
        #expect(athlete.notes.contains { $0.contains("not for those who lose much sodium in sweat") })
        // Table salt (38,758 mg sodium per 100 g): 7.756 g is about 3,006 mg, over the CDRR but under CDRR + sweat.
        let day = [WeeklyReportTests.entry(1, day: 0, "02047", grams: 7.756)]
        let report = catalog.weeklyReport(period: Self.period, entries: day, targets: athlete)
        let sodium = try #require(report[.sodium])
        #expect(sodium.days[0].amount.map { $0 > 2300 && $0 < 2300 + loss } == true)
        #expect(sodium.limitFlags.isEmpty)
        #expect(sodium.verdict != .aboveReduceLevel)
        #expect(sodium.reduceAbove == 2300 + loss)
        // Without training the same day is over the CDRR.
        let plain = catalog.weeklyReport(period: Self.period, entries: day, targets: WeeklyReportTests.woman)
        #expect(try #require(plain[.sodium]).limitFlags.count == 1)
    }
}

/// The NASEM statistics for an individual, against cases computed by hand.
@Suite("How sure a few days' average is (NASEM 2000, z = (mean − EAR) / √(SD_req² + SD_within²/n))")
struct CertaintyTests {
    // EAR 800, RDA 1000 → SD_req 100; SD_within 325 (table B-2)
    static let calcium = WeeklyReportTests.woman[.calcium]

    @Test("the sample week's calcium: 516.4 mg over 6 days is below the EAR with about 95 % confidence")
    func sampleWeek() throws {
        let certainty = try #require(Certainty.of(.calcium, average: 516.4, days: 6, targets: Self.calcium, sweat: nil))
        // By hand: √(100² + 325²/6) = √27,604.2 = 166.15; z = (516.4 − 800) / 166.15 = −1.707; Φ(1.707) = 0.956.
        #expect(certainty.requirementSD == 100 && certainty.withinPersonSD == 325)
        #expect(abs(try #require(certainty.z) + 1.7069) < 0.001)
        #expect(certainty.confidencePercent == 95)
        #expect(
            certainty.statement
                == "How sure: with 6 days recorded, about 95 % confident your usual calcium intake is below the "
                + "requirement (800 mg)."
        )
        #expect(certainty.moreDaysFor90Percent == nil)
    }

    @Test("too few days to tell, and how many more days would settle it")
    func moreDays() throws {
        // 780 mg over 2 days: z = −20 / √(100² + 325²/2) = −0.080: 53 %, too few; no number of days reaches 90 %
        // (the average is within the requirement's own spread).
        let close = try #require(Certainty.of(.calcium, average: 780, days: 2, targets: Self.calcium, sweat: nil))
        #expect(close.statement.hasPrefix("How sure: too few days to tell (55 %)"))
        #expect(close.moreDaysFor90Percent == nil)
        // 600 mg over 2 days: z = −200 / 250.6 = −0.80 (80 %); 90 % needs n ≥ 325² / (200²/1.2816² − 100²) = 7.4,
        // so 8 days: 6 more.
        let far = try #require(Certainty.of(.calcium, average: 600, days: 2, targets: Self.calcium, sweat: nil))
        #expect(far.confidencePercent == 80)
        #expect(far.moreDaysFor90Percent == 6)
        #expect(far.statement.hasSuffix("About 6 more days would settle it at 90 %."))
    }

    @Test("where no within-person SD could be read, nothing is computed and the report says so")
    func notComputed() throws {
        let certainty = try #require(
            Certainty.of(.magnesium, average: 300, days: 6, targets: WeeklyReportTests.woman[.magnesium], sweat: nil))
        #expect(certainty.z == nil && certainty.confidencePercent == nil)
        #expect(certainty.statement.hasPrefix("How sure: not computed"))
    }
}

/// Periods of any length and the week-by-week trend.
@Suite("Report periods: months, any length, the weekly trend")
struct ReportTrendTests {
    @Test("a month, and a period of years")
    func periods() throws {
        let november = try ReportPeriod(month: "2026-11")
        #expect(
            november.from.description == "2026-11-01" && november.to.description == "2026-11-30"
                && november.label == "2026-11")
        #expect(try ReportPeriod(month: "2024-02").days.count == 29)
        #expect(throws: MineralIntakeError.self) { try ReportPeriod(month: "2026-13") }
        #expect(throws: MineralIntakeError.self) { try ReportPeriod(month: "2026-+1") }
        let decade = try ReportPeriod(
            from: CalendarDate(year: 2016, month: 11, day: 25)!, to: CalendarDate(year: 2026, month: 11, day: 24)!)
        #expect(decade.days.count == 3652)
    }

    @Test("a longer period carries each week's averages, and the trend says better, worse or steady")
    func trend() throws {
        let start = CalendarDate(year: 2026, month: 10, day: 5)!  // a Monday
        // Four weeks of almonds, 20 g more each week: magnesium rises week by week.
        var entries: [JournalEntry] = []
        for day in 0..<28 {
            let grams = Double(20 + 20 * (day / 7))
            entries.append(
                JournalEntry(
                    id: day + 1, date: start.adding(days: day)!, meal: .lunch, amount: grams, unit: "g", grams: grams,
                    food: .usda(NDBNumber(rawValue: "12061")!), text: "almonds"))
        }
        let period = try ReportPeriod(from: start, to: start.adding(days: 27)!)
        let report = catalog.weeklyReport(period: period, entries: entries, targets: WeeklyReportTests.woman)
        #expect(report.weeks.map(\.week) == ["2026-W41", "2026-W42", "2026-W43", "2026-W44"])
        #expect(report.weeks.allSatisfy { $0.days == 7 })
        let magnesium = report.weeks.compactMap { $0.averages[.magnesium] }
        #expect(magnesium.count == 4 && zip(magnesium, magnesium.dropFirst()).allSatisfy { $0 < $1 })
        #expect(WeekAverages.trend(report.weeks, nutrient: .magnesium, goal: 320, lowerIsBetter: false) == "better")
        #expect(WeekAverages.trend(report.weeks, nutrient: .magnesium, goal: 320, lowerIsBetter: true) == "worse")
        #expect(
            WeekAverages.trend(Array(report.weeks.prefix(2)), nutrient: .magnesium, goal: 320, lowerIsBetter: false)
                == nil)
        let text = ReportRenderer.text(report)
        #expect(text.contains("Week by week (2026-W41 – 2026-W44)"))
        #expect(text.contains("magnesium  ▁▃▆█  latest week"))
        #expect(text.contains("better"))
        // CSV: a column per week, a days row, the trend; a week has no trend CSV.
        let csv = try #require(ReportRenderer.trendCSV(report)).split(separator: "\n").map(String.init)
        #expect(csv[0] == "nutrient,unit,goal,2026-W41,2026-W42,2026-W43,2026-W44,trend")
        #expect(csv[1] == "days,,,7,7,7,7,")
        let magnesiumRow = try #require(csv.first { $0.hasPrefix("magnesium,mg,320,") })
        #expect(magnesiumRow.hasSuffix(",better"))
        #expect(
            magnesiumRow.split(separator: ",").dropFirst(3).prefix(4).map { String($0) }
                == magnesium.map { NumberText.display($0) })
        // A week with no days is an empty cell, not 0.
        let gap = catalog.weeklyReport(
            period: period, entries: entries.filter { !(8...14).contains($0.id) },  // no food in the second week
            targets: WeeklyReportTests.woman)
        let gapRows = try #require(ReportRenderer.trendCSV(gap)).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        #expect(gapRows[1] == "days,,,7,0,7,7,")
        #expect(try #require(gapRows.first { $0.hasPrefix("magnesium,") }).contains(",,"))
        #expect(
            ReportRenderer.trendCSV(
                catalog.weeklyReport(
                    period: ReportPeriod(weekOf: start), entries: entries, targets: WeeklyReportTests.woman)) == nil)
        // A week has no trend lines.
        #expect(
            catalog.weeklyReport(
                period: ReportPeriod(weekOf: start), entries: entries, targets: WeeklyReportTests.woman
            ).weeks.isEmpty)
    }
}

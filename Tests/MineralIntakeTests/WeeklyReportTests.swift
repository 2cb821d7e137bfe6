import Foundation
import Testing
@testable import MineralIntake

@Suite("ISO weeks and report periods")
struct ReportPeriodTests {
    @Test(arguments: [
        ("2026-W48", "2026-11-23", "2026-11-29"), ("2026-W01", "2025-12-29", "2026-01-04"),
        ("2026-W53", "2026-12-28", "2027-01-03"), ("2020-W53", "2020-12-28", "2021-01-03"),
    ])
    func isoWeeks(text: String, from: String, to: String) throws {
        let period = try ReportPeriod(isoWeek: text)
        #expect(period.from.description == from)
        #expect(period.to.description == to)
        #expect(period.label == text)
        #expect(period.days.count == 7)
    }

    @Test(arguments: ["2025-W53", "2026-W00", "2026-W54", "2026-48", "W48", "2026-W4", "", "2026-Wxx"])
    func badWeeks(text: String) {
        #expect(throws: MineralIntakeError.invalidWeek(text)) { try ReportPeriod(isoWeek: text) }
    }

    @Test("the week of a date, and from–to periods")
    func weekOf() throws {
        #expect(ReportPeriod(weekOf: CalendarDate(year: 2027, month: 1, day: 1)!).label == "2026-W53")
        #expect(ReportPeriod(weekOf: CalendarDate(year: 2026, month: 11, day: 25)!).label == "2026-W48")
        #expect(throws: MineralIntakeError.self) {
            try ReportPeriod(from: try CalendarDate(parsing: "2026-11-26"), to: try CalendarDate(parsing: "2026-11-20"))
        }
        #expect(
            try ReportPeriod(from: try CalendarDate(parsing: "2026-11-20"), to: try CalendarDate(parsing: "2026-11-26"))
                .days.count == 7)
    }
}

@Suite("Weekly report")
struct WeeklyReportTests {
    static let period = ReportPeriod(weekOf: CalendarDate(year: 2026, month: 11, day: 16)!)
    static let woman = try! tables.targets(
        for: Profile(sex: .female, ageYears: 31), on: CalendarDate(year: 2026, month: 11, day: 22)!)

    static func entry(_ id: Int, day: Int, _ ndb: String, grams: Double) -> JournalEntry {
        JournalEntry(
            id: id, date: period.from.adding(days: day)!, meal: .lunch, amount: grams, unit: "g", grams: grams,
            food: .usda(NDBNumber(rawValue: ndb)!), text: "\(grams) g \(ndb)")
    }

    static func supplement(_ id: Int, day: Int, _ nutrient: Nutrient, _ amount: Double) -> JournalEntry {
        JournalEntry(
            id: id, date: period.from.adding(days: day)!, meal: .dinner, amount: amount, unit: nutrient.unit.rawValue,
            grams: nil, food: .supplement(nutrient), text: "")
    }

    @Test("days not logged are shown as such and left out of the average, never counted as zero")
    func notLoggedDays() throws {
        // 100 g pumpkin seeds (592 mg Mg) on Monday and Wednesday only.
        let report = catalog.weeklyReport(
            period: Self.period,
            entries: [Self.entry(1, day: 0, "12014", grams: 100), Self.entry(2, day: 2, "12014", grams: 100)],
            targets: Self.woman)
        let magnesium = try #require(report[.magnesium])
        #expect(report.loggedDays == 2)
        #expect(magnesium.loggedDays == 2)
        #expect(magnesium.average == 592)
        #expect(magnesium.days.map(\.logged) == [true, false, true, false, false, false, false])
        #expect(magnesium.days[1].amount == nil)
        #expect(magnesium.verdict == .adequate)
    }

    @Test("verdicts: below the AR is a likely deficiency, between AR and goal possible, AI-only cannot be judged")
    func verdicts() throws {
        // 50 g pumpkin seeds a day: 296 mg Mg (EAR 265, RDA 320); 23 mg Ca (EAR 800); 404.5 mg K (AI 2600).
        let entries = (0..<7).map { Self.entry($0 + 1, day: $0, "12014", grams: 50) }
        let report = catalog.weeklyReport(period: Self.period, entries: entries, targets: Self.woman)
        #expect(report[.magnesium]?.verdict == .possibleShortfall)
        #expect(report[.calcium]?.verdict == .likelyDeficiency)
        #expect(report[.calcium]?.daysBelowAverageRequirement == 7)
        #expect(report[.potassium]?.verdict == .belowAdequateIntake)
        #expect(report[.magnesium]?.percentOfGoal == 296.0 / 320 * 100)
        #expect(report[.sodium]?.suggestions.isEmpty == true)
        #expect(report[.calcium]?.suggestions.isEmpty == false)
    }

    @Test("a shortfall built on missing data says so instead of alarming")
    func missingData() throws {
        // 16609 has no magnesium value: all of the week's grams are without a value.
        let entries = (0..<7).map { Self.entry($0 + 1, day: $0, "16609", grams: 100) }
        let magnesium = try #require(
            catalog.weeklyReport(period: Self.period, entries: entries, targets: Self.woman)[.magnesium])
        #expect(magnesium.unknownShare == 1)
        #expect(magnesium.confidence == .low)
        #expect(magnesium.verdict == .insufficientData)
        #expect(magnesium.explanation.hasPrefix("Not enough data: 100 % of the food logged has no magnesium value."))
    }

    @Test("limits: supplemental magnesium over its UL, calcium over its UL, sodium over the CDRR, each with its day")
    func limits() throws {
        let entries = [
            Self.supplement(1, day: 1, .magnesium, 400), Self.supplement(2, day: 2, .calcium, 3000),
            Self.entry(3, day: 3, "02047", grams: 10), Self.entry(4, day: 4, "12014", grams: 100),
        ]
        let report = catalog.weeklyReport(period: Self.period, entries: entries, targets: Self.woman)
        #expect(
            report[.magnesium]?.limitFlags == [
                LimitFlag(
                    date: Self.period.from.adding(days: 1)!, role: .upperLimit, amount: 400, limit: 350,
                    supplementsOnly: true)
            ])
        // Magnesium from food (592 mg on day 4) never counts against the supplemental UL.
        #expect(report[.calcium]?.limitFlags.map(\.date) == [Self.period.from.adding(days: 2)!])
        #expect(report[.sodium]?.limitFlags.first?.role == .reduceAbove)
        #expect(report[.sodium]?.limitFlags.first?.amount == 3875.8)
    }

    @Test("suggestions close the gap in household portions without pushing sodium over the CDRR")
    func suggestions() throws {
        let entries = (0..<7).map { Self.entry($0 + 1, day: $0, "02047", grams: 5.5) }  // salt: 2131.7 mg Na a day
        let report = catalog.weeklyReport(period: Self.period, entries: entries, targets: Self.woman)
        let calcium = try #require(report[.calcium])
        #expect(!calcium.suggestions.isEmpty)
        for suggestion in calcium.suggestions {
            guard case .usda(let ndb) = suggestion.food, let food = builtInFoods.food(ndb) else {
                Issue.record("not a USDA food"); continue
            }
            #expect(2131.7 + (food.nutrients(inGrams: suggestion.grams).sodiumMg ?? 0) <= 2300)
            // The amount is the food's SR28 value per 100 g scaled to the portion, worked out here by hand.
            let per100g = try #require(food.per100g.calciumMg)
            #expect(abs(suggestion.amount - per100g * suggestion.grams / 100) < 1e-9)
            #expect(suggestion.amount > 0 && suggestion.grams > 0)
        }
    }

    @Test("property: each day's amount is the sum of that day's entries, for random weeks", arguments: 1...20)
    func totalsEqualSums(seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let foods = ["09032", "09298", "12061", "16609", "20010", "01077", "02047", "16120", "18075", "09040"]
        var entries: [JournalEntry] = []
        for id in 1...(5 + next(40)) {
            if next(6) == 0 {
                entries.append(Self.supplement(id, day: next(7), Nutrient.tracked[next(5)], Double(1 + next(300))))
            } else {
                entries.append(Self.entry(id, day: next(7), foods[next(foods.count)], grams: Double(1 + next(400)) / 2))
            }
        }
        let report = catalog.weeklyReport(period: Self.period, entries: entries, targets: Self.woman)
        for nutrient in report.nutrients {
            for day in nutrient.days {
                let sum = entries.filter { $0.date == day.date }.reduce(0.0) {
                    $0 + catalog.nutrients(of: $1)[nutrient.nutrient].amount
                }
                // A day counts as logged only when food was logged; a supplement alone makes no day of zero food.
                let logged = entries.contains { $0.date == day.date && $0.food.isFood }
                #expect(day.logged == logged)
                if logged { #expect(abs(day.amount! - sum) <= 1e-9 * max(1, sum)) }
            }
            let amounts = nutrient.days.compactMap(\.amount)
            if !amounts.isEmpty {
                #expect(abs(nutrient.average! - amounts.reduce(0, +) / Double(amounts.count)) < 1e-9)
            }
        }
        #expect(report.entryCount == entries.count)
    }

    @Test("the sample week: six days logged, Saturday not, every item read")
    func sample() throws {
        let entries = try SampleWeek.entries(catalog: catalog)
        let targets = try tables.targets(for: SampleWeek.profile, on: SampleWeek.period.to)
        let report = catalog.weeklyReport(period: SampleWeek.period, entries: entries, targets: targets)
        #expect(report.period.label == "2026-W47")
        #expect(report.loggedDays == 6)
        #expect(report[.vitaminD]?.verdict == .likelyDeficiency)
        #expect(report[.magnesium]?.limitFlags.count == 1)
    }
}

import Foundation
import MineralIntake
import MineralIntakeMeasurement
import Testing

/// The getting-started path of the documentation, through the public API only.
@Suite("Getting started, as an outside package")
struct GettingStartedTests {
    @Test("load, profile, targets, parse, journal, report, render, JSON")
    func gettingStarted() throws {
        let foods = try FoodDatabase.builtIn()
        let tables = try ReferenceTables.builtIn()
        let catalog = FoodCatalog(database: foods)

        let profile = Profile(
            sex: .female, ageYears: 31, state: .pregnant, groups: [.athlete], training: Training(hours: 8, per: .week))
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 25))
        let targets = try tables.targets(for: profile, on: today)
        #expect(targets[.magnesium].goal?.amount == 360)
        #expect(targets[.magnesium].upperLimit?.supplementsOnly == true)
        #expect(targets[.potassium].sweatLoss != nil)

        let item = try catalog.parseItem("1/2 cup raisins")
        #expect(item.grams == 72.5)
        #expect(item.mass == Measurement(value: 72.5, unit: UnitMass.grams))
        #expect(abs((Nutrient.magnesium.mass(400)?.converted(to: .grams).value ?? 0) - 0.4) < 1e-12)
        #expect(abs((Nutrient.vitaminD.amount(Measurement(value: 1, unit: UnitMass.milligrams)) ?? 0) - 1000) < 1e-9)

        let entry = JournalEntry(
            id: 1, date: today, meal: .breakfast, amount: item.amount, unit: item.unit,
            grams: item.grams, food: item.food, text: item.text)
        let journal = JournalFormat.parse(JournalFormat.header + JournalFormat.line(entry))
        #expect(journal.entries == [entry])
        #expect(journal.problems.isEmpty)

        let report = catalog.weeklyReport(
            period: ReportPeriod(weekOf: today), entries: journal.entries, targets: targets)
        #expect(report.loggedDays == 1)
        #expect(report[.calcium]?.verdict == .likelyDeficiency)
        #expect(ReportRenderer.text(report).hasPrefix("Weekly report 2026-W48"))

        let json = try ReportRenderer.json(report)
        let decoded = try JSONDecoder().decode(VersionedOutput<WeeklyReport>.self, from: Data(json.utf8))
        #expect(decoded.data == report)
    }

    @Test("errors are documented values whose messages name the input")
    func errors() throws {
        #expect(throws: MineralIntakeError.unknownNutrient("iron", suggestion: nil)) { try Nutrient(parsing: "iron") }
        let catalog = FoodCatalog(database: try FoodDatabase.builtIn())
        let error = #expect(throws: MineralIntakeError.self) { try catalog.parseItem("2 cupz raisins") }
        #expect(
            error?.description.hasPrefix(
                "unknown unit \"cupz\" in \"2 cupz raisins\"; known units for Raisins, seedless: g, kg") == true)
        // Foundation's localizedDescription reads the same message (MineralIntakeError is a LocalizedError).
        let anyError: (any Error)? = error
        #expect(anyError?.localizedDescription == error?.description)
        #expect(anyError?.localizedDescription.hasPrefix("unknown unit") == true)
    }

    @Test("batch use: targets and reports for many profiles from concurrent tasks")
    func concurrent() async throws {
        let catalog = FoodCatalog(database: try FoodDatabase.builtIn())
        let tables = try ReferenceTables.builtIn()
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 25))
        let entries = try SampleWeek.entries(catalog: catalog)
        let verdicts = try await withThrowingTaskGroup(of: Verdict?.self) { group in
            for age in 19...68 {
                group.addTask {
                    let targets = try tables.targets(
                        for: Profile(sex: age % 2 == 0 ? .female : .male, ageYears: age), on: today)
                    return catalog.weeklyReport(period: SampleWeek.period, entries: entries, targets: targets)[
                        .calcium]?.verdict
                }
            }
            var all: [Verdict?] = []
            for try await verdict in group { all.append(verdict) }
            return all
        }
        #expect(verdicts.count == 50)
        #expect(verdicts.allSatisfy { $0 != nil })
    }
}

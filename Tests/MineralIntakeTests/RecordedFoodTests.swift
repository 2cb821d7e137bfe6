import Testing
@testable import MineralIntake

@Suite("Servings recorded in another tracker: the journal's recorded: food")
struct RecordedFoodTests {
    static var soup: RecordedFood {
        get throws {
            try RecordedFood(
                source: "cronometer", name: "Soup, \"Grandma's\" lentil | homemade",
                amounts: NutrientValues(energyKcal: 310, magnesiumMg: 45, calciumMg: 60, sodiumMg: 820))
        }
    }

    @Test("written and read back in the journal's food field, unknown amounts empty, the name last (commas, quotes, |)")
    func journalText() throws {
        let reference = FoodReference.recorded(try Self.soup)
        #expect(reference.description == "recorded:cronometer|310||45|60|820||Soup, \"Grandma's\" lentil | homemade")
        #expect(FoodReference(journalText: reference.description) == reference)
        let entry = JournalEntry(
            id: 7, date: CalendarDate(year: 2026, month: 11, day: 2)!, meal: .lunch, amount: 1.5, unit: "serving",
            grams: nil, food: reference, text: "1.50 serving soup")
        let line = JournalFormat.line(entry)
        let read = JournalFormat.parse(JournalFormat.header + line)
        #expect(read.problems.isEmpty)
        #expect(read.entries == [entry])
    }

    @Test(arguments: [
        "recorded:cronometer|1|2|3|4|5",  // too few fields
        "recorded:Cronometer|1|2|3|4|5|6|Apple",  // source must be lower case
        "recorded:cronometer|1|-2|3|4|5|6|Apple",  // no negative amount
        "recorded:cronometer|1|2|3|4|5|6|",  // no name
        "recorded:cronometer|1|2|3|4|5|99999|Apple",  // vitamin D above 10,000 µg a serving
        "recorded:cronometer|1|2e3|3|4|5|6|Apple",  // plain decimals only
    ])
    func refused(text: String) {
        #expect(FoodReference(journalText: text) == nil)
    }

    @Test("an unknown amount is never 0: grams without a value when the weight is known, else an entry without a value")
    func unknownStaysUnknown() throws {
        let soup = try Self.soup
        let weighed = soup.totals(grams: 300)
        #expect(weighed[.potassium] == NutrientTotal(gramsWithoutValue: 300, grams: 300))
        #expect(weighed[.magnesium] == NutrientTotal(amount: 45, grams: 300))
        let unweighed = soup.totals(grams: nil)
        #expect(unweighed[.potassium] == NutrientTotal(entriesWithoutValue: 1))
        #expect(unweighed[.potassium].isUnknown && unweighed[.potassium].hasUnknown)
        #expect(unweighed[.calcium] == NutrientTotal(amount: 60))
        #expect(!(unweighed[.calcium] + unweighed[.potassium]).isUnknown)
        #expect((unweighed[.calcium] + unweighed[.potassium]).entriesWithoutValue == 1)
    }

    @Test("grams may be empty only for supplements and recorded servings")
    func gramsOptional() {
        let recorded = JournalFormat.parse(
            JournalFormat.header
                + "1\t2026-11-02\tlunch\t1\tcup\t\trecorded:cronometer|1|2|3|4|5|6|Apple\t1 cup apple\n")
        #expect(recorded.problems.isEmpty && recorded.entries.count == 1)
        let usda = JournalFormat.parse(JournalFormat.header + "1\t2026-11-02\tlunch\t1\tcup\t\t09032\t1 cup apricots\n")
        #expect(
            usda.entries.isEmpty
                && usda.problems.first?.reason.contains("only supplements and servings recorded elsewhere") == true)
    }

    @Test("a week with a serving of unknown weight and no potassium value: potassium's average is a lower bound, said")
    func reportSaysLowerBound() throws {
        let date = CalendarDate(year: 2026, month: 11, day: 2)!
        let entries = [
            JournalEntry(
                id: 1, date: date, meal: .lunch, amount: 1.5, unit: "serving", grams: nil,
                food: .recorded(try Self.soup), text: "soup"),
            JournalEntry(
                id: 2, date: date, meal: .dinner, amount: 100, unit: "g", grams: 100,
                food: .usda(NDBNumber(rawValue: "09032")!), text: "apricots"),
        ]
        let targets = try ReferenceTables.builtIn().targets(for: Profile(sex: .female, ageYears: 35), on: date)
        let report = catalog.weeklyReport(period: ReportPeriod(weekOf: date), entries: entries, targets: targets)
        let potassium = try #require(report.nutrients.first { $0.nutrient == .potassium })
        #expect(potassium.average == 1162)  // the apricots only: the soup's potassium is unknown, not 0 and not guessed
        #expect(potassium.confidence == .low && potassium.verdict == .insufficientData)
        // The day itself is marked a lower bound, though all its weighed food had a value.
        let day = try #require(potassium.days.first { $0.date == date })
        #expect(day.servingsWithoutValue == 1 && day.unknownShare == 0 && day.hasUnknown)
        #expect(ReportRenderer.text(report).contains("1162*"))
        #expect(ReportRenderer.markdown(report).contains("| 0 % + 1 serving | low |"))
        #expect(ReportRenderer.html(report).contains(">0 % + 1 serving</td>"))
        #expect(potassium.explanation.contains("1 serving of unknown weight has no potassium value"))
        #expect(report.notes.contains { $0.text().contains("had no potassium value: its average is a lower bound") })
        let magnesium = try #require(report.nutrients.first { $0.nutrient == .magnesium })
        #expect(magnesium.average == 45 + 32 && magnesium.confidence == .high)
    }

    @Test("with servings of unknown weight in the period, a share of grams is said to be of the weighed food only")
    func weighedFoodOnly() throws {
        let date = CalendarDate(year: 2026, month: 11, day: 2)!
        let entries = [
            // A serving with a magnesium value but no weight, and a weighed food with no magnesium value.
            JournalEntry(
                id: 1, date: date, meal: .lunch, amount: 1, unit: "cup", grams: nil, food: .recorded(try Self.soup),
                text: "soup"),
            JournalEntry(
                id: 2, date: date, meal: .dinner, amount: 100, unit: "g", grams: 100,
                food: .usda(NDBNumber(rawValue: "16609")!), text: "pattie"),
        ]
        let targets = try ReferenceTables.builtIn().targets(for: Profile(sex: .female, ageYears: 35), on: date)
        let report = catalog.weeklyReport(period: ReportPeriod(weekOf: date), entries: entries, targets: targets)
        let magnesium = try #require(report.nutrients.first { $0.nutrient == .magnesium })
        #expect(magnesium.average == 45)
        #expect(magnesium.explanation.contains("100 % of the weighed food logged has no magnesium value"))
    }

    @Test("a damaged recorded food in the journal is named with what is wrong in it")
    func damagedLine() {
        let read = JournalFormat.parse(
            JournalFormat.header
                + "1\t2026-11-02\tlunch\t1\tcup\t\trecorded:cronometer|1|-2|3|4|5|6|Apple\t1 cup apple\n")
        #expect(read.entries.isEmpty)
        #expect(
            read.problems.first?.reason
                == "recorded food \"Apple\": potassium \"-2\" is not a plain amount (digits and a point; empty when "
                + "unknown)"
        )
    }
}

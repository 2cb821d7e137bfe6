import Foundation
import Testing
@testable import MineralIntake

@Suite("Totals keep unknown apart from zero")
struct TotalsTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 24)!

    @Test("a day's totals equal the sum of its entries, and grams without a value are counted")
    func day() throws {
        let entries = [
            JournalEntry(
                id: 1, date: Self.day, meal: .lunch, amount: 100, unit: "g", grams: 100,
                food: .usda(NDBNumber(rawValue: "16609")!), text: "a"),
            JournalEntry(
                id: 2, date: Self.day, meal: .lunch, amount: 50, unit: "g", grams: 50,
                food: .usda(NDBNumber(rawValue: "09032")!), text: "b"),
            JournalEntry(
                id: 3, date: Self.day, meal: .dinner, amount: 200, unit: "mg", grams: nil,
                food: .supplement(.magnesium), text: "c"),
            JournalEntry(
                id: 4, date: Self.day.adding(days: 1)!, meal: .lunch, amount: 50, unit: "g", grams: 50,
                food: .usda(NDBNumber(rawValue: "09032")!), text: "d"),
        ]
        let summary = catalog.summary(of: Self.day, entries: entries)
        #expect(summary.entries.map(\.entry.id) == [1, 2, 3])
        // 16609 has no magnesium value: its 100 g count as unknown, not as 0 mg.
        #expect(summary.food[.magnesium] == NutrientTotal(amount: 16, gramsWithoutValue: 100, grams: 150))
        #expect(summary.food[.magnesium].unknownShare == 100.0 / 150)
        #expect(summary.supplements[.magnesium].amount == 200)
        #expect(summary.total[.magnesium].amount == 216)
        #expect(summary.food[.potassium] == NutrientTotal(amount: 531 + 581, gramsWithoutValue: 0, grams: 150))
        #expect(summary.food[.vitaminD].amount == 0.025 + 0)
        let totals = catalog.dailyTotals(entries)
        #expect(totals.count == 2)
        #expect(totals[Self.day]?.food == summary.food)
    }

    @Test("an entry whose food is gone counts its grams as unknown")
    func unknownFood() {
        let entry = JournalEntry(
            id: 1, date: Self.day, meal: .lunch, amount: 100, unit: "g", grams: 100, food: .custom("gone"), text: "x")
        let totals = catalog.nutrients(of: entry)
        #expect(totals[.potassium] == NutrientTotal(amount: 0, gramsWithoutValue: 100, grams: 100))
        #expect(totals[.potassium].isUnknown)
    }

    @Test("custom foods and recipes: per-100 g values, and ingredients added up with their unknown share")
    func customFoods() throws {
        let bar = CustomFood(
            name: "granola bar", per100g: NutrientValues(energyKcal: 400, potassiumMg: 300),
            measures: [HouseholdMeasure(sequence: 1, amount: 1, unit: "bar", grams: 40)])
        let recipe = CustomFood(
            name: "apricot mix",
            ingredients: [
                .init(text: "50 g dried apricots", food: .usda(NDBNumber(rawValue: "09032")!), grams: 50),
                .init(text: "50 g pattie", food: .usda(NDBNumber(rawValue: "16609")!), grams: 50),
            ])
        let custom = FoodCatalog(database: builtInFoods, customFoods: [bar, recipe])
        let item = try custom.parseItem("2 bars granola bar")
        #expect(item.food == .custom("granola bar"))
        #expect(item.grams == 80)
        let entry = JournalEntry(
            id: 1, date: Self.day, meal: .lunch, amount: 2, unit: "bar", grams: 80, food: item.food, text: item.text)
        #expect(custom.nutrients(of: entry)[.potassium].amount == 240)
        #expect(custom.nutrients(of: entry)[.magnesium] == NutrientTotal(amount: 0, gramsWithoutValue: 80, grams: 80))
        let mix = JournalEntry(
            id: 2, date: Self.day, meal: .lunch, amount: 100, unit: "g", grams: 100, food: .custom("apricot mix"),
            text: "")
        let totals = custom.nutrients(of: mix)
        let expected: Double = 1162.0 * 50 / 100 + 531.0 * 50 / 100
        #expect(totals[.potassium].amount == expected)
        #expect(totals[.magnesium] == NutrientTotal(amount: 16, gramsWithoutValue: 50, grams: 100))
    }
}

import Testing
@testable import MineralIntake

@Suite("A custom food's values and measures, read as a person writes them")
struct CustomFoodParsingTests {
    @Test("values per 100 g: NUTRIENT=AMOUNT pairs, any nutrient name the reader knows")
    func values() throws {
        let values = try NutrientValues(parsing: "potassium=300, Mg = 50,vitamin_d=2.5")
        #expect(values[.potassium] == 300 && values[.magnesium] == 50 && values[.vitaminD] == 2.5)
        #expect(values[.calcium] == nil)  // not given is unknown, not zero
        #expect(throws: MineralIntakeError.invalidEntry(.customFood, "\"potassium\" is not NUTRIENT=AMOUNT")) {
            try NutrientValues(parsing: "potassium")
        }
        #expect(
            throws: MineralIntakeError.invalidEntry(
                .customFood, "\"K=-1\": \"-1\" is not an amount from 0 to 100000")
        ) {
            try NutrientValues(parsing: "K=-1")
        }
        #expect(throws: MineralIntakeError.self) { try NutrientValues(parsing: "zinc=5") }
    }

    @Test("a measure: NAME=GRAMS, more than 0 and at most 10,000 g")
    func measures() throws {
        let bar = try HouseholdMeasure(parsing: "bar = 40 g", sequence: 2)
        #expect(bar == HouseholdMeasure(sequence: 2, amount: 1, unit: "bar", grams: 40))
        for bad in ["bar", "=40", "bar=0", "bar=20000", "bar=lots"] {
            #expect(
                throws: MineralIntakeError.invalidEntry(
                    .customFood, "\"\(bad)\" is not accepted; give NAME=GRAMS, e.g. bar=40")
            ) {
                try HouseholdMeasure(parsing: bad, sequence: 1)
            }
        }
    }
}

import Foundation
@testable import MineralIntake

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The built-in database, parsed once for all tests.
let builtInFoods: FoodDatabase = {
    do { return try FoodDatabase.builtIn() } catch { fatalError("built-in food data does not load: \(error)") }
}()

func foodDataFile(_ name: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent("FoodData").appendingPathComponent(name), encoding: .utf8)
}

/// The built-in foods as a catalog, shared by the suites.
let catalog = FoodCatalog(database: builtInFoods)

/// A small deterministic random number generator for property tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The built-in catalog with one custom food, "oat brick" (per 100 g: 400 kcal, 300 mg potassium, 50 mg magnesium,
/// nothing else known), for journals that log a custom food.
let catalogWithOatBrick = FoodCatalog(
    database: catalog.database,
    customFoods: [
        CustomFood(name: "oat brick", per100g: NutrientValues(energyKcal: 400, potassiumMg: 300, magnesiumMg: 50))
    ])

/// A 35-year-old woman's targets (NASEM) on 2026-11-30.
func womanTargets() throws -> Targets {
    try ReferenceTables.builtIn().targets(
        for: Profile(sex: .female, ageYears: 35), on: CalendarDate(year: 2026, month: 11, day: 30)!)
}

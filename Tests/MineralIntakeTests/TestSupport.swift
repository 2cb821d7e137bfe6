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

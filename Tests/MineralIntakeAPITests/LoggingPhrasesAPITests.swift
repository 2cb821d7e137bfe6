import MineralIntake
import Testing

/// What an app that logs meals needs from the library, through the public API only.
@Suite("Logging phrases, as an outside package")
struct LoggingPhrasesAPITests {
    @Test("several foods a line, how each was found, structured candidates for an app's own pick list")
    func phrases() throws {
        let foods = try FoodDatabase.builtIn()
        var catalog = FoodCatalog(database: foods)
        let items = try catalog.parseItems("oatmeal with raisins and walnuts")
        #expect(items.count == 3)
        #expect(items.allSatisfy { $0.match == .everydayName && ($0.grams ?? 0) > 0 })

        var candidates: [FoodCandidate] = []
        do { _ = try catalog.parseItem("100 g almonds dry roasted") } catch {
            if case .ambiguousFood(_, let found) = error { candidates = found }
        }
        #expect(candidates.map(\.ndb.rawValue).prefix(2) == ["12063", "12563"])
        #expect(candidates.allSatisfy { !$0.why.isEmpty })

        // The app's pick list chose the second; it keeps the choice as a personal name.
        let names = PersonalNames().setting("almonds dry roasted", to: .usda(candidates[1].ndb))
        catalog = FoodCatalog(database: foods, personalNames: PersonalNames(text: names.text))
        let item = try catalog.parseItem("100 g almonds dry roasted")
        #expect(item.food == .usda(candidates[1].ndb) && item.match == .personalName)
    }
}

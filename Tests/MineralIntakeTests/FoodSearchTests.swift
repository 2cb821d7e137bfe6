import Testing
@testable import MineralIntake

@Suite("Food search")
struct FoodSearchTests {
    /// Everyday names from the article and daily staples, and the food each must find first.
    @Test(arguments: [
        ("dried apricots", "09032"), ("raisins", "09298"), ("almonds", "12061"), ("walnuts", "12155"),
        ("pumpkin seeds", "12014"), ("wheat bran", "20077"), ("oat bran", "20033"), ("buckwheat", "20010"),
        ("soybeans", "16109"), ("tofu", "16427"), ("soy milk", "16120"), ("oatmeal", "08121"),
        ("brown rice", "20037"), ("banana", "09040"), ("milk", "01077"), ("nuts", "12135"), ("bran", "20077"),
        ("soy", "16109"), ("cooked buckwheat", "20010"), ("whole wheat bread", "18075"), ("yogurt", "01116"),
        ("spinach", "11457"), ("salmon", "15236"), ("lentils", "16070"), ("egg", "01123"), ("potato", "11674"),
    ])
    func everydayNameComesFirst(name: String, ndb: String) throws {
        let first = try #require(try builtInFoods.search(name).first)
        #expect(first.food.ndb.rawValue == ndb)
        #expect(first.matchedEverydayName != nil)
    }

    @Test("raisins finds Raisins, seedless, not a cereal with raisins in it")
    func raisinsNotCereal() throws {
        let results = try builtInFoods.search("raisins", limit: 3)
        #expect(results.first?.food.description == "Raisins, seedless")
        #expect(results.allSatisfy { $0.food.description.hasPrefix("Raisins") })
    }

    @Test("accents and case do not matter")
    func accents() throws {
        #expect(try builtInFoods.search("Crème Brûlée") == (try builtInFoods.search("creme brulee")))
        #expect(try !builtInFoods.search("crème").isEmpty)
    }

    @Test(arguments: [
        ("RAISINS", "09298"), ("raisin", "09298"), ("Dried Apricot", "09032"), ("apricots dried", "09032"),
        ("rasins", "09298"), ("almnods", "12061"), ("pumkin seeds", "12014"), ("buckweat", "20010"),
        ("soymilk", "16120"), ("Raisins, seedless", "09298"), ("seedless raisins", "09298"),
    ])
    func tolerant(query: String, ndb: String) throws {
        let results = try builtInFoods.search(query, limit: 5)
        #expect(results.map(\.food.ndb.rawValue).contains(ndb), "\(query) → \(results.map(\.food.description))")
        #expect(results.first?.food.ndb.rawValue == ndb)
    }

    @Test("every word must match when some food matches them all")
    func allWords() throws {
        let results = try builtInFoods.search("almonds dry roasted", limit: 10)
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.food.description.hasPrefix("Nuts, almonds, dry roasted") })
    }

    @Test(arguments: ["", "   ", "!!", "\t"])
    func emptyQuery(query: String) {
        #expect(throws: MineralIntakeError.emptyQuery) { try builtInFoods.search(query) }
    }

    @Test("a query nothing matches returns no foods")
    func nothing() throws {
        #expect(try builtInFoods.search("qqqqxz").isEmpty)
    }

    @Test("limit caps the results")
    func limit() throws {
        #expect(try builtInFoods.search("cheese", limit: 4).count == 4)
    }
}

@Suite("Resolving a typed food name to one food")
struct FoodResolutionTests {
    @Test(arguments: [
        ("09032", "09032", FoodResolution.Match.ndbNumber), ("9032", "09032", .ndbNumber),
        ("dried apricots", "09032", .everydayName), ("Apricots, dried, sulfured, uncooked", "09032", .description),
        ("almonds dry roasted", "12063", .bestMatch),
    ])
    func resolves(text: String, ndb: String, match: FoodResolution.Match) throws {
        let resolution = try builtInFoods.resolve(text)
        #expect(resolution.food.ndb.rawValue == ndb)
        #expect(resolution.match == match)
        #expect(resolution.isUnambiguous == (match != .bestMatch))
    }

    @Test func unknownNumber() {
        #expect(throws: MineralIntakeError.unknownNDBNumber("99999")) { try builtInFoods.resolve("99999") }
        #expect(throws: MineralIntakeError.unknownNDBNumber("123456")) { try builtInFoods.resolve("123456") }
    }

    @Test func unknownNameSuggestsEverydayNames() {
        #expect(throws: MineralIntakeError.unknownFood("zzqx", suggestions: [])) { try builtInFoods.resolve("zzqx") }
        let error = MineralIntakeError.unknownFood("rasinz", suggestions: ["raisins"])
        #expect(error.description == "no food matches \"rasinz\"; did you mean \"raisins\"?")
    }
}

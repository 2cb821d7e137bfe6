import Testing
@testable import MineralIntake

/// Reading items into foods and weights: household words, sizes, counts, servings, several foods, supplements.
@Suite("Reading everyday items: household words, sizes, counts, several foods, supplement labels")
struct ItemReadingTests {
    static let cup = 236.5882365

    static let cases: [(String, String, Double)] = [
        ("a glass of milk", "01077", 240 * 244 / cup),
        ("a handful of almonds", "12061", 30),
        ("1 medium potato", "11674", 173),
        ("1 large egg", "01123", 50),
        ("1 avocado", "09037", 201),
        ("3 prunes", "09291", 28.5),
        ("10 almonds", "12061", 12),
        ("5 walnut halves", "12155", 10),  // USDA: 1 cup shelled (50 halves) = 100 g
        ("2 celery stalks", "11143", 80),  // USDA: 1 stalk, medium = 40 g
        ("12 oz beer", "14003", 12 * 29.5735295625 * 29.7 / 29.5735295625),
        ("1/2 cup vanilla ice cream", "19095", 66),  // USDA: serving 1/2 cup = 66 g
        ("a can of tuna", "15121", 165),
        ("salmon 150g", "15236", 150),
        ("200 g chicken", "05064", 200),
    ]

    @Test("reads food and grams", arguments: cases)
    func reads(text: String, ndb: String, grams: Double) throws {
        let item = try catalog.parseItem(text)
        #expect(item.food == .usda(NDBNumber(rawValue: ndb)!), "\(item.foodName)")
        let got = try #require(item.grams)
        #expect(abs(got - grams) < 1e-6, "\(text): \(got) g, \(item.explanation)")
    }

    @Test("no amount at all is one serving, and the line says so")
    func serving() throws {
        let tea = try catalog.parseItem("green tea")
        #expect(tea.explanation.hasPrefix("no amount given, so one serving: 1 cup"))
        let apple = try catalog.parseItem("apple")
        #expect(apple.grams == 182 && apple.explanation.hasPrefix("no amount given, so one: "))
        #expect(
            throws: MineralIntakeError.invalidEntry(
                .amount, "\"g raisins\" does not start with an amount; \(PhraseGrammar.usage)")
        ) {
            try catalog.parseItem("g raisins")
        }
    }

    @Test("several foods in a line: one item each; an addition after `with` is small; same kind twice is asked")
    func severalFoods() throws {
        let coffee = try catalog.parseItems("coffee with milk")
        #expect(coffee.map(\.food.description) == ["14209", "01077"])
        #expect(coffee[1].grams.map { abs($0 - 30 * 244 / Self.cup) < 1e-9 } == true)
        #expect(try catalog.parseItems("half and half").count == 1)
        #expect(throws: MineralIntakeError.self) { try catalog.parseItems("omelette with 2 eggs") }
        #expect(try catalog.parseItems("1 avocado, medium").count == 1)
    }

    @Test("a food found only because every word fits says so; a weak guess is a structured list of candidates")
    func howFound() throws {
        #expect(try catalog.parseItem("1 feijoa").match == .onlyMatch)
        #expect(try catalog.parseItem("50 g raisins").match == .everydayName)
        #expect(try catalog.parseItem("50 g 09298").match == .ndbNumber)
        do {
            _ = try catalog.parseItem("1/2 cup rasins")
            Issue.record("a typo was logged")
        } catch {
            guard case .ambiguousFood(let text, let candidates) = error else { Issue.record("\(error)"); return }
            #expect(text == "rasins")
            #expect(candidates.first.map { ($0.ndb.rawValue, $0.why) } ?? ("", "") == ("09298", "spelled like it"))
        }
        #expect(throws: MineralIntakeError.unknownFood("moon dust", suggestions: [])) {
            try catalog.parseItem("1 cup moon dust")
        }
    }

    @Test("a personal name comes before every other name")
    func personalName() throws {
        let names = PersonalNames().setting("Chicken", to: .usda(NDBNumber(rawValue: "05062")!))
        let mine = FoodCatalog(database: builtInFoods, personalNames: names)
        let item = try mine.parseItem("200 g chicken")
        #expect(item.food == .usda(NDBNumber(rawValue: "05062")!) && item.match == .personalName)
        let reread = PersonalNames(text: names.text + "broken line\n\tx\n")
        #expect(reread == names && reread.problems == ["line 3", "line 4"])
        #expect(
            PersonalNames().setting("a\tb\nc", to: .usda(NDBNumber(rawValue: "05062")!)).text.hasSuffix(
                "a b c\t05062\n"))
    }

    @Test("supplements as labels read: IU ÷ 40, compounds give the elemental amount printed on the label")
    func supplementLabels() throws {
        let d3 = try catalog.parseItem("vitamin D3 2000 IU")
        #expect(d3.food == .supplement(.vitaminD) && d3.amount == 50)
        let citrate = try catalog.parseItem("magnesium citrate 200 mg")
        #expect(citrate.food == .supplement(.magnesium) && citrate.amount == 200)
        #expect(citrate.explanation.contains("elemental"))
        let carbonate = try catalog.parseItem("calcium carbonate 500 mg")
        #expect(carbonate.food == .supplement(.calcium) && carbonate.amount == 500)
        // Salt is a food, not a sodium supplement.
        #expect(try catalog.parseItem("1 g salt").food == .usda(NDBNumber(rawValue: "02047")!))
    }
}

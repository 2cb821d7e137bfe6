import Testing
@testable import MineralIntake

/// The household-word and density tables: every row sourced, the most specific row wins, damage is refused.
@Suite("Household words and density stand-ins (FoodData tables)")
struct HouseholdWordsTests {
    static func food(_ ndb: String) -> Food { builtInFoods.food(NDBNumber(rawValue: ndb)!)! }

    @Test("every row has a source and a verification; volume rows are ml, weight rows g")
    func everyRowSourced() {
        let rows = builtInFoods.householdWords.rows.values.flatMap { $0 }
        #expect(rows.count >= 60)
        for row in rows {
            #expect(!row.source.isEmpty && HouseholdWords.verifications.contains(row.verification), "\(row.word)")
            #expect(row.amount > 0)
        }
        for word in [
            "glass", "mug", "bowl", "handful", "piece", "slice", "pinch", "dash", "scoop", "square", "can", "serving",
        ] {
            #expect(builtInFoods.householdWords.contains(word), "\(word)")
        }
    }

    @Test("the most specific row wins: a handful of nuts is not a handful of spinach")
    func mostSpecific() throws {
        let words = builtInFoods.householdWords
        #expect(words.row("handful", for: Self.food("12061"))?.amount == 30)  // almonds, nuts group
        #expect(words.row("handful", for: Self.food("09298"))?.amount == 40)  // raisins, by word
        #expect(words.row("handful", for: Self.food("11457"))?.isVolume == true)  // spinach: a cup of leaves
        #expect(words.row("handful", for: Self.food("11457"))?.amount == 240)
        #expect(words.row("glass", for: Self.food("14003"))?.amount == 355)  // a glass of beer
        #expect(words.row("glass", for: Self.food("01077"))?.amount == 240)
        #expect(words.row("scoop", for: Self.food("12061")) == nil)  // no scoop of almonds
    }

    @Test("damaged tables are refused, naming the file and line")
    func damaged() {
        let header = HouseholdWords.header.joined(separator: "\t") + "\n"
        #expect(
            throws: MineralIntakeError.invalidData(
                file: "household-words.tsv", line: 2, reason: "amount \"-3\" is not a number from 0 to 5000")
        ) {
            try HouseholdWords(text: header + "glass\t*\t\t-3\tml\tconvention: x\tconvention\n")
        }
        #expect(
            throws: MineralIntakeError.invalidData(
                file: "household-words.tsv", line: 2, reason: "unit \"cups\" is not g or ml")
        ) {
            try HouseholdWords(text: header + "glass\t*\t\t1\tcups\tconvention: x\tconvention\n")
        }
        #expect(throws: MineralIntakeError.self) { try HouseholdWords(text: header + "glass\t*\t\t240\tml\t\tguess\n") }
        var files = FoodDataFiles.builtIn
        files.densities = "ndb\tlike_ndb\treason\tverification\n01289\t99999\tmilk\tconvention\n"
        #expect(throws: MineralIntakeError.self) { try FoodDatabase(files: files) }
    }

    @Test("a food with no volume measure is measured by volume through its stand-in, and says it is derived")
    func densityStandIn() throws {
        let item = try catalog.parseItem("200 ml kefir")
        #expect(item.food == .usda(NDBNumber(rawValue: "01289")!))
        #expect(item.explanation.contains("derived: like 01082"))
        let grams = try #require(item.grams)
        #expect(abs(grams - 200 * 244 / 236.5882365) < 1e-9)
    }
}

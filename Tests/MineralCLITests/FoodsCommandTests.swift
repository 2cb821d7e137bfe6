import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

@Suite("mineral foods, in memory")
struct FoodsCommandTests {
    @Test("search prints a table with the everyday name's food first")
    func searchTable() {
        let result = mineral("foods", "search", "--limit", "2", "raisins")
        #expect(result.exitCode == .success)
        #expect(
            result.standardOutput == """
                #  NDB    kcal  K mg  Mg mg  Ca mg  Na mg  vit D µg  food (per 100 g)
                1  09298   299   749     32     50     11         0  Raisins, seedless  [raisins]
                2  09299   296   825     30     28     28         0  Raisins, seeded

                """)
        #expect(result.standardError.isEmpty)
    }

    @Test("search JSON decodes with the library's own types")
    func searchJSON() throws {
        let result = mineral("foods", "search", "--format", "json", "dried", "apricots")
        let decoded = try JSONDecoder().decode(
            VersionedOutput<[FoodSearchResult]>.self, from: Data(result.standardOutput.utf8))
        #expect(decoded.kind == "foods.search")
        #expect(decoded.schemaVersion == 3)
        #expect(decoded.data.first?.food.ndb.rawValue == "09032")
        #expect(decoded.data.first?.food.measures.first?.grams == 130)
    }

    @Test("unknown values are null in JSON, not left out and not 0")
    func nullInJSON() throws {
        let result = mineral("foods", "show", "--format", "json", "16609")
        #expect(result.standardOutput.contains("\"magnesium_mg\" : null"))
        let decoded = try JSONDecoder().decode(VersionedOutput<FoodDetail>.self, from: Data(result.standardOutput.utf8))
        #expect(decoded.data.food.per100g.magnesiumMg == nil)
        #expect(decoded.data.portions.count == decoded.data.food.measures.count + 1)
    }

    @Test("show prints per 100 g and per household measure, with sources")
    func show() {
        let result = mineral("foods", "show", "dried", "apricots")
        #expect(result.exitCode == .success)
        #expect(
            result.standardOutput == """
                Apricots, dried, sulfured, uncooked
                NDB 09032 · Fruits and Fruit Juices (0900) · everyday names: dried apricots

                portion        grams   kcal    K mg  Mg mg  Ca mg  Na mg  vit D µg
                100 g            100    241    1162     32     55     10         0
                1 cup, halves    130  313.3  1510.6   41.6   71.5     13         0
                1 half           3.5  8.435   40.67   1.12  1.925   0.35         0
                Source: USDA SR28, NDB 09032, per 100 g edible portion: energy nutrient 208, potassium 306, magnesium 304, calcium 301, sodium 307, vitamin D 328; measures from WEIGHT.txt.

                """)
    }

    @Test("show marks missing values and says what missing means")
    func showMissing() {
        let result = mineral("foods", "show", "16609")
        #expect(result.standardOutput.contains("missing"))
        #expect(result.standardOutput.contains("it is unknown, not zero"))
        #expect(result.standardOutput.contains("vitamin D 324 (IU) ÷ 40"))
    }

    @Test("show on an ambiguous name shows no weak guess: candidates on stderr and exit 65")
    func showAmbiguous() {
        let result = mineral("foods", "show", "almonds", "dry", "roasted")
        #expect(result.exitCode == .dataError)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("12563  Nuts, almonds, dry roasted, with salt added"))
        let injection = mineral("foods", "show", "'; DROP TABLE foods; --")
        #expect(injection.exitCode == .dataError && injection.standardOutput.isEmpty)
        #expect(injection.standardError.contains("is not the name of one food"))
    }

    @Test("show on the one food that has every word shows it and says how it was read")
    func showOnlyMatch() {
        let result = mineral("foods", "show", "feijoa")
        #expect(result.exitCode == .success)
        #expect(result.standardOutput.hasPrefix("Feijoa, raw\n"))
        #expect(result.standardError.contains("read as the one food that has every word"))
    }

    @Test("rich-in ranks and counts the foods it could not rank")
    func richIn() {
        let result = mineral("foods", "rich-in", "magnesium", "--limit", "2")
        #expect(
            result.standardOutput == """
                Foods richest in magnesium, mg per 100 g, all food groups

                #  NDB    mg per 100 g  food
                1  20060           781  Rice bran, crude
                2  11663           770  Seaweed, agar, dried

                Ranked 8050 foods. 739 have no magnesium value in USDA SR28 (unknown, not zero) and are not ranked.

                """)
    }

    @Test("rich-in per portion within a group")
    func richInPortion() throws {
        let result = mineral(
            "foods", "rich-in", "K", "--per", "portion", "--group", "fruits", "--limit", "1", "--format", "json")
        let ranking = try JSONDecoder().decode(
            VersionedOutput<NutrientRanking>.self, from: Data(result.standardOutput.utf8)
        ).data
        #expect(ranking.group?.code == "0900")
        #expect(ranking.basis == .perPortion)
        #expect(ranking.foods.first?.portion?.unit == "cup")
    }

    @Test(arguments: [
        (
            ["foods", "show", "99999"], ExitCode.dataError,
            "mineral: no food with NDB number 99999 in USDA SR28; find numbers with `mineral foods search NAME`\n"
        ),
        (
            ["foods", "rich-in", "iron"], .usage,
            "mineral: unknown nutrient \"iron\"; known nutrients: energy, potassium, magnesium, calcium, sodium, "
                + "vitamin_d (also K, Mg, Ca, Na, kcal)\n"
        ),
        (
            ["foods", "rich-in", "potasium"], .usage,
            "mineral: unknown nutrient \"potasium\"; did you mean \"potassium\"? known nutrients: energy, potassium, "
                + "magnesium, calcium, sodium, vitamin_d (also K, Mg, Ca, Na, kcal)\n"
        ),
        (
            ["foods", "search", " "], .usage,
            "mineral: empty food search; give some words of the food's name, e.g. \"dried apricots\"\n"
        ),
        (["foods", "search", "qqqqxz"], .dataError, "mineral: no food matches \"qqqqxz\"; try fewer or other words\n"),
        (["foods", "show", "zzqx"], .dataError, "mineral: no food matches \"zzqx\"\n"),
        (
            ["foods", "show", "rasinz"], .dataError,
            "mineral: no food matches \"rasinz\"; did you mean \"raisins\", \"rapini\"?\n"
        ),
        (
            ["foods", "rich-in", "K", "--group", "cereal"], .usage,
            "mineral: food group \"cereal\" matches several groups: 0800 Breakfast Cereals, 2000 Cereal Grains and "
                + "Pasta; give more of the name or the 4-digit code\n"
        ),
        (
            ["foods", "search", "x", "--limit", "0"], .usage,
            "mineral: --limit \"0\" is not accepted; give a whole number from 1 to 10000\n"
        ),
        (
            ["foods", "rich-in", "K", "--per", "cup"], .usage,
            "mineral: --per \"cup\" is not accepted; accepted: 100g, 100kcal, portion\n"
        ),
    ])
    func refuses(arguments: [String], code: ExitCode, message: String) {
        let result = commandLine().run(arguments)
        #expect(result.exitCode == code)
        #expect(result.standardError == message)
        #expect(result.standardOutput.isEmpty)
    }

    @Test("a damaged database is reported, not crashed on")
    func damagedDatabase() {
        let broken = MineralCommandLine(
            files: MemoryFileStore(), today: testToday,
            loadFoods: {
                throw MineralIntakeError.invalidData(file: "foods.tsv", line: 7, reason: "broken")
            })
        let result = broken.run(["foods", "search", "x"])
        #expect(result.exitCode == .dataError)
        #expect(result.standardError == "mineral: foods.tsv:7: broken\n")
    }
}

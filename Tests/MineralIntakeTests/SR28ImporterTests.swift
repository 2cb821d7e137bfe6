import Foundation
import Testing
@testable import MineralIntake

@Suite("SR28 importer")
struct SR28ImporterTests {
    /// A tiny release in SR28's own format: CRLF, `^` and `~`, Latin-1, one value missing, vitamin D only in IU.
    static func release(nutrients: String? = nil, weights: String? = nil) -> SR28Release {
        let foods =
            "~09032~^~0900~^~Apricots, dried, sulfured, uncooked~^~APRICOTS,DRIED~^^^~Y~^^0^^6.25^3.36^8.37^3.60\r\n"
            + "~22996~^~2200~^~Entr\u{E9}e, test~^~ENTREE~^~dinner~^^^^0^^^^^\r\n"
        let groups = "~0900~^~Fruits and Fruit Juices~\r\n~2200~^~Meals, Entrees, and Side Dishes~\r\n"
        let data =
            nutrients ?? [
                "~09032~^~208~^241^3^^~1~^^^^^^^^^^^^", "~09032~^~306~^1162^3^^~1~^^^^^^^^^^^^",
                "~09032~^~304~^32^3^^~1~^^^^^^^^^^^^", "~09032~^~301~^55^3^^~1~^^^^^^^^^^^^",
                "~09032~^~307~^10^3^^~1~^^^^^^^^^^^^", "~09032~^~328~^0.0^0^^~4~^^^^^^^^^^^^",
                "~09032~^~324~^0^0^^~4~^^^^^^^^^^^^", "~09032~^~203~^3.39^3^^~1~^^^^^^^^^^^^",
                "~22996~^~208~^99^1^^~1~^^^^^^^^^^^^", "~22996~^~306~^.5^1^^~1~^^^^^^^^^^^^",
                "~22996~^~324~^41^1^^~1~^^^^^^^^^^^^",
            ].joined(separator: "\r\n") + "\r\n"
        let weight = weights ?? "~09032~^1^1^~cup, halves~^130^^\r\n~22996~^1^1^~Entr\u{E9}e~^269^1^"
        func latin1(_ text: String) -> Data { text.data(using: .isoLatin1)! }
        return SR28Release(
            foodDescriptions: latin1(foods), foodGroups: latin1(groups), nutrientData: latin1(data),
            weights: latin1(weight))
    }

    @Test("imports values as USDA writes them, missing as empty, IU ÷ 40, Latin-1 as UTF-8")
    func golden() throws {
        let files = try SR28Importer.importRelease(Self.release(), names: "name\tndb\n")
        #expect(
            files.foods == """
                ndb\tgroup\tenergy_kcal\tpotassium_mg\tmagnesium_mg\tcalcium_mg\tsodium_mg\tvitamin_d_ug\tvitamin_d_source\tdescription\tusda_common_names
                09032\t0900\t241\t1162\t32\t55\t10\t0.0\t328\tApricots, dried, sulfured, uncooked\t
                22996\t2200\t99\t0.5\t\t\t\t1.025\t324/40\tEntrée, test\tdinner

                """)
        #expect(
            files.measures == "ndb\tseq\tamount\tunit\tgrams\n09032\t1\t1\tcup, halves\t130\n22996\t1\t1\tEntrée\t269\n"
        )
        #expect(files.groups == "code\tname\n0900\tFruits and Fruit Juices\n2200\tMeals, Entrees, and Side Dishes\n")
        let database = try FoodDatabase(files: files)
        #expect(
            database.foods[1].per100g == NutrientValues(energyKcal: 99, potassiumMg: 0.5, vitaminDMicrograms: 1.025))
    }

    @Test(arguments: [
        (release(nutrients: "~09032~^~306~^12^3\r\n"), "NUT_DATA.txt:1: 4 fields separated by ^, expected 18"),
        (release(nutrients: "~09099~^~306~^12^3^^~1~^^^^^^^^^^^^\r\n"), "NUT_DATA.txt:1: value for unknown food 09099"),
        (release(nutrients: "~09032~^~306~^x^3^^~1~^^^^^^^^^^^^\r\n"), "NUT_DATA.txt:1: value \"x\" is not a number"),
        (
            release(nutrients: "~09032~^~306~^1^3^^~1~^^^^^^^^^^^^\r\n~09032~^~306~^2^3^^~1~^^^^^^^^^^^^\r\n"),
            "NUT_DATA.txt:2: second value of nutrient 306 for 09032"
        ),
        (release(weights: "~09099~^1^1^~cup~^130^^\r\n"), "WEIGHT.txt:1: measure for unknown food 09099"),
        (release(weights: "~09032~^1^1^~cup~^0^^\r\n"), "WEIGHT.txt:1: Gm_Wgt \"0\" is not a positive number"),
    ])
    func refused(release: SR28Release, message: String) {
        #expect(
            throws: MineralIntakeError.invalidData(
                file: String(message.split(separator: ":")[0]), line: Int(message.split(separator: ":")[1])!,
                reason: message.split(separator: ":", maxSplits: 2)[2].trimmingCharacters(in: .whitespaces))
        ) {
            try SR28Importer.importRelease(release, names: "name\tndb\n")
        }
    }
}

import Foundation
import Testing
@testable import MineralIntake

@Suite("FoodData files and the compiled-in copy")
struct FoodDataFilesTests {
    @Test("the compiled-in copy is exactly FoodData/ (run `swift run mineral-import` after editing names.tsv)")
    func embeddedEqualsFoodData() throws {
        let files = FoodDataFiles.builtIn
        #expect(files.foods == (try foodDataFile("foods.tsv")))
        #expect(files.measures == (try foodDataFile("measures.tsv")))
        #expect(files.groups == (try foodDataFile("groups.tsv")))
        #expect(files.names == (try foodDataFile("names.tsv")))
        #expect(files.householdWords == (try foodDataFile("household-words.tsv")))
        #expect(files.densities == (try foodDataFile("densities.tsv")))
        let indexes = try #require(files.indexes)
        for (name, text) in indexes.files {
            #expect(text == (try foodDataFile(name)), "\(name)")
        }
    }

    @Test(
        "the compiled-in index tables are the ones a checked load of the files makes (run `swift run mineral-import`)")
    func indexesAreCurrent() throws {
        let checked = try FoodDatabase(files: .builtIn)
        let made = checked.indexes()
        let compiled = try #require(FoodDataFiles.builtIn.indexes)
        for ((name, mine), (_, theirs)) in zip(made.files, compiled.files) {
            #expect(mine == theirs, "\(name)")
        }
        #expect(checked == builtInFoods)
    }

    @Test("the database read through its tables equals a checked load, food by food, field by field")
    func tablesReadAsTheFilesSay() throws {
        let checked = try FoodDatabase(files: .builtIn)
        // The built-in one opened its tables; the checked one parsed every line.
        #expect(builtInFoods.lazyIndex.isReady && !checked.lazyIndex.isReady)
        #expect(checked.foods.count == builtInFoods.foods.count)
        for position in checked.foods.indices {
            #expect(builtInFoods.foods[position] == checked.foods[position], "food \(position)")
        }
        #expect(builtInFoods.everydayNames == checked.everydayNames)
    }

    @Test("each food's household measures are the lines of measures.tsv, read plainly")
    func measuresReadPlainly() throws {
        var expected: [String: [HouseholdMeasure]] = [:]
        for line in FoodDataFiles.builtIn.measures.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == 5, let sequence = Int(fields[1]), let amount = Double(fields[2]),
                let grams = Double(fields[4])
            else { continue }
            expected[fields[0], default: []].append(
                HouseholdMeasure(sequence: sequence, amount: amount, unit: fields[3], grams: grams))
        }
        #expect(expected.count > 5000)
        for food in builtInFoods.foods {
            #expect(food.measures == (expected[food.ndb.rawValue] ?? []), "\(food.ndb)")
        }
    }

    @Test("every search gives what a freshly built index gives")
    func searchIndexAgrees() throws {
        let built = SearchIndex(store: builtInFoods.store)
        let compiled = builtInFoods.index
        #expect(compiled.wordCount == built.wordCount)
        for id in stride(from: 0, to: built.wordCount, by: 7) {
            #expect(
                compiled.word(id) == built.word(id) && compiled.postings(of: id) == built.postings(of: id), "word \(id)"
            )
        }
        for query in [
            "apricot", "rasins", "milk", "dried apricots", "chese chedar", "apricot halves", "kasha", "2% milk", "bran",
        ] {
            #expect(
                compiled.search(query, limit: 20).map(\.food) == built.search(query, limit: 20).map(\.food), "\(query)")
        }
    }

    @Test("damaged index tables are not used: the database is checked and built from the files instead")
    func damagedTables() throws {
        #expect(FixedWidthTable("no header\n1\n") == nil)
        #expect(FixedWidthTable("# header\n12\t3\n4\n") == nil)  // records of unequal length
        #expect(FixedWidthTable("# header\n12\t3\n45\t6") == nil)  // the last one cut short
        #expect(FixedWidthTable("# header\n12\t3\n45\t6\n")?.count == 2)
        var files = FoodDataFiles.builtIn
        files.indexes?.searchWords = "garbage"
        files.indexes?.foods = "# wrong header\n1\n"
        let database = try FoodDatabase(files: files, trustingDerivedFiles: true)
        #expect(try database.search("raisins").first?.food.ndb.rawValue == "09298")
        #expect(database.food(NDBNumber(rawValue: "09032")!)?.per100g.potassiumMg == 1162)
    }

    @Test("all 8,789 SR28 foods, 15,438 measures and 25 groups are there")
    func counts() {
        #expect(builtInFoods.foods.count == 8789)
        #expect(builtInFoods.foods.reduce(0) { $0 + $1.measures.count } == 15438)
        #expect(builtInFoods.groups.count == 25)
    }

    @Test("a value USDA does not have stays unknown, never zero")
    func unknownIsNotZero() {
        func missing(_ nutrient: Nutrient) -> Int { builtInFoods.foods.filter { $0.per100g[nutrient] == nil }.count }
        #expect(missing(.energy) == 0)
        #expect(missing(.potassium) == 426)
        #expect(missing(.magnesium) == 739)
        #expect(missing(.calcium) == 348)
        #expect(missing(.sodium) == 83)
        #expect(missing(.vitaminD) == 3211)
        let breakfastPattie = builtInFoods.food(NDBNumber(rawValue: "16609")!)!
        #expect(breakfastPattie.per100g.magnesiumMg == nil)
    }

    @Test("dried apricots as the USDA README gives them: 1162 mg K per 100 g, 130 g a cup")
    func driedApricots() throws {
        let food = try #require(builtInFoods.food(NDBNumber(rawValue: "09032")!))
        #expect(food.description == "Apricots, dried, sulfured, uncooked")
        #expect(food.groupCode == "0900")
        #expect(
            food.per100g
                == NutrientValues(
                    energyKcal: 241, potassiumMg: 1162, magnesiumMg: 32, calciumMg: 55, sodiumMg: 10,
                    vitaminDMicrograms: 0))
        #expect(food.vitaminDSource == .micrograms328)
        let cup = try #require(food.measures.first)
        #expect(cup == HouseholdMeasure(sequence: 1, amount: 1, unit: "cup, halves", grams: 130))
        #expect(food.nutrients(inGrams: cup.grams).potassiumMg == 1510.6)
        #expect(food.everydayNames == ["dried apricots"])
    }

    @Test("vitamin D comes from nutrient 324 in IU ÷ 40 only where nutrient 328 is absent")
    func vitaminDFromInternationalUnits() throws {
        let pattie = try #require(builtInFoods.food(NDBNumber(rawValue: "16609")!))
        #expect(pattie.vitaminDSource == .internationalUnits324)
        #expect(pattie.per100g.vitaminDMicrograms == 0.025)  // USDA: 1 IU
        #expect(builtInFoods.foods.filter { $0.vitaminDSource == .internationalUnits324 }.count == 51)
        #expect(pattie.source(of: .vitaminD) == "USDA SR28 NDB 16609, nutrient 324 (IU) ÷ 40")
    }

    @Test("every curated everyday name names a food, and reads differently from every other")
    func everydayNames() throws {
        let names = builtInFoods.foods.flatMap(\.everydayNames)
        let listed = try foodDataFile("names.tsv").split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.hasPrefix("name\t") }
        #expect(names.count == listed.count)
        #expect(Set(names.map { TextNormalizer.tokens($0).sorted() }).count == names.count)
    }
}

@Suite("Loading food data refuses damaged files, naming the file and line")
struct FoodDataLoadingErrorTests {
    static let groups = "code\tname\n0900\tFruits and Fruit Juices\n"
    static let header = FoodDataFiles.foodsHeader.joined(separator: "\t")
    static let names = "name\tndb\n"
    static let measures = "ndb\tseq\tamount\tunit\tgrams\n"

    static func files(foods: String, measures: String = measures, names: String = names) -> FoodDataFiles {
        FoodDataFiles(foods: header + "\n" + foods, measures: measures, groups: groups, names: names)
    }

    @Test("a good minimal file loads, empty fields as unknown")
    func minimal() throws {
        let database = try FoodDatabase(
            files: Self.files(foods: "09032\t0900\t241\t1162\t\t55\t10\t\t\tApricots, dried\t\n"))
        #expect(database.foods.count == 1)
        #expect(database.foods[0].per100g.magnesiumMg == nil)
        #expect(database.foods[0].per100g.vitaminDMicrograms == nil)
    }

    @Test(arguments: [
        (
            files(foods: "09032\t0900\t241\n"),
            "foods.tsv:2: 3 tab-separated fields, expected 11 (\(FoodDataFiles.foodsHeader.joined(separator: ", ")))"
        ),
        (files(foods: "9032\t0900\t241\t1\t1\t1\t1\t\t\tX\t\n"), "foods.tsv:2: NDB number \"9032\" is not 5 digits"),
        (files(foods: "09032\t0901\t241\t1\t1\t1\t1\t\t\tX\t\n"), "foods.tsv:2: unknown food group \"0901\""),
        (
            files(foods: "09032\t0900\tlots\t1\t1\t1\t1\t\t\tX\t\n"),
            "foods.tsv:2: energy \"lots\" is not a number (leave it empty when unknown)"
        ),
        (
            files(foods: "09032\t0900\t1\t1\t1\t1\t1\t0.5\t\tX\t\n"),
            "foods.tsv:2: vitamin D source \"\" must be 328 or 324/40 exactly when a vitamin D value is given"
        ),
        (
            files(foods: "09033\t0900\t1\t1\t1\t1\t1\t\t\tX\t\n09032\t0900\t1\t1\t1\t1\t1\t\t\tY\t\n"),
            "foods.tsv:3: NDB number 09032 is not after 09033: foods must be sorted"
        ),
        (
            files(foods: "09032\t0900\t1\t1\t1\t1\t1\t\t\tX\t\n", measures: measures + "09033\t1\t1\tcup\t130\n"),
            "measures.tsv:2: measure for food 09033, which is not in foods.tsv (or not in NDB order)"
        ),
        (
            files(foods: "09032\t0900\t1\t1\t1\t1\t1\t\t\tX\t\n", measures: measures + "09032\t1\t0\tcup\t130\n"),
            "measures.tsv:2: seq, amount and grams must be positive numbers"
        ),
        (
            files(foods: "09032\t0900\t1\t1\t1\t1\t1\t\t\tX\t\n", names: names + "apricots\t09099\n"),
            "names.tsv:2: \"apricots\" names food 09099, which is not in foods.tsv"
        ),
        (
            files(foods: "09032\t0900\t1\t1\t1\t1\t1\t\t\tX\t\n", names: names + "apricots\t09032\nApricot\t09032\n"),
            "names.tsv:3: \"Apricot\" reads the same as the name on line 2"
        ),
        (
            FoodDataFiles(foods: "ndb\tgroup\n", measures: measures, groups: groups, names: names),
            "foods.tsv:1: header is \"ndb\\tgroup\", expected \"\(header.replacingOccurrences(of: "\t", with: "\\t"))\""
        ),
        (FoodDataFiles(foods: "", measures: measures, groups: groups, names: names), "foods.tsv:1: no header line"),
    ])
    func refused(files: FoodDataFiles, message: String) {
        #expect(throws: MineralIntakeError.self) { try FoodDatabase(files: files) }
        do {
            _ = try FoodDatabase(files: files)
        } catch {
            #expect(error.description == message)
        }
    }
}

@Suite("Reference tables: the compiled-in copy and its source")
struct ReferenceDataFilesTests {
    @Test("the compiled-in tables are exactly FoodData/reference/")
    func embeddedEqualsCopy() throws {
        #expect(ReferenceDataFiles.builtIn.targets == (try foodDataFile("reference/targets.csv")))
        #expect(ReferenceDataFiles.builtIn.sweat == (try foodDataFile("reference/sweat.csv")))
    }

    @Test("the built-in tables, their sweat and SD tables read on first use, equal a checked load of every table")
    func builtInEqualsCheckedLoad() throws {
        let files = ReferenceDataFiles.builtIn
        let checked = try ReferenceTables(
            targetsCSV: files.targets, sweatCSV: files.sweat, withinPersonSDCSV: files.withinPersonSD)
        let builtIn = try ReferenceTables.builtIn()
        #expect(builtIn == checked)
        #expect(builtIn.sweat.sweatRate.value > 0 && builtIn.withinPersonSDs.count == 50)
    }

    static let sharedReference = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")

    @Test(
        "FoodData/reference/ is a verbatim copy of ../shared/reference/",
        .enabled(
            if: FileManager.default.fileExists(atPath: sharedReference.appendingPathComponent("targets.csv").path),
            "../shared/reference is not beside the package"))
    func copyEqualsShared() throws {
        let shared = Self.sharedReference
        for name in ["targets.csv", "sweat.csv"] {
            let original = try String(contentsOf: shared.appendingPathComponent(name), encoding: .utf8)
            #expect(original == (try foodDataFile("reference/\(name)")), "\(name)")
        }
    }
}

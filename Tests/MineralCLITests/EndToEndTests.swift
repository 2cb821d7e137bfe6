import Foundation
import Synchronization
import MineralImport
import MineralIntake
import Testing
@testable import MineralCLI

@Suite("mineral binary, end to end")
struct EndToEndTests {
    @Test("foods search writes the table to stdout and exits 0")
    func search() throws {
        let outcome = try runMineral(["foods", "search", "--limit", "1", "dried apricots"])
        #expect(
            outcome
                == ProcessOutcome(
                    standardOutput: """
                        #  NDB    kcal  K mg  Mg mg  Ca mg  Na mg  vit D µg  food (per 100 g)
                        1  09032   241  1162     32     55     10         0  Apricots, dried, sulfured, uncooked  [dried apricots]

                        """,
                    standardError: "", exitCode: 0))
    }

    @Test(arguments: [
        (["foods", "show", "99999"], Int32(65), "no food with NDB number 99999"),
        (["foods", "rich-in", "iron"], 64, "unknown nutrient \"iron\""),
        (["foods", "search", ""], 64, "empty food search"),
        (["fods"], 64, "did you mean \"foods\"?"),
    ])
    func badInput(arguments: [String], code: Int32, message: String) throws {
        let outcome = try runMineral(arguments)
        #expect(outcome.exitCode == code)
        #expect(outcome.standardError.hasPrefix("mineral: "))
        #expect(outcome.standardError.contains(message))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("--help and --version")
    func help() throws {
        let help = try runMineral(["--help"])
        #expect(help.exitCode == 0)
        #expect(help.standardOutput.contains("mineral foods rich-in NUTRIENT"))
        let version = try runMineral(["--version"])
        #expect(version.standardOutput.hasPrefix("mineral "))
    }

    @Test("a copy of the binary alone in another directory still has its food data")
    func copiedBinary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mineral-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("mineral")
        try FileManager.default.copyItem(at: mineralBinary, to: copy)
        let outcome = try runProcess(copy, ["foods", "show", "--format", "json", "09032"], directory: directory)
        #expect(outcome.exitCode == 0)
        let detail = try JSONDecoder().decode(VersionedOutput<FoodDetail>.self, from: Data(outcome.standardOutput.utf8))
        #expect(detail.data.food.per100g.potassiumMg == 1162)
    }
}

@Suite("FoodData is what the importer makes of USDA SR28")
struct FoodDataRebuildTests {
    @Test(
        "importing ../shared/data/usda-sr28 again gives the committed FoodData/ files",
        .enabled(
            if: SR28Files.isPresent(in: SR28Files.defaultDirectory(packageRoot: packageRoot)),
            "the USDA SR28 release is not beside the package"))
    func rebuildMatches() throws {
        let directory = SR28Files.defaultDirectory(packageRoot: packageRoot)
        let names = try String(contentsOf: packageRoot.appendingPathComponent("FoodData/names.tsv"), encoding: .utf8)
        var imported = try SR28Importer.importRelease(try SR28Files.load(from: directory), names: names)
        func committed(_ name: String) throws -> String {
            try String(
                contentsOf: packageRoot.appendingPathComponent("FoodData").appendingPathComponent(name), encoding: .utf8
            )
        }
        // The hand-written tables are compiled in as they are.
        imported.householdWords = try committed(FoodDataFiles.FileName.householdWords)
        imported.densities = try committed(FoodDataFiles.FileName.densities)
        imported.indexes = try FoodDatabase(files: imported).indexes()
        #expect(imported.foods == (try committed("foods.tsv")))
        #expect(imported.measures == (try committed("measures.tsv")))
        #expect(imported.groups == (try committed("groups.tsv")))
        for (name, text) in try #require(imported.indexes).files {
            #expect(text == (try committed(name)), "\(name)")
        }
        #expect(
            imported.embeddedSwiftSource()
                == (try String(
                    contentsOf: packageRoot.appendingPathComponent(
                        "Sources/MineralIntake/Generated/EmbeddedFoodData.swift"),
                    encoding: .utf8)))
    }
}

@Suite("mineral profile on disk, end to end")
struct ProfileEndToEndTests {
    @Test("profile set creates an owner-only file in a new data directory; bad input writes nothing")
    func ownerOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mineral-home-\(UUID().uuidString)/data")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let bad = try runMineral([
            "profile", "set", "--sex", "male", "--age", "30", "--pregnant", "--data-dir", directory.path,
        ])
        #expect(bad.exitCode == 64)
        #expect(!FileManager.default.fileExists(atPath: directory.path))
        let good = try runMineral(["profile", "set", "--sex", "female", "--age", "30", "--data-dir", directory.path])
        #expect(good.exitCode == 0)
        let file = directory.appendingPathComponent("profile.json").path
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: directory.path)
        #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let refused = try runMineral(["profile", "set", "--age", "131", "--data-dir", directory.path])
        #expect(refused.exitCode == 64)
        #expect(refused.standardError == "mineral: age 131 is over 130; give an age from 1 to 130 years\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        let targets = try runMineral(["targets", "--data-dir", directory.path])
        #expect(targets.exitCode == 0)
        #expect(targets.standardOutput.hasPrefix("Daily targets for a 30-year-old female"))
    }
}

@Suite("mineral log on disk, end to end")
struct JournalEndToEndTests {
    static func temporaryHome() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mineral-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("log creates an owner-only journal a person can read; day reads it back")
    func logAndDay() throws {
        let home = try Self.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["MINERAL_HOME": home.path, "PATH": "/usr/bin:/bin"]
        let logged = try runMineral(
            ["log", "50 g dried apricots", "--meal", "breakfast", "--date", "2026-11-24"], environment: environment)
        #expect(logged.exitCode == 0)
        #expect(logged.standardError.isEmpty)
        let journal = home.appendingPathComponent("journal.tsv")
        let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(
            try String(contentsOf: journal, encoding: .utf8).hasSuffix(
                "1\t2026-11-24\tbreakfast\t50\tg\t50\t09032\t50 g dried apricots\n"))
        let piped = try runMineral(
            ["log", "--date", "2026-11-24", "--meal", "snack"], input: "1 banana\n2 oz almonds\n",
            environment: environment)
        #expect(piped.exitCode == 0)
        let day = try runMineral(["day", "2026-11-24"], environment: environment)
        #expect(day.exitCode == 0)
        #expect(day.standardOutput.contains("2 oz almonds"))
        #expect(day.standardOutput.contains("No profile: set one"))
        let bad = try runMineral(["log", "2 cupz raisins"], environment: environment)
        #expect(bad.exitCode == 65)
        #expect(
            bad.standardError.hasPrefix(
                "mineral: unknown unit \"cupz\" in \"2 cupz raisins\"; known units for Raisins, seedless: g, kg, mg, "
                    + "oz, lb"
            ))
        #expect(
            try String(contentsOf: journal, encoding: .utf8).components(separatedBy: "\n").filter {
                $0.hasPrefix("4\t")
            }.isEmpty)
    }

    @Test("several mineral log processes at once all land, each entry whole, ids unique")
    func concurrentWriters() throws {
        let home = try Self.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["MINERAL_HOME": home.path]
        let writers = 4
        let itemsEach = 10
        let group = DispatchGroup()
        let failures = Mutex(0)
        for writer in 0..<writers {
            DispatchQueue.global().async(group: group) {
                for item in 0..<itemsEach {
                    let outcome = try? runMineral(
                        ["log", "\(writer * 100 + item + 1) g almonds", "--date", "2026-11-24"],
                        environment: environment)
                    if outcome?.exitCode != 0 { failures.withLock { $0 += 1 } }
                }
            }
        }
        group.wait()
        #expect(failures.withLock { $0 } == 0)
        let text = try String(contentsOf: home.appendingPathComponent("journal.tsv"), encoding: .utf8)
        let journal = JournalFormat.parse(text)
        #expect(journal.problems.isEmpty)
        #expect(journal.entries.count == writers * itemsEach)
        let ids = Set(journal.entries.map(\.id))
        #expect(ids == Set(1...(writers * itemsEach)))
        var expectedGrams = Set<Double>()
        for writer in 0..<writers {
            for item in 0..<itemsEach { expectedGrams.insert(Double(writer * 100 + item + 1)) }
        }
        let grams = Set(journal.entries.compactMap(\.grams))
        #expect(grams == expectedGrams)
    }

    @Test("a journal that cannot be written is reported with exit 74 and nothing changes")
    func unwritable() throws {
        let home = try Self.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        // A directory where the journal should be: no write can succeed, whoever runs the test.
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent("journal.tsv"), withIntermediateDirectories: true)
        let outcome = try runMineral(["log", "50 g almonds"], environment: ["MINERAL_HOME": home.path])
        #expect(outcome.exitCode == 74)
        #expect(outcome.standardError.hasPrefix("mineral: cannot"))
        #expect(outcome.standardOutput.isEmpty)
        // An export of it says it cannot read the journal, and leaves the file it was to write as it was.
        let output = home.deletingLastPathComponent().appendingPathComponent("export-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: output) }
        try Data("kept\n".utf8).write(to: output)
        let export = try runMineral(
            ["export", "--output", output.path], environment: ["MINERAL_HOME": home.path])
        #expect(export.exitCode == 74)
        #expect(
            export.standardError.hasPrefix("mineral: cannot read \(home.path)/journal.tsv"), "\(export.standardError)")
        #expect(try Data(contentsOf: output) == Data("kept\n".utf8))
    }
}

@Suite("The example consumer of the library")
struct ExampleConsumerTests {
    @Test("mineral-example-verdicts reads a CSV week and prints the verdicts, through the public API only")
    func verdicts() throws {
        let binary = mineralBinary.deletingLastPathComponent().appendingPathComponent("mineral-example-verdicts")
        let debugBinary = packageRoot.appendingPathComponent(".build/debug/mineral-example-verdicts")
        let executable = FileManager.default.isExecutableFile(atPath: binary.path) ? binary : debugBinary
        let csv = packageRoot.appendingPathComponent("Examples/WeekVerdicts/week.csv")
        let outcome = try runProcess(executable, [csv.path, "--sex", "female", "--age", "31"])
        #expect(outcome.exitCode == 0)
        #expect(
            outcome.standardOutput == """
                2026-W47: 5 days logged
                potassium: below_adequate_intake
                magnesium: likely_deficiency
                calcium: likely_deficiency
                sodium: below_adequate_intake
                vitamin D: likely_deficiency

                """)
    }
}

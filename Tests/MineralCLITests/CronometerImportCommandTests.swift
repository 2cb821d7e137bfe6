import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

@Suite("mineral import --from cronometer, in memory")
struct CronometerImportCommandTests {
    static let servings = """
        Day,Group,Food Name,Amount,Energy (kcal),Potassium (mg),Magnesium (mg),Calcium (mg),Sodium (mg),Vitamin D (IU)
        2026-11-02,Breakfast,"Oatmeal, cooked with water",1.00 cup,166.1,163.8,63.2,21.1,9.4,0.0
        2026-11-02,Lunch,"Soup, ""Grandma's"" lentil, homemade",1.50 serving,310.0,,45.0,60.0,820.0,
        2026-11-02,Dinner,"Salmon, Atlantic, farmed, cooked",150.00 g,309.0,576.0,45.0,22.5,88.5,784.0
        2026-11-03,Pre-workout,Banana,1.00 medium,105.0,422.4,31.9,5.9,1.2,0.0

        """
    static let summary = "Date,Energy (kcal),Completed\n2026-11-02,785.1,true\n2026-11-03,105.0,false\n"

    static func files() -> MemoryFileStore {
        MemoryFileStore(files: ["/servings.csv": Data(servings.utf8), "/summary.csv": Data(summary.utf8)])
    }

    @Test("servings become entries with Cronometer's amounts; the summary's completed days are marked; said plainly")
    func imports() throws {
        let files = Self.files()
        let result = commandLine(files).run(["import", "--from", "cronometer", "/servings.csv", "/summary.csv"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        #expect(
            result.standardOutput == """
                Imported 4 servings from Cronometer (ids 1–4) from /servings.csv, with Cronometer's amounts
                  logged as snack: servings in groups that are no meal: Pre-workout (1)
                  2 empty nutrient cells kept as unknown (reports count them as foods without a value)
                Marked 1 of 2 days complete from /summary.csv (the days Cronometer marks Completed)

                """)
        let journal = JournalFormat.parse(files.contents["/data/journal.tsv"] ?? "")
        #expect(journal.problems.isEmpty && journal.entries.count == 4)
        #expect(
            journal.entries[2].food.description
                == "recorded:cronometer|309|576|45|22.5|88.5|19.6|Salmon, Atlantic, farmed, cooked")
        #expect(files.contents["/data/complete-days.txt"]?.hasSuffix("2026-11-02\n") == true)
        // The day shows Cronometer's figures, the unknown cell as missing, and the total as a lower bound.
        // On an 80-column terminal every line fits.
        var narrow = commandLine(files)
        narrow.terminalWidth = 80
        narrow.standardOutputIsTerminal = true
        let day = narrow.run(["day", "2026-11-02"]).standardOutput
        #expect(day.contains("missing") && day.contains("1 serving ") && day.contains("a lower bound"))
        #expect(day.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(day)")
        #expect(
            commandLine(files).run(["day", "2026-11-02"]).standardOutput.contains(
                "Salmon, Atlantic, farmed, cooked (Cronometer)"))
    }

    @Test("the same file again is refused as a second import; a bad file imports nothing and marks nothing")
    func refusals() throws {
        let files = Self.files()
        #expect(commandLine(files).run(["import", "--from", "cronometer", "/servings.csv"]).exitCode == .success)
        let journal = files.contents["/data/journal.tsv"]
        let again = commandLine(files).run(["import", "--from", "cronometer", "/servings.csv"])
        #expect(
            again.exitCode == .dataError
                && again.standardError.contains("4 of 4 rows of /servings.csv are already in the journal"))
        #expect(files.contents["/data/journal.tsv"] == journal)

        let bad = MemoryFileStore(files: [
            "/bad.csv": Data((Self.servings + "2026-11-04,Lunch,Apple,1.00 medium,95,-3,9,11,2,0\n").utf8),
            "/summary.csv": Data(Self.summary.utf8),
        ])
        let refused = commandLine(bad).run(["import", "--from", "cronometer", "/summary.csv", "/bad.csv"])
        #expect(refused.exitCode == .dataError)
        #expect(
            refused.standardError.contains(
                "/bad.csv:6: Potassium (mg) \"-3\" is not a number (an empty cell means unknown)"))
        #expect(refused.standardError.hasSuffix("nothing was imported\n"))
        #expect(bad.contents.keys.sorted() == ["/bad.csv", "/summary.csv"])
    }

    @Test("files that are not Cronometer exports, and two files without --from, are refused with what is accepted")
    func wrongFiles() {
        let files = MemoryFileStore(files: [
            "/mine.csv": Data("date,meal,food,grams\n".utf8), "/servings.csv": Data(Self.servings.utf8),
        ])
        let notCronometer = commandLine(files).run(["import", "--from", "cronometer", "/mine.csv"])
        #expect(
            notCronometer.exitCode == .dataError && notCronometer.standardError.contains("is not a Cronometer export"))
        let two = commandLine(files).run(["import", "/mine.csv", "/servings.csv"])
        #expect(two.exitCode == .usage && two.standardError.contains("two only with --from cronometer"))
        let format = commandLine(files).run(["import", "--from", "cronometer", "--format", "json", "/servings.csv"])
        #expect(format.exitCode == .usage)
        #expect(files.contents["/data/journal.tsv"] == nil)
    }

    @Test("recorded entries export and import back unchanged")
    func roundTrip() throws {
        let files = Self.files()
        _ = commandLine(files).run(["import", "--from", "cronometer", "/servings.csv"])
        let csv = commandLine(files).run(["export"]).standardOutput
        #expect(csv.contains(",\"recorded:cronometer|310||45|60|820||Soup, \"\"Grandma's\"\" lentil, homemade\","))
        let other = MemoryFileStore(files: ["/in.csv": Data(csv.utf8)])
        #expect(commandLine(other).run(["import", "/in.csv"]).exitCode == .success)
        let before = JournalFormat.parse(files.contents["/data/journal.tsv"] ?? "").entries
        let after = JournalFormat.parse(other.contents["/data/journal.tsv"] ?? "").entries
        #expect(
            Set(after.map(\.food)) == Set(before.map(\.food))
                && after.map(\.grams).sorted { ($0 ?? 0) < ($1 ?? 0) }
                    == before.map(\.grams).sorted { ($0 ?? 0) < ($1 ?? 0) }
        )
    }
}

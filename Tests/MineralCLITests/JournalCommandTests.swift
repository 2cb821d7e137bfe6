import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

@Suite("mineral log, day, entries, undo, remove, edit, check, in memory")
struct JournalCommandTests {
    static func cli(_ files: MemoryFileStore, stdin: String? = nil) -> MineralCommandLine {
        MineralCommandLine(
            environment: ["MINERAL_HOME": "/data"], files: files, today: testToday, defaultMeal: .lunch,
            readStandardInput: { stdin })
    }

    static func journal(_ files: MemoryFileStore) -> Journal {
        JournalFormat.parse(files.contents["/data/journal.tsv"] ?? "")
    }

    @Test("log writes one line per item with date, meal, amount, unit, grams, food and the text typed")
    func log() throws {
        let files = MemoryFileStore()
        let result = Self.cli(files).run([
            "log", "50 g dried apricots", "1/2 cup raisins", "--meal", "breakfast", "--date", "2026-11-24",
        ])
        #expect(result.exitCode == .success)
        #expect(
            result.standardOutput.hasPrefix(
                "Logged #1 2026-11-24 breakfast: 50 g dried apricots → Apricots, dried, sulfured, uncooked (09032)\n"))
        let text = try #require(files.contents["/data/journal.tsv"])
        #expect(
            text == JournalFormat.header
                + "1\t2026-11-24\tbreakfast\t50\tg\t50\t09032\t50 g dried apricots\n"
                + "2\t2026-11-24\tbreakfast\t0.5\tcup (not packed)\t72.5\t09298\t1/2 cup raisins\n")
        _ = Self.cli(files).run(["log", "1", "banana", "--date", "yesterday"])
        let banana = try #require(Self.journal(files).entries.last)
        #expect(
            banana.id == 3 && banana.date.description == "2026-11-24" && banana.meal == .lunch
                && banana.text == "1 banana")
    }

    @Test("one bad item logs nothing, and every bad item is named")
    func allOrNothing() {
        let files = MemoryFileStore()
        let result = Self.cli(files).run(["log", "50 g dried apricots", "a fistful of walnuts", "2 cupz raisins"])
        #expect(result.exitCode == .dataError)
        #expect(result.standardError.contains("unknown unit \"fistful\" in \"a fistful of walnuts\""))
        #expect(result.standardError.contains("unknown unit \"cupz\" in \"2 cupz raisins\""))
        #expect(result.standardError.hasSuffix("nothing was logged (2 of 3 items could not be read)\n"))
        #expect(files.contents.isEmpty)
    }

    @Test("an ambiguous name lists candidates; --food picks one by NDB number")
    func ambiguous() {
        let files = MemoryFileStore()
        let refused = Self.cli(files).run(["log", "30 g almonds dry roasted"])
        #expect(refused.exitCode == .dataError)
        #expect(refused.standardError.contains("12563  Nuts, almonds, dry roasted, with salt added"))
        #expect(files.contents.isEmpty)
        let chosen = Self.cli(files).run(["log", "30 g almonds dry roasted", "--food", "12063"])
        #expect(chosen.exitCode == .success)
        #expect(Self.journal(files).entries.first?.food == .usda(NDBNumber(rawValue: "12063")!))
    }

    @Test("stdin: one item a line; blank lines and comments skipped; line numbers in errors")
    func standardInput() {
        let files = MemoryFileStore()
        let ok = Self.cli(files, stdin: "50 g almonds\n\n# coffee break\n1 cup soy milk\n").run([
            "log", "--meal", "snack",
        ])
        #expect(ok.exitCode == .success)
        #expect(Self.journal(files).entries.map(\.text) == ["50 g almonds", "1 cup soy milk"])
        let bad = Self.cli(files, stdin: "50 g almonds\nxqzx\n").run(["log"])
        #expect(bad.exitCode == .dataError)
        #expect(bad.standardError.contains("stdin line 2: no food matches \"xqzx\""))
        #expect(Self.journal(files).entries.count == 2)
    }

    @Test("supplements are logged apart, by nutrient amount")
    func supplement() {
        let files = MemoryFileStore()
        let result = Self.cli(files).run(["log", "--supplement", "magnesium 200 mg", "--meal", "dinner"])
        #expect(result.exitCode == .success)
        #expect(
            files.contents["/data/journal.tsv"]!.hasSuffix(
                "1\t2026-11-25\tdinner\t200\tmg\t\tsupplement:magnesium\tmagnesium 200 mg\n"))
        #expect(Self.cli(files).run(["log", "--supplement", "iron 5 mg"]).exitCode == .dataError)
    }

    @Test("day shows entries, totals against targets, and the share of grams without a value")
    func day() {
        let files = MemoryFileStore()
        let cli = Self.cli(files)
        _ = cli.run(["profile", "set", "--sex", "female", "--age", "31"])
        _ = cli.run(["log", "100 g 16609", "50 g dried apricots", "--meal", "lunch"])
        _ = cli.run(["log", "--supplement", "magnesium 400 mg"])
        let day = cli.run(["day"])
        #expect(day.exitCode == .success)
        #expect(day.standardOutput.hasPrefix("2026-11-25 · targets: 31-year-old female, NASEM\n"))
        #expect(day.standardOutput.contains("missing"))
        #expect(
            day.standardOutput.contains(
                "magnesium    416 mg   320 mg      130 %  67 % of grams  over the UL 350 mg from supplements; a lower "
                    + "bound: some food had no value"
            ))
        #expect(day.standardOutput.contains("potassium   1112 mg  2600 mg       43 %   0 % of grams"))
        let json = cli.run(["day", "2026-11-25", "--format", "json"])
        #expect(json.standardOutput.contains("\"kind\" : \"day\""))
        #expect(cli.run(["day", "2026-11-20"]).standardOutput.contains("Nothing logged on 2026-11-20."))
    }

    @Test("undo removes the last entry; remove by ids; edit corrects; other lines stay byte for byte")
    func correct() throws {
        let files = MemoryFileStore()
        let cli = Self.cli(files)
        _ = cli.run(["log", "50 g dried apricots", "1/2 cup raisins", "1 banana"])
        let undo = cli.run(["undo"])
        #expect(
            undo.standardOutput
                == "Removed: 3\t2026-11-25\tlunch\t1\tmedium (7\" to 7-7/8\" long)\t118\t09040\t1 banana\n")
        #expect(Self.journal(files).entries.map(\.id) == [1, 2])
        let edit = cli.run(["edit", "2", "1 cup raisins", "--meal", "dinner"])
        #expect(edit.exitCode == .success)
        let edited = try #require(Self.journal(files).entries.first { $0.id == 2 })
        #expect(edited.grams == 145 && edited.meal == .dinner && edited.text == "1 cup raisins")
        #expect(cli.run(["remove", "1", "7"]).exitCode == .dataError)
        #expect(Self.journal(files).entries.count == 2)
        #expect(cli.run(["remove", "1"]).exitCode == .success)
        #expect(Self.journal(files).entries.map(\.id) == [2])
        #expect(cli.run(["remove", "x"]).exitCode == .usage)
        #expect(cli.run(["edit", "2"]).exitCode == .usage)
    }

    @Test("a line broken by hand is named by file and line; the other entries count; check lists every problem")
    func brokenJournal() {
        let files = MemoryFileStore(files: [
            "/data/journal.tsv": Data(
                (JournalFormat.header
                    + "1\t2026-11-25\tlunch\t50\tg\t50\t09032\t50 g dried apricots\n"
                    + "2\t2026-11-25\tlunch\t50\tg\tfifty\t09032\tbroken\n"
                    + "3\t2026-11-25\tlunch\t50\tg\t50\t99999\tgone\n").utf8)
        ])
        let cli = Self.cli(files)
        let day = cli.run(["day"])
        #expect(day.exitCode == .success)
        #expect(
            day.standardError.contains(
                "mineral: /data/journal.tsv:6: grams \"fifty\" is not a number in 0.001–10000; line left out"))
        #expect(day.standardError.contains("the other 2 entries count"))
        let check = cli.run(["check"])
        #expect(check.exitCode == .dataError)
        #expect(
            check.standardOutput == """
                /data/journal.tsv:6: grams "fifty" is not a number in 0.001–10000
                    2\t2026-11-25\tlunch\t50\tg\tfifty\t09032\tbroken
                /data/journal.tsv: entry 3: no USDA food 99999; its grams count as unknown

                """)
        // Logging still works, after the highest id in use, and keeps the broken line.
        _ = cli.run(["log", "1 banana"])
        #expect(Self.journal(files).entries.map(\.id) == [1, 3, 4])
        #expect(files.contents["/data/journal.tsv"]!.contains("fifty"))
    }

    @Test("export writes every entry with nutrients; import reads it back; a bad row imports nothing")
    func exchange() throws {
        let files = MemoryFileStore()
        let cli = Self.cli(files)
        _ = cli.run(["log", "50 g dried apricots", "100 g 16609"])
        _ = cli.run(["log", "--supplement", "vitamin D 1000 IU"])
        let csv = cli.run(["export"])
        #expect(csv.standardOutput.hasPrefix(JournalExchange.csvHeader.joined(separator: ",") + "\n"))
        #expect(
            csv.standardOutput.contains(
                "\n1,2026-11-25,lunch,09032,\"Apricots, dried, sulfured, uncooked\",50,g,50,50 g dried "
                    + "apricots,120.5,581,16,27.5,5,0\n"
            ))
        #expect(csv.standardOutput.contains(",0.025\n") || csv.standardOutput.contains(",0.025,"))
        #expect(
            csv.standardOutput.contains("supplement:vitamin_d,vitamin D supplement,25,µg,,vitamin D 1000 IU,,,,,,25\n"))
        let json = cli.run(["export", "--format", "json"])
        let decoded = try JSONDecoder().decode(
            VersionedOutput<[ExportedEntry]>.self, from: Data(json.standardOutput.utf8))
        #expect(decoded.data.count == 3)
        #expect(decoded.data[1].nutrients?.magnesiumMg == nil)  // 16609 has no magnesium value: null, not 0
        let other = MemoryFileStore(files: [
            "/in.csv": Data(csv.standardOutput.utf8), "/in.json": Data(json.standardOutput.utf8),
        ])
        #expect(
            Self.cli(other).run(["import", "/in.csv"]).standardOutput == "Imported 3 entries (ids 1–3) from /in.csv\n")
        // The same entries again: refused as a likely second import, unless asked for.
        let again = Self.cli(other).run(["import", "/in.json"])
        #expect(
            again.exitCode == .dataError
                && again.standardError.contains("3 of 3 rows of /in.json are already in the journal"))
        #expect(
            Self.cli(other).run(["import", "/in.json", "--allow-duplicates"]).standardOutput
                == "Imported 3 entries (ids 4–6) from /in.json\n")
        let imported = Self.journal(other).entries
        #expect(
            imported.map(\.grams) == Self.journal(files).entries.map(\.grams) + Self.journal(files).entries.map(\.grams)
        )
        let bad = MemoryFileStore(files: [
            "/bad.csv": Data("date,meal,food,grams\n2026-11-20,lunch,09032,50\n2026-02-30,lunch,09032,50\n".utf8)
        ])
        let refused = Self.cli(bad).run(["import", "/bad.csv"])
        #expect(refused.exitCode == .dataError)
        #expect(refused.standardError.contains("/bad.csv:3: \"2026-02-30\" is not a date"))
        #expect(bad.contents.keys.sorted() == ["/bad.csv"])
    }

    @Test("custom foods and recipes are logged like any other, missing values stay missing")
    func custom() {
        let files = MemoryFileStore()
        let cli = Self.cli(files)
        #expect(
            cli.run(["custom", "add", "oat brick", "--per-100g", "K=300,Mg=50,kcal=400", "--measure", "bar=40"])
                .exitCode == .success)
        #expect(
            cli.run(["custom", "recipe", "apricot mix", "--item", "50 g dried apricots", "--item", "50 g almonds"])
                .exitCode == .success)
        #expect(cli.run(["custom", "add", "Oat Bricks", "--per-100g", "K=1"]).exitCode == .dataError)
        let logged = cli.run(["log", "2 bars oat brick", "100 g apricot mix"])
        #expect(logged.standardOutput.contains("K 240 mg · Mg 40 mg · Ca unknown"))
        #expect(logged.standardOutput.contains("Logged #2 2026-11-25 lunch: 100 g apricot mix → apricot mix"))
        #expect(
            cli.run(["custom", "list"]).standardOutput.contains("oat brick    per 100 g    400    300     50  missing"))
        // A name that is already a USDA everyday name would take its place silently: refused.
        let shadow = cli.run(["custom", "add", "banana", "--per-100g", "K=1"])
        #expect(shadow.exitCode == .dataError && shadow.standardError.contains("already names Bananas, raw (09040)"))
        #expect(cli.run(["custom", "remove", "oat brick"]).exitCode == .success)
        #expect(cli.run(["check"]).standardOutput.contains("no custom food \"oat brick\""))
    }

    @Test("separators in imported fields cannot forge a line: one row is one entry")
    func forgedImport() {
        let row =
            #"[{"date": "2026-11-24", "meal": "dinner", "food": "09032", "grams": 50, "unit": "g\n999\t2026-11-24\tdinner\t9000\tg\t9000\t02047\tforged", "text": "a\r\nb\tc"}]"#
        let files = MemoryFileStore(files: ["/forged.json": Data(row.utf8)])
        let result = Self.cli(files).run(["import", "/forged.json"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        let journal = Self.journal(files)
        #expect(journal.entries.map(\.id) == [1] && journal.problems.isEmpty)
        #expect(journal.entries.first?.text == "a  b c")
    }

    @Test("an imported row of an unknown custom food is named, with how to define one; nothing is imported")
    func importUnknownCustomFood() {
        let csv = "date,meal,food,grams,text\n2026-11-24,lunch,custom:oat bar,40,my text; define it first\n"
        let files = MemoryFileStore(files: ["/in.csv": Data(csv.utf8)])
        let result = Self.cli(files).run(["import", "/in.csv"])
        #expect(result.exitCode == .dataError)
        #expect(
            result.standardError.hasPrefix(
                "mineral: /in.csv:2: no custom food \"oat bar\"; define it first (mineral custom add)\n"))
        #expect(files.contents["/data/journal.tsv"] == nil)
    }

    @Test("day --complete marks a day, --not-complete takes it back; the report then averages complete days")
    func completeDays() throws {
        let files = MemoryFileStore()
        let cli = Self.cli(files)
        _ = cli.run(["profile", "set", "--sex", "female", "--age", "31"])
        _ = cli.run(["log", "100 g almonds", "--date", "2026-11-23"])
        _ = cli.run(["log", "10 g almonds", "--date", "2026-11-24"])
        let marked = cli.run(["day", "2026-11-23", "--complete"])
        #expect(marked.exitCode == .success && marked.standardOutput.hasPrefix("Marked 2026-11-23 complete"))
        #expect(marked.standardOutput.contains("(marked complete)"))
        #expect(files.contents["/data/complete-days.txt"]?.contains("2026-11-23\n") == true)
        let report = cli.run(["report", "--format", "json"])
        let decoded = try JSONDecoder().decode(
            VersionedOutput<WeeklyReport>.self, from: Data(report.standardOutput.utf8)
        ).data
        #expect(decoded.loggedDays == 1)
        #expect(decoded[.magnesium]?.days[1].partial == true)
        _ = cli.run(["day", "2026-11-23", "--not-complete"])
        #expect(files.contents["/data/complete-days.txt"]?.contains("2026-11-23") == false)
        #expect(cli.run(["day", "--complete", "--not-complete"]).exitCode == .usage)
    }

    @Test("on an 80-column terminal the day's tables fit, numbers whole")
    func dayFitsTerminal() {
        let files = MemoryFileStore()
        var cli = Self.cli(files)
        _ = cli.run(["profile", "set", "--sex", "female", "--age", "31"])
        _ = cli.run(["log", "a glass of milk", "oatmeal with raisins and walnuts", "salmon 150g"])
        cli.terminalWidth = 80
        let day = cli.run(["day"])
        #expect(day.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(day.standardOutput)")
        #expect(day.standardOutput.contains("247.5"))
    }
}

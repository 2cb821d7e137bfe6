import Foundation
import MineralCLI
import MineralIntake
import Testing

/// `mineral log` as people type: several foods a line, a pick list on a terminal remembered as a personal name,
/// items one a line on a terminal, `--copy`, and `--food` for exactly one item.
@Suite("mineral log: pick list, personal names, several foods, --copy")
struct LogPhrasesCommandTests {
    /// Answers a terminal's questions in order and keeps what was shown.
    final class Terminal: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [String]
        private(set) var shown = ""
        init(_ answers: [String]) { self.answers = answers }
        func ask(_ prompt: String) -> String? {
            lock.lock()
            defer { lock.unlock() }
            shown += prompt
            return answers.isEmpty ? nil : answers.removeFirst()
        }
        func say(_ message: String) {
            lock.lock()
            defer { lock.unlock() }
            shown += message
        }
    }

    static func cli(_ files: MemoryFileStore, terminal: Terminal? = nil) -> MineralCommandLine {
        var cli = MineralCommandLine(
            environment: ["MINERAL_HOME": "/data"], files: files, today: testToday, defaultMeal: .lunch)
        if let terminal {
            cli.ask = { prompt in terminal.ask(prompt) }
            cli.say = { message in terminal.say(message) }
        }
        return cli
    }

    static func journal(_ files: MemoryFileStore) -> Journal {
        JournalFormat.parse(files.contents["/data/journal.tsv"] ?? "")
    }

    @Test("from a script an ambiguous food is refused with candidates; nothing is asked or written")
    func refusedWithoutTerminal() {
        let files = MemoryFileStore()
        let result = Self.cli(files).run(["log", "100 g almonds dry roasted"])
        #expect(result.exitCode == .dataError)
        #expect(result.standardError.contains("12063  Nuts, almonds, dry roasted, without salt added"))
        #expect(files.contents.isEmpty)
    }

    @Test("on a terminal the choice from the numbered list is logged and remembered as a personal name")
    func pickListRemembered() throws {
        let files = MemoryFileStore()
        let terminal = Terminal(["2"])
        let first = Self.cli(files, terminal: terminal).run(["log", "100 g almonds dry roasted"])
        #expect(first.exitCode == .success, "\(first.standardError)")
        #expect(terminal.shown.contains("1  12063  Nuts, almonds, dry roasted, without salt added"))
        #expect(terminal.shown.contains("Which one?"))
        let entry = try #require(Self.journal(files).entries.first)
        #expect(entry.food == .usda(NDBNumber(rawValue: "12563")!))
        #expect(files.contents["/data/personal-names.tsv"]?.contains("almonds dry roasted\t12563\n") == true)
        // The second time nothing is asked: the personal name comes first, even from a script.
        let second = Self.cli(files).run(["log", "50 g almonds dry roasted"])
        #expect(second.exitCode == .success)
        #expect(Self.journal(files).entries.last?.food == .usda(NDBNumber(rawValue: "12563")!))
    }

    @Test("on a terminal, skipping the pick list logs nothing and remembers nothing")
    func pickListSkipped() {
        let files = MemoryFileStore()
        let result = Self.cli(files, terminal: Terminal([""])).run(["log", "100 g almonds dry roasted"])
        #expect(result.exitCode == .dataError)
        #expect(files.contents.isEmpty)
    }

    @Test("several foods in one line become separate entries; an addition after `with` is a small amount")
    func severalFoods() {
        let files = MemoryFileStore()
        let result = Self.cli(files).run(["log", "coffee with milk", "2 eggs and toast"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        let entries = Self.journal(files).entries
        #expect(entries.map(\.food.description) == ["14209", "01077", "01123", "18070"])
        #expect(entries[1].grams.map { $0 > 25 && $0 < 35 } == true)  // a splash: 30 ml of milk
    }

    @Test("--food applies to exactly one item")
    func foodForOneItem() {
        let files = MemoryFileStore()
        let result = Self.cli(files).run(["log", "1 cup pasta", "1 cup tomato sauce", "--food", "11549"])
        #expect(result.exitCode == .usage)
        #expect(result.standardError.contains("--food names the food of one item"))
        #expect(files.contents.isEmpty)
    }

    @Test("on a terminal with no items, items are read one a line and each is shown as read")
    func itemsOneALine() {
        let files = MemoryFileStore()
        let terminal = Terminal(["50 g dried apricots", "1 cup of xyzzy", "a glass of milk", ""])
        let result = Self.cli(files, terminal: terminal).run(["log"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        #expect(terminal.shown.contains("→ Apricots, dried, sulfured, uncooked: 50 g"))
        #expect(terminal.shown.contains("not added"))
        #expect(Self.journal(files).entries.map(\.text) == ["50 g dried apricots", "a glass of milk"])
    }

    @Test("--copy yesterday copies a day's entries, or one meal's, with new ids")
    func copy() {
        let files = MemoryFileStore()
        _ = Self.cli(files).run(["log", "50 g dried apricots", "--date", "yesterday", "--meal", "breakfast"])
        _ = Self.cli(files).run(["log", "100 g tofu", "--date", "yesterday", "--meal", "dinner"])
        let dry = Self.cli(files).run(["log", "--copy", "yesterday", "--dry-run"])
        #expect(dry.standardOutput.hasPrefix("Would copy 2 entries") && Self.journal(files).entries.count == 2)
        let result = Self.cli(files).run(["log", "--copy", "yesterday", "--meal", "breakfast"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        let entries = Self.journal(files).entries
        #expect(entries.count == 3)
        #expect(entries.last?.id == 3 && entries.last?.date.description == "2026-11-25")
        #expect(entries.last?.meal == .breakfast && entries.last?.text == "50 g dried apricots")
        let none = Self.cli(files).run(["log", "--copy", "2026-01-01"])
        #expect(none.exitCode == .dataError && none.standardError.contains("no entries on 2026-01-01"))
    }
}

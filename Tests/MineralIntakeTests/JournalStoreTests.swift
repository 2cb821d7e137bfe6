import Foundation
import Testing
@testable import MineralIntake

/// The journal store: whatever the file holds, a write never wipes, forges or tears it, and ids are never reused.
@Suite("Journal store: CRLF, forged fields, torn lines, duplicate and odd ids, ids never reused")
struct JournalStoreTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 24)!

    static func entry(
        _ text: String = "50 g dried apricots", grams: Double = 50, unit: String = "g",
        food: FoodReference = .usda(NDBNumber(rawValue: "09032")!)
    ) -> JournalEntry {
        JournalEntry(id: 0, date: day, meal: .lunch, amount: grams, unit: unit, grams: grams, food: food, text: text)
    }

    static func store(_ text: String? = nil) -> (JournalStore, MemoryJournalFiles) {
        let files = MemoryJournalFiles(files: text.map { [JournalStore.journalName: Data($0.utf8)] } ?? [:])
        return (JournalStore(files: files), files)
    }

    static func journalText(_ files: MemoryJournalFiles) -> String {
        String(decoding: files.contents[JournalStore.journalName] ?? Data(), as: UTF8.self)
    }

    static let crlf =
        "# comment\r\n1\t2026-11-24\tlunch\t50\tg\t50\t09032\ta\r\n2\t2026-11-24\tlunch\t50\tg\t50\t09298\tb\r\n3\t2026-11-24\tlunch\t50\tg\t50\t12061\tc\r\n"

    @Test("a CRLF journal: remove 1 removes exactly that line; every other byte stays")
    func crlfRemove() throws {
        let (store, files) = Self.store(Self.crlf)
        let removed = try store.remove(ids: [1])
        #expect(removed.map(\.id) == [1])
        #expect(
            Self.journalText(files)
                == "# comment\r\n2\t2026-11-24\tlunch\t50\tg\t50\t09298\tb\r\n3\t2026-11-24\tlunch\t50\tg\t50\t12061\tc\r\n"
        )
    }

    @Test("a CRLF journal: edit replaces exactly that line and keeps its CRLF")
    func crlfEdit() throws {
        let (store, files) = Self.store(Self.crlf)
        try store.update(id: 2) { old in
            var new = old
            new.meal = .dinner
            return new
        }
        #expect(
            Self.journalText(files)
                == "# comment\r\n1\t2026-11-24\tlunch\t50\tg\t50\t09032\ta\r\n2\t2026-11-24\tdinner\t50\tg\t50\t09298\tb\r\n3\t2026-11-24\tlunch\t50\tg\t50\t12061\tc\r\n"
        )
    }

    @Test("one CRLF line among LF lines: remove takes only its own line")
    func mixedEndings() throws {
        let (store, files) = Self.store(
            "1\t2026-11-24\tlunch\t50\tg\t50\t09032\ta\r\n2\t2026-11-24\tlunch\t50\tg\t50\t09298\tb\n")
        try store.remove(ids: [1])
        #expect(Self.journalText(files) == "2\t2026-11-24\tlunch\t50\tg\t50\t09298\tb\n")
    }

    @Test("invalid UTF-8 elsewhere does not make the journal empty; its bytes stay")
    func invalidUTF8() throws {
        var bytes = Data("1\t2026-11-24\tlunch\t50\tg\t50\t09032\ta\n# caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array("\n2\t2026-11-24\tlunch\t50\tg\t50\t09298\tb\n".utf8))
        let files = MemoryJournalFiles(files: [JournalStore.journalName: bytes])
        try JournalStore(files: files).remove(ids: [2])
        #expect(
            files.contents[JournalStore.journalName]
                == bytes.prefix(bytes.count - "2\t2026-11-24\tlunch\t50\tg\t50\t09298\tb\n".utf8.count))
    }

    @Test("a field holding separators cannot forge a line")
    func forgedFields() throws {
        let (store, files) = Self.store()
        let forged = Self.entry(
            "x\n999\t2026-11-24\tdinner\t9000\tg\t9000\t02047\tforged",
            unit: "g\n999\t2026-11-24\tdinner\t9000\tg\t9000\t02047\tforged",
            food: .custom("bar\tx\r\ny"))
        try store.add([forged])
        let journal = try store.read()
        #expect(journal.entries.count == 1 && journal.problems.isEmpty)
        #expect(journal.entries[0].id == 1 && journal.entries[0].grams == 50)
        #expect(Self.journalText(files).components(separatedBy: "\n").filter { $0.hasPrefix("999") }.isEmpty)
    }

    @Test("round trip: write then read gives the same entries, for any text in any field", arguments: 0..<200)
    func roundTrip(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) + 1)
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "\t", "\n", "\r", "\u{0B}", "\u{85}", "\u{2028}", "\u{2029}", "é", "😀", "\u{202E}", "#",
            "\u{FEFF}", "\u{0}", "1", "%",
        ]
        func text() -> String {
            String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    }))
        }
        let grams = Double.random(in: QuantityLimits.grams, using: &generator)
        let food: FoodReference =
            Bool.random(using: &generator) ? .usda(NDBNumber(rawValue: "09032")!) : .custom("c" + text())
        let entry = JournalEntry(
            id: 0, date: Self.day, meal: .snack, amount: Double.random(in: 0.001...1000, using: &generator),
            unit: "u" + text(), grams: grams, food: food, text: text())
        let (store, _) = Self.store()
        let written = try store.add([entry])[0]
        let read = try store.read()
        #expect(read.problems.isEmpty)
        var expected = written
        expected.unit = JournalFormat.field(written.unit)
        expected.text = JournalFormat.field(written.text)
        if case .custom(let name) = written.food { expected.food = .custom(JournalFormat.field(name)) }
        #expect(read.entries == [expected])
    }

    @Test("a torn last line is set aside as a comment on the next write, never counted")
    func tornLastLine() throws {
        let (store, files) = Self.store(
            JournalFormat.header + "1\t2026-11-24\tlunch\t50\tg\t50\t09032\ta\n2\t2026-11-24\tlunch\t5")
        let written = try store.add([Self.entry()])
        #expect(written[0].id == 3)
        let text = Self.journalText(files)
        #expect(
            text.contains(
                "# set aside by mineral: this line had no line end (a write cut short?); it is not counted: "
                    + "2\t2026-11-24\tlunch\t5\n"
            ))
        #expect(try store.read().entries.map(\.id) == [1, 3])
    }

    @Test("duplicate ids: remove and edit refuse and change nothing")
    func duplicateIDs() {
        let text =
            "1\t2026-11-24\tlunch\t50\tg\t50\t09032\ta\n2\t2026-11-24\tlunch\t50\tg\t50\t09032\tb\n2\t2026-11-24\tlunch\t50\tg\t50\t09298\tc\n"
        let (store, files) = Self.store(text)
        #expect(throws: MineralIntakeError.self) { try store.remove(ids: [2]) }
        #expect(throws: MineralIntakeError.self) { try store.update(id: 2) { $0 } }
        #expect(Self.journalText(files) == text)
    }

    @Test("`+4` is no id, and ids are never given twice, even after undo or remove of the newest")
    func idsNeverReused() throws {
        let (store, files) = Self.store("+4\t2026-11-24\tlunch\t50\tg\t50\t09032\ta\n")
        let first = try store.add([Self.entry()])
        #expect(first[0].id == 1)
        #expect(try store.read().problems.count == 1)
        try store.add([Self.entry(), Self.entry()])
        let undone = try store.removeLast()
        #expect(undone.id == 3)
        #expect(try store.add([Self.entry()])[0].id == 4)
        try store.remove(ids: [4])
        #expect(try store.add([Self.entry()])[0].id == 5)
        #expect(
            files.contents[JournalStore.highestIDName].map { String(decoding: $0, as: UTF8.self).hasPrefix("5\t") }
                == true)
        // A journal changed behind the store's back (a hand edit adds id 40) is scanned, not trusted.
        try files.append(Data("40\t2026-11-24\tlunch\t50\tg\t50\t09032\thand\n".utf8), to: JournalStore.journalName)
        #expect(try store.add([Self.entry()])[0].id == 41)
    }

    /// Files in memory that stamp the journal each time it is written, as a disk's modification time would.
    final class StampedFiles: JournalFiles, @unchecked Sendable {
        // @unchecked: used from one test's thread only.
        let inner = MemoryJournalFiles()
        private(set) var writes = 0
        func read(_ name: String) throws(MineralIntakeError) -> Data? { try inner.read(name) }
        func replace(_ name: String, with data: Data) throws(MineralIntakeError) {
            if name == JournalStore.journalName { writes += 1 }
            try inner.replace(name, with: data)
        }
        func append(_ data: Data, to name: String) throws(MineralIntakeError) {
            if name == JournalStore.journalName { writes += 1 }
            try inner.append(data, to: name)
        }
        func withLock<T>(_ body: () throws -> T) throws -> T { try inner.withLock(body) }
        func stamp(_ name: String) -> String? { name == JournalStore.journalName ? "write \(writes)" : nil }
        /// When set, the highest-id record cannot be written (a read-only file).
        var recordFails = false
        func replaceRebuildable(_ name: String, with data: Data) throws(MineralIntakeError) {
            if recordFails { throw .fileAccess("\(name) is read-only") }
            try inner.replace(name, with: data)
        }
    }

    @Test("a highest-id record that cannot be written fails no add (the entries are in the journal), and no id repeats")
    func recordThatCannotBeWritten() throws {
        let files = StampedFiles()
        let store = JournalStore(files: files)
        try store.add([Self.entry()])
        files.recordFails = true
        #expect(try store.add([Self.entry()])[0].id == 2)
        #expect(try store.add([Self.entry(), Self.entry()]).map(\.id) == [3, 4])
        files.recordFails = false
        #expect(try store.add([Self.entry()])[0].id == 5)
        #expect(try store.read().entries.map(\.id) == [1, 2, 3, 4, 5])
    }

    @Test("a hand edit that keeps the journal's size but gives the next id to a line is seen by its stamp")
    func sameSizeHandEdit() throws {
        let files = StampedFiles()
        let store = JournalStore(files: files)
        try store.add([Self.entry(), Self.entry()])
        #expect(try store.add([Self.entry()])[0].id == 3)
        // Line 3's id becomes 4, the file keeps its size: the record (3, this size) alone would give 4 again.
        let text = String(decoding: try #require(try files.read(JournalStore.journalName)), as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\n3\t", with: "\n4\t")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        try files.replace(JournalStore.journalName, with: Data(edited.utf8))
        #expect(try store.add([Self.entry()])[0].id == 5)
        #expect(try store.read().problems.isEmpty)
        // Unchanged since, the record is believed again (no scan needed): the next id follows it.
        #expect(try store.add([Self.entry()])[0].id == 6)
    }

    @Test("numbers the reader would refuse are never written: 1e-10 g, 1e308 g, 100,000 µg vitamin D")
    func writerAndReaderAgree() {
        let (store, files) = Self.store()
        #expect(throws: MineralIntakeError.self) { try store.add([Self.entry(grams: 1e-10)]) }
        #expect(throws: MineralIntakeError.self) { try store.add([Self.entry(grams: 1e308)]) }
        let pill = JournalEntry(
            id: 0, date: Self.day, meal: .lunch, amount: 100_000, unit: "µg", grams: nil, food: .supplement(.vitaminD),
            text: "d")
        #expect(throws: MineralIntakeError.self) { try store.add([pill]) }
        #expect(files.contents.isEmpty)
        // And the reader refuses what a hand edit puts out of range.
        let journal = JournalFormat.parse(
            "1\t2026-11-24\tlunch\t1\tg\t1e308\t09032\tx\n2\t2026-11-24\tlunch\t1\tg\t0.0000001\t09032\tx\n")
        #expect(journal.entries.isEmpty && journal.problems.count == 2)
    }

    @Test("a byte order mark does not hide the first line")
    func byteOrderMark() {
        let journal = JournalFormat.parse("\u{FEFF}1\t2026-11-24\tlunch\t50\tg\t50\t09032\ta\n")
        #expect(journal.entries.map(\.id) == [1])
    }
}

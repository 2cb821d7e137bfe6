import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

@Suite("mineral export writes as it reads: the same bytes, in pieces")
struct ExportStreamingTests {
    /// A journal of `days` days of six entries, some backdated (out of order), one broken line.
    static func files(days: Int) -> MemoryFileStore {
        var text = JournalFormat.header
        var id = 0
        for day in (0..<days).reversed() {
            let date = CalendarDate(year: 2026, month: 1, day: 1)!.adding(days: day)!
            for (meal, ndb) in [
                ("dinner", "09032"), ("breakfast", "09298"), ("lunch", "16609"), ("snack", "12061"),
                ("breakfast", "20010"), ("lunch", "01077"),
            ] {
                id += 1
                text += "\(id)\t\(date)\t\(meal)\t50\tg\t50\t\(ndb)\t50 g \(ndb), \"quoted\"\n"
            }
        }
        text += "999999\t2026-13-01\tlunch\t50\tg\t50\t09032\tbroken\n"
        return MemoryFileStore(files: ["/data/journal.tsv": Data(text.utf8)])
    }

    @Test("the JSON written row by row is byte for byte what encoding the whole list writes")
    func jsonAsEncoded() throws {
        for days in [0, 1, 30] {
            let result = commandLine(Self.files(days: days)).run(["export", "--format", "json"])
            #expect(result.exitCode == .success)
            let decoded = try JSONDecoder().decode(
                VersionedOutput<[ExportedEntry]>.self, from: Data(result.standardOutput.utf8))
            #expect(decoded.data.count == days * 6)
            #expect(result.standardOutput == (try JSONOutput.encode("export", decoded.data)), "\(days) days")
            #expect(decoded.data.map(\.date) == decoded.data.map(\.date).sorted())
        }
    }

    @Test(
        "streamed to standard output in pieces of about 16 KB, the same bytes as returned whole; the broken line warned"
    )
    func pieces() throws {
        let files = Self.files(days: 400)
        let whole = commandLine(files).run(["export"])
        let pieces = Pieces()
        var streaming = commandLine(files)
        streaming.writeStandardOutput = { pieces.add($0) }
        let streamed = streaming.run(["export"])
        #expect(streamed.exitCode == .success && streamed.standardOutput.isEmpty)
        #expect(pieces.count > 2 && pieces.text == whole.standardOutput)
        #expect(
            streamed.standardError.contains("/data/journal.tsv:2405:")
                && streamed.standardError.contains("the other 2400 entries count"))
        // A reader that goes away: the write failure is an I/O error (exit 74), said once.
        var failing = commandLine(files)
        failing.writeStandardOutput = { _ in "Broken pipe" }
        let failed = failing.run(["export"])
        #expect(
            failed.exitCode == .ioError && failed.standardError.contains("cannot write to standard output: Broken pipe")
        )
    }

    @Test("entries come in date, meal and id order, as parse and sort give them")
    func order() throws {
        let data = try #require(Self.files(days: 20).contents["/data/journal.tsv"].map { Data($0.utf8) })
        var streamed: [JournalEntry] = []
        let problems = JournalFormat.forEachEntryInOrder(data: data) { streamed.append($0) }
        let parsed = JournalFormat.parse(data: data)
        #expect(problems == parsed.problems && problems.count == 1)
        #expect(streamed == parsed.entries.sorted { ($0.date, $0.meal, $0.id) < ($1.date, $1.meal, $1.id) })
    }

    @Test("the order holds at the calendar's ends and across meals and ids (day and meal are kept as one number)")
    func orderAtTheEnds() {
        let lines = [
            "9\t9999-12-31\tsnack\t1\tg\t1\t09032\ta", "3\t0001-01-01\tdinner\t1\tg\t1\t09032\tb",
            "7\t1969-12-31\tbreakfast\t1\tg\t1\t09032\tc", "2\t0001-01-01\tbreakfast\t1\tg\t1\t09032\td",
            "12\t9999-12-31\tbreakfast\t1\tg\t1\t09032\te", "5\t1970-01-01\tlunch\t1\tg\t1\t09032\tf",
            "4\t0001-01-01\tdinner\t1\tg\t1\t09032\tg", "10\t9999-12-31\tsnack\t1\tg\t1\t09032\th",
        ]
        // An id past 32 bits: the keys are made again wide enough.
        let wide = "5000000000\t1970-01-01\tlunch\t1\tg\t1\t09032\ti"
        let data = Data((JournalFormat.header + lines.joined(separator: "\n") + "\n").utf8)
        var streamed: [JournalEntry] = []
        let problems = JournalFormat.forEachEntryInOrder(data: data) { streamed.append($0) }
        #expect(problems.isEmpty)
        #expect(streamed.map(\.text) == ["d", "b", "g", "c", "f", "e", "a", "h"])
        let wideData = Data((JournalFormat.header + (lines + [wide]).joined(separator: "\n") + "\n").utf8)
        var wideStreamed: [JournalEntry] = []
        #expect(JournalFormat.forEachEntryInOrder(data: wideData) { wideStreamed.append($0) }.isEmpty)
        #expect(wideStreamed.map(\.text) == ["d", "b", "g", "c", "f", "i", "e", "a", "h"])
    }
}

/// Pieces of output gathered from a stream.
final class Pieces: @unchecked Sendable {
    // @unchecked: touched from the one test's thread only.
    private(set) var text = ""
    private(set) var count = 0

    func add(_ piece: String) -> String? {
        text += piece
        count += 1
        return nil
    }
}

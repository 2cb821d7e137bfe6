import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

@Suite("mineral report of a long period: the day sums saved beside the journal")
struct ReportSumsIndexCommandTests {
    static let long = ["report", "--from", "2026-06-01", "--to", "2026-11-30"]

    /// A data directory in memory with a profile and meals logged over five months.
    static func home() -> (MemoryFileStore, MineralCommandLine) {
        let files = MemoryFileStore()
        let cli = MineralCommandLine(environment: ["MINERAL_HOME": "/data"], files: files, today: testToday)
        _ = cli.run(["profile", "set", "--sex", "female", "--age", "31"])
        for (day, meal) in ["2026-06-03", "2026-07-14", "2026-09-30", "2026-11-20"].enumerated() {
            _ = cli.run(["log", "\(50 + day * 10) g dried apricots", "--date", meal])
            _ = cli.run(["log", "--supplement", "magnesium 100 mg", "--date", meal])
        }
        return (files, cli)
    }

    @Test("made at the first long report, owner's only; the next report reads it and says the same")
    func madeAndRead() {
        let (files, cli) = Self.home()
        #expect(files.contents["/data/journal.sums"] == nil)
        let first = cli.run(Self.long)
        #expect(first.exitCode == .success, "\(first.standardError)")
        let saved = files.contents["/data/journal.sums"]
        #expect(saved != nil)
        let second = cli.run(Self.long)
        #expect(second.standardOutput == first.standardOutput)
        #expect(files.contents["/data/journal.sums"] == saved)
    }

    @Test("a damaged or out-of-date index changes nothing the user sees, and is made again")
    func neverBelieved() throws {
        let (files, cli) = Self.home()
        let first = cli.run(Self.long)
        // Damaged: same report, index rewritten.
        try files.replace("/data/journal.sums", with: Data("not an index".utf8))
        let damaged = cli.run(Self.long)
        #expect(damaged.standardOutput == first.standardOutput)
        #expect(files.contents["/data/journal.sums"] != "not an index")
        // Out of date: a meal logged since counts at once.
        _ = cli.run(["log", "200 g dried apricots", "--date", "2026-08-08"])
        let after = cli.run(Self.long)
        #expect(after.standardOutput != first.standardOutput)
        #expect(after.standardOutput.contains("days logged"))
        // The same files but the index: the report read from the journal's lines.
        let fresh = MemoryFileStore(
            files: files.contents.filter { !$0.key.hasSuffix("journal.sums") }.mapValues { Data($0.utf8) })
        let fromLines = MineralCommandLine(environment: ["MINERAL_HOME": "/data"], files: fresh, today: testToday)
        #expect(fromLines.run(Self.long).standardOutput == after.standardOutput)
    }

    @Test("a week's report reads the journal's lines and makes no index")
    func shortPeriod() {
        let (files, cli) = Self.home()
        #expect(cli.run(["report", "--week", "2026-W47"]).exitCode == .success)
        #expect(files.contents["/data/journal.sums"] == nil)
    }
}

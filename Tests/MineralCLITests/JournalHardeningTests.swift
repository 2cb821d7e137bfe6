import Foundation
import MineralIntake
import Synchronization
import Testing

/// Issue 11's cases with the real binary: kills inside a write, concurrent writers of every kind, the lock's
/// bounded wait, output targets of every kind, and broken standard streams. Each failed before the journal store.
@Suite("Journal hardening, end to end", .serialized)
struct JournalHardeningTests {
    static func home() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mineral-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func environment(_ home: URL, _ extra: [String: String] = [:]) -> [String: String] {
        ["MINERAL_HOME": home.path].merging(extra) { $1 }
    }

    /// Starts `mineral` paused inside its journal rewrite, kills it there, and returns the journal before and after.
    static func killInsideWrite(_ arguments: [String], home: URL) throws -> (before: Data, after: Data) {
        let journal = home.appendingPathComponent("journal.tsv")
        let before = try Data(contentsOf: journal)
        let marker = home.appendingPathComponent("paused").path
        let process = Process()
        process.executableURL = mineralBinary
        process.arguments = arguments
        process.environment = environment(home, ["MINERAL_TEST_PAUSE_BEFORE_RENAME": marker])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: marker), Date() < deadline, process.isRunning { usleep(5_000) }
        #expect(FileManager.default.fileExists(atPath: marker), "the write never reached its rename")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: marker)
        return (before, try Data(contentsOf: journal))
    }

    @Test("import and a multi-item log killed inside the write leave the journal whole; the next write cleans up")
    func killedInsideWrite() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try runMineral(["log", "50 g almonds"], environment: Self.environment(home))
        let csv = home.appendingPathComponent("in.csv")
        var rows = "date,meal,food,grams\n"
        for day in 1...28 {
            for grams in 1...200 { rows += "2026-02-\(day < 10 ? "0" : "")\(day),lunch,12061,\(grams)\n" }
        }
        try Data(rows.utf8).write(to: csv)
        for arguments in [["import", csv.path], ["log", "50 g almonds", "1 banana", "a glass of milk"]] {
            let (before, after) = try Self.killInsideWrite(arguments, home: home)
            #expect(after == before, "\(arguments[0]) killed inside its write changed the journal")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasSuffix(".tmp") }
        // The second writer already removed the first one's copy; its own is left until the next write.
        #expect(leftovers.count == 1, "the killed writer's temporary copy: \(leftovers)")
        let next = try runMineral(["log", "1 banana", "1 apple"], environment: Self.environment(home))
        #expect(next.exitCode == 0, "\(next.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        let journal = JournalFormat.parse(data: try Data(contentsOf: home.appendingPathComponent("journal.tsv")))
        #expect(journal.problems.isEmpty && journal.entries.count == 3)
    }

    @Test("writers, editors, undo, custom add and profile set at once: nothing lost, no id given twice")
    func everythingAtOnce() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try runMineral(["profile", "set", "--sex", "female", "--age", "31"], environment: Self.environment(home))
        _ = try runMineral(["log", "50 g almonds", "1 banana"], environment: Self.environment(home))
        let outcomes = Mutex<[ProcessOutcome]>([])
        DispatchQueue.concurrentPerform(iterations: 10) { worker in
            var mine: [ProcessOutcome] = []
            for round in 0..<12 {
                let arguments: [String]
                switch worker {
                case 0...3: arguments = ["log", "\(worker * 100 + round + 1) g almonds", "1 apple"]
                case 4: arguments = ["undo"]
                case 5: arguments = ["edit", "1", "--meal", round.isMultiple(of: 2) ? "dinner" : "lunch"]
                case 6, 7: arguments = ["custom", "add", "brick \(worker)-\(round)", "--per-100g", "K=\(round + 1)"]
                default: arguments = ["profile", "set", "--training", "\(round + worker)/week", "--group", "athlete"]
                }
                if let outcome = try? runMineral(arguments, environment: Self.environment(home)) {
                    mine.append(outcome)
                }
            }
            outcomes.withLock { $0 += mine }
        }
        let all = outcomes.withLock { $0 }
        #expect(all.count == 120)
        #expect(
            all.allSatisfy { $0.exitCode == 0 || $0.standardError.contains("no entries") },
            "\(all.filter { $0.exitCode != 0 }.map { $0.standardError }.prefix(3))")
        // Every id reported as logged is unique, whether or not an undo removed it later.
        let logged = all.flatMap { $0.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Logged #") } }
            .compactMap { Int($0.dropFirst(8).prefix { $0.isNumber }) }
        #expect(logged.count == 96)
        #expect(Set(logged).count == logged.count, "an id was given twice")
        let custom = try JSONDecoder().decode(
            [CustomFood].self, from: Data(contentsOf: home.appendingPathComponent("custom-foods.json")))
        #expect(custom.count == 24, "custom foods lost: \(24 - custom.count)")
        let journal = JournalFormat.parse(data: try Data(contentsOf: home.appendingPathComponent("journal.tsv")))
        #expect(journal.problems.isEmpty)
        let undone = all.filter { $0.standardOutput.hasPrefix("Removed:") }.count
        #expect(journal.entries.count == 2 + 96 - undone)
    }

    @Test("a lock held too long: exit 75 with a message, nothing written")
    func lockWait() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let lock = open(home.appendingPathComponent("journal.lock").path, O_RDWR | O_CREAT, 0o600)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        let outcome = try runMineral(
            ["log", "50 g almonds"], environment: Self.environment(home, ["MINERAL_LOCK_WAIT": "0.3"]))
        #expect(outcome.exitCode == 75)
        #expect(outcome.standardError.contains("has held") && outcome.standardError.contains("try again"))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("journal.tsv").path))
    }

    @Test(
        "--output: a symlink keeps its target, /dev/null stays a device, the data directory is refused, a replace said"
    )
    func outputTargets() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Self.environment(home)
        _ = try runMineral(["log", "50 g almonds"], environment: env)
        let journal = try Data(contentsOf: home.appendingPathComponent("journal.tsv"))
        let onto = try runMineral(
            ["export", "--output", home.appendingPathComponent("journal.tsv").path], environment: env)
        #expect(onto.exitCode == 64 && onto.standardError.contains("data directory"))
        let outside = try Self.home()
        defer { try? FileManager.default.removeItem(at: outside) }
        let link = outside.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(
            atPath: link.path, withDestinationPath: home.appendingPathComponent("journal.tsv").path)
        let viaLink = try runMineral(["export", "--output", link.path], environment: env)
        #expect(viaLink.exitCode == 64, "a link into the data directory is the data directory")
        #expect(try Data(contentsOf: home.appendingPathComponent("journal.tsv")) == journal)
        let target = outside.appendingPathComponent("target.csv")
        try Data("old".utf8).write(to: target)
        chmod(target.path, 0o640)
        let other = outside.appendingPathComponent("other.csv")
        try FileManager.default.createSymbolicLink(atPath: other.path, withDestinationPath: target.path)
        let written = try runMineral(["export", "--output", other.path], environment: env)
        #expect(written.exitCode == 0 && written.standardOutput.contains("replaced the file that was there"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: other.path) == target.path)
        #expect(String(decoding: try Data(contentsOf: target), as: UTF8.self).hasPrefix("id,date"))
        #expect((try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int) == 0o640)
        let null = try runMineral(["export", "--output", "/dev/null"], environment: env)
        #expect(null.exitCode == 0)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        try Data("old".utf8).write(to: target)
        chmod(target.path, 0o440)
        let readOnly = try runMineral(["export", "--output", target.path], environment: env)
        #expect(readOnly.exitCode == 74 && readOnly.standardError.contains("read-only"))
    }

    @Test("broken standard streams end with a message and a code, never a crash")
    func brokenStreams() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = Self.environment(home)
        _ = try runMineral(["log", "50 g almonds"], environment: env)
        let shell = URL(fileURLWithPath: "/bin/sh")
        let cases: [(String, Int32, String)] = [
            ("exec \"$0\" export > /dev/full", 74, "cannot write to standard output"),
            ("exec \"$0\" export >&-", 74, "cannot write to standard output"),
            ("exec \"$0\" log <&-", 64, "needs items"),
            ("exec \"$0\" log < /", 74, "cannot read standard input"),
            ("exec \"$0\" entries --to 0001-01-01", 0, ""),
            ("head -c 9000000 /dev/zero | tr '\\\\0' 'a' | \"$0\" log", 65, "over 8 MiB"),
        ]
        for (script, code, message) in cases {
            let outcome = try runProcess(shell, ["-c", script, mineralBinary.path], environment: env)
            #expect(outcome.exitCode == code, "\(script): \(outcome.standardError)")
            #expect(message.isEmpty || outcome.standardError.contains(message), "\(script): \(outcome.standardError)")
        }
        let journal = JournalFormat.parse(data: try Data(contentsOf: home.appendingPathComponent("journal.tsv")))
        #expect(journal.entries.count == 1)
    }
}

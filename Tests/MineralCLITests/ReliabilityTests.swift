import Foundation
import MineralIntake
import Synchronization
import Testing
@testable import MineralCLI

/// The journal under kills, concurrent writers, full disks and unwritable directories, with the real binary.
@Suite("Reliability, end to end", .serialized)
struct ReliabilityTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mineral-reliability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static var rounds: Int { Int(ProcessInfo.processInfo.environment["MINERAL_KILL_ROUNDS"] ?? "") ?? 150 }

    @Test(
        "SIGKILL at random moments during hundreds of writes: the journal holds every entry reported as written"
    )
    func killedWriters() throws {
        let home = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        // How long one write takes here (a debug build is slower; the first run is the slowest, so the fastest of
        // three), so kills land before, during and after it.
        let clock = ContinuousClock()
        var fastest = Duration.seconds(60)
        for _ in 0..<3 {
            let start = clock.now
            _ = try runMineral(
                ["log", "1000 g almonds", "--date", "2026-11-23"], environment: ["MINERAL_HOME": home.path])
            fastest = min(fastest, clock.now - start)
        }
        let microseconds = fastest.components.attoseconds / 1_000_000_000_000 + fastest.components.seconds * 1_000_000
        var spanMicroseconds = UInt64(max(1, microseconds) * 3 / 2)
        var state: UInt64 = 0x5EED
        var reported: Set<Double> = [1000]  // the three timed writes
        var killed = 0
        for round in 0..<Self.rounds {
            // A loaded machine can make every write outlast the wait, or none: no kill in 20 rounds halves the wait.
            if round > 0, round % 20 == 0, killed == 0 { spanMicroseconds = max(1, spanMicroseconds / 2) }
            let grams = Double(round + 1)
            let process = Process()
            process.executableURL = mineralBinary
            process.arguments = ["log", "\(Int(grams)) g almonds", "--date", "2026-11-24"]
            process.environment = ["MINERAL_HOME": home.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            state = state &* 6364136223846793005 &+ 1442695040888963407
            usleep(UInt32((state >> 33) % spanMicroseconds))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationReason == .exit, process.terminationStatus == 0, text.contains("Logged #") {
                reported.insert(grams)
            }
        }
        let data = try Data(contentsOf: home.appendingPathComponent("journal.tsv"))
        let journal = JournalFormat.parse(data: data)
        #expect(journal.problems.isEmpty, "torn or broken lines: \(journal.problems.prefix(3))")
        let written = Set(journal.entries.compactMap(\.grams))
        #expect(
            reported.isSubset(of: written),
            "entries reported as written are missing: \(reported.subtracting(written).sorted().prefix(10))")
        #expect(Set(journal.entries.map(\.id)).count == journal.entries.count)
        print(
            "kill test: \(Self.rounds) writes, \(killed) killed while running, \(reported.count) reported written, "
                + "\(written.count) in the journal, 0 lost"
        )
        #expect(killed > 0, "no process was killed while running; the test did not test anything")
    }

    @Test("8 processes logging 500 entries each at once leave exactly 4,000 well-formed entries")
    func eightWriters() throws {
        let home = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let failures = Mutex(0)
        let group = DispatchGroup()
        for writer in 0..<8 {
            DispatchQueue.global().async(group: group) {
                for call in 0..<50 {
                    let items = (0..<10).map { "\(writer * 1000 + call * 10 + $0 + 1) g almonds" }.joined(
                        separator: "\n")
                    let outcome = try? runMineral(
                        ["log", "--date", "2026-11-24", "--meal", "snack"], input: items,
                        environment: ["MINERAL_HOME": home.path])
                    if outcome?.exitCode != 0 { failures.withLock { $0 += 1 } }
                }
            }
        }
        group.wait()
        #expect(failures.withLock { $0 } == 0)
        let journal = JournalFormat.parse(data: try Data(contentsOf: home.appendingPathComponent("journal.tsv")))
        #expect(journal.problems.isEmpty)
        #expect(journal.entries.count == 4000)
        let ids = Set(journal.entries.map(\.id))
        #expect(ids == Set(1...4000))
        let grams = Set(journal.entries.compactMap(\.grams))
        #expect(grams.count == 4000)
    }

    @Test("a write that hits a full disk (file-size limit) exits 74 and leaves the journal byte for byte")
    func fullDisk() throws {
        let home = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let journal = home.appendingPathComponent("journal.tsv")
        var text = JournalFormat.header
        var id = 0
        while text.utf8.count < 2000 {
            id += 1
            text += "\(id)\t2026-11-24\tlunch\t50\tg\t50\t09032\t50 g dried apricots\n"
        }
        try Data(text.utf8).write(to: journal)
        let before = try Data(contentsOf: journal)
        // 2 KiB: the next line crosses the limit part-way, so the write fails after writing some bytes.
        let outcome = try runProcess(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "ulimit -f 2; exec \"$0\" \"$@\"", mineralBinary.path, "log", "50 g almonds", "1 banana"],
            environment: ["MINERAL_HOME": home.path])
        #expect(outcome.exitCode == 74)
        #expect(outcome.standardError.hasPrefix("mineral: cannot write \(journal.path): "))
        // Two items are one all-or-nothing replacement of the file.
        #expect(outcome.standardError.contains("the previous file is unchanged"))
        #expect(try Data(contentsOf: journal) == before)
    }

    /// Whether this machine lets the tests mount a tmpfs (root in a sandbox that allows it).
    static let canMountTmpfs: Bool = {
        guard let probe = try? temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard
            let mount = try? runProcess(
                URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe.path]),
            mount.exitCode == 0
        else { return false }
        _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [probe.path])
        return true
    }()

    @Test("a full tmpfs: exit 74, journal unchanged", .enabled(if: canMountTmpfs, "a tmpfs cannot be mounted here"))
    func fullTmpfs() throws {
        let mountPoint = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: mountPoint) }
        let mount = try runProcess(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=16k", "tmpfs", mountPoint.path])
        try #require(mount.exitCode == 0, "mount failed: \(mount.standardError)")
        defer { _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [mountPoint.path]) }
        let environment = ["MINERAL_HOME": mountPoint.path]
        var outcome = try runMineral(["log", "50 g almonds"], environment: environment)
        #expect(outcome.exitCode == 0)
        let journal = mountPoint.appendingPathComponent("journal.tsv")
        // Fill the rest of the file system.
        _ = try? runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "cat /dev/zero > \(mountPoint.path)/filler"])
        let before = try Data(contentsOf: journal)
        let items = (1...200).map { "\($0) g almonds" }.joined(separator: "\n")  // more than the page the file has
        outcome = try runMineral(["log"], input: items, environment: environment)
        #expect(outcome.exitCode == 74)
        #expect(try Data(contentsOf: journal) == before)
        let undo = try runMineral(["undo"], environment: environment)
        #expect(undo.exitCode == 74)
        #expect(try Data(contentsOf: journal) == before)
    }

    @Test("a data directory that cannot be created or is a file: exit 74, clear message")
    func unwritableDirectory() throws {
        let home = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: file)
        let onFile = try runMineral(["log", "50 g almonds", "--data-dir", file.path])
        #expect(onFile.exitCode == 74)
        #expect(onFile.standardError.contains(file.path))
        let readOnly = try runMineral([
            "profile", "set", "--sex", "female", "--age", "30", "--data-dir", "/proc/mineral-cannot-exist",
        ])
        #expect(readOnly.exitCode == 74)
        #expect(readOnly.standardError.contains("/proc/mineral-cannot-exist"))
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    @Test("privacy: every file is owner-only and nothing is written outside the data directory unless named")
    func privacy() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent("home")
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let environment = ["HOME": home.path]
        for arguments in [
            ["profile", "set", "--sex", "female", "--age", "31"], ["log", "50 g dried apricots"],
            ["log", "--supplement", "magnesium 200 mg"],
            ["custom", "add", "bar", "--per-100g", "K=300"], ["day"], ["report"], ["report", "--weeks", "12"],
            ["export"], ["undo"], ["check"],
        ] {
            let outcome = try runMineral(arguments, environment: environment, directory: work)
            #expect(outcome.exitCode == 0, "\(arguments): \(outcome.standardError)")
        }
        let data = home.appendingPathComponent(".local/share/mineral")
        let everything = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.sorted()
        #expect(
            everything == [
                "home", "home/.local", "home/.local/share", "home/.local/share/mineral",
                "home/.local/share/mineral/custom-foods.json", "home/.local/share/mineral/journal.ids",
                "home/.local/share/mineral/journal.lock", "home/.local/share/mineral/journal.sums",
                "home/.local/share/mineral/journal.tsv", "home/.local/share/mineral/profile.json", "work",
            ])
        for name in ["custom-foods.json", "journal.lock", "journal.sums", "journal.tsv", "profile.json"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: data.appendingPathComponent(name).path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(name)")
        }
        // A file is written outside only when the user names it.
        let named = try runMineral(["report", "--output", "week.txt"], environment: environment, directory: work)
        #expect(named.exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("week.txt").path))
    }
}

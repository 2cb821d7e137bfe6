import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

/// Files made again from others when missing or wrong (`journal.ids`, `journal.sums`): written without waiting for
/// the disk, a small record over the old one where it is.
@Suite("Rebuildable files and records on disk")
struct RebuildableFileTests {
    @Test("a record is written over the file where it is, the file cut or grown to its length; a new file is created")
    func inPlace() throws {
        let directory = try ReliabilityTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = DiskFileStore()
        let path = directory.appendingPathComponent("journal.ids").path
        try store.overwriteRecord(path, with: Data("12\t4096\n".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("12\t4096\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try Data("0123456789012345678901234567890123456789 hand edit\n".utf8).write(
            to: URL(fileURLWithPath: path))
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        try store.overwriteRecord(path, with: Data("13\t4200\n".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("13\t4200\n".utf8))
        // The same file, written where it is (a rename would make a new one).
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
        try store.overwriteRecord(path, with: Data("14\t4300 and more than before\n".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("14\t4300 and more than before\n".utf8))
        // A rebuildable file that others read without the lock (journal.sums) is always replaced whole.
        try store.replaceRebuildable(path, with: Data("15\t4400\n".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("15\t4400\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int != inode)
    }

    @Test("on disk, a hand edit that keeps the journal's size changes its stamp, so the next id is not given twice")
    func stampOnDisk() throws {
        let directory = try ReliabilityTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = JournalStore(files: DataDirectoryFiles(store: DiskFileStore(), directory: directory.path))
        let entry = JournalEntry(
            id: 0, date: CalendarDate(year: 2026, month: 11, day: 26)!, meal: .lunch, amount: 50, unit: "g",
            grams: 50, food: .usda(NDBNumber(rawValue: "09032")!), text: "50 g dried apricots")
        try store.add([entry, entry, entry])
        let journal = directory.appendingPathComponent(JournalStore.journalName)
        let text = try String(contentsOf: journal, encoding: .utf8)
        // A person edits later than the clock's tick (a file's time moves in steps of a few milliseconds).
        usleep(50_000)
        try text.replacingOccurrences(of: "\n3\t", with: "\n4\t").write(to: journal, atomically: false, encoding: .utf8)
        #expect(try store.add([entry])[0].id == 5)
        #expect(try store.read().problems.isEmpty)
    }

    @Test("a link stays a link (its target is replaced); a read-only file is refused and left as it was")
    func linksAndReadOnly() throws {
        let directory = try ReliabilityTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = DiskFileStore()
        let target = directory.appendingPathComponent("elsewhere.ids").path
        let link = directory.appendingPathComponent("journal.ids").path
        try Data("1\t10\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try store.overwriteRecord(link, with: Data("2\t20\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("2\t20\n".utf8))
        let locked = directory.appendingPathComponent("locked.ids").path
        try Data("3\t30\n".utf8).write(to: URL(fileURLWithPath: locked))
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: locked)
        #expect(throws: CLIError.self) { try store.overwriteRecord(locked, with: Data("4\t40\n".utf8)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: locked)) == Data("3\t30\n".utf8))
    }
}

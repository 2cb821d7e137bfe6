import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif

/// The files of a data directory as a journal store needs them, by name (`journal.tsv`): on disk, or in memory in
/// tests and apps. An implementation must make ``replace(_:with:)`` all or nothing (a reader sees the old or the new
/// file), ``append(_:to:)`` one write that is undone if it fails, and ``withLock(_:)`` exclusive across processes.
public protocol JournalFiles: Sendable {
    /// The file's bytes, or `nil` when it does not exist.
    func read(_ name: String) throws(MineralIntakeError) -> Data?
    /// Replaces the file with `data` all at once.
    func replace(_ name: String, with data: Data) throws(MineralIntakeError)
    /// Adds `data` to the end of the file in one write, all of it or none.
    func append(_ data: Data, to name: String) throws(MineralIntakeError)
    /// Runs `body` holding the data directory's lock, so writers take turns; throws
    /// ``MineralIntakeError/busy(_:)`` when another writer holds it too long.
    func withLock<T>(_ body: () throws -> T) throws -> T
    /// Replaces a file the store can do without (its reader makes it again from the journal when it is missing or
    /// wrong) all at once, without waiting for it to reach the disk. By default, ``replace(_:with:)``.
    func replaceRebuildable(_ name: String, with data: Data) throws(MineralIntakeError)
    /// A short text that changes whenever the file is written (on disk: its modification time and inode), or `nil`
    /// when the store keeps none. By default `nil`.
    func stamp(_ name: String) -> String?
}

extension JournalFiles {
    /// `nil`: a store that does not say otherwise keeps no stamp.
    public func stamp(_ name: String) -> String? { nil }

    /// ``replace(_:with:)``: a store that does not say otherwise waits for every file alike.
    public func replaceRebuildable(_ name: String, with data: Data) throws(MineralIntakeError) {
        try replace(name, with: data)
    }
}

/// Files in memory, for tests and for apps that keep the journal elsewhere.
public final class MemoryJournalFiles: JournalFiles, @unchecked Sendable {
    // @unchecked: `files` is only touched while holding `lock`; `writer` serialises `withLock` bodies.
    private let lock = PlainLock()
    private let writer = PlainLock(recursive: true)
    private var files: [String: Data]

    /// Files with these contents.
    public init(files: [String: Data] = [:]) { self.files = files }

    /// The files now.
    public var contents: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }

    /// The file's bytes, or `nil`.
    public func read(_ name: String) throws(MineralIntakeError) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return files[name]
    }

    /// Replaces the file.
    public func replace(_ name: String, with data: Data) throws(MineralIntakeError) {
        lock.lock()
        defer { lock.unlock() }
        files[name] = data
    }

    /// Adds to the end of the file.
    public func append(_ data: Data, to name: String) throws(MineralIntakeError) {
        lock.lock()
        defer { lock.unlock() }
        files[name, default: Data()].append(data)
    }

    /// Runs `body` while no other `withLock` body runs.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        writer.lock()
        defer { writer.unlock() }
        return try body()
    }
}

/// The meal journal kept in a data directory, with the guarantees every tool gets alike: every write under the
/// lock and all or nothing; ids assigned here, one way, and never given twice (the highest id ever given is kept in
/// `journal.ids`, so removing the newest entry does not free its id); removing or changing acts on exactly one line
/// or refuses; every other line, comments and unreadable ones included, stays byte for byte as it was, whatever its
/// line ends (`\r\n` too) or bytes; a last line left without its line end by an interrupted write is set aside as a
/// comment on the next write, never counted.
public struct JournalStore: Sendable {
    /// The journal's file name.
    public static let journalName = "journal.tsv"
    /// The file keeping the highest id ever given.
    public static let highestIDName = "journal.ids"

    /// Where the files are.
    public let files: any JournalFiles

    /// A store over `files`.
    public init(files: any JournalFiles) { self.files = files }

    /// The journal as it is now (no lock: a reader sees whole writes only). With `dates`, other days' lines are
    /// skipped after a look at their date.
    public func read(dates: ClosedRange<CalendarDate>? = nil) throws(MineralIntakeError) -> Journal {
        guard let data = try files.read(Self.journalName) else { return Journal() }
        return JournalFormat.parse(data: data, dates: dates)
    }

    /// Adds `entries` with new ids after every id ever given (their own ids are ignored), all or nothing: one line
    /// is one write; several lines, a new journal or a repair replace the file at once.
    /// - Returns: the entries as written, with their ids.
    @discardableResult
    public func add(_ entries: [JournalEntry]) throws -> [JournalEntry] {
        guard !entries.isEmpty else { return [] }
        for entry in entries { try JournalFormat.check(entry) }
        return try files.withLock {
            var data = try files.read(Self.journalName) ?? Data()
            let isNew = data.isEmpty
            if isNew { data = Data(JournalFormat.header.utf8) }
            // A torn line's id counts as given, too. When the journal is exactly as this store last wrote it (the
            // same size and, where the store keeps one, the same stamp: a hand edit that keeps the size changes
            // it), its highest id is the one recorded: no scan of a long journal.
            let record = try highestIDRecord()
            let believed = record.size == data.count && record.stamp == files.stamp(Self.journalName) && !isNew
            var next = (believed ? record.id : max(JournalFormat.maxID(in: data), record.id)) + 1
            let repaired = Self.settingAsideTornLastLine(&data)
            var written: [JournalEntry] = []
            for var entry in entries {
                entry.id = next
                next += 1
                written.append(entry)
            }
            let lines = Data(written.map(JournalFormat.line).joined().utf8)
            if isNew || repaired || written.count > 1 {
                try files.replace(Self.journalName, with: data + lines)
            } else {
                try files.append(lines, to: Self.journalName)
            }
            // The journal's own lines hold these ids, and a record whose size is not the journal's is not believed
            // (the journal is then read for its highest id): the record need not wait for the disk, and a record
            // that cannot be written (a read-only file) fails nothing: the entries are in the journal, and saying
            // otherwise would have them logged twice. It is padded to one length, so a store may write it over the
            // last one where it is.
            let idRecord =
                "\(next - 1)\t\(data.count + lines.count)" + (files.stamp(Self.journalName).map { "\t" + $0 } ?? "")
            try? files.replaceRebuildable(
                Self.highestIDName,
                with: Data((idRecord + String(repeating: " ", count: max(0, 79 - idRecord.utf8.count)) + "\n").utf8))
            return written
        }
    }

    /// Removes the entries with these ids; each must stand on exactly one line.
    /// - Returns: the removed entries.
    @discardableResult
    public func remove(ids: Set<Int>) throws -> [JournalEntry] {
        try files.withLock {
            let data = try files.read(Self.journalName) ?? Data()
            let lines = JournalLines(data)
            var removed: [JournalEntry] = []
            var drop = Set<Int>()
            for id in ids.sorted() {
                let index = try lines.only(id)
                drop.insert(index)
                removed.append(lines.entries[index]!)
            }
            try keepHighestID(data)
            try files.replace(Self.journalName, with: lines.data(dropping: drop))
            return removed
        }
    }

    /// Removes the entry with the highest id (the last one logged).
    @discardableResult
    public func removeLast() throws -> JournalEntry {
        try files.withLock {
            let data = try files.read(Self.journalName) ?? Data()
            let lines = JournalLines(data)
            guard let last = lines.entries.compactMap(\.?.id).max() else {
                throw MineralIntakeError.invalidEntry(.journal, "the journal has no entries; nothing to undo")
            }
            let index = try lines.only(last)
            try keepHighestID(data)
            try files.replace(Self.journalName, with: lines.data(dropping: [index]))
            return lines.entries[index]!
        }
    }

    /// Changes the entry with this id (it must stand on exactly one line); its id stays.
    /// - Returns: the entry before and after.
    @discardableResult
    public func update(id: Int, _ change: (JournalEntry) throws -> JournalEntry) throws -> (
        old: JournalEntry, new: JournalEntry
    ) {
        try files.withLock {
            let data = try files.read(Self.journalName) ?? Data()
            let lines = JournalLines(data)
            let index = try lines.only(id)
            let old = lines.entries[index]!
            var new = try change(old)
            new.id = id
            try JournalFormat.check(new)
            try files.replace(Self.journalName, with: lines.data(replacing: index, with: JournalFormat.line(new)))
            return (old, new)
        }
    }

    /// The highest id ever given, from `journal.ids` (0 when missing or unreadable: the journal's own ids count too).
    func highestID() throws(MineralIntakeError) -> Int { try highestIDRecord().id }

    /// `journal.ids`: the highest id ever given and, after an add, the journal's size and stamp then
    /// (`12\t4096\t1764140000.123456789.5431`, padded with spaces).
    func highestIDRecord() throws(MineralIntakeError) -> (id: Int, size: Int?, stamp: String?) {
        guard let data = try files.read(Self.highestIDName) else { return (0, nil, nil) }
        let fields = data.split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false)
        func number(_ field: Data.SubSequence?) -> Int? {
            guard let digits = field?.prefix(while: { $0 >= 0x30 && $0 <= 0x39 }), !digits.isEmpty, digits.count <= 15
            else { return nil }
            return Int(String(decoding: digits, as: UTF8.self))
        }
        let stamp = fields.count > 2 ? String(decoding: fields[2], as: UTF8.self).trimmingWhitespace() : nil
        return (number(fields.first) ?? 0, fields.count > 1 ? number(fields[1]) : nil, stamp)
    }

    /// Keeps the highest id of `data` in `journal.ids` before lines are removed, so their ids are not given again.
    private func keepHighestID(_ data: Data) throws(MineralIntakeError) {
        let highest = max(JournalFormat.maxID(in: data), try highestID())
        try files.replace(Self.highestIDName, with: Data("\(highest)\n".utf8))
    }

    /// A last line without its line end (a write cut short) becomes a comment that says so; `true` if it was.
    static func settingAsideTornLastLine(_ data: inout Data) -> Bool {
        guard let last = data.last, last != 0x0A else { return false }
        let start = data.lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex
        let torn = data[start...]
        data.removeSubrange(start...)
        // Kept as it was, tabs too (a comment cannot be read as an entry); only a stray `\r` would end the line.
        let text = String(decoding: torn, as: UTF8.self).replacingScalar("\r", with: " ")
        data.append(
            Data(
                "# set aside by mineral: this line had no line end (a write cut short?); it is not counted: \(text)\n"
                    .utf8))
        return true
    }
}

/// A journal's lines as bytes: each line's range with its line end, and the entry it holds if it reads as one.
struct JournalLines {
    let data: Data
    var ranges: [Range<Int>] = []
    var entries: [JournalEntry?] = []

    init(_ data: Data) {
        self.data = data
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? data.endIndex
            var content = start..<end
            if content.upperBound > content.lowerBound, data[content.upperBound - 1] == 0x0A {
                content = content.lowerBound..<content.upperBound - 1
            }
            if content.upperBound > content.lowerBound, data[content.upperBound - 1] == 0x0D {
                content = content.lowerBound..<content.upperBound - 1
            }
            ranges.append(start..<end)
            let bytes = data[content]
            entries.append(bytes.first == 0x23 ? nil : JournalFormat.parse(data: Data(bytes)).entries.first)
            start = end
        }
    }

    /// The index of the one line holding entry `id`; an error when none or several do.
    func only(_ id: Int) throws(MineralIntakeError) -> Int {
        let found = entries.indices.filter { entries[$0]?.id == id }
        guard let first = found.first else {
            throw .unknownEntryID(id)
        }
        guard found.count == 1 else {
            throw .invalidEntry(
                .id,
                "id \(id) stands on lines " + found.map { String($0 + 1) }.joined(separator: " and ")
                    + " of the journal; give each line its own id in an editor, then try again (nothing was changed)")
        }
        return first
    }

    func data(dropping indices: Set<Int>) -> Data {
        var out = Data(capacity: data.count)
        for (index, range) in ranges.enumerated() where !indices.contains(index) { out.append(data[range]) }
        return out
    }

    func data(replacing index: Int, with line: String) -> Data {
        var out = Data(capacity: data.count + line.utf8.count)
        for (position, range) in ranges.enumerated() {
            guard position == index else { out.append(data[range]); continue }
            var text = line
            // Keep the line's own ending: `\r\n` stays `\r\n`; a last line without one stays without.
            let original = data[range]
            if original.last != 0x0A {
                text.removeLast()
            } else if original.count >= 2, original[original.endIndex - 2] == 0x0D {
                text.removeLast()
                text += "\r\n"
            }
            out.append(Data(text.utf8))
        }
        return out
    }
}

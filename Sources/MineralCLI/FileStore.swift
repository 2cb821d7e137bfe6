import FoundationEssentials
import MineralIntake
#if canImport(Glibc)
    import Glibc
#endif

/// The files the command line keeps in its data directory, behind a small protocol so tests can use memory.
public protocol FileStore: Sendable {
    /// The file's bytes, or `nil` when it does not exist.
    func read(_ path: String) throws(CLIError) -> Data?
    /// Replaces the file with `data` all at once (a reader sees the old or the new file, never a mix), creating
    /// its directory if needed. New files and directories are readable by the owner only.
    func replace(_ path: String, with data: Data) throws(CLIError)
    /// Replaces the file, as ``replace(_:with:)`` does, with the bytes `body` writes piece by piece.
    func replace(_ path: String, writing body: (_ write: (Data) throws -> Void) throws -> Void) throws
    /// Replaces a file that is made again from others when it is missing or wrong (the journal's sums index, the
    /// highest id kept beside it), as ``replace(_:with:)`` does but without waiting for the disk: after a crash it
    /// may be the old file, or empty, which its reader tells and mends.
    func replaceRebuildable(_ path: String, with data: Data) throws(CLIError)
    /// Writes a small rebuildable record (at most 512 bytes) that is read only under the data directory's lock
    /// (the journal's highest id): as ``replaceRebuildable(_:with:)``, but a store may write it over the old one
    /// where it is.
    func overwriteRecord(_ path: String, with data: Data) throws(CLIError)
    /// Adds `data` to the end of the file in one write, all of it or none (a failed write is undone). A new file
    /// starts with `header`. If the file does not end in a line break, one is added first.
    func append(_ data: Data, to path: String, header: Data) throws(CLIError)
    /// Runs `body` holding an exclusive lock on `lockPath` (created if needed), so writers take turns; throws
    /// ``CLIError/busy(_:)`` when another writer holds it past the wait.
    func withLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T
    /// Reads the file piece by piece, so no more of it than a piece is held at once: `body` gets its size and a
    /// function giving up to `count` of its bytes from `offset` on. `nil` when it does not exist.
    func withPieces<T>(
        of path: String, _ body: (_ size: Int, _ read: (_ offset: Int, _ count: Int) throws -> [UInt8]) throws -> T
    ) throws -> T?
    /// A short text that changes whenever the file is written (its modification time and inode), or `nil` when the
    /// file is not there or the store keeps none.
    func stamp(_ path: String) -> String?
    /// Whether something stands at `path` (a file, a device, a link).
    func exists(_ path: String) -> Bool
    /// `path` with symbolic links followed, for comparing two paths; `path` itself when it does not exist.
    func resolved(_ path: String) -> String
}

extension FileStore {
    /// As ``replace(_:with:)`` (stores in memory have no disk to wait for).
    public func replaceRebuildable(_ path: String, with data: Data) throws(CLIError) {
        try replace(path, with: data)
    }

    /// As ``replaceRebuildable(_:with:)``.
    public func overwriteRecord(_ path: String, with data: Data) throws(CLIError) {
        try replaceRebuildable(path, with: data)
    }

    /// `nil`: stores in memory keep no stamps.
    public func stamp(_ path: String) -> String? { nil }

    /// The file read whole, its pieces given from memory (stores in memory hold it whole anyway).
    public func withPieces<T>(
        of path: String, _ body: (_ size: Int, _ read: (_ offset: Int, _ count: Int) throws -> [UInt8]) throws -> T
    ) throws -> T? {
        guard let data = try read(path) else { return nil }
        return try body(data.count) { offset, count in
            let from = min(data.startIndex + max(0, offset), data.endIndex)
            return [UInt8](data[from..<min(from + max(0, count), data.endIndex)])
        }
    }

    /// Gathers what `body` writes and replaces the file with it at once (stores in memory need no more).
    public func replace(_ path: String, writing body: (_ write: (Data) throws -> Void) throws -> Void) throws {
        var whole = Data()
        try body { whole.append($0) }
        try replace(path, with: whole)
    }
}

/// The real disk: atomic replacement through a temporary file, `fsync` and `rename`; owner-only permissions.
public struct DiskFileStore: FileStore {
    /// How long `withLock` waits for another writer before giving up with exit 75.
    public var lockWait: Double
    /// For crash tests only: when set, `replace` creates this file once the temporary copy is written and synced,
    /// and waits 10 s before the rename, so a test can kill the process inside the write.
    public var pauseBeforeRename: String?

    public init(lockWait: Double = 10, pauseBeforeRename: String? = nil) {
        self.lockWait = lockWait
        self.pauseBeforeRename = pauseBeforeRename
    }

    public func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    public func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    public func read(_ path: String) throws(CLIError) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .io("cannot read \(path): it is not a regular file") }
        let size = Int(status.st_size)
        if size == 0 { return Data() }
        // Mapped, not copied: a ten-year journal is read only where it is looked at.
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw .io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        return Data(bytesNoCopy: mapped, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }

    /// The file's modification time to the nanosecond and its inode: an editor that keeps a journal's size still
    /// changes them.
    public func stamp(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec).\(status.st_ino)"
    }

    /// The file read with `pread` from one descriptor: pieces of the file as it was opened, never all of it at once
    /// (an export of ten years holds a piece of the journal, not 1.4 MB of it).
    public func withPieces<T>(
        of path: String, _ body: (_ size: Int, _ read: (_ offset: Int, _ count: Int) throws -> [UInt8]) throws -> T
    ) throws -> T? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw CLIError.io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw CLIError.io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw CLIError.io("cannot read \(path): it is not a regular file")
        }
        let size = Int(status.st_size)
        return try body(size) { offset, count in
            let offset = max(0, offset)
            var piece = [UInt8](repeating: 0, count: max(0, min(count, size - offset)))
            var filled = 0
            while filled < piece.count {
                let got = piece.withUnsafeMutableBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
                }
                if got < 0, errno == EINTR { continue }
                guard got >= 0 else { throw CLIError.io("cannot read \(path): \(String(cString: strerror(errno)))") }
                // The file grew shorter while it was read: what there is.
                if got == 0 { break }
                filled += got
            }
            return Array(piece[..<filled])
        }
    }

    /// Replaces `path` all at once: a fresh, unpredictable, exclusive temporary file (`O_EXCL | O_NOFOLLOW`) in the
    /// real file's directory, synced, then renamed over it. A symbolic link stays a link (its target is replaced);
    /// an existing file keeps its permissions, and a read-only one is refused; a character device or FIFO
    /// (`/dev/null`, `/dev/stdout`) is written through, never replaced. Temporary files that writers killed before
    /// the rename left behind are removed.
    public func replace(_ path: String, with data: Data) throws(CLIError) {
        do {
            try replace(path) { write in try write(data) }
        } catch let error as CLIError {
            throw error
        } catch {
            throw .io("cannot write \(path): \(error)")
        }
    }

    /// A record of at most 512 bytes over an existing regular file is written where it is (one write within a
    /// sector, the file then cut to its length), unsynced; anything else as ``replaceRebuildable(_:with:)``. A
    /// rename, even unsynced, makes ext4 write the new file out at once: the most of a `log`'s own time. Only for a
    /// record read under the lock: a reader without it could see the write half done.
    public func overwriteRecord(_ path: String, with data: Data) throws(CLIError) {
        if data.count <= 512, Self.overwrite(path, with: data) { return }
        try replaceRebuildable(path, with: data)
    }

    /// As ``replace(_:with:)``, not synced: for a file its reader checks and makes again (see the protocol).
    public func replaceRebuildable(_ path: String, with data: Data) throws(CLIError) {
        do {
            try replace(path, synced: false) { write in try write(data) }
        } catch let error as CLIError {
            throw error
        } catch {
            throw .io("cannot write \(path): \(error)")
        }
    }

    /// Writes `data` over the start of the regular file at `path` and cuts the file to its length; `false` when it
    /// could not (no such file, a link, not writable, a short write), for the caller to replace the file instead.
    static func overwrite(_ path: String, with data: Data) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_mode & S_IWUSR != 0 else {
            return false
        }
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == data.count else { return false }
        return Int(status.st_size) <= data.count || ftruncate(descriptor, off_t(data.count)) == 0
    }

    /// As ``replace(_:with:)``, with the bytes `body` writes piece by piece: an export of years is never held whole.
    public func replace(_ path: String, writing body: (_ write: (Data) throws -> Void) throws -> Void) throws {
        try replace(path, synced: true, writing: body)
    }

    /// The replacement, synced to the disk (the file and its directory) or not.
    private func replace(
        _ path: String, synced: Bool, writing body: (_ write: (Data) throws -> Void) throws -> Void
    ) throws {
        var target = path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK { target = resolved(path) }
        let exists = stat(target, &status) == 0
        if exists, status.st_mode & S_IFMT != S_IFREG {
            guard status.st_mode & S_IFMT == S_IFCHR || status.st_mode & S_IFMT == S_IFIFO else {
                throw CLIError.io("cannot write \(path): it is not a regular file, a device or a pipe")
            }
            let descriptor = open(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw CLIError.io("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            try body { data in
                if let failure = Self.write(descriptor, data) { throw CLIError.io("cannot write \(path): \(failure)") }
            }
            return
        }
        if exists, status.st_mode & S_IWUSR == 0 {
            throw CLIError.io("\(path) is read-only; nothing was changed (make it writable to change it)")
        }
        let mode = exists ? mode_t(status.st_mode & 0o7777) : 0o600
        let directory = PathText.directory(of: target)
        try Self.makeDirectory(directory)
        let name = PathText.name(of: target)
        let prefix = (directory.isEmpty ? "" : directory + "/") + "." + name + "."
        Self.removeStaleTemporaries(directory: directory, name: name)
        var temporary = ""
        var descriptor: Int32 = -1
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            temporary = prefix + "\(getpid()).\(String(generator.next() as UInt64, radix: 16)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw CLIError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        _ = fchmod(descriptor, mode)
        var failure: String?
        do {
            try body { data in
                if let problem = Self.write(descriptor, data) { throw CLIError.io(problem) }
            }
            if synced, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        } catch let error as CLIError {
            failure = error.description
        } catch {
            // What the writer itself threw (it stopped half way): the previous file stays, and its error is told.
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        if let pauseBeforeRename, failure == nil {
            _ = FileManager.default.createFile(atPath: pauseBeforeRename, contents: Data())
            sleep(10)
        }
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw CLIError.io("cannot write \(path): \(failure); the previous file is unchanged")
        }
        // The rename itself is durable once the directory is synced.
        guard synced else { return }
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes `.NAME.PID.RANDOM.tmp` files whose writer process is gone (killed between writing and renaming).
    static func removeStaleTemporaries(directory: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)
        else { return }
        for entry in entries where entry.hasPrefix("." + name + ".") && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(name.count + 2).dropLast(4)
            // The old form `.NAME.PID.tmp` and the new `.NAME.PID.RANDOM.tmp`.
            guard let pid = middle.split(separator: ".").first.flatMap({ Int32($0) }), pid > 0,
                pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            unlink((directory.isEmpty ? "" : directory + "/") + entry)
        }
    }

    /// Writes all of `data`; the error text if anything failed.
    static func write(_ descriptor: Int32, _ data: Data) -> String? {
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        return failure
    }

    public func append(_ data: Data, to path: String, header: Data) throws(CLIError) {
        try Self.makeDirectory(PathText.directory(of: path))
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .io("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        let size = status.st_size
        var bytes = Data()
        if size == 0 {
            bytes = header
        } else {
            var last: UInt8 = 0
            if pread(descriptor, &last, 1, size - 1) == 1, last != 0x0A { bytes.append(0x0A) }
        }
        bytes.append(data)
        let failure = Self.writeAndSync(descriptor, bytes)
        if let failure {
            // All or nothing: cut the file back to what it was.
            _ = ftruncate(descriptor, size)
            _ = fsync(descriptor)
            throw .io("cannot write \(path): \(failure); nothing was added, the journal is as it was")
        }
    }

    public func withLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        try Self.makeDirectory(PathText.directory(of: lockPath))
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CLIError.io("cannot open lock \(lockPath): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // Wait for another writer, but not forever: after `lockWait` seconds say so (exit 75, try again).
        let deadline = Date().addingTimeInterval(lockWait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw CLIError.io("cannot lock \(lockPath): \(String(cString: strerror(errno)))")
            }
            guard Date() < deadline else {
                throw CLIError.busy(
                    "another mineral has held \(lockPath) for over \(DisplayNumber.plain(lockWait)) s; nothing was "
                        + "changed; try again when it has finished"
                )
            }
            usleep(20_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Writes all of `data` (a short write is continued) and syncs it to disk; the error text if anything failed.
    static func writeAndSync(_ descriptor: Int32, _ data: Data) -> String? {
        var failure = write(descriptor, data)
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        return failure
    }

    /// Creates `path` and its parents, owner-only, if missing.
    static func makeDirectory(_ path: String) throws(CLIError) {
        if path.isEmpty { return }  // the current directory
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .io("\(path) is not a directory") }
            return
        }
        try makeDirectory(PathText.directory(of: path))
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw .io("cannot create data directory \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Files in memory, for tests.
public final class MemoryFileStore: FileStore, @unchecked Sendable {
    // @unchecked: `files` is only touched while holding `lock`.
    private let lock = PlainLock()
    private var files: [String: Data]

    public init(files: [String: Data] = [:]) {
        self.files = files
    }

    public func read(_ path: String) throws(CLIError) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return files[path]
    }

    public func replace(_ path: String, with data: Data) throws(CLIError) {
        lock.lock()
        defer { lock.unlock() }
        files[path] = data
    }

    public func append(_ data: Data, to path: String, header: Data) throws(CLIError) {
        lock.lock()
        defer { lock.unlock() }
        var current = files[path] ?? header
        if let last = current.last, last != 0x0A { current.append(0x0A) }
        files[path] = current + data
    }

    public func withLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        writers.lock()
        defer { writers.unlock() }
        return try body()
    }

    private let writers = PlainLock()

    public func exists(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return files[path] != nil
    }

    public func resolved(_ path: String) -> String { path }

    /// Every file's text, by path.
    public var contents: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return files.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}

/// Paths as text, without Foundation's `NSString`.
enum PathText {
    /// `a/b/c.tsv` → `a/b`; `c.tsv` → ``; `/c` → `/`.
    static func directory(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `a/b/c.tsv` → `c.tsv`.
    static func name(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path.split(separator: "/").last ?? path)
    }
}

/// Where the data directory is: `--data-dir`, else `MINERAL_HOME`, else `$XDG_DATA_HOME/mineral`,
/// else `~/.local/share/mineral`.
public enum DataDirectory {
    public static let option = OptionSpec(
        .dataDir, value: "DIR",
        help: "data directory (default: $MINERAL_HOME, $XDG_DATA_HOME/mineral, ~/.local/share/mineral)")

    public static func resolve(flag: String?, environment: [String: String]) throws(CLIError) -> String {
        if let flag {
            guard !flag.isEmpty else { throw .usage("--data-dir needs a directory") }
            return flag
        }
        if let home = environment["MINERAL_HOME"], !home.isEmpty { return home }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/mineral" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/mineral" }
        throw .usage("no data directory: set --data-dir DIR, MINERAL_HOME or HOME")
    }
}

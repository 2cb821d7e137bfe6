import Foundation
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
    /// Adds `data` to the end of the file in one write, all of it or none (a failed write is undone). A new file
    /// starts with `header`. If the file does not end in a line break, one is added first.
    func append(_ data: Data, to path: String, header: Data) throws(CLIError)
    /// Runs `body` holding an exclusive lock on `lockPath` (created if needed), so writers take turns.
    func withLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T
}

/// The real disk: atomic replacement through a temporary file, `fsync` and `rename`; owner-only permissions.
public struct DiskFileStore: FileStore {
    public init() {}

    public func read(_ path: String) throws(CLIError) -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            // Mapped, not copied: a ten-year journal is read only where it is looked at.
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .io("cannot read \(path): \(error.localizedDescription)")
        }
    }

    public func replace(_ path: String, with data: Data) throws(CLIError) {
        let directory = (path as NSString).deletingLastPathComponent
        try Self.makeDirectory(directory)
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .io("cannot write \(path): \(String(cString: strerror(errno)))") }
        var failure = Self.writeAndSync(descriptor, data)
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .io("cannot write \(path): \(failure); the previous file is unchanged")
        }
    }

    public func append(_ data: Data, to path: String, header: Data) throws(CLIError) {
        try Self.makeDirectory((path as NSString).deletingLastPathComponent)
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .io("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
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
        try Self.makeDirectory((lockPath as NSString).deletingLastPathComponent)
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError.io("cannot open lock \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw CLIError.io("cannot lock \(lockPath): \(String(cString: strerror(errno)))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Writes all of `data` (a short write is continued) and syncs it to disk; the error text if anything failed.
    static func writeAndSync(_ descriptor: Int32, _ data: Data) -> String? {
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        return failure
    }

    /// Creates `path` and its parents, owner-only, if missing.
    static func makeDirectory(_ path: String) throws(CLIError) {
        if path.isEmpty { return }  // the current directory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .io("\(path) is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io("cannot create data directory \(path): \(error.localizedDescription)")
        }
    }
}

/// Files in memory, for tests.
public final class MemoryFileStore: FileStore, @unchecked Sendable {
    // @unchecked: `files` is only touched while holding `lock`.
    private let lock = NSLock()
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

    private let writers = NSLock()

    /// Every file's text, by path.
    public var contents: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return files.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}

/// Where the data directory is: `--data-dir`, else `MINERAL_HOME`, else `$XDG_DATA_HOME/mineral`,
/// else `~/.local/share/mineral`.
public enum DataDirectory {
    public static let option = OptionSpec(
        "--data-dir", value: "DIR", help: "data directory (default: $MINERAL_HOME, $XDG_DATA_HOME/mineral, ~/.local/share/mineral)")

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

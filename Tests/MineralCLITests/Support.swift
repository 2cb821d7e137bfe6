import Foundation
import MineralCLI
import MineralIntake
import Testing

/// The day tests run on, whatever the clock says.
let testToday = CalendarDate(year: 2026, month: 11, day: 25)!

/// A command line over files in memory, on ``testToday``.
func commandLine(
    _ files: MemoryFileStore = MemoryFileStore(), environment: [String: String] = ["MINERAL_HOME": "/data"]
) -> MineralCommandLine {
    MineralCommandLine(environment: environment, files: files, today: testToday)
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The `mineral` binary under test: `MINERAL_BINARY` if set (CI points it at a release build), else the one
/// `swift test` built beside the test bundle.
let mineralBinary: URL = {
    if let path = ProcessInfo.processInfo.environment["MINERAL_BINARY"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    let candidates = [
        Bundle.main.executableURL?.deletingLastPathComponent(),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        Bundle.main.bundleURL.deletingLastPathComponent(),
        packageRoot.appendingPathComponent(".build/debug"),
    ].compactMap { $0?.appendingPathComponent("mineral") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}()

/// What a finished process wrote and how it ended.
struct ProcessOutcome: Equatable {
    var standardOutput: String
    var standardError: String
    var exitCode: Int32
}

/// Runs `executable` with `arguments`, feeding `input` to its stdin; pipes are read before waiting.
func runProcess(
    _ executable: URL, _ arguments: [String], input: String? = nil,
    environment: [String: String]? = nil, directory: URL? = nil
) throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let errors = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = standardInput
    try process.run()
    if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
    try standardInput.fileHandleForWriting.close()
    // Read both pipes at once so a full stderr pipe cannot block the child while we wait on stdout.
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()
    DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessOutcome(
        standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData, as: UTF8.self), exitCode: process.terminationStatus)
}

/// Runs the built `mineral` binary.
func runMineral(
    _ arguments: [String], input: String? = nil, environment: [String: String]? = nil, directory: URL? = nil
) throws -> ProcessOutcome {
    try runProcess(mineralBinary, arguments, input: input, environment: environment, directory: directory)
}

/// Runs the command line in memory, as the binary would.
func mineral(_ arguments: String...) -> CommandResult {
    commandLine().run(arguments)
}

/// Runs `arguments` on an empty data directory in memory and checks the refusal: the exit code, a message holding
/// `message`, nothing on stdout, and no file written.
func expectRefused(
    _ arguments: [String], code: ExitCode, message: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let files = MemoryFileStore()
    let result = commandLine(files).run(arguments)
    #expect(result.exitCode == code, sourceLocation: sourceLocation)
    #expect(result.standardError.contains(message), "\(result.standardError)", sourceLocation: sourceLocation)
    #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
    #expect(files.contents.isEmpty, sourceLocation: sourceLocation)
}

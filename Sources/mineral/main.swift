// The `mineral` command: a thin front end. All the work is in MineralCLI and the MineralIntake library.
import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif
import MineralCLI

// A write past a file-size limit, or into a closed pipe, should fail with an error we report (exit 74), not kill
// the process.
signal(SIGXFSZ, SIG_IGN)
signal(SIGPIPE, SIG_IGN)

// Questions only where a person can answer them: standard input and standard error both a terminal.
let ask: (@Sendable (String) -> String?)?
if isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 {
    ask = { prompt in
        _ = MineralCommandLine.writeAll(prompt, to: STDERR_FILENO)
        return readLine(strippingNewline: true)
    }
} else {
    ask = nil
}
let say: (@Sendable (String) -> Void)?
if isatty(STDERR_FILENO) == 1 {
    say = { message in _ = MineralCommandLine.writeAll(message, to: STDERR_FILENO) }
} else {
    say = nil
}

/// The environment variable `name`, read with the C library: only the few variables used are read (making the whole
/// environment a dictionary costs more than the rest of start-up).
func variable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

// The crash tests' pause inside a write exists in debug builds only; a release binary ignores the variable.
#if DEBUG
    let testPauseBeforeRename = variable("MINERAL_TEST_PAUSE_BEFORE_RENAME")
#else
    let testPauseBeforeRename: String? = nil
#endif

var environment: [String: String] = [:]
for name in MineralCommandLine.environmentVariables {
    environment[name] = variable(name)
}
var commandLine = MineralCommandLine(
    environment: environment,
    files: DiskFileStore(
        lockWait: variable("MINERAL_LOCK_WAIT").flatMap(Double.init).flatMap {
            $0.isFinite ? min(max($0, 0), 600) : nil
        } ?? 10,
        pauseBeforeRename: testPauseBeforeRename), today: MineralCommandLine.localToday(),
    defaultMeal: MineralCommandLine.localMeal(),
    readStandardInput: { try MineralCommandLine.readAll(STDIN_FILENO) },
    standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1, ask: ask, say: say
)
// Long output (an export of years) goes out piece by piece as it is made.
commandLine.writeStandardOutput = { text in MineralCommandLine.writeAll(text, to: STDOUT_FILENO) }
if isatty(STDOUT_FILENO) == 1 {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        commandLine.terminalWidth = Int(size.ws_col)
    }
}
let result = commandLine.run(Array(CommandLine.arguments.dropFirst()))
if let failure = MineralCommandLine.writeAll(result.standardOutput, to: STDOUT_FILENO) {
    _ = MineralCommandLine.writeAll(
        result.standardError + "mineral: cannot write to standard output: \(failure)\n", to: STDERR_FILENO)
    exit(ExitCode.ioError.rawValue)
}
_ = MineralCommandLine.writeAll(result.standardError, to: STDERR_FILENO)
exit(result.exitCode.rawValue)

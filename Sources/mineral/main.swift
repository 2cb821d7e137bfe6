// The `mineral` command: a thin front end. All the work is in MineralCLI and the MineralIntake library.
import Foundation
import MineralCLI

// A write past a file-size limit should fail with an error we report (exit 74), not kill the process.
signal(SIGXFSZ, SIG_IGN)

// Questions only where a person can answer them: standard input and standard error both a terminal.
let ask: (@Sendable (String) -> String?)?
if isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 {
    ask = { prompt in
        FileHandle.standardError.write(Data(prompt.utf8))
        return readLine(strippingNewline: true)
    }
} else {
    ask = nil
}
let say: (@Sendable (String) -> Void)?
if isatty(STDERR_FILENO) == 1 {
    say = { message in FileHandle.standardError.write(Data(message.utf8)) }
} else {
    say = nil
}

let result = MineralCommandLine(
    environment: ProcessInfo.processInfo.environment, files: DiskFileStore(), today: MineralCommandLine.localToday(),
    defaultMeal: MineralCommandLine.localMeal(),
    readStandardInput: { String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) },
    standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1, ask: ask, say: say
).run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
FileHandle.standardError.write(Data(result.standardError.utf8))
exit(result.exitCode.rawValue)

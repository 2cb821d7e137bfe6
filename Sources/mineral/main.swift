// The `mineral` command: a thin front end. All the work is in MineralCLI and the MineralIntake library.
import Foundation
import MineralCLI

// A write past a file-size limit should fail with an error we report (exit 74), not kill the process.
signal(SIGXFSZ, SIG_IGN)

let result = MineralCommandLine(
    environment: ProcessInfo.processInfo.environment, files: DiskFileStore(), today: MineralCommandLine.localToday(),
    defaultMeal: MineralCommandLine.localMeal(),
    readStandardInput: { String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) },
    standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1
).run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
FileHandle.standardError.write(Data(result.standardError.utf8))
exit(result.exitCode.rawValue)

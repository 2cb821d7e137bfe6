import Foundation
import MineralCLI
import Testing

/// Completions, the manual page, `foods names`, `--version` and the install script.
@Suite("At home in a shell: completions, manual, version, install")
struct ShellCommandsTests {
    static func has(_ tool: String) -> Bool {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + tool) }
    }

    static func temporary(_ text: String, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mineral-shell-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("the bash script parses and completes commands, options, option values and food names")
    func bash() throws {
        let script = try Self.temporary(mineral("completions", "bash").standardOutput, "c.bash")
        defer { try? FileManager.default.removeItem(at: script) }
        #expect(try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-n", script.path]).exitCode == 0)
        func complete(_ words: [String]) throws -> String {
            let array = words.map { "'\($0)'" }.joined(separator: " ")
            let program =
                "mineral() { printf 'dried apricots\\nraisins\\n'; }; source \(script.path); COMP_WORDS=(\(array)); "
                + "COMP_CWORD=\(words.count - 1); _mineral; echo \"${COMPREPLY[*]}\""
            return try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", program]).standardOutput
        }
        #expect(try complete(["mineral", "rep"]).contains("report"))
        #expect(
            try complete(["mineral", "foods", "s"]).contains("search")
                && complete(["mineral", "foods", "s"]).contains("show"))
        #expect(try complete(["mineral", "log", "--me"]).contains("--meal"))
        #expect(try complete(["mineral", "report", "--format", ""]) == "text markdown csv json html\n")
        #expect(try complete(["mineral", "log", "dri"]).contains("dried\\ apricots"))
        // Bash keeps the typed backslash or opening quote in the word; the name still completes, escaped to fit.
        #expect(try complete(["mineral", "log", "dried\\ apr"]) == "dried\\ apricots\n")
        #expect(try complete(["mineral", "log", "\"dried apr"]) == "dried apricots\n")
    }

    @Test(
        "the zsh and fish scripts parse", .enabled(if: has("zsh") || has("fish"), "neither zsh nor fish is installed"))
    func zshAndFish() throws {
        for (shell, tool) in [("zsh", "zsh"), ("fish", "fish")] where Self.has(tool) {
            let script = try Self.temporary(mineral("completions", shell).standardOutput, "c.\(shell)")
            defer { try? FileManager.default.removeItem(at: script) }
            let outcome = try runProcess(URL(fileURLWithPath: "/usr/bin/\(tool)"), ["-n", script.path])
            #expect(outcome.exitCode == 0, "\(shell): \(outcome.standardError)")
        }
    }

    @Test("completions for an unknown shell are refused with a suggestion")
    func unknownShell() {
        expectRefused(
            ["completions", "bsh"], code: .usage, message: "no completions for shell \"bsh\"; did you mean \"bash\"?")
    }

    @Test("docs/mineral.1 is the manual the command declarations make (UPDATE_GOLDEN=1 rewrites it)")
    func manualMatches() throws {
        let file = packageRoot.appendingPathComponent("docs/mineral.1")
        let made = mineral("manual").standardOutput
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Data(made.utf8).write(to: file) }
        #expect(
            made == (try String(contentsOf: file, encoding: .utf8)), "docs/mineral.1 is stale; run with UPDATE_GOLDEN=1"
        )
    }

    @Test("the manual renders with groff without a warning", .enabled(if: has("groff"), "groff is not installed"))
    func manualRenders() throws {
        let outcome = try runProcess(
            URL(fileURLWithPath: "/usr/bin/groff"),
            ["-man", "-Tutf8", "-ww", "-z", packageRoot.appendingPathComponent("docs/mineral.1").path])
        #expect(outcome.exitCode == 0 && outcome.standardError.isEmpty, "\(outcome.standardError)")
    }

    @Test("foods names lists the everyday names; --version names the data it carries")
    func namesAndVersion() {
        let names = mineral("foods", "names").standardOutput.split(separator: "\n")
        #expect(names.count > 2000 && names.contains("dried apricots"))
        let version = mineral("--version").standardOutput
        #expect(version.hasPrefix("mineral \(MineralCommandLine.version)\n"))
        #expect(version.contains("USDA SR28") && version.contains("targets.csv ") && version.contains("names.tsv "))
        #expect(version.split(separator: "\n").allSatisfy { $0.count < 80 })  // fits a terminal
    }

    @Test("scripts/install.sh installs the binary, manual and completions into a prefix, and --uninstall removes them")
    func install() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mineral-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let script = packageRoot.appendingPathComponent("scripts/install.sh").path
        let installed = try runProcess(
            URL(fileURLWithPath: "/bin/bash"), [script, "--prefix", prefix.path, "--binary", mineralBinary.path])
        #expect(installed.exitCode == 0, "\(installed.standardError)")
        for path in [
            "bin/mineral", "share/man/man1/mineral.1", "share/bash-completion/completions/mineral",
            "share/zsh/site-functions/_mineral", "share/fish/vendor_completions.d/mineral.fish",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path)")
        }
        let version = try runProcess(prefix.appendingPathComponent("bin/mineral"), ["--version"])
        #expect(version.standardOutput.hasPrefix("mineral "))
        let removed = try runProcess(
            URL(fileURLWithPath: "/bin/bash"), [script, "--prefix", prefix.path, "--uninstall"])
        #expect(removed.exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/mineral").path))
    }
}

import Testing
@testable import MineralCLI

@Suite("Argument parser")
struct ArgumentParserTests {
    static let parser = ArgumentParser(commands: [
        CommandSpec(
            .foodsSearch, summary: "s", arguments: "TEXT…", minimumArguments: 1, maximumArguments: .max,
            options: [
                OptionSpec(.format, value: "FORMAT", allowed: ["table", "json"], help: ""),
                OptionSpec(.limit, value: "N", wholeNumbers: 1...50, help: ""),
            ]),
        CommandSpec(.foodsShow, summary: "s", arguments: "FOOD", minimumArguments: 1, maximumArguments: 1),
        CommandSpec(.targets, summary: "t", options: [OptionSpec(.pregnant, help: "")]),
    ])

    @Test(arguments: [
        (
            ["foods", "search", "dried", "apricots"],
            ParsedArguments(command: ["foods", "search"], arguments: ["dried", "apricots"])
        ),
        (
            ["foods", "search", "--format", "json", "x"],
            ParsedArguments(command: ["foods", "search"], values: ["--format": "json"], arguments: ["x"])
        ),
        (
            ["foods", "search", "x", "--format=json", "--limit", "3"],
            ParsedArguments(
                command: ["foods", "search"], values: ["--format": "json", "--limit": "3"], arguments: ["x"])
        ),
        (
            ["foods", "search", "--", "--format"],
            ParsedArguments(command: ["foods", "search"], arguments: ["--format"])
        ),
        (["foods", "search", "-5", "g"], ParsedArguments(command: ["foods", "search"], arguments: ["-5", "g"])),
        (["targets", "--pregnant"], ParsedArguments(command: ["targets"], flags: ["--pregnant"])),
        // A listed value in any case is that value: `--format JSON`, like `--meal Breakfast`.
        (
            ["foods", "search", "x", "--format", "JSON"],
            ParsedArguments(command: ["foods", "search"], values: ["--format": "json"], arguments: ["x"])
        ),
    ])
    func parses(arguments: [String], expected: ParsedArguments) throws {
        #expect(try Self.parser.parse(arguments) == .run(expected))
    }

    @Test(arguments: [
        ([], ParseOutcome.help([])), (["--help"], .help([])), (["help", "foods"], .help(["foods"])),
        (["foods", "--help"], .help(["foods"])), (["foods", "search", "-h"], .help(["foods", "search"])),
        (["foods", "search", "x", "--help"], .help(["foods", "search"])), (["--version"], .version),
    ])
    func helpAndVersion(arguments: [String], expected: ParseOutcome) throws {
        #expect(try Self.parser.parse(arguments) == expected)
    }

    @Test(arguments: [
        (["serch"], "unknown command \"serch\" for `mineral`; known: foods, targets"),
        (
            ["foods", "serch", "x"],
            "unknown command \"serch\" for `mineral foods`; did you mean \"search\"? known: search, show"
        ),
        (["foods"], "`mineral foods` needs a command: search, show; see `mineral foods --help`"),
        (["foods", "search"], "`mineral foods search` needs TEXT…; see `mineral foods search --help`"),
        (
            ["foods", "search", "x", "--fromat", "json"],
            "unknown option --fromat for `mineral foods search`; did you mean --format? known: --format, --limit"
        ),
        (["foods", "search", "x", "--format", "xml"], "--format \"xml\" is not accepted; accepted: table, json"),
        (
            ["foods", "search", "x", "--format", "jsno"],
            "--format \"jsno\" is not accepted; did you mean \"json\"? accepted: table, json"
        ),
        (["foods", "search", "x", "--limit"], "--limit needs a value (N)"),
        (["foods", "show", "a", "b"], "`mineral foods show` takes at most 1 argument(s) (FOOD); unexpected \"b\""),
        (["targets", "--pregnant=yes"], "--pregnant takes no value; give it alone"),
        (["targets", "x"], "`mineral targets` takes no arguments, got \"x\""),
        (["--verbose"], "unknown option \"--verbose\"; try `mineral --help`"),
    ])
    func refuses(arguments: [String], message: String) {
        #expect(throws: CLIError.usage(message)) { try Self.parser.parse(arguments) }
    }

    @Test("a whole-number option is checked by the parser, from its declaration, and read as a number")
    func wholeNumbers() throws {
        let parsed = try Self.parser.parse(["foods", "search", "x", "--limit", "50"])
        guard case .run(let arguments) = parsed else {
            Issue.record("not a run: \(parsed)")
            return
        }
        #expect(arguments.number(.limit) == 50)
        for bad in ["0", "51", "-1", "1.5", "five", ""] {
            #expect(throws: CLIError.usage("--limit \"\(bad)\" is not accepted; give a whole number from 1 to 50")) {
                try Self.parser.parse(["foods", "search", "x", "--limit", bad])
            }
        }
    }

    @Test("help lists every command and each command's options")
    func helpText() {
        let index = Self.parser.help(for: [])
        #expect(index.contains("mineral foods search TEXT…"))
        #expect(index.contains("mineral targets"))
        let search = Self.parser.help(for: ["foods", "search"])
        #expect(search.contains("Usage: mineral foods search [options] TEXT…"))
        #expect(search.contains("--format FORMAT"))
    }

    @Test("every declared command reaches its own handler: none falls through to another or to \"unknown command\"")
    func everyCommandIsDispatched() {
        for spec in MineralCommandLine.parser.commands {
            let argv = spec.path + Array(repeating: "x", count: spec.minimumArguments)
            let result = commandLine(MemoryFileStore()).run(argv)
            #expect(!result.standardError.contains("unknown command"), "\(argv): \(result.standardError)")
        }
        // One command type per command name, and a name for every command type: each is dispatched to its own.
        let declared = MineralCommandLine.commands.map { $0.spec.name }
        #expect(declared.count == CommandName.allCases.count && Set(declared) == Set(CommandName.allCases))
        for name in CommandName.allCases {
            #expect(MineralCommandLine.command(named: name).spec.name == name, "\(name.rawValue)")
        }
        #expect(MineralCommandLine.parser.commands.map(\.name) == declared)
    }

    @Test("a command line parsed by its command's declaration alone reads as the whole parser reads it")
    func quickParseAgrees() {
        // A fixed sequence of numbers (a linear congruential generator), so a failure shows again.
        var state: UInt64 = 1126
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let words = ["x", "foods", "search", "report", "log", "-", "--", "help", "2026-11-26", "50 g almonds", "-h"]
        var quick = 0
        for round in 0..<3000 {
            let spec = MineralCommandLine.parser.commands[Int(next() % 23)]
            var argv = spec.path
            for _ in 0..<Int(next() % 5) {
                switch next() % 3 {
                case 0 where !spec.options.isEmpty:
                    let option = spec.options[Int(next() % UInt64(spec.options.count))]
                    argv.append(option.name)
                    if option.valueName != nil {
                        argv.append(option.allowed?.first ?? (option.wholeNumbers.map { "\($0.lowerBound)" } ?? "1"))
                    }
                default: argv.append(words[Int(next() % UInt64(words.count))])
                }
            }
            if next() % 10 == 0 { argv.removeFirst() }
            let full: Result<ParseOutcome, CLIError> = Result { () throws(CLIError) in
                try MineralCommandLine.parser.parse(argv)
            }
            guard let command = MineralCommandLine.namedCommand(argv) else {
                if case .success(.run(let parsed)) = full {
                    Issue.record("round \(round): \(argv) ran \(parsed.command)")
                }
                continue
            }
            if case .run(let parsed)? = try? ArgumentParser(commands: [command.spec]).parse(argv) {
                quick += 1
                #expect(full == Result<ParseOutcome, CLIError>.success(.run(parsed)), "round \(round): \(argv)")
            }
        }
        #expect(quick > 500)
    }
}

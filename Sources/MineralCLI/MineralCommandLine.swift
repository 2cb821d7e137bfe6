import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif
import MineralIntake

/// What running a command produced: the text for stdout and stderr and the exit code. The `mineral` executable
/// writes these out; tests compare them.
public struct CommandResult: Sendable, Equatable {
    public var standardOutput: String
    public var standardError: String
    public var exitCode: ExitCode

    public init(standardOutput: String = "", standardError: String = "", exitCode: ExitCode = .success) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }
}

/// The `mineral` command line: parses arguments, runs the command against the library, renders the result.
public struct MineralCommandLine: Sendable {
    public static let version = "0.1.0"

    /// Everything the commands read from outside: the environment (for the data directory, `NO_COLOR`).
    public var environment: [String: String]
    /// Where long output (an export) is written piece by piece as it is made, instead of being returned whole in
    /// ``CommandResult/standardOutput``: the text, then the failure's description if it could not be written.
    /// `nil` (tests) returns everything in the result.
    public var writeStandardOutput: (@Sendable (String) -> String?)?
    /// The environment variables commands read (`environment` needs only these): the data directory's and `NO_COLOR`.
    public static let environmentVariables = ["MINERAL_HOME", "XDG_DATA_HOME", "HOME", "NO_COLOR"]
    /// The data directory's files: the disk, or memory in tests.
    public var files: any FileStore
    /// Which day today is, from the caller's clock, calendar and time zone.
    public var today: CalendarDate
    /// Loads a food database in place of the built-in one (tests pass one); `nil` uses the built-in database.
    public var foodsLoader: (@Sendable () throws -> FoodDatabase)?
    /// Loads reference tables in place of the built-in ones; `nil` uses the built-in tables.
    public var tablesLoader: (@Sendable () throws -> ReferenceTables)?

    /// The food database: the built-in one, called directly (not through a closure), unless a loader was given.
    func loadFoods() throws -> FoodDatabase {
        if let foodsLoader { return try foodsLoader() }
        return try FoodDatabase.builtIn()
    }

    /// The reference tables: the built-in ones unless a loader was given.
    func loadTables() throws -> ReferenceTables {
        if let tablesLoader { return try tablesLoader() }
        return try ReferenceTables.builtIn()
    }

    /// Notes a command adds for stderr on its way (a damaged file left out); the run appends them to its result.
    var notes = Notes()

    /// The meal an entry goes to when `--meal` is not given (the executable picks it by the time of day).
    public var defaultMeal: Meal
    /// Standard input, read when a command needs it (`mineral log` with no items); `nil` when there is none.
    public var readStandardInput: @Sendable () throws -> String?
    /// Whether standard output is a terminal (colour is used only there).
    public var standardOutputIsTerminal: Bool
    /// The terminal's width in columns, when standard output is one (tables are fitted to it; never under 80).
    public var terminalWidth: Int?

    /// A table fitted to the terminal, if there is one.
    func fit(_ table: TextTable) -> String {
        table.rendered(width: terminalWidth.map { max(80, $0) })
    }
    /// On a terminal, shows a prompt (on stderr) and reads one line the person types; `nil` from a pipe or
    /// script, where nothing is asked. Returns `nil` at the end of input.
    public var ask: (@Sendable (_ prompt: String) -> String?)?
    /// On a terminal, shows a message at once (on stderr), between questions.
    public var say: (@Sendable (_ message: String) -> Void)?

    public init(
        environment: [String: String] = [:],
        files: any FileStore = DiskFileStore(),
        today: CalendarDate,
        loadFoods: (@Sendable () throws -> FoodDatabase)? = nil,
        loadTables: (@Sendable () throws -> ReferenceTables)? = nil,
        defaultMeal: Meal = .snack,
        readStandardInput: @escaping @Sendable () throws -> String? = { nil },
        standardOutputIsTerminal: Bool = false,
        ask: (@Sendable (_ prompt: String) -> String?)? = nil,
        say: (@Sendable (_ message: String) -> Void)? = nil
    ) {
        self.ask = ask
        self.say = say
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.defaultMeal = defaultMeal
        self.readStandardInput = readStandardInput
        self.environment = environment
        self.files = files
        self.today = today
        self.foodsLoader = loadFoods
        self.tablesLoader = loadTables
    }

    /// Today's date in the local time zone, from the system clock and the C library (no ICU): for the executable,
    /// not the library.
    public static func localToday() -> CalendarDate {
        let now = localTime()
        return CalendarDate(year: Int(now.tm_year) + 1900, month: Int(now.tm_mon) + 1, day: Int(now.tm_mday))
            ?? CalendarDate.first
    }

    /// The meal for the local time of day: breakfast before 11, lunch before 16, dinner from 17 to 21, else snack.
    public static func localMeal() -> Meal {
        switch Int(localTime().tm_hour) {
        case 4..<11: return .breakfast
        case 11..<16: return .lunch
        case 17..<22: return .dinner
        default: return .snack
        }
    }

    private static func localTime() -> tm {
        var clock = time(nil)
        var parts = tm()
        localtime_r(&clock, &parts)
        return parts
    }

    /// `--version`: the version and which data it carries, each file named with a short fingerprint of its text, so
    /// two installs can be told apart.
    static var versionText: String {
        // Worked out when the data was compiled in: hashing 1.3 MB here would cost more than starting the process.
        let food = FoodDataFiles.builtInFingerprints
        let reference = ReferenceDataFiles.builtInFingerprints
        func fingerprint(_ table: [String: String], _ member: String) -> String { table[member] ?? "unknown" }
        // Lines under 80 columns.
        return "mineral \(version)\n"
            + "food data: USDA SR28 (Standard Reference, Release 28, 2015, revised 2016)\n"
            + "  foods.tsv \(fingerprint(food, "foods")), measures.tsv \(fingerprint(food, "measures")), "
            + "names.tsv \(fingerprint(food, "names")),\n"
            + "  household-words.tsv \(fingerprint(food, "householdWords"))\n"
            + "targets: targets.csv \(fingerprint(reference, "targets")), sweat.csv "
            + "\(fingerprint(reference, "sweat")),\n"
            + "  within-person-sd.csv \(fingerprint(reference, "withinPersonSD"))\n"
    }

    /// The most standard input `mineral log` reads: 8 MiB (about 200,000 items).
    public static let standardInputLimit = 8 << 20

    /// Reads all of file descriptor `descriptor` (standard input), up to `limit` bytes: `nil` when it is closed;
    /// an error naming the cause when it cannot be read (a directory) or holds more than `limit`.
    public static func readAll(_ descriptor: Int32, limit: Int = standardInputLimit) throws -> String? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EBADF { return nil }
                throw CLIError.io("cannot read standard input: \(String(cString: strerror(errno))); nothing was logged")
            }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit {
                throw CLIError.data(
                    "standard input holds over \(limit >> 20) MiB; log it in parts of at most that; nothing was logged")
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes all of `text` to `descriptor`; the error's text if it could not (a full disk, a closed pipe).
    public static func writeAll(_ text: String, to descriptor: Int32) -> String? {
        var text = text
        return text.withUTF8 { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// Every command, each a type that declares it (``MineralCommand/spec``) and runs it, in the order help lists
    /// them.
    static let commands: [any MineralCommand.Type] = [
        FoodsNamesCommand.self, FoodsSearchCommand.self, FoodsShowCommand.self, FoodsRichInCommand.self,
        ProfileSetCommand.self, ProfileShowCommand.self, TargetsCommand.self,
        LogCommand.self, DayCommand.self, EntriesCommand.self, UndoCommand.self, RemoveCommand.self,
        EditCommand.self, CheckCommand.self,
        ExportCommand.self, ImportCommand.self,
        CustomAddCommand.self, CustomRecipeCommand.self, CustomListCommand.self, CustomRemoveCommand.self,
        ReportCommand.self,
        CompletionsCommand.self, ManualCommand.self,
    ]

    /// The command type named `name`: a switch over every name, so a name without a type does not compile (and no
    /// other command's declaration is built to find it).
    static func command(named name: CommandName) -> any MineralCommand.Type {
        switch name {
        case .foodsSearch: FoodsSearchCommand.self
        case .foodsShow: FoodsShowCommand.self
        case .foodsNames: FoodsNamesCommand.self
        case .foodsRichIn: FoodsRichInCommand.self
        case .profileSet: ProfileSetCommand.self
        case .profileShow: ProfileShowCommand.self
        case .targets: TargetsCommand.self
        case .log: LogCommand.self
        case .day: DayCommand.self
        case .entries: EntriesCommand.self
        case .undo: UndoCommand.self
        case .remove: RemoveCommand.self
        case .edit: EditCommand.self
        case .check: CheckCommand.self
        case .export: ExportCommand.self
        case .import: ImportCommand.self
        case .customAdd: CustomAddCommand.self
        case .customRecipe: CustomRecipeCommand.self
        case .customList: CustomListCommand.self
        case .customRemove: CustomRemoveCommand.self
        case .report: ReportCommand.self
        case .completions: CompletionsCommand.self
        case .manual: ManualCommand.self
        }
    }

    /// The command the leading words name, found as the parser finds it (the longest run of words that begins a
    /// command's name), without building any declaration; `nil` when they name none.
    static func namedCommand(_ arguments: [String]) -> (any MineralCommand.Type)? {
        var words = ""
        for word in arguments {
            guard !word.hasPrefix("-") else { break }
            let longer = words.isEmpty ? word : words + " " + word
            guard CommandName.allCases.contains(where: { $0.rawValue == longer || $0.rawValue.hasPrefix(longer + " ") })
            else { break }
            words = longer
        }
        return CommandName(rawValue: words).map(command(named:))
    }

    /// The parser, help, completions and the manual, all from the commands' declarations.
    static let parser = ArgumentParser(commands: commands.map { $0.spec })

    /// Runs `arguments` (without the program name).
    public func run(_ arguments: [String]) -> CommandResult {
        // Each run gathers its own notes, so runs of one command line at once do not mix them.
        var context = self
        context.notes = Notes()
        var result = context.runCommand(arguments)
        // Nothing meant for stderr carries escape sequences: what files and people typed is shown, not obeyed.
        result.standardError = TerminalText.visible(context.notes.text + result.standardError)
        return result
    }

    private func runCommand(_ arguments: [String]) -> CommandResult {
        do {
            // A command line that names a command and parses by that command's declaration alone (the usual case)
            // needs no other declaration built; anything else (help, a mistake) goes to the whole parser, which
            // words help and errors from every command.
            if let command = Self.namedCommand(arguments),
                case .run(let parsed)? = try? ArgumentParser(commands: [command.spec]).parse(arguments)
            {
                return try command.run(parsed, self)
            }
            switch try Self.parser.parse(arguments) {
            case .version:
                return CommandResult(standardOutput: Self.versionText)
            case .help(let path):
                let known = Self.parser.commands.contains { $0.path.starts(with: path) }
                guard known else {
                    throw CLIError.usage("no help for \"\(path.joined(separator: " "))\"; see `mineral --help`")
                }
                return CommandResult(standardOutput: Self.parser.help(for: path))
            case .run(let parsed):
                return try dispatch(parsed)
            }
        } catch let error as CLIError {
            return CommandResult(standardError: "mineral: \(error.description)\n", exitCode: error.exitCode)
        } catch let error as MineralIntakeError {
            let cliError = CLIError(error)
            return CommandResult(standardError: "mineral: \(cliError.description)\n", exitCode: cliError.exitCode)
        } catch {
            return CommandResult(standardError: "mineral: internal error: \(error)\n", exitCode: .software)
        }
    }

    private func dispatch(_ parsed: ParsedArguments) throws -> CommandResult {
        guard let name = parsed.name else {
            throw CLIError.usage("unknown command \(parsed.command.joined(separator: " "))")
        }
        return try Self.command(named: name).run(parsed, self)
    }
}

/// A command of `mineral`, as a type: its declaration (words, summary, arguments, options with their help and
/// accepted values, discussion), read by the parser, help, completions and the manual page alike; and what it does,
/// given the parsed command line and the context (files, clock, terminal).
protocol MineralCommand: Sendable {
    /// The declaration.
    static var spec: CommandSpec { get }
    /// Runs the command: reads, calls the library, renders; errors are thrown, mapped to exit codes by the caller.
    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult
}

/// Output formats every listing offers.
enum OutputFormat: String, CaseIterable {
    case table, json

    static let option = OptionSpec(
        .format, value: "FORMAT", allowed: allCases.map(\.rawValue),
        help: "table (default, for people) or json (for programs)")

    init(_ parsed: ParsedArguments) {
        self = parsed[.format].flatMap(OutputFormat.init(rawValue:)) ?? .table
    }
}

/// JSON as every command writes it: sorted keys, pretty, stable.
enum JSONOutput {
    static func encode<Content: Codable & Sendable & Equatable>(_ kind: String, _ content: Content) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(VersionedOutput(kind: kind, data: content))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Lines for stderr gathered while a command runs.
final class Notes: @unchecked Sendable {
    // @unchecked: `lines` is only touched while holding `lock`.
    private let lock = PlainLock()
    private var lines: [String] = []

    func add(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        if !lines.contains(line) { lines.append(line) }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined()
    }
}

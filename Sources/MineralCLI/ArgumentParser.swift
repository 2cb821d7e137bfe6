import MineralIntake

/// A long option's name (`--format`), declared once, below: the declarations, the parser, help, completions, the
/// manual and every command read options through these names, so an option misspelt in code does not compile.
public struct OptionName: Hashable, Sendable {
    /// The name with its dashes: `--format`.
    public let rawValue: String

    init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    static let age = OptionName("--age")
    static let allowDuplicates = OptionName("--allow-duplicates")
    static let born = OptionName("--born")
    static let complete = OptionName("--complete")
    static let copy = OptionName("--copy")
    static let dataDir = OptionName("--data-dir")
    static let date = OptionName("--date")
    static let dryRun = OptionName("--dry-run")
    static let food = OptionName("--food")
    static let format = OptionName("--format")
    static let from = OptionName("--from")
    static let group = OptionName("--group")
    static let item = OptionName("--item")
    static let lactating = OptionName("--lactating")
    static let last = OptionName("--last")
    static let limit = OptionName("--limit")
    static let meal = OptionName("--meal")
    static let measure = OptionName("--measure")
    static let month = OptionName("--month")
    static let notComplete = OptionName("--not-complete")
    static let output = OptionName("--output")
    static let override = OptionName("--override")
    static let per = OptionName("--per")
    static let per100g = OptionName("--per-100g")
    static let pregnant = OptionName("--pregnant")
    static let sample = OptionName("--sample")
    static let sex = OptionName("--sex")
    static let sources = OptionName("--sources")
    static let standard = OptionName("--standard")
    static let state = OptionName("--state")
    static let supplement = OptionName("--supplement")
    static let sweatRate = OptionName("--sweat-rate")
    static let to = OptionName("--to")
    static let totalGrams = OptionName("--total-grams")
    static let training = OptionName("--training")
    static let week = OptionName("--week")
    static let weeks = OptionName("--weeks")
}

/// Every command, by its words, declared once: its ``CommandSpec``, the dispatch and each handler's `switch` use
/// these, so a command misspelt in code does not compile and a `switch` over them needs no `default`.
public enum CommandName: String, CaseIterable, Sendable {
    case foodsSearch = "foods search"
    case foodsShow = "foods show"
    case foodsNames = "foods names"
    case foodsRichIn = "foods rich-in"
    case profileSet = "profile set"
    case profileShow = "profile show"
    case targets
    case log
    case day
    case entries
    case undo
    case remove
    case edit
    case check
    case export
    case `import`
    case customAdd = "custom add"
    case customRecipe = "custom recipe"
    case customList = "custom list"
    case customRemove = "custom remove"
    case report
    case completions
    case manual

    /// The command's words: `["foods", "search"]`.
    public var path: [String] { rawValue.split(separator: " ").map(String.init) }
}

/// An option a command accepts: `--format json`, `--limit 5`, or a flag like `--pregnant`.
public struct OptionSpec: Sendable, Equatable {
    /// The long name, with its dashes: `--format`.
    public var name: String
    /// What the value is called in help (`FORMAT`), or `nil` for a flag that takes no value.
    public var valueName: String?
    /// The values accepted, when they are a fixed list.
    public var allowed: [String]?
    /// The whole numbers accepted, when the value is a count (`--limit 5`): the parser refuses any other value.
    public var wholeNumbers: ClosedRange<Int>?
    /// One line of help.
    public var help: String

    public init(
        _ name: OptionName, value valueName: String? = nil, allowed: [String]? = nil,
        wholeNumbers: ClosedRange<Int>? = nil, help: String
    ) {
        self.name = name.rawValue
        self.valueName = valueName
        self.allowed = allowed
        self.wholeNumbers = wholeNumbers
        self.help = help
    }
}

/// A command: its words (`foods search`), what it does, its positional arguments and its options.
public struct CommandSpec: Sendable, Equatable {
    /// The command.
    public var name: CommandName
    /// Its words (`["foods", "search"]`).
    public var path: [String] { name.path }
    public var summary: String
    /// The positional arguments as shown in usage (`TEXT…`), or empty when none are taken.
    public var arguments: String
    public var minimumArguments: Int
    public var maximumArguments: Int
    public var options: [OptionSpec]
    /// Further lines of help: examples, notes.
    public var discussion: String

    public init(
        _ name: CommandName, summary: String, arguments: String = "", minimumArguments: Int = 0,
        maximumArguments: Int = 0, options: [OptionSpec] = [], discussion: String = ""
    ) {
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.minimumArguments = minimumArguments
        self.maximumArguments = maximumArguments
        self.options = options
        self.discussion = discussion
    }

    /// `mineral foods search`, as help and messages write it.
    var fullName: String { (["mineral"] + path).joined(separator: " ") }
}

/// What the parser made of a command line.
public struct ParsedArguments: Sendable, Equatable {
    /// The command's words (`["foods", "search"]`).
    public var command: [String]
    /// The command, when the words name one.
    public var name: CommandName? { CommandName(rawValue: command.joined(separator: " ")) }
    /// Options given with a value, by long name (`"--format": "json"`); the last one given wins.
    public var values: [String: String]
    /// Every value of each option, in the order given, for options that may repeat (`--group a --group b`).
    public var allValues: [String: [String]]
    /// Flags given.
    public var flags: Set<String>
    /// Positional arguments, in order.
    public var arguments: [String]

    /// The value of `option`, if given (the last one given wins).
    public subscript(_ option: OptionName) -> String? { values[option.rawValue] }

    /// Whether the flag `option` was given.
    public func has(_ option: OptionName) -> Bool { flags.contains(option.rawValue) }

    /// The value of a whole-number option (declared with ``OptionSpec/wholeNumbers``, so the parser has checked it),
    /// if given.
    public func number(_ option: OptionName) -> Int? { values[option.rawValue].flatMap { Int($0) } }

    /// Every value given for `option`, in order, or `nil` when it was not given.
    public func all(_ option: OptionName) -> [String]? { allValues[option.rawValue] }

    public init(
        command: [String], values: [String: String] = [:], allValues: [String: [String]]? = nil,
        flags: Set<String> = [],
        arguments: [String] = []
    ) {
        self.command = command
        self.values = values
        self.allValues = allValues ?? values.mapValues { [$0] }
        self.flags = flags
        self.arguments = arguments
    }
}

/// What a command line asks for: running a command, or help on one.
public enum ParseOutcome: Sendable, Equatable {
    case run(ParsedArguments)
    /// Help for the commands whose path starts with these words (empty: all of them).
    case help([String])
    case version
}

/// A hand-written parser over a table of ``CommandSpec``s: a pure value, tested with tables of inputs.
public struct ArgumentParser: Sendable {
    public var commands: [CommandSpec]

    public init(commands: [CommandSpec]) {
        self.commands = commands
    }

    public func parse(_ arguments: [String]) throws(CLIError) -> ParseOutcome {
        if arguments.isEmpty { return .help([]) }
        if arguments == ["--version"] { return .version }
        // The command is the longest run of leading words that names one.
        var path: [String] = []
        var rest = arguments[...]
        while let word = rest.first, !word.hasPrefix("-"),
            commands.contains(where: { $0.path.starts(with: path + [word]) })
        {
            path.append(word)
            rest = rest.dropFirst()
        }
        let wantsHelp = rest.contains { $0 == "--help" || $0 == "-h" }
        if path.isEmpty, arguments.first == "help" {
            return .help(Array(arguments.dropFirst()))
        }
        guard let spec = commands.first(where: { $0.path == path }) else {
            if wantsHelp { return .help(path) }
            let next = commands.compactMap {
                $0.path.starts(with: path) && $0.path.count > path.count ? $0.path[path.count] : nil
            }
            let known = Array(Set(next)).sorted()
            let prefix = path.isEmpty ? "mineral" : "mineral " + path.joined(separator: " ")
            if let word = rest.first, !word.hasPrefix("-") {
                let hint = DidYouMean.suggestion(for: word, among: known).map { "did you mean \"\($0)\"? " } ?? ""
                throw .usage(
                    "unknown command \"\(word)\" for `\(prefix)`; \(hint)known: \(known.joined(separator: ", "))")
            }
            if let word = rest.first, !path.isEmpty {
                throw .usage("`\(prefix)` needs a command before \(word); known: \(known.joined(separator: ", "))")
            }
            if path.isEmpty, let word = rest.first {
                throw .usage("unknown option \"\(word)\"; try `mineral --help`")
            }
            throw .usage("`\(prefix)` needs a command: \(known.joined(separator: ", ")); see `\(prefix) --help`")
        }
        if wantsHelp { return .help(path) }

        var parsed = ParsedArguments(command: path)
        var onlyArguments = false
        while let word = rest.first {
            rest = rest.dropFirst()
            if onlyArguments || !word.hasPrefix("--") || word == "-" {
                if word == "--", !onlyArguments {
                    onlyArguments = true
                    continue
                }
                parsed.arguments.append(word)
                continue
            }
            if word == "--" {
                onlyArguments = true
                continue
            }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let names = spec.options.map(\.name)
                let hint = DidYouMean.suggestion(for: name, among: names).map { "did you mean \($0)? " } ?? ""
                let known = names.isEmpty ? "it takes no options" : "known: " + names.joined(separator: ", ")
                throw .usage("unknown option \(name) for `\(spec.fullName)`; \(hint)\(known)")
            }
            guard let valueName = option.valueName else {
                if inlineValue != nil { throw .usage("\(name) takes no value; give it alone") }
                parsed.flags.insert(name)
                continue
            }
            var value: String
            if let inlineValue {
                value = inlineValue
            } else if let next = rest.first {
                value = next
                rest = rest.dropFirst()
            } else {
                throw .usage(
                    "\(name) needs a value (\(valueName))"
                        + (option.allowed.map { ": " + $0.joined(separator: ", ") } ?? ""))
            }
            // Listed values are words, whatever their case: `--meal Breakfast`.
            if let allowed = option.allowed, let same = allowed.first(where: { $0.lowercased() == value.lowercased() })
            {
                value = same
            }
            if let allowed = option.allowed, !allowed.contains(value) {
                let hint = DidYouMean.suggestion(for: value, among: allowed).map { "did you mean \"\($0)\"? " } ?? ""
                throw .usage(
                    "\(name) \"\(value)\" is not accepted; \(hint)accepted: \(allowed.joined(separator: ", "))")
            }
            if let range = option.wholeNumbers, Int(value).map(range.contains) != true {
                throw .usage(
                    "\(name) \"\(value)\" is not accepted; give a whole number from \(range.lowerBound) to "
                        + "\(range.upperBound)")
            }
            parsed.values[name] = value
            parsed.allValues[name, default: []].append(value)
        }
        if parsed.arguments.count < spec.minimumArguments {
            throw .usage("`\(spec.fullName)` needs \(spec.arguments); see `\(spec.fullName) --help`")
        }
        if parsed.arguments.count > spec.maximumArguments {
            let extra = parsed.arguments[spec.maximumArguments...].map { "\"\($0)\"" }.joined(separator: " ")
            throw .usage(
                spec.maximumArguments == 0
                    ? "`\(spec.fullName)` takes no arguments, got \(extra)"
                    : "`\(spec.fullName)` takes at most \(spec.maximumArguments) argument(s) (\(spec.arguments)); "
                        + "unexpected \(extra)"
            )
        }
        return .run(parsed)
    }

    /// Help text: the usage of one command, or an index of the commands under `path`.
    public func help(for path: [String]) -> String {
        if let spec = commands.first(where: { $0.path == path }) {
            var text = "\(spec.summary)\n\nUsage: \(spec.fullName)"
            if !spec.options.isEmpty { text += " [options]" }
            if !spec.arguments.isEmpty { text += " \(spec.arguments)" }
            text += "\n"
            if !spec.options.isEmpty {
                text += "\nOptions:\n"
                let table = TextTable(
                    columns: [.init(""), .init("")],
                    rows: spec.options.map { option in
                        ["  " + option.name + (option.valueName.map { " " + $0 } ?? ""), option.help]
                    })
                text += table.rendered(header: false)
            }
            if !spec.discussion.isEmpty { text += "\n" + spec.discussion.drop { $0 == "\n" } + "\n" }
            return text
        }
        let listed = commands.filter { $0.path.starts(with: path) }
        let title =
            path.isEmpty
            ? "mineral: potassium, magnesium, calcium, sodium and vitamin D intake against your targets (USDA SR28 "
                + "foods)."
            : "Commands of `mineral \(path.joined(separator: " "))`:"
        let table = TextTable(
            columns: [.init(""), .init("")],
            rows: listed.map { ["  " + $0.fullName + ($0.arguments.isEmpty ? "" : " " + $0.arguments), $0.summary] })
        return title + "\n\nUsage:\n" + table.rendered(header: false)
            + "\nEvery command takes --help. Exit codes: 0 ok, 64 usage, 65 bad data, 66 no profile yet, 74 I/O "
            + "error.\n"
    }
}

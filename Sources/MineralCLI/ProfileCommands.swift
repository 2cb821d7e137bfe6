import FoundationEssentials
import MineralIntake

/// `mineral profile set | show` and `mineral targets`.
struct ProfileCommands {
    let context: MineralCommandLine

    static let profileOptions: [OptionSpec] = [
        OptionSpec(.sex, value: "SEX", allowed: ["female", "male"], help: "female or male"),
        OptionSpec(.age, value: "YEARS", help: "age in whole years (1 to 130)"),
        OptionSpec(.born, value: "DATE", help: "birth date YYYY-MM-DD, instead of --age"),
        OptionSpec(.pregnant, help: "use the pregnancy rows"),
        OptionSpec(.lactating, help: "use the lactation (breastfeeding) rows"),
        OptionSpec(
            .state, value: "STATE", allowed: PhysiologicalState.allCases.map(\.rawValue),
            help: "none, pregnant or lactating"),
        OptionSpec(
            .standard, value: "STD", allowed: ["nasem", "efsa"], help: "nasem (default, U.S./Canada) or efsa (EU)"),
        OptionSpec(
            .group, value: "GROUP",
            help: "risk group, repeatable or comma-separated: "
                + RiskGroup.allCases.map(\.rawValue).joined(separator: ", ") + "; none clears"),
        OptionSpec(.training, value: "H/PERIOD", help: "training hours, e.g. 1.5/day or 8/week; none clears"),
        OptionSpec(
            .sweatRate, value: "L/H", help: "your sweat rate in litres per hour (default 1.21, Baker et al. 2016)"),
        OptionSpec(
            .override, value: "N[.T]=AMOUNT",
            help:
                "your own target, repeatable: magnesium=400, sodium.cdrr=2000, Mg.ul=300; N.T=default removes one; "
                + "none removes all"
        ),
    ]

    private func profilePath(_ parsed: ParsedArguments) throws(CLIError) -> String {
        try DataDirectory.resolve(flag: parsed[.dataDir], environment: context.environment) + "/profile.json"
    }

    /// The stored profile, or `nil` when there is none yet.
    func storedProfile(_ parsed: ParsedArguments, checked: Bool = true) throws(CLIError) -> (
        profile: Profile?, path: String
    ) {
        let path = try profilePath(parsed)
        guard let data = try context.files.read(path) else { return (nil, path) }
        let profile: Profile
        do {
            profile = try Profile(json: data)
        } catch {
            throw .data(
                "\(path) is not a readable profile (\(ProfileCommands.describe(error))); fix it in an editor or run "
                    + "`mineral profile set` with all fields"
            )
        }
        // A hand-edited profile meets the same limits as one set on the command line (`profile set` may mend it).
        if checked {
            do { _ = try profile.validated(on: context.today) } catch {
                throw .data("\(path): \(error.description); fix it in an editor or with `mineral profile set`")
            }
        }
        return (profile, path)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
                + (context.codingPath.isEmpty
                    ? "" : " at " + context.codingPath.map(\.stringValue).joined(separator: "."))
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong value at " + context.codingPath.map(\.stringValue).joined(separator: ".")
        default: return "\(error)"
        }
    }

    static let profileFlagNames: Set<String> = Set(profileOptions.map(\.name))

    /// `base` changed by the profile flags in `parsed`.
    func apply(_ parsed: ParsedArguments, to base: Profile?) throws -> Profile {
        let sex = try parsed[.sex].map { (text) throws(MineralIntakeError) in try Sex(parsing: text) } ?? base?.sex
        guard let sex else { throw CLIError.usage("the profile needs --sex female or --sex male") }
        var profile = base ?? Profile(sex: sex)
        profile.sex = sex
        if let text = parsed[.age] {
            guard let age = Int(text) else {
                throw CLIError.usage(
                    "--age \"\(text)\" is not accepted; give whole years from 1 to 130, or --born YYYY-MM-DD")
            }
            profile.ageYears = age
            profile.birthDate = nil
        }
        if let text = parsed[.born] {
            guard parsed[.age] == nil else { throw CLIError.usage("give --age or --born, not both") }
            profile.birthDate = try CalendarDate(parsing: text)
            profile.ageYears = nil
        }
        let states = [
            parsed.has(.pregnant) ? "pregnant" : nil, parsed.has(.lactating) ? "lactating" : nil,
            parsed[.state],
        ].compactMap { $0 }
        if Set(states).count > 1 { throw CLIError.usage("choose one of --pregnant, --lactating and --state") }
        if let state = states.first {
            // The parser accepts only the listed states; a hand-made command line is refused, not trusted.
            guard let known = PhysiologicalState(rawValue: state) else {
                throw CLIError.usage("--state \"\(state)\" is not a state; accepted: pregnant, lactating, none")
            }
            profile.state = known
        }
        if let text = parsed[.standard] { profile.standard = try ReferenceStandard(parsing: text) }
        if let values = parsed.all(.group) {
            for value in values {
                let names = value.split(separator: ",").map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
                if names == ["none"] {
                    profile.groups = []
                    continue
                }
                for name in names {
                    let group = try RiskGroup(parsing: name)
                    if !profile.groups.contains(group) { profile.groups.append(group) }
                }
            }
            profile.groups.sort()
        }
        if let text = parsed[.training] {
            profile.training =
                text.lowercased() == "none"
                ? nil : try Training(parsing: text, sweatRateLitresPerHour: profile.training?.sweatRateLitresPerHour)
        }
        if let text = parsed[.sweatRate] {
            guard let rate = Double(text), rate.isFinite, rate >= 0.1, rate <= 6 else {
                throw CLIError.usage(
                    "--sweat-rate \"\(text)\" is not accepted; give litres per hour from 0.1 to 6, e.g. 1.6")
            }
            guard profile.training != nil else {
                throw CLIError.usage("--sweat-rate needs training hours; give --training, e.g. --training 8/week")
            }
            profile.training?.sweatRateLitresPerHour = rate
        }
        for text in parsed.all(.override) ?? [] {
            if text.lowercased() == "none" {
                profile.overrides = []
                continue
            }
            if text.lowercased().hasSuffix("=default") {
                let probe = try TargetOverride(parsing: String(text.dropLast("default".count)) + "1")
                profile.overrides.removeAll { $0.nutrient == probe.nutrient && $0.role == probe.role }
                continue
            }
            let change = try TargetOverride(parsing: text)
            profile.overrides.removeAll { $0.nutrient == change.nutrient && $0.role == change.role }
            profile.overrides.append(change)
        }
        return profile
    }

    func set(_ parsed: ParsedArguments) throws -> CommandResult {
        // Bad input is refused before anything, the lock file included, is created; then the profile is read,
        // changed and saved under the data directory's lock, so concurrent changes all land.
        _ = try changedProfile(parsed)
        let lock = try DataFiles(context, parsed).lockPath
        return try context.files.withLock(lock) {
            let (profile, path) = try changedProfile(parsed)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try context.files.replace(path, with: try encoder.encode(profile) + Data("\n".utf8))
            return CommandResult(standardOutput: "Saved \(path)\n\n" + Self.describe(profile, today: context.today))
        }
    }

    /// The stored profile with the command line's changes, checked; where it is kept.
    private func changedProfile(_ parsed: ParsedArguments) throws -> (Profile, String) {
        let (stored, path) = try storedProfile(parsed, checked: false)
        guard !Set(parsed.values.keys).union(parsed.flags).intersection(Self.profileFlagNames).isEmpty else {
            throw CLIError.usage(
                "`mineral profile set` needs at least one field, e.g. --sex female --age 31; see --help")
        }
        let profile = try apply(parsed, to: stored)
        if profile.ageYears == nil, profile.birthDate == nil {
            throw CLIError.usage("the profile needs an age: --age YEARS or --born YYYY-MM-DD")
        }
        try profile.validated(on: context.today)  // refuse before writing anything
        return (profile, path)
    }

    func show(_ parsed: ParsedArguments) throws -> CommandResult {
        let (stored, path) = try storedProfile(parsed)
        guard let profile = stored else {
            throw CLIError.noInput("no profile yet (\(path)); create one: mineral profile set --sex female --age 31")
        }
        if OutputFormat(parsed) == .json {
            return CommandResult(standardOutput: try JSONOutput.encode("profile", profile))
        }
        return CommandResult(standardOutput: "Profile \(path)\n\n" + Self.describe(profile, today: context.today))
    }

    static func describe(_ profile: Profile, today: CalendarDate) -> String {
        var lines: [(String, String)] = [("sex", profile.sex.rawValue)]
        if let age = profile.ageYears { lines.append(("age", "\(age)")) }
        if let born = profile.birthDate {
            let age = (try? profile.age(on: today)).map { " (\($0) on \(today))" } ?? ""
            lines.append(("born", "\(born)\(age)"))
        }
        lines.append(("pregnant or lactating", profile.state == .none ? "no" : profile.state.rawValue))
        lines.append(("standard", profile.standard.displayName))
        lines.append(
            ("groups", profile.groups.isEmpty ? "none" : profile.groups.map(\.rawValue).joined(separator: ", ")))
        if let training = profile.training {
            let rate = training.sweatRateLitresPerHour.map { "\(DisplayNumber.plain($0)) L/h (yours)" } ?? "default"
            lines.append(
                (
                    "training",
                    "\(DisplayNumber.plain(training.hours)) h/\(training.period.rawValue) "
                        + "(\(DisplayNumber.amount(training.hoursPerDay)) h/day), sweat rate \(rate)"
                ))
        } else {
            lines.append(("training", "none"))
        }
        lines.append(
            (
                "your own targets",
                profile.overrides.isEmpty
                    ? "none"
                    : profile.overrides.map {
                        "\($0.nutrient.displayName) \($0.role.rawValue.replacing("_", with: " ")) "
                            + "\(DisplayNumber.plain($0.amount)) \($0.nutrient.unit.rawValue)"
                    }.joined(separator: "; ")
            ))
        return TextTable(columns: [.init(""), .init("")], rows: lines.map { [$0.0 + ":", $0.1] }).rendered(
            header: false)
    }

    func targets(_ parsed: ParsedArguments) throws -> CommandResult {
        let oneOff = !Set(parsed.values.keys).union(parsed.flags).intersection(Self.profileFlagNames).isEmpty
        let profile: Profile
        if oneOff {
            profile = try apply(parsed, to: nil)
            if profile.ageYears == nil, profile.birthDate == nil {
                throw CLIError.usage("a one-off profile needs an age: --age YEARS or --born YYYY-MM-DD")
            }
        } else {
            let (stored, path) = try storedProfile(parsed)
            guard let stored else {
                throw CLIError.noInput(
                    "no profile yet (\(path)); create one with `mineral profile set --sex female --age 31`, or give "
                        + "one here: mineral targets --sex female --age 31"
                )
            }
            profile = stored
        }
        let date =
            try parsed[.date].map { (text) throws(MineralIntakeError) in try CalendarDate(parsing: text) }
            ?? context.today
        let targets = try context.loadTables().targets(for: profile, on: date)
        if OutputFormat(parsed) == .json {
            return CommandResult(standardOutput: try JSONOutput.encode("targets", targets))
        }
        return CommandResult(
            standardOutput: TargetsRenderer.text(targets, sources: parsed.has(.sources), width: context.terminalWidth))
    }
}

/// Targets as text for a terminal.
enum TargetsRenderer {
    static func text(_ targets: Targets, sources showSources: Bool = true, width: Int? = nil) -> String {
        let profile = targets.profile
        var who = "\(targets.ageYears)-year-old"
        if profile.state != .none { who += " \(profile.state.rawValue)" }
        who += " \(profile.sex.rawValue)"
        var out = "Daily targets for a \(who) · \(targets.standard.displayName) · rows: \(targets.lifeStage)\n\n"
        let sweat = targets.nutrients.contains { $0.sweatLoss != nil }
        var columns: [TextTable.Column] = [
            .init("nutrient"), .init("goal"), .init("average requirement"), .init("upper limit"),
        ]
        if sweat { columns += [.init("sweat loss (estimate)", .right), .init("goal + sweat", .right)] }
        var table = TextTable(columns: columns)
        for nutrient in targets.nutrients {
            let unit = nutrient.unit.rawValue
            var upper = cell(nutrient.upperLimit, unit)
            if let limit = nutrient.upperLimit, limit.supplementsOnly { upper += ", supplements only" }
            if let reduce = nutrient.reduceAbove {
                upper = (nutrient.upperLimit == nil ? "" : upper + "; ") + "reduce above " + cell(reduce, unit)
            }
            var row = [
                nutrient.nutrient.displayName, cell(nutrient.goal, unit), cell(nutrient.averageRequirement, unit),
                upper,
            ]
            if sweat {
                row.append(nutrient.sweatLoss.map { "+\(DisplayNumber.amount($0.amountPerDay)) \(unit)" } ?? "–")
                row.append(nutrient.goalWithSweatLoss.map { "\(DisplayNumber.amount($0)) \(unit)" } ?? "–")
            }
            table.rows.append(row)
        }
        out += table.rendered(width: width.map { max(80, $0) })
        if !targets.groupNotes.isEmpty {
            out += "\nGroups:\n"
            out += targets.groupNotes.map { "  \($0.text)\n" }.joined()
        }
        if let estimate = targets.nutrients.compactMap(\.sweatLoss).first {
            out +=
                "\nSweat loss (an estimate, not an official value) = \(DisplayNumber.amount(estimate.hoursPerDay)) "
                + "h/day × "
                + "\(DisplayNumber.plain(estimate.sweatRateLitresPerHour)) L/h × concentration in sweat; sweat rate: "
                + "\(estimate.sweatRateSource).\n"
            for nutrient in targets.nutrients {
                guard let loss = nutrient.sweatLoss else { continue }
                out +=
                    "  \(nutrient.nutrient.displayName): \(DisplayNumber.plain(loss.concentrationMgPerLitre)) mg/L, "
                    + "\(loss.concentrationSource)\n"
            }
        }
        if !targets.notes.isEmpty {
            out += "\nNotes:\n" + targets.notes.map { "  - \($0)\n" }.joined()
        }
        var sources: [(String, [Int])] = []
        for nutrient in targets.nutrients {
            for target in [nutrient.goal, nutrient.averageRequirement, nutrient.upperLimit, nutrient.reduceAbove]
                .compactMap({ $0 })
            where !target.overridden {
                if let index = sources.firstIndex(where: { $0.0 == target.source }) {
                    if !sources[index].1.contains(target.sourceLine) { sources[index].1.append(target.sourceLine) }
                } else {
                    sources.append((target.source, [target.sourceLine]))
                }
            }
        }
        guard showSources else {
            return out
                + "\nEvery value comes from FoodData/reference/targets.csv; `mineral targets --sources` lists the "
                + "\(sources.count) sources and their lines.\n"
        }
        out += "\nSources (FoodData/reference/targets.csv lines):\n"
        out += sources.map { "  [\($0.1.sorted().map(String.init).joined(separator: ", "))] \($0.0)\n" }.joined()
        return out
    }

    static func cell(_ target: Target?, _ unit: String) -> String {
        guard let target else { return "–" }
        if target.overridden {
            let official =
                target.officialAmount.map { "official \(DisplayNumber.plain($0)) \(target.kind.rawValue)" }
                ?? "no official value"
            return "\(DisplayNumber.plain(target.amount)) \(unit) (yours; \(official))"
        }
        let mark = target.verification == .memoryUnverified ? " (unverified)" : ""
        return "\(DisplayNumber.plain(target.amount)) \(unit) \(target.kind.rawValue)\(mark)"
    }
}

/// `mineral profile set`: declared once, for the parser, help, completions and the manual.
enum ProfileSetCommand: MineralCommand {
    static let spec = CommandSpec(
        .profileSet, summary: "Store who you are: sex, age, pregnancy, standard, groups, training",
        options: ProfileCommands.profileOptions + [DataDirectory.option],
        discussion: """

            Only the fields given change; the rest of the stored profile stays. The profile is a JSON file,
            profile.json, in the data directory, readable by you only.

            Examples:
              mineral profile set --sex female --age 31 --pregnant
              mineral profile set --group athlete --training 8/week --sweat-rate 1.6
              mineral profile set --override magnesium=400
            """)

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try ProfileCommands(context: context).set(parsed)
    }
}

/// `mineral profile show`: declared once, for the parser, help, completions and the manual.
enum ProfileShowCommand: MineralCommand {
    static let spec = CommandSpec(
        .profileShow, summary: "Print the stored profile",
        options: [OutputFormat.option, DataDirectory.option])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try ProfileCommands(context: context).show(parsed)
    }
}

/// `mineral targets`: declared once, for the parser, help, completions and the manual.
enum TargetsCommand: MineralCommand {
    static let spec = CommandSpec(
        .targets, summary: "Daily intake targets for the stored profile, or for one given by flags",
        options: ProfileCommands.profileOptions + [
            OptionSpec(.date, value: "DATE", help: "the day to count a birth date's age on (default today)"),
            OptionSpec(.sources, help: "list the source of every value (JSON always has them)"),
            OutputFormat.option, DataDirectory.option,
        ],
        discussion: """

            With no profile flags, the stored profile is used; with any, a one-off profile from the flags alone
            (--sex and --age or --born are then needed).

            Goal = RDA or AI (EFSA: PRI or AI); average requirement = EAR (EFSA: AR); upper limit = UL;
            sodium's CDRR is the intake to stay below. Every value names its table row and source.

            Examples:
              mineral targets --sex female --age 31 --pregnant
              mineral targets --sex male --age 19 --standard efsa --group athlete --training 1.5/day
            """)

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try ProfileCommands(context: context).targets(parsed)
    }
}

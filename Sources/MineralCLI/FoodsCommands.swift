import MineralIntake

/// `mineral foods search | show | rich-in`.
struct FoodsCommands {
    let foods: FoodDatabase
    /// The terminal's width, to fit tables to.
    var width: Int? = nil

    func fit(_ table: TextTable) -> String { table.rendered(width: width.map { max(80, $0) }) }

    func search(_ parsed: ParsedArguments) throws -> CommandResult {
        let query = parsed.arguments.joined(separator: " ")
        let results = try foods.search(query, limit: parsed.number(.limit) ?? 10)
        if OutputFormat(parsed) == .json {
            return CommandResult(standardOutput: try JSONOutput.encode("foods.search", results))
        }
        guard !results.isEmpty else {
            return CommandResult(
                standardError: "mineral: no food matches \"\(query)\"; try fewer or other words\n", exitCode: .dataError
            )
        }
        var table = TextTable(
            columns: [.init("#", .right), .init("NDB")] + Self.nutrientColumns + [.init("food (per 100 g)")])
        for (offset, result) in results.enumerated() {
            var name = result.food.description
            if let everyday = result.matchedEverydayName { name += "  [\(everyday)]" }
            table.rows.append(
                [String(offset + 1), result.food.ndb.rawValue] + Self.nutrientCells(result.food.per100g) + [name])
        }
        return CommandResult(standardOutput: fit(table) + Self.missingNote(results.map(\.food.per100g)))
    }

    func show(_ parsed: ParsedArguments) throws -> CommandResult {
        let text = parsed.arguments.joined(separator: " ")
        let resolution = try foods.resolve(text)
        let detail = FoodDetail(food: resolution.food, in: foods)
        // Text that names no food confidently gets candidates and a non-zero exit, never a weak guess.
        if resolution.match == .bestMatch {
            let candidates = [resolution.food] + resolution.alternatives.map(\.food)
            throw CLIError.data(
                "\"\(text)\" is not the name of one food; foods it may mean (show one by its NDB number, e.g. mineral "
                    + "foods show \(candidates[0].ndb)):\n"
                    + candidates.map { "  \($0.ndb)  \($0.description)" }.joined(separator: "\n"))
        }
        var notes = ""
        if resolution.match == .onlyMatch {
            notes =
                "mineral: \"\(text)\" read as the one food that has every word: \(resolution.food.description) "
                + "(\(resolution.food.ndb))\n"
        }
        if OutputFormat(parsed) == .json {
            return CommandResult(standardOutput: try JSONOutput.encode("foods.show", detail), standardError: notes)
        }
        let food = detail.food
        var out = "\(food.description)\n"
        out += "NDB \(food.ndb) · \(detail.group.name) (\(detail.group.code))"
        if !food.everydayNames.isEmpty { out += " · everyday names: " + food.everydayNames.joined(separator: ", ") }
        out += "\n"
        if let common = food.usdaCommonNames { out += "USDA common names: \(common)\n" }
        out += "\n"
        var table = TextTable(columns: [.init("portion"), .init("grams", .right)] + Self.nutrientColumns)
        for portion in detail.portions {
            table.rows.append(
                [portion.label, DisplayNumber.plain(portion.grams)] + Self.nutrientCells(portion.nutrients))
        }
        out += fit(table)
        out += Self.missingNote([food.per100g])
        let vitaminD = food.vitaminDSource == .internationalUnits324 ? "324 (IU) ÷ 40" : "328"
        out +=
            "Source: USDA SR28, NDB \(food.ndb), per 100 g edible portion: energy nutrient 208, potassium 306, "
            + "magnesium 304, calcium 301, sodium 307, vitamin D \(vitaminD); measures from WEIGHT.txt.\n"
        return CommandResult(standardOutput: out, standardError: notes)
    }

    func richIn(_ parsed: ParsedArguments) throws -> CommandResult {
        let nutrient = try Nutrient(parsing: parsed.arguments[0])
        let basis =
            try parsed[.per].map { (text) throws(MineralIntakeError) in try RankingBasis(parsing: text) }
            ?? .per100Grams
        let group = try parsed[.group].map { (text) throws(MineralIntakeError) in try foods.group(matching: text) }
        let ranking = foods.richest(in: nutrient, per: basis, group: group, limit: parsed.number(.limit) ?? 20)
        if OutputFormat(parsed) == .json {
            return CommandResult(standardOutput: try JSONOutput.encode("foods.rich-in", ranking))
        }
        let unit = nutrient.unit.rawValue
        let basisText: String
        switch basis {
        case .per100Grams: basisText = "\(unit) per 100 g"
        case .per100Kcal: basisText = "\(unit) per 100 kcal"
        case .perPortion: basisText = "\(unit) per portion"
        }
        var out =
            "Foods richest in \(nutrient.displayName), \(basisText)"
            + (group.map { ", \($0.name) (\($0.code))" } ?? ", all food groups") + "\n\n"
        var columns: [TextTable.Column] = [.init("#", .right), .init("NDB"), .init(basisText, .right)]
        if basis != .per100Grams { columns.append(.init("\(unit)/100 g", .right)) }
        if basis == .per100Kcal { columns.append(.init("kcal/100 g", .right)) }
        if basis == .perPortion { columns.append(.init("portion")) }
        columns.append(.init("food"))
        var table = TextTable(columns: columns)
        for food in ranking.foods {
            var row = [String(food.rank), food.ndb.rawValue, DisplayNumber.amount(food.amount)]
            if basis != .per100Grams { row.append(DisplayNumber.amount(food.amountPer100g)) }
            if basis == .per100Kcal { row.append(food.energyKcalPer100g.map(DisplayNumber.amount) ?? "missing") }
            if basis == .perPortion { row.append(food.portion?.label ?? "") }
            row.append(food.description)
            table.rows.append(row)
        }
        out += fit(table) + "\n"
        out +=
            "Ranked \(ranking.rankedCount) foods. \(ranking.unknownValueCount) have no \(nutrient.displayName) value "
            + "in USDA SR28 "
            + "(unknown, not zero) and are not ranked"
        switch basis {
        case .per100Grams: out += ".\n"
        case .per100Kcal:
            out += "; \(ranking.basisNotApplicableCount) have no or zero energy and cannot be ranked per kcal.\n"
        case .perPortion: out += "; \(ranking.basisNotApplicableCount) have no household measure.\n"
        }
        return CommandResult(standardOutput: out)
    }

    static let nutrientColumns: [TextTable.Column] = Nutrient.allCases.map { nutrient in
        .init(nutrient == .energy ? "kcal" : "\(shortName(nutrient)) \(nutrient.unit.rawValue)", .right)
    }

    static func shortName(_ nutrient: Nutrient) -> String {
        switch nutrient {
        case .energy: "kcal"
        case .potassium: "K"
        case .magnesium: "Mg"
        case .calcium: "Ca"
        case .sodium: "Na"
        case .vitaminD: "vit D"
        }
    }

    static func nutrientCells(_ values: NutrientValues) -> [String] {
        Nutrient.allCases.map { values[$0].map(DisplayNumber.amount) ?? "missing" }
    }

    /// A line explaining "missing", when any value shown is missing.
    static func missingNote(_ values: [NutrientValues]) -> String {
        let anyMissing = values.contains { value in Nutrient.allCases.contains { value[$0] == nil } }
        return anyMissing
            ? "missing: USDA SR28 has no value for this food and nutrient; it is unknown, not zero.\n" : ""
    }
}

/// `mineral foods names`: declared once, for the parser, help, completions and the manual.
enum FoodsNamesCommand: MineralCommand {
    static let spec = CommandSpec(
        .foodsNames, summary: "List the everyday food names, one a line (for shell completion)")

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        CommandResult(standardOutput: try context.loadFoods().everydayNames.sorted().map { $0 + "\n" }.joined())
    }
}

/// `mineral foods search`: declared once, for the parser, help, completions and the manual.
enum FoodsSearchCommand: MineralCommand {
    static let spec = CommandSpec(
        .foodsSearch, summary: "Find foods by name, best match first", arguments: "TEXT…",
        minimumArguments: 1, maximumArguments: .max,
        options: [
            OutputFormat.option,
            OptionSpec(.limit, value: "N", wholeNumbers: 1...10_000, help: "how many foods to list (default 10)"),
        ],
        discussion: """

            Case, plural or singular, word order and a typo or two do not matter; everyday names
            (raisins, dried apricots, soy milk) find the food people mean first.
            Values are per 100 g; "missing" means USDA SR28 has no value (unknown, not zero).

            Examples:
              mineral foods search dried apricots
              mineral foods search --format json pumpkin seeds
            """)

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try FoodsCommands(foods: context.loadFoods(), width: context.terminalWidth).search(parsed)
    }
}

/// `mineral foods show`: declared once, for the parser, help, completions and the manual.
enum FoodsShowCommand: MineralCommand {
    static let spec = CommandSpec(
        .foodsShow, summary: "Show a food per 100 g and per household measure", arguments: "FOOD",
        minimumArguments: 1, maximumArguments: .max, options: [OutputFormat.option],
        discussion: """

            FOOD is an NDB number (09032) or a name (dried apricots). When a name matches several foods,
            the best match is shown and the others are listed on stderr.
            """)

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try FoodsCommands(foods: context.loadFoods(), width: context.terminalWidth).show(parsed)
    }
}

/// `mineral foods rich-in`: declared once, for the parser, help, completions and the manual.
enum FoodsRichInCommand: MineralCommand {
    static let spec = CommandSpec(
        .foodsRichIn, summary: "List the foods richest in a nutrient", arguments: "NUTRIENT",
        minimumArguments: 1, maximumArguments: 1,
        options: [
            OptionSpec(
                .per, value: "BASIS", allowed: RankingBasis.allCases.map(\.rawValue),
                help: "100g (default), 100kcal (nutrient density) or portion (USDA's first household measure)"),
            OptionSpec(.group, value: "GROUP", help: "only foods of this USDA group: a code (1200) or name (nuts)"),
            OptionSpec(.limit, value: "N", wholeNumbers: 1...10_000, help: "how many foods to list (default 20)"),
            OutputFormat.option,
        ],
        discussion: """

            NUTRIENT: potassium, magnesium, calcium, sodium, vitamin_d or energy (also K, Mg, Ca, Na, kcal).
            Foods with no USDA value for the nutrient are counted, never ranked as zero.

            Examples:
              mineral foods rich-in magnesium --per 100kcal
              mineral foods rich-in potassium --group fruits --per portion
            """)

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try FoodsCommands(foods: context.loadFoods(), width: context.terminalWidth).richIn(parsed)
    }
}

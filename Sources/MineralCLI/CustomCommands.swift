import FoundationEssentials
import MineralIntake

/// `mineral custom add | recipe | list | remove`.
struct CustomCommands {
    let context: MineralCommandLine

    static let measureOption = OptionSpec(
        .measure, value: "NAME=GRAMS", help: "a household measure, repeatable: bar=40, serving=250")

    /// What a custom-food command does.
    enum Action {
        case add, recipe, list, remove
    }

    func run(_ parsed: ParsedArguments, _ action: Action) throws -> CommandResult {
        let files = try DataFiles(context, parsed)
        if action == .list { return try change(parsed, action, files) }
        // Read, change and save under the data directory's lock, so concurrent changes all land.
        return try context.files.withLock(files.lockPath) { try change(parsed, action, files) }
    }

    private func change(_ parsed: ParsedArguments, _ action: Action, _ files: DataFiles) throws -> CommandResult {
        var foods: [CustomFood] = []
        var aside = ""
        let read = Result { () throws(CLIError) in try files.customFoods() }
        switch read {
        case .success(let found):
            foods = found
        case .failure(let error):
            guard action == .add || action == .recipe else { throw error }
            // A damaged file is kept beside, byte for byte, and a new one started.
            let keptAs = files.customFoodsPath + ".unreadable"
            if let bytes = try context.files.read(files.customFoodsPath) {
                try context.files.replace(keptAs, with: bytes)
            }
            aside =
                "mineral: \(error.description); it was kept as \(keptAs) and a new \(files.customFoodsPath) started\n"
        }
        switch action {
        case .list:
            if OutputFormat(parsed) == .json {
                return CommandResult(standardOutput: try JSONOutput.encode("custom-foods", foods))
            }
            guard !foods.isEmpty else {
                return CommandResult(
                    standardOutput: "No custom foods yet; define one with `mineral custom add NAME --per-100g …`.\n")
            }
            let catalog = try files.catalog()
            var table = TextTable(
                columns: [.init("name"), .init("kind")] + FoodsCommands.nutrientColumns + [.init("measures")])
            for food in foods {
                let entry = JournalEntry(
                    id: 0, date: context.today, meal: .snack, amount: 100, unit: "g", grams: 100,
                    food: .custom(food.name), text: "")
                let totals = catalog.nutrients(of: entry)
                table.rows.append(
                    [food.name, food.ingredients == nil ? "per 100 g" : "recipe (\(food.ingredients!.count))"]
                        + Nutrient.allCases.map {
                            totals[$0].isUnknown
                                ? "missing"
                                : DisplayNumber.amount(totals[$0].amount) + (totals[$0].unknownShare > 0 ? "+?" : "")
                        }
                        + [
                            food.measures.map { "\($0.unit) = \(DisplayNumber.plain($0.grams)) g" }.joined(
                                separator: "; ")
                        ])
            }
            return CommandResult(
                standardOutput: context.fit(table)
                    + "Values per 100 g; \"+?\": part of a recipe's weight has no value.\n")
        case .remove:
            let name = parsed.arguments[0]
            guard let index = foods.firstIndex(where: { CustomFood.namesMatch($0.name, name) }) else {
                throw CLIError.data("no custom food \"\(name)\"; see `mineral custom list`")
            }
            foods.remove(at: index)
            try files.saveCustomFoods(foods)
            return CommandResult(
                standardOutput: "Removed custom food \"\(name)\". Entries that log it now count its grams as unknown.\n"
            )
        case .add, .recipe:
            let name = parsed.arguments[0].trimmedWhitespace()
            guard !name.isEmpty, name.count <= 80, !name.contains("\t"), !name.contains("\n"),
                NDBNumber(parsing: name) == nil
            else {
                throw CLIError.usage(
                    "custom food name \"\(name)\" is not accepted; give 1 to 80 characters of text, not a number")
            }
            guard !foods.contains(where: { CustomFood.namesMatch($0.name, name) }) else {
                throw CLIError.data(
                    "a custom food \"\(name)\" exists; remove it first (mineral custom remove \"\(name)\")")
            }
            // A custom food named like a USDA everyday name or description would silently take its place.
            if let resolution = try? context.loadFoods().resolve(name),
                resolution.match == .everydayName || resolution.match == .description
            {
                throw CLIError.data(
                    "\"\(name)\" already names \(resolution.food.description) (\(resolution.food.ndb)); give your "
                        + "food another name, e.g. \"my \(name)\""
                )
            }
            // The library reads the values; a value it refuses is this option's mistake (exit 64), so named.
            func option<T>(_ option: OptionName, _ read: () throws(MineralIntakeError) -> T) throws -> T {
                do { return try read() } catch .invalidEntry(_, let message) {
                    throw CLIError.usage("\(option.rawValue) \(message)")
                }
            }
            let measures = try (parsed.all(.measure) ?? []).enumerated().map { offset, text in
                try option(.measure) { () throws(MineralIntakeError) in
                    try HouseholdMeasure(parsing: text, sequence: offset + 1)
                }
            }
            let food: CustomFood
            if action == .add {
                guard let text = parsed[.per100g] else {
                    throw CLIError.usage(
                        "`mineral custom add` needs --per-100g, e.g. --per-100g potassium=300,magnesium=50")
                }
                let values = try option(.per100g) { () throws(MineralIntakeError) in
                    try NutrientValues(parsing: text)
                }
                food = CustomFood(name: name, per100g: values, measures: measures)
            } else {
                let items = parsed.all(.item) ?? []
                guard !items.isEmpty else {
                    throw CLIError.usage("`mineral custom recipe` needs ingredients: --item \"50 g rolled oats\" …")
                }
                let catalog = try files.catalog()
                var ingredients: [CustomFood.Ingredient] = []
                var errors: [String] = []
                for item in items {
                    do {
                        let parsedItem = try catalog.parseItem(item)
                        ingredients.append(.init(text: item, food: parsedItem.food, grams: parsedItem.grams!))
                    } catch { errors.append(error.description) }
                }
                guard errors.isEmpty else {
                    throw CLIError.data(errors.joined(separator: "\nmineral: ") + "\nmineral: the recipe was not saved")
                }
                let total = try parsed[.totalGrams].map { text -> Double in
                    guard let grams = Double(text), grams > 0, grams <= 100_000 else {
                        throw CLIError.usage("--total-grams \"\(text)\" is not a positive weight")
                    }
                    return grams
                }
                food = CustomFood(name: name, ingredients: ingredients, totalGrams: total, measures: measures)
            }
            do { try food.validated() } catch { throw CLIError.usage(error.description) }
            foods.append(food)
            try files.saveCustomFoods(foods)
            return CommandResult(
                standardOutput:
                    "Saved custom food \"\(name)\" in \(files.customFoodsPath). Log it: mineral log \"100 g "
                    + "\(name)\"\n",
                standardError: aside)
        }
    }
}

/// `mineral custom add`: declared once, for the parser, help, completions and the manual.
enum CustomAddCommand: MineralCommand {
    static let spec = CommandSpec(
        .customAdd, summary: "Define a food by its values per 100 g", arguments: "NAME", minimumArguments: 1,
        maximumArguments: 1,
        options: [
            OptionSpec(
                .per100g, value: "VALUES",
                help:
                    "potassium=300,magnesium=50,calcium=20,sodium=5,vitamin_d=0,kcal=120; leave out what you do "
                    + "not know"
            ),
            CustomCommands.measureOption, DataDirectory.option,
        ],
        discussion:
            "\nValues left out stay unknown, never zero. Log it by name: mineral log \"1 bar granola bar\".\n")

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try CustomCommands(context: context).run(parsed, .add)
    }
}

/// `mineral custom recipe`: declared once, for the parser, help, completions and the manual.
enum CustomRecipeCommand: MineralCommand {
    static let spec = CommandSpec(
        .customRecipe, summary: "Define a recipe from ingredients", arguments: "NAME", minimumArguments: 1,
        maximumArguments: 1,
        options: [
            OptionSpec(
                .item, value: "ITEM", help: "an ingredient as you would log it, repeatable: \"50 g rolled oats\""),
            OptionSpec(.totalGrams, value: "GRAMS", help: "the finished weight, if cooking changed it"),
            CustomCommands.measureOption, DataDirectory.option,
        ])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try CustomCommands(context: context).run(parsed, .recipe)
    }
}

/// `mineral custom list`: declared once, for the parser, help, completions and the manual.
enum CustomListCommand: MineralCommand {
    static let spec = CommandSpec(
        .customList, summary: "List your custom foods and recipes",
        options: [OutputFormat.option, DataDirectory.option])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try CustomCommands(context: context).run(parsed, .list)
    }
}

/// `mineral custom remove`: declared once, for the parser, help, completions and the manual.
enum CustomRemoveCommand: MineralCommand {
    static let spec = CommandSpec(
        .customRemove, summary: "Remove a custom food", arguments: "NAME", minimumArguments: 1,
        maximumArguments: 1,
        options: [DataDirectory.option])

    static func run(_ parsed: ParsedArguments, _ context: MineralCommandLine) throws -> CommandResult {
        try CustomCommands(context: context).run(parsed, .remove)
    }
}

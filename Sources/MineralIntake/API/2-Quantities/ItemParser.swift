/// Units with a fixed size: mass in grams, volume in millilitres (converted through the food's own cup, fl oz,
/// tbsp or tsp weight). US customary volumes, as USDA's measures use them.
enum MetricUnit {
    static let mass: [(names: [String], grams: Double)] = [
        (["g", "gram", "grams", "gr", "gm"], 1), (["kg", "kilogram", "kilograms", "kilo", "kilos"], 1000),
        (["mg", "milligram", "milligrams"], 0.001), (["oz", "ounce", "ounces"], 28.349523125),
        (["lb", "lbs", "pound", "pounds"], 453.59237),
    ]
    static let volume: [(names: [String], millilitres: Double)] = [
        (["ml", "milliliter", "milliliters", "millilitre", "millilitres"], 1), (["cl"], 10), (["dl"], 100),
        (["l", "liter", "liters", "litre", "litres"], 1000),
        (["fl oz", "floz", "fluid ounce", "fluid ounces"], 29.5735295625),
    ]
    /// Millilitres in one of USDA's volume units.
    static let householdVolumes: [(unit: String, millilitres: Double)] = [
        ("cup", 236.5882365), ("fl oz", 29.5735295625), ("tbsp", 14.78676478125), ("tsp", 4.92892159375),
    ]
    static let knownNames = ["g", "kg", "mg", "oz", "lb", "ml", "l", "fl oz"]
}

extension FoodCatalog {
    /// The largest amount one entry may weigh, grams: 10 kg.
    public static let maximumGrams = 10_000.0

    /// Reads an item as people write it: the amount before or after the food (`50 g dried apricots`,
    /// `salmon 150g`), number words (`half a cup of rice`, `a couple of eggs`), household words (`a glass of milk`,
    /// `a handful of almonds`), size words (`1 medium potato`), a bare count (`3 prunes`), or no amount at all
    /// (`hummus`: one serving). With `food`, the food is that one and the text needs only an amount and unit (`30 g`).
    /// A supplement as its label reads it (`vitamin D3 2000 IU`, `magnesium citrate 200 mg`) is read as one.
    /// - Throws: ``MineralIntakeError/invalidEntry(_:_:)``, ``MineralIntakeError/unknownUnit(_:unit:food:known:)``,
    ///   ``MineralIntakeError/ambiguousFood(_:candidates:)`` or ``MineralIntakeError/unknownFood(_:suggestions:)``,
    ///   each naming the input.
    public func parseItem(_ text: String, food fixed: FoodReference? = nil) throws(MineralIntakeError) -> ParsedItem {
        try readItem(text, food: fixed, onlyMatches: true)
    }

    /// ``parseItem(_:food:)``; with `onlyMatches` false, a food found only as the one food that has every word
    /// is a candidate, not an answer (a line of several foods is read part by part first).
    func readItem(_ text: String, food fixed: FoodReference?, onlyMatches: Bool) throws(MineralIntakeError)
        -> ParsedItem
    {
        let trimmed = try Self.checkedText(text)
        if fixed == nil, SupplementLabel.looksLikeSupplement(trimmed) { return try parseSupplement(trimmed) }
        let phrase = try PhraseGrammar.read(trimmed)
        let words = phrase.words
        if let fixed {
            for length in stride(from: words.count, through: 0, by: -1) {
                let unit = Array(words[0..<length])
                if let item = try measure(unit: unit, phrase: phrase, food: fixed, typedFood: [], text: trimmed) {
                    return item.with(match: .chosen)
                }
            }
            let unitText = words.first ?? ""
            throw .unknownUnit(trimmed, unit: unitText, food: name(of: fixed), known: knownUnits(of: fixed))
        }
        let onlyUnit = PhraseGrammar.isUnitWord(words.joined(separator: " "))
        guard !words.isEmpty, !onlyUnit else {
            throw .invalidEntry(.food, "\"\(trimmed)\" names no food; write it like \"50 g dried apricots\"")
        }
        var resolved: [String: Result<(food: FoodReference, match: ItemMatch), MineralIntakeError>] = [:]
        func resolve(_ words: ArraySlice<String>) -> Result<(food: FoodReference, match: ItemMatch), MineralIntakeError>
        {
            var foodWords = words
            if foodWords.first == "of" { foodWords = foodWords.dropFirst() }
            let key = foodWords.joined(separator: " ")
            if let known = resolved[key] { return known }
            let result = Result { () throws(MineralIntakeError) in
                let found = try self.resolveFood(key)
                if found.match == .onlyMatch, !onlyMatches, case .usda(let ndb) = found.food,
                    let food = database.food(ndb)
                {
                    throw .ambiguousFood(
                        key,
                        candidates: [FoodCandidate(ndb: ndb, name: food.description, score: 0, why: "has every word")])
                }
                return found
            }
            resolved[key] = result
            return result
        }
        // Longest unit first: `fl oz soy milk` is 2 words of unit before it is 1. Cooking words are never units.
        var unitFoodError: MineralIntakeError?
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            var unit = Array(words[0..<length])
            if unit.last == "of" { unit.removeLast() }
            guard !unit.isEmpty, !unit.contains(where: { Self.cookingWords.contains($0) }) else { continue }
            let food: FoodReference
            let match: ItemMatch
            switch resolve(words[length...]) {
            case .success(let found): (food, match) = found
            case .failure(let error):
                // After a unit everyone knows (`30 g almonds dry roasted`), the food's own error is the one to report.
                let key = unit.joined(separator: " ")
                if unitFoodError == nil,
                    PhraseGrammar.isUnitWord(key)
                        || database.householdWords.contains(TextNormalizer.tokens(key).joined(separator: " "))
                {
                    unitFoodError = error
                }
                continue
            }
            if let item = try measure(
                unit: unit, phrase: phrase, food: food, typedFood: Array(words[length...]), text: trimmed)
            {
                return item.with(match: match)
            }
        }
        // The whole as one food (`1 pork chop`), then the unit after the food: `2 celery stalks`, `cod fillet`.
        if case .success(let (food, match)) = resolve(words[...]),
            let item = try? measure(unit: [], phrase: phrase, food: food, typedFood: words, text: trimmed)
        {
            return item.with(match: match)
        }
        for length in stride(from: min(2, words.count - 1), through: 1, by: -1) {
            let unit = Array(words[(words.count - length)...])
            guard !unit.contains(where: { Self.cookingWords.contains($0) }),
                case .success(let (food, match)) = resolve(words[..<(words.count - length)])
            else { continue }
            if let item = try? measure(
                unit: unit, phrase: phrase, food: food, typedFood: Array(words[..<(words.count - length)]),
                text: trimmed)
            {
                return item.with(match: match)
            }
        }
        switch resolve(words[...]) {
        case .success(let (food, match)):
            if let item = try measure(unit: [], phrase: phrase, food: food, typedFood: words, text: trimmed) {
                return item.with(match: match)
            }
            throw .invalidEntry(
                .unit,
                "\"\(trimmed)\" gives no unit, and \(name(of: food)) has no measure to count it by; give a unit. "
                    + "Known units for \(name(of: food)): "
                    + knownUnits(of: food).joined(separator: ", "))
        case .failure(let error):
            if let unitFoodError { throw unitFoodError }
            // The first word may be a unit nobody knows: say so if the rest names a food (a cooking word is no unit).
            if words.count > 1, !Self.cookingWords.contains(words[0]),
                case .success(let (food, _)) = resolve(words[1...])
            {
                throw .unknownUnit(trimmed, unit: words[0], food: name(of: food), known: knownUnits(of: food))
            }
            throw error
        }
    }

    /// Reads a line that may name several foods (`coffee with milk`, `oatmeal with raisins and walnuts`,
    /// `2 eggs and toast`): the whole line if it names one food, else each part. A part after `with` that gives no
    /// amount is a small addition (`FoodData/household-words.tsv`, word `with`), not a full serving.
    /// - Throws: the first part's error when a part cannot be read; nothing is read halfway.
    public func parseItems(_ text: String, food fixed: FoodReference? = nil) throws(MineralIntakeError) -> [ParsedItem]
    {
        guard fixed == nil, let parts = Self.splitParts(text) else { return [try parseItem(text, food: fixed)] }
        // The whole line first, if it is a name (`half and half`, `mac and cheese`); then part by part; then the line
        // as the one food that has all its words.
        if let item = try? readItem(text, food: nil, onlyMatches: false) { return [item] }
        var items: [ParsedItem] = []
        for (part, isAddition) in parts {
            guard var item = try? parseItem(part) else { return [try parseItem(text)] }
            // `omelette with 2 eggs`: two parts of one kind of food describe one food; ask rather than count twice.
            if items.contains(where: { Self.kind(of: $0.foodName) == Self.kind(of: item.foodName) }) {
                return [try parseItem(text)]
            }
            if isAddition, item.grams != nil, let words = try? PhraseGrammar.read(part), !words.amountGiven,
                let addition = try measure(
                    unit: ["with"], phrase: PhraseWords(amount: 1, amountGiven: true, words: []),
                    food: item.food, typedFood: [], text: item.text)
            {
                item = addition.with(match: item.match)
            }
            items.append(item)
        }
        return items
    }

    /// A food's kind: the first part of its USDA description (`Egg`), lower-cased.
    static func kind(of name: String) -> String {
        String(name.split(separator: ",").first ?? "").lowercased()
    }

    /// The parts of a line joined by `with`, `and`, `&`, `+` or commas, each with whether it came after `with`
    /// (an addition); `nil` when there is only one part.
    static func splitParts(_ text: String) -> [(String, Bool)]? {
        var parts: [(words: [Substring], addition: Bool)] = [([], false)]
        var addition = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var word = word
            var endsPart = false
            if word.hasSuffix(","), word.count > 1 { word = word.dropLast(); endsPart = true }
            switch word.lowercased() {
            case "with": addition = true; parts.append(([], true)); continue
            case "and", "&", "+", "plus": parts.append(([], addition)); continue
            case ",": parts.append(([], addition)); continue
            default: parts[parts.count - 1].words.append(word)
            }
            if endsPart { parts.append(([], addition)) }
        }
        let kept = parts.filter { !$0.words.isEmpty }
        guard kept.count > 1, kept.count == parts.count else { return nil }
        return kept.map { ($0.words.joined(separator: " "), $0.addition) }
    }

    /// `text` trimmed, or an error for empty, over-long or control-character text.
    static func checkedText(_ text: String) throws(MineralIntakeError) -> String {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw .invalidEntry(.item, "empty item; write it like \"50 g dried apricots\" or \"1/2 cup raisins\"")
        }
        guard trimmed.utf8.count <= 500 else {
            throw .invalidEntry(
                .item,
                "item \"\(Self.visible(String(trimmed.prefix(40))))…\" is \(trimmed.utf8.count) bytes long, over 500; "
                    + "an item is an amount and a food, e.g. \"50 g dried apricots\""
            )
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidEntry(
                .item, "item \"\(Self.visible(trimmed))\" holds control characters; type it as plain text")
        }
        return trimmed
    }

    /// Words that say how a food was prepared: they choose among foods and are never read as units.
    static let cookingWords: Set<String> = [
        "raw", "cooked", "boiled", "fried", "scrambled", "mashed", "baked", "grilled", "steamed", "canned", "dried",
        "roasted", "roast", "poached", "toasted", "stewed", "broiled", "sauteed", "braised", "microwaved", "hard",
        "soft",
        "fresh", "frozen", "uncooked",
    ]

    /// Reads a supplement as `magnesium 200 mg`, `200 mg magnesium`, `vitamin D 25 µg`, `vitamin D 1000 IU`:
    /// elemental amounts.
    public func parseSupplement(_ text: String) throws(MineralIntakeError) -> ParsedItem {
        let trimmed = text.trimmingWhitespace()
        let usage =
            "write a supplement as NUTRIENT AMOUNT UNIT, e.g. \"magnesium 200 mg\" or \"vitamin D 25 µg\" (elemental "
            + "amounts)"
        var words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // Split `200mg` into `200 mg`.
        words = words.flatMap { word -> [String] in
            guard let first = word.unicodeScalars.first, CharacterSetLite.isDigit(first),
                let split = word.firstIndex(where: { !$0.isNumber && $0 != "." })
            else { return [word] }
            return [String(word[..<split]), String(word[split...])]
        }
        guard let numberIndex = words.firstIndex(where: { Double($0) != nil }), let amount = Double(words[numberIndex]),
            amount.isFinite, amount > 0
        else { throw .invalidEntry(.supplement, "supplement \"\(trimmed)\" has no positive amount; \(usage)") }
        var rest = words
        rest.remove(at: numberIndex)
        guard numberIndex < rest.count else {
            throw .invalidEntry(.supplement, "supplement \"\(trimmed)\" has no unit; \(usage)")
        }
        let unitText = rest.remove(at: numberIndex)
        // As labels name them: `vitamin D3`, `magnesium citrate`, `calcium carbonate` (the amount is the elemental
        // one the Supplement Facts panel prints), `tablet`, `supplement`.
        rest = rest.compactMap { word in
            if word == "d3" || word == "d2" || word == "cholecalciferol" || word == "ergocalciferol" { return "d" }
            return SupplementLabel.ignoredWords.contains(word) ? nil : word
        }
        let nutrient: Nutrient
        do { nutrient = try Nutrient(parsing: rest.joined(separator: " ")) } catch {
            throw .invalidEntry(.supplement, "supplement \"\(trimmed)\": \(error.description)")
        }
        guard nutrient != .energy else {
            throw .invalidEntry(.supplement, "supplement \"\(trimmed)\": energy is not a supplement; \(usage)")
        }
        var value = amount
        switch (unitText, nutrient.unit) {
        case ("mg", .milligrams): break
        case ("g", .milligrams): value = amount * 1000
        case ("µg", .micrograms), ("ug", .micrograms), ("mcg", .micrograms): break
        case ("mg", .micrograms): value = amount * 1000
        case ("iu", .micrograms): value = amount / 40
        default:
            let known = nutrient.unit == .micrograms ? "µg (ug, mcg), mg or IU" : "mg or g"
            throw .invalidEntry(
                .supplement,
                "supplement \"\(trimmed)\": unit \"\(unitText)\" does not fit \(nutrient.displayName); known: \(known)")
        }
        let limit = QuantityLimits.supplement(nutrient).upperBound
        guard value >= QuantityLimits.supplement(nutrient).lowerBound else {
            throw .invalidEntry(
                .supplement, "supplement \"\(trimmed)\" is under 0.001 \(nutrient.unit.rawValue); check the amount")
        }
        guard value <= limit else {
            throw .invalidEntry(
                .supplement,
                "supplement \"\(trimmed)\" is over \(NumberText.plain(limit)) \(nutrient.unit.rawValue) a dose; check "
                    + "the amount"
            )
        }
        return ParsedItem(
            text: trimmed, food: .supplement(nutrient), foodName: "\(nutrient.displayName) supplement", amount: value,
            unit: nutrient.unit.rawValue, grams: nil,
            explanation: "\(NumberText.plain(value)) \(nutrient.unit.rawValue) \(nutrient.displayName)"
                + (unitText == "iu" ? " (\(NumberText.plain(amount)) IU ÷ 40)" : "")
                + (words.contains(where: SupplementLabel.compounds.contains)
                    ? " (the elemental amount, as the label's Supplement Facts print it)" : ""))
    }

    /// The one food `text` names for logging, and how it was found: a personal name, a custom food, an NDB number,
    /// an everyday name, a USDA description, or the only food every word of the text fits. Anything else is refused
    /// with structured candidates, never guessed.
    /// - Throws: ``MineralIntakeError/ambiguousFood(_:candidates:)``,
    ///   ``MineralIntakeError/unknownFood(_:suggestions:)`` or ``MineralIntakeError/unknownNDBNumber(_:)``.
    public func resolveFood(_ text: String) throws(MineralIntakeError) -> (food: FoodReference, match: ItemMatch) {
        if let personal = personalNames[PersonalNames.key(text)] { return (personal, .personalName) }
        if let custom = customFood(named: text) { return (.custom(custom.name), .customFood) }
        let resolution: FoodResolution
        do {
            resolution = try database.resolve(text)
        } catch {
            // `fresh spinach`, `some almonds`, `organic milk`: words that name no food of their own.
            let content = text.split(separator: " ").filter { !Self.fillerWords.contains($0.lowercased()) }.joined(
                separator: " ")
            guard !content.isEmpty, content != text else { throw error }
            return try resolveFood(content)
        }
        switch resolution.match {
        case .ndbNumber: return (.usda(resolution.food.ndb), .ndbNumber)
        case .everydayName: return (.usda(resolution.food.ndb), .everydayName)
        case .description: return (.usda(resolution.food.ndb), .description)
        case .onlyMatch: return (.usda(resolution.food.ndb), .onlyMatch)
        case .bestMatch:
            let content = text.split(separator: " ").filter { !Self.fillerWords.contains($0.lowercased()) }.joined(
                separator: " ")
            if !content.isEmpty, content != text, let found = try? resolveFood(content) { return found }
            // A search's best guess is a candidate, never logged, even when it is the only one (it may rest on a typo).
            // Only foods whose names have each word typed, or a spelling of it, are candidates: `moon dust` has none.
            let results =
                [FoodSearchResult(food: resolution.food, score: resolution.score ?? 0)] + resolution.alternatives
            let candidates = results.filter { FoodCandidate.fits($0.food, query: text) }.map {
                FoodCandidate(
                    ndb: $0.food.ndb, name: $0.food.description, score: $0.score,
                    why: FoodCandidate.reason(for: $0, query: text))
            }
            guard !candidates.isEmpty else {
                throw .unknownFood(
                    text,
                    suggestions: Suggestions.closest(
                        to: text.lowercased(), among: database.storage.allEverydayNames, count: 3))
            }
            throw .ambiguousFood(text, candidates: candidates)
        }
    }

    /// The one food `text` names for logging (see ``resolveFood(_:)``).
    public func resolveForLogging(_ text: String) throws(MineralIntakeError) -> FoodReference {
        try resolveFood(text).food
    }

    /// Words that do not name a food of their own, dropped when the whole text names none.
    static let fillerWords: Set<String> = [
        "fresh", "organic", "homemade", "home-made", "some", "my", "the", "of", "plain", "a", "an", "cold", "hot",
        "warm",
        "chunks", "pieces", "sliced", "diced", "chopped", "cubed", "shredded", "grated", "minced", "whole",
    ]

    /// Units a food can be logged in: metric mass, volume if it has a volume measure, and its household measures.
    public func knownUnits(of food: FoodReference) -> [String] {
        let measures = measures(of: food)
        var units = ["g", "kg", "mg", "oz", "lb"]
        if volumeMeasure(in: measures) != nil { units += ["ml", "l", "fl oz"] }
        for measure in measures where !units.contains(measure.unit) { units.append(measure.unit) }
        return units
    }

    func volumeMeasure(in measures: [HouseholdMeasure]) -> (measure: HouseholdMeasure, millilitres: Double)? {
        for (unit, millilitres) in MetricUnit.householdVolumes {
            let wanted = TextNormalizer.tokens(unit)
            if let measure = measures.first(where: {
                let tokens = TextNormalizer.tokens($0.unit)
                return tokens.starts(with: wanted) && !(tokens.contains("packed") && !tokens.contains("not"))
                    && !tokens.contains("hull") && !tokens.contains("shell")
            }) ?? measures.first(where: { TextNormalizer.tokens($0.unit).starts(with: wanted) }) {
                return (measure, millilitres)
            }
        }
        return nil
    }

    /// A measure USDA names `serving 1/2 cup` or `NLEA serving 1 tbsp`, as the `0.5 cup` or `1 tbsp` it is.
    static func effective(_ measure: HouseholdMeasure) -> HouseholdMeasure {
        var words = measure.unit.split(separator: " ")
        if words.first?.lowercased() == "nlea" { words.removeFirst() }
        guard words.count >= 3, words[0].lowercased() == "serving",
            let count = (try? QuantityReader.number(String(words[1]), in: measure.unit)) ?? nil, count > 0
        else { return measure }
        var effective = measure
        effective.amount = measure.amount * count
        effective.unit = words.dropFirst(2).joined(separator: " ")
        return effective
    }

    /// Whether a food is a drink, whose `oz` are fluid ounces: beverages, juices, milk.
    static func isDrink(_ food: Food) -> Bool {
        let tokens = Set(TextNormalizer.tokens(food.description))
        if food.groupCode == "1400" { return !tokens.contains("powder") && !tokens.contains("dry") }
        if food.groupCode == "0900" { return tokens.contains("juice") }
        if food.groupCode == "0100" {
            return tokens.contains("milk")
                && tokens.isDisjoint(with: ["cheese", "powder", "dry", "dried", "chocolate", "yogurt"])
        }
        return false
    }

    /// The weight of one of a food's countable pieces from a measure that names a count: `oz (23 whole kernels)`,
    /// `cup shelled (50 halves)`; the count word must be the typed unit or the food's own word, or kernels/nuts.
    static func countInside(
        _ measures: [HouseholdMeasure], unit wanted: [String], food: Set<String>
    ) -> (measure: HouseholdMeasure, word: String, grams: Double)? {
        for measure in measures {
            let tokens = TextNormalizer.tokens(measure.unit)
            for (index, token) in tokens.enumerated().dropLast() {
                guard let count = Double(token), count > 1 else { continue }
                let word = tokens[(index + 1)...].first { $0 != "whole" } ?? ""
                let fits =
                    wanted.isEmpty
                    ? (food.contains(word) || ["kernel", "nut", "half"].contains(word)) : wanted == [word]
                if fits, measure.amount > 0 { return (measure, word, measure.grams / (measure.amount * count)) }
            }
        }
        return nil
    }

    /// Size words that pick a food's own USDA measure (`1 medium potato`, `1 large egg`).
    static let sizeWords: Set<String> = ["small", "medium", "large", "extra", "jumbo", "big"]

    /// The item for `amount` `unit` of `food`, or `nil` when the unit does not fit the food.
    func measure(
        unit words: [String], phrase: PhraseWords, food: FoodReference, typedFood: [String], text: String
    ) throws(MineralIntakeError) -> ParsedItem? {
        let amount = phrase.amount
        var unitText = words.joined(separator: " ")
        let name = name(of: food)
        func item(grams: Double, unit: String, explanation: String) throws(MineralIntakeError) -> ParsedItem {
            guard grams.isFinite, grams > 0 else {
                throw .invalidEntry(.amount, "\"\(text)\" comes to no weight; give a positive amount")
            }
            guard grams >= QuantityLimits.grams.lowerBound else {
                throw .invalidEntry(
                    .grams,
                    "\"\(text)\" comes to \(NumberText.display(grams)) g, under the 1 mg an entry may weigh; check "
                        + "the amount"
                )
            }
            guard grams <= Self.maximumGrams else {
                throw .invalidEntry(
                    .grams,
                    "\"\(text)\" comes to \(NumberText.display(grams)) g, over the "
                        + "\(NumberText.plain(Self.maximumGrams)) g one entry may weigh; check the amount or split it"
                )
            }
            return ParsedItem(
                text: text, food: food, foodName: name, amount: amount, unit: unit, grams: grams,
                explanation: explanation)
        }
        var key = unitText.lowercased()
        // A unit with no amount (`g raisins`) is an amount left out, not one serving.
        if !phrase.amountGiven, PhraseGrammar.isUnitWord(key) {
            throw .invalidEntry(.amount, "\"\(text)\" does not start with an amount; \(PhraseGrammar.usage)")
        }
        let usdaFood: Food? = if case .usda(let ndb) = food { database.food(ndb) } else { nil }
        // Drinks are measured in fluid ounces: `12 oz beer`.
        if key == "oz" || key == "ounce" || key == "ounces", let drink = usdaFood, Self.isDrink(drink) {
            key = "fl oz"
            unitText = key
        }
        if let mass = MetricUnit.mass.first(where: { $0.names.contains(key) }) {
            let grams = amount * mass.grams
            let explanation =
                mass.names[0] == "g"
                ? "\(NumberText.display(grams)) g"
                : "\(NumberText.plain(amount)) \(mass.names[0]) = \(NumberText.display(grams)) g"
            return try item(grams: grams, unit: mass.names[0], explanation: explanation)
        }
        let measures = measures(of: food).map(Self.effective)
        if let volume = MetricUnit.volume.first(where: { $0.names.contains(key) }),
            !measures.contains(where: { TextNormalizer.tokens($0.unit) == TextNormalizer.tokens(key) })
        {
            guard let density = density(of: food, measures: measures) else {
                throw .unknownUnit(text, unit: unitText, food: name, known: knownUnits(of: food))
            }
            let grams = amount * volume.millilitres * density.gramsPerMillilitre
            return try item(
                grams: grams, unit: volume.names[0],
                explanation:
                    "\(NumberText.plain(amount)) \(volume.names[0]) at "
                    + "\(NumberText.display(density.gramsPerMillilitre)) g/ml (\(density.source)) = "
                    + "\(NumberText.display(grams)) g"
            )
        }
        let wanted = words.isEmpty ? [] : TextNormalizer.tokens(Self.synonym(unitText))
        let foodTokens = Set(typedFood.flatMap { TextNormalizer.tokens($0) })
        var best: (measure: HouseholdMeasure, rank: Int, index: Int)?
        for (index, measure) in measures.enumerated() {
            let tokens = TextNormalizer.tokens(measure.unit)
            let rest = tokens.filter { !foodTokens.contains($0) }  // `potato medium` of `1 potato` is `medium`
            let rank: Int
            if wanted.isEmpty {
                // No unit typed: count the food by a measure named like it (`50 raisins`), or a medium one, or each…
                if !foodTokens.isEmpty, rest.isEmpty {
                    rank = 0
                } else if let preference = Self.countUnits.firstIndex(where: { rest.starts(with: [$0]) }) {
                    rank = 1 + preference
                } else if phrase.amountGiven, let first = tokens.first, foodTokens.contains(first),
                    !tokens.contains("cup")
                {
                    rank = 1 + Self.countUnits.count  // `avocado, NS as to Florida or California`, `cucumber (8-1/4")`
                } else {
                    continue
                }
            } else if tokens == wanted {
                rank = 0
            } else if tokens.starts(with: wanted) {
                // `stalk, medium` before `stalk, small (5" long)`: a size not typed is taken as medium.
                rank =
                    tokens.dropFirst(wanted.count).first == "medium"
                    ? 1 : tokens.count - wanted.count + (tokens.contains("packed") && !tokens.contains("not") ? 5 : 0)
            } else if !foodTokens.isEmpty, rest.starts(with: wanted) {
                rank = 1 + rest.count - wanted.count
            } else {
                continue
            }
            if best == nil || rank < best!.rank { best = (measure, rank, index) }
        }
        let origin: String
        if case .custom = food { origin = "your measure" } else { origin = "USDA" }
        // A count inside a measure's name: `oz (23 whole kernels)`, `cup shelled (50 halves)` for `10 almonds`.
        if best == nil, let counted = Self.countInside(measures, unit: wanted, food: foodTokens) {
            let grams = amount * counted.grams
            return try item(
                grams: grams, unit: counted.word,
                explanation:
                    "\(NumberText.plain(amount)) × \(counted.word) at \(NumberText.display(counted.grams)) g each "
                    + "(\(origin): \(counted.measure.label)) = \(NumberText.display(grams)) g"
            )
        }
        let drinkServing = !phrase.amountGiven && words.isEmpty && usdaFood.map(Self.isDrink) == true
        if !drinkServing, let chosen = best?.measure,
            phrase.amountGiven || !words.isEmpty || chosen.grams / chosen.amount >= 20
        {
            // With no amount at all, a count of one whole is one serving; a measure of a part (`1 cup`) is not chosen
            // here.
            let grams = amount * chosen.grams / chosen.amount
            let explanation =
                "\(NumberText.plain(amount)) × \(chosen.unit) (\(origin): \(chosen.label)) = "
                + "\(NumberText.display(grams)) g"
            return try item(
                grams: grams, unit: chosen.unit,
                explanation: phrase.amountGiven ? explanation : "no amount given, so one: " + explanation)
        }
        if words.isEmpty {
            guard !phrase.amountGiven else { return nil }
            // A whole that weighs little (`raisins`: 1 raisin) is no serving.
            return try serving(of: food, usdaFood: usdaFood, measures: measures, origin: origin, item: item)
        }
        // A household word USDA's measures lack (`glass`, `handful`, `pinch`), from the table in FoodData/.
        let word = wanted.joined(separator: " ")
        if let row = database.householdWords.row(word, for: usdaFood) {
            if row.isVolume {
                guard let density = density(of: food, measures: measures) else {
                    throw .unknownUnit(text, unit: unitText, food: name, known: knownUnits(of: food))
                }
                let grams = amount * row.amount * density.gramsPerMillilitre
                return try item(
                    grams: grams, unit: row.word,
                    explanation:
                        "\(NumberText.plain(amount)) × \(row.label) (\(row.citation)) at "
                        + "\(NumberText.display(density.gramsPerMillilitre)) g/ml (\(density.source)) = "
                        + "\(NumberText.display(grams)) g"
                )
            }
            let grams = amount * row.amount
            return try item(
                grams: grams, unit: row.word,
                explanation:
                    "\(NumberText.plain(amount)) × \(row.label) (\(row.citation)) = \(NumberText.display(grams)) g")
        }
        // A volume word (`cup`) the food has no measure for can still go through its density.
        if let householdVolume = MetricUnit.householdVolumes.first(where: { TextNormalizer.tokens($0.unit) == wanted }),
            let density = density(of: food, measures: measures)
        {
            let grams = amount * householdVolume.millilitres * density.gramsPerMillilitre
            return try item(
                grams: grams, unit: householdVolume.unit,
                explanation:
                    "\(NumberText.plain(amount)) \(householdVolume.unit) at "
                    + "\(NumberText.display(density.gramsPerMillilitre)) g/ml (\(density.source)) = "
                    + "\(NumberText.display(grams)) g"
            )
        }
        // A size the food has no measure for (`1 large plum` where USDA gives only `1 fruit`): counted as one whole.
        if wanted.count == 1, Self.sizeWords.contains(wanted[0]),
            let whole = try measure(unit: [], phrase: phrase, food: food, typedFood: typedFood, text: text)
        {
            var counted = whole
            counted.explanation += " (USDA gives no \(wanted[0]) size)"
            return counted
        }
        return nil
    }

    /// One serving of a food named with no amount (`hummus`, `green tea`): a drink's cup, a USDA measure called
    /// serving, the table's `serving` for its group, else USDA's first measure.
    private func serving(
        of food: FoodReference, usdaFood: Food?, measures: [HouseholdMeasure], origin: String,
        item: (Double, String, String) throws(MineralIntakeError) -> ParsedItem
    ) throws(MineralIntakeError) -> ParsedItem? {
        let prefix = "no amount given, so one serving: "
        if let measure = measures.first(where: { TextNormalizer.tokens($0.unit).first == "serving" }) {
            return try item(
                measure.grams / measure.amount, measure.unit,
                prefix + "\(measure.label) (\(origin)) = \(NumberText.display(measure.grams / measure.amount)) g")
        }
        if usdaFood.map(Self.isDrink) == true, let density = density(of: food, measures: measures) {
            let grams = MetricUnit.householdVolumes[0].millilitres * density.gramsPerMillilitre
            return try item(
                grams, "cup",
                prefix
                    + "1 cup of a drink at \(NumberText.display(density.gramsPerMillilitre)) g/ml (\(density.source)) "
                    + "= \(NumberText.display(grams)) g"
            )
        }
        if let row = database.householdWords.row("serving", for: usdaFood), row.group != nil || measures.isEmpty {
            if !row.isVolume {
                return try item(
                    row.amount, "serving",
                    prefix + "\(row.label) (\(row.citation)) = \(NumberText.display(row.amount)) g")
            }
            if let density = density(of: food, measures: measures) {
                let grams = row.amount * density.gramsPerMillilitre
                return try item(
                    grams, "serving",
                    prefix
                        + "\(row.label) (\(row.citation)) at \(NumberText.display(density.gramsPerMillilitre)) g/ml = "
                        + "\(NumberText.display(grams)) g"
                )
            }
        }
        guard let first = measures.first else { return nil }
        return try item(
            first.grams, first.unit,
            prefix + "\(origin)'s first measure, \(first.label) = \(NumberText.display(first.grams)) g")
    }

    /// Grams per millilitre of a food, from its own cup, fl oz, tbsp or tsp measure.
    func density(of food: FoodReference, measures: [HouseholdMeasure]) -> (gramsPerMillilitre: Double, source: String)?
    {
        guard let (measure, millilitres) = volumeMeasure(in: measures) else {
            // No volume measure of its own: a similar food's, from FoodData/densities.tsv, said to be derived.
            guard case .usda(let ndb) = food, let standIn = database.densityStandIns[ndb],
                let like = database.food(standIn.like),
                let (measure, millilitres) = volumeMeasure(in: like.measures)
            else { return nil }
            return (
                measure.grams / (measure.amount * millilitres),
                "derived: like \(like.ndb) \(like.description), USDA \(measure.label); densities.tsv"
            )
        }
        let origin: String
        if case .custom = food { origin = "your measure" } else { origin = "USDA" }
        return (measure.grams / (measure.amount * millilitres), "\(origin): \(measure.label)")
    }

    /// Count units in order of preference when an item gives none: `1 banana` is a medium banana.
    static let countUnits = [
        "medium", "each", "whole", "fruit", "piece", "item", "container", "large", "small", "serving", "slice", "nlea",
        "kernel", "nut", "half", "twist", "cracker", "ear", "stalk", "spear", "can", "bottle",
    ]

    static func synonym(_ unit: String) -> String {
        switch unit.lowercased() {
        case "tablespoon", "tablespoons", "tbs", "tbsps", "tbl": "tbsp"
        case "teaspoon", "teaspoons", "tsps": "tsp"
        case "cups": "cup"
        case "pieces", "pcs", "pc": "piece"
        case "slices": "slice"
        case "tablespoonful": "tbsp"
        case "tub", "tubs", "pot", "pots", "carton", "cartons", "cup-sized": "container"
        case "bag", "bags", "packet", "packets", "pack", "packs": "package"
        case "teaspoonful": "tsp"
        default: unit
        }
    }

    /// `text` with control characters shown as `\u{…}`, for messages.
    static func visible(_ text: String) -> String {
        String(
            text.unicodeScalars.map {
                $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0)
            }.joined())
    }
}

/// Supplements as their labels name them.
enum SupplementLabel {
    /// Compounds minerals are sold as; the amount a label prints beside them is the elemental one.
    static let compounds: Set<String> = [
        "citrate", "oxide", "glycinate", "bisglycinate", "carbonate", "chloride", "lactate", "gluconate", "malate",
        "threonate", "taurate", "orotate", "aspartate", "sulfate", "sulphate", "phosphate", "chelate", "amino", "acid",
    ]
    static let ignoredWords: Set<String> = compounds.union([
        "supplement", "supplements", "tablet", "tablets", "capsule", "capsules", "pill", "pills", "softgel", "softgels",
        "drops", "of",
    ])
    static let nutrientWords: Set<String> = [
        "magnesium", "calcium", "potassium", "vitamin", "d", "d3", "d2", "cholecalciferol", "ergocalciferol",
    ]
    static let units: Set<String> = ["mg", "µg", "ug", "mcg", "iu"]

    /// Whether an item reads like a supplement label (`vitamin D3 2000 IU`, `magnesium citrate 200 mg`): only
    /// nutrient, compound and supplement words besides the amount and a supplement unit. `salt` is a food.
    static func looksLikeSupplement(_ text: String) -> Bool {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        words = words.flatMap(PhraseGrammar.splitGlued)
        guard words.contains(where: units.contains),
            words.contains(where: {
                $0 == "magnesium" || $0 == "calcium" || $0 == "potassium" || $0 == "vitamin"
                    || $0.hasPrefix("cholecalciferol")
            })
        else { return false }
        return words.allSatisfy { word in
            units.contains(word) || nutrientWords.contains(word) || ignoredWords.contains(word) || Double(word) != nil
        }
    }
}

/// Minimal character tests on Unicode scalars.
enum CharacterSetLite {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}

/// Reads one number as items write it: `2`, `1.5`, `0,5`, `1/2`, `½`, `1½` (``PhraseGrammar`` reads the rest).
enum QuantityReader {
    static let vulgarFractions: [Character: Double] = [
        "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
    ]

    /// A plain number, a fraction, or a number with a vulgar fraction; `nil` if the word is none of these.
    static func number(_ word: String, in text: String) throws(MineralIntakeError) -> Double? {
        if word.hasPrefix("-") || word.hasPrefix("−") {
            throw .invalidEntry(.amount, "\"\(text)\": the amount must be more than 0")
        }
        if let last = word.last, let fraction = vulgarFractions[last] {
            let whole = word.dropLast()
            if whole.isEmpty { return fraction }
            guard let value = decimal(String(whole)) else { return nil }
            return value + fraction
        }
        if word.contains("/") {
            let parts = word.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let numerator = decimal(String(parts[0])),
                let denominator = decimal(String(parts[1]))
            else {
                throw .invalidEntry(
                    .amount, "\"\(text)\": \"\(word)\" is not a fraction; write fractions like 1/2 or 1 1/2")
            }
            guard denominator > 0 else { throw .invalidEntry(.amount, "\"\(text)\": \"\(word)\" divides by zero") }
            return numerator / denominator
        }
        return decimal(word)
    }

    /// Digits with at most one `.` or `,` as the decimal point, at most 9 digits: no exponents, no NaN.
    static func decimal(_ word: String) -> Double? {
        let normalized = word.replacing(",", with: ".")
        guard !normalized.isEmpty, normalized.count <= 10,
            normalized.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            normalized.filter({ $0 == "." }).count <= 1, normalized != "."
        else { return nil }
        return Double(normalized.hasPrefix(".") ? "0" + normalized : normalized)
    }
}

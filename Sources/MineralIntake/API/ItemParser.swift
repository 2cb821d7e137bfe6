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
        (["l", "liter", "liters", "litre", "litres"], 1000), (["fl oz", "floz", "fluid ounce", "fluid ounces"], 29.5735295625),
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

    /// Reads an item as people write it: `50 g dried apricots`, `1/2 cup raisins`, `1.5 cups cooked buckwheat`,
    /// `2 oz almonds`, `1 banana`, `3 tbsp wheat bran`, `200ml soy milk`. With `food`, the food is that one and
    /// the text needs only an amount and unit (`30 g`).
    /// - Throws: ``MineralIntakeError/invalidEntry(_:)``, ``MineralIntakeError/unknownUnit(_:unit:food:known:)``,
    ///   ``MineralIntakeError/ambiguousFood(_:candidates:)`` or ``MineralIntakeError/unknownFood(_:suggestions:)``,
    ///   each naming the input.
    public func parseItem(_ text: String, food fixed: FoodReference? = nil) throws(MineralIntakeError) -> ParsedItem {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .invalidEntry("empty item; write it like \"50 g dried apricots\" or \"1/2 cup raisins\"") }
        guard trimmed.utf8.count <= 500 else {
            throw .invalidEntry("item \"\(Self.visible(String(trimmed.prefix(40))))…\" is \(trimmed.utf8.count) bytes long, over 500; an item is an amount and a food, e.g. \"50 g dried apricots\"")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidEntry("item \"\(Self.visible(trimmed))\" holds control characters; type it as plain text")
        }
        let (amount, words) = try QuantityReader.read(trimmed)
        if let fixed {
            for length in stride(from: words.count, through: 0, by: -1) {
                let unit = Array(words[0..<length])
                if let item = try measure(unit: unit, amount: amount, food: fixed, typedFood: [], text: trimmed) { return item }
            }
            let unitText = words.first ?? ""
            throw .unknownUnit(trimmed, unit: unitText, food: name(of: fixed), known: knownUnits(of: fixed))
        }
        let onlyUnit = MetricUnit.mass.contains { $0.names.contains(words.joined(separator: " ")) }
            || MetricUnit.volume.contains { $0.names.contains(words.joined(separator: " ")) }
        guard !words.isEmpty, !onlyUnit else { throw .invalidEntry("\"\(trimmed)\" names no food; write it like \"50 g dried apricots\"") }
        var resolved: [String: Result<FoodReference, MineralIntakeError>] = [:]
        func resolve(_ words: ArraySlice<String>) -> Result<FoodReference, MineralIntakeError> {
            var foodWords = words
            if foodWords.first == "of" { foodWords = foodWords.dropFirst() }
            let key = foodWords.joined(separator: " ")
            if let known = resolved[key] { return known }
            let result = Result { () throws(MineralIntakeError) in try self.resolveForLogging(key) }
            resolved[key] = result
            return result
        }
        // Longest unit first: `fl oz soy milk` is 2 words of unit before it is 1.
        var unitFoodError: MineralIntakeError?
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            var unit = Array(words[0..<length])
            if unit.last == "of" { unit.removeLast() }
            guard !unit.isEmpty else { continue }
            let food: FoodReference
            switch resolve(words[length...]) {
            case .success(let found): food = found
            case .failure(let error):
                // After a unit everyone knows (`30 g almonds dry roasted`), the food's own error is the one to report.
                let key = unit.joined(separator: " ")
                if unitFoodError == nil, MetricUnit.mass.contains(where: { $0.names.contains(key) })
                    || MetricUnit.volume.contains(where: { $0.names.contains(key) })
                    || MetricUnit.householdVolumes.contains(where: { $0.unit == Self.synonym(key) }) {
                    unitFoodError = error
                }
                continue
            }
            if let item = try measure(unit: unit, amount: amount, food: food, typedFood: Array(words[length...]), text: trimmed) {
                return item
            }
        }
        switch resolve(words[...]) {
        case .success(let food):
            if let item = try measure(unit: [], amount: amount, food: food, typedFood: words, text: trimmed) { return item }
            throw .invalidEntry("\"\(trimmed)\" gives no unit, and \(name(of: food)) has no measure to count it by; give a unit. Known units for \(name(of: food)): " + knownUnits(of: food).joined(separator: ", "))
        case .failure(let error):
            if let unitFoodError { throw unitFoodError }
            // The first word may be a unit nobody knows: say so if the rest names a food.
            if words.count > 1, case .success(let food) = resolve(words[1...]) {
                throw .unknownUnit(trimmed, unit: words[0], food: name(of: food), known: knownUnits(of: food))
            }
            throw error
        }
    }

    /// Reads a supplement as `magnesium 200 mg`, `200 mg magnesium`, `vitamin D 25 µg`, `vitamin D 1000 IU`:
    /// elemental amounts.
    public func parseSupplement(_ text: String) throws(MineralIntakeError) -> ParsedItem {
        let trimmed = text.trimmingWhitespace()
        let usage = "write a supplement as NUTRIENT AMOUNT UNIT, e.g. \"magnesium 200 mg\" or \"vitamin D 25 µg\" (elemental amounts)"
        var words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // Split `200mg` into `200 mg`.
        words = words.flatMap { word -> [String] in
            guard let first = word.unicodeScalars.first, CharacterSetLite.isDigit(first),
                  let split = word.firstIndex(where: { !$0.isNumber && $0 != "." }) else { return [word] }
            return [String(word[..<split]), String(word[split...])]
        }
        guard let numberIndex = words.firstIndex(where: { Double($0) != nil }), let amount = Double(words[numberIndex]),
              amount.isFinite, amount > 0
        else { throw .invalidEntry("supplement \"\(trimmed)\" has no positive amount; \(usage)") }
        var rest = words
        rest.remove(at: numberIndex)
        guard numberIndex < rest.count else { throw .invalidEntry("supplement \"\(trimmed)\" has no unit; \(usage)") }
        let unitText = rest.remove(at: numberIndex)
        let nutrient: Nutrient
        do { nutrient = try Nutrient(parsing: rest.joined(separator: " ")) } catch {
            throw .invalidEntry("supplement \"\(trimmed)\": \(error.description)")
        }
        guard nutrient != .energy else { throw .invalidEntry("supplement \"\(trimmed)\": energy is not a supplement; \(usage)") }
        var value = amount
        switch (unitText, nutrient.unit) {
        case ("mg", .milligrams): break
        case ("g", .milligrams): value = amount * 1000
        case ("µg", .micrograms), ("ug", .micrograms), ("mcg", .micrograms): break
        case ("mg", .micrograms): value = amount * 1000
        case ("iu", .micrograms): value = amount / 40
        default:
            let known = nutrient.unit == .micrograms ? "µg (ug, mcg), mg or IU" : "mg or g"
            throw .invalidEntry("supplement \"\(trimmed)\": unit \"\(unitText)\" does not fit \(nutrient.displayName); known: \(known)")
        }
        let limit = nutrient.unit == .micrograms ? 10_000.0 : 100_000.0
        guard value <= limit else {
            throw .invalidEntry("supplement \"\(trimmed)\" is over \(NumberText.plain(limit)) \(nutrient.unit.rawValue) a dose; check the amount")
        }
        return ParsedItem(
            text: trimmed, food: .supplement(nutrient), foodName: "\(nutrient.displayName) supplement", amount: value,
            unit: nutrient.unit.rawValue, grams: nil,
            explanation: "\(NumberText.plain(value)) \(nutrient.unit.rawValue) \(nutrient.displayName)"
                + (unitText == "iu" ? " (\(NumberText.plain(amount)) IU ÷ 40)" : ""))
    }

    /// The one food `text` names for logging: a custom food by name, an NDB number, an everyday name or a USDA
    /// description. Anything else is refused with the foods a search finds as candidates, never guessed.
    public func resolveForLogging(_ text: String) throws(MineralIntakeError) -> FoodReference {
        if let custom = customFood(named: text) { return .custom(custom.name) }
        let resolution = try database.resolve(text)
        // Only a name that is the food's number, everyday name or description is logged; a search's best guess is
        // shown as a candidate, never logged, even when it is the only one (it may rest on a typo).
        guard resolution.match != .bestMatch else {
            throw .ambiguousFood(text, candidates: ([resolution.food] + resolution.alternatives.map(\.food)).map { "\($0.ndb)  \($0.description)" })
        }
        return .usda(resolution.food.ndb)
    }

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
            }) ?? measures.first(where: { TextNormalizer.tokens($0.unit).starts(with: wanted) }) {
                return (measure, millilitres)
            }
        }
        return nil
    }

    /// The item for `amount` `unit` of `food`, or `nil` when the unit does not fit the food.
    func measure(
        unit words: [String], amount: Double, food: FoodReference, typedFood: [String], text: String
    ) throws(MineralIntakeError) -> ParsedItem? {
        let unitText = words.joined(separator: " ")
        let name = name(of: food)
        func item(grams: Double, unit: String, explanation: String) throws(MineralIntakeError) -> ParsedItem {
            guard grams.isFinite, grams > 0 else { throw .invalidEntry("\"\(text)\" comes to no weight; give a positive amount") }
            guard grams <= Self.maximumGrams else {
                throw .invalidEntry("\"\(text)\" comes to \(NumberText.display(grams)) g, over the \(NumberText.plain(Self.maximumGrams)) g one entry may weigh; check the amount or split it")
            }
            return ParsedItem(text: text, food: food, foodName: name, amount: amount, unit: unit, grams: grams, explanation: explanation)
        }
        let key = unitText.lowercased()
        if let mass = MetricUnit.mass.first(where: { $0.names.contains(key) }) {
            let grams = amount * mass.grams
            let explanation = mass.names[0] == "g"
                ? "\(NumberText.display(grams)) g" : "\(NumberText.plain(amount)) \(mass.names[0]) = \(NumberText.display(grams)) g"
            return try item(grams: grams, unit: mass.names[0], explanation: explanation)
        }
        let measures = measures(of: food)
        if let volume = MetricUnit.volume.first(where: { $0.names.contains(key) }),
           !measures.contains(where: { TextNormalizer.tokens($0.unit) == TextNormalizer.tokens(key) }) {
            guard let (measure, millilitres) = volumeMeasure(in: measures) else {
                throw .unknownUnit(text, unit: unitText, food: name, known: knownUnits(of: food))
            }
            let gramsPerMillilitre = measure.grams / (measure.amount * millilitres)
            let grams = amount * volume.millilitres * gramsPerMillilitre
            return try item(
                grams: grams, unit: volume.names[0],
                explanation: "\(NumberText.plain(amount)) \(volume.names[0]) at \(NumberText.display(gramsPerMillilitre)) g/ml (USDA: \(measure.label)) = \(NumberText.display(grams)) g")
        }
        let wanted = words.isEmpty ? [] : TextNormalizer.tokens(Self.synonym(unitText))
        var best: (measure: HouseholdMeasure, rank: Int)?
        for (index, measure) in measures.enumerated() {
            let tokens = TextNormalizer.tokens(measure.unit)
            let rank: Int
            if wanted.isEmpty {
                // No unit typed: count the food by a measure named like it (`50 raisins`), or a medium one, or each…
                let food = typedFood.flatMap { TextNormalizer.tokens($0) }
                let rest = tokens.filter { !food.contains($0) }  // `potato medium` of `1 potato` is `medium`
                if !food.isEmpty, rest.isEmpty {
                    rank = 0
                } else if let preference = Self.countUnits.firstIndex(where: { rest.starts(with: [$0]) }) {
                    rank = 1 + preference
                } else {
                    continue
                }
            } else if tokens == wanted {
                rank = 0
            } else if tokens.starts(with: wanted) {
                rank = tokens.count - wanted.count + (tokens.contains("packed") && !tokens.contains("not") ? 5 : 0)
            } else {
                continue
            }
            if best == nil || rank < best!.rank || (rank == best!.rank && index < measures.firstIndex(of: best!.measure)!) {
                best = (measure, rank)
            }
        }
        guard let chosen = best?.measure else {
            if words.isEmpty { return nil }
            // A volume word (`cup`) the food has no measure for can still go through its density.
            if let householdVolume = MetricUnit.householdVolumes.first(where: { TextNormalizer.tokens($0.unit) == wanted }),
               let (measure, millilitres) = volumeMeasure(in: measures) {
                let grams = amount * householdVolume.millilitres * measure.grams / (measure.amount * millilitres)
                return try item(grams: grams, unit: householdVolume.unit,
                                explanation: "\(NumberText.plain(amount)) \(householdVolume.unit) through USDA's \(measure.label) = \(NumberText.display(grams)) g")
            }
            return nil
        }
        let grams = amount * chosen.grams / chosen.amount
        let origin: String
        if case .custom = food { origin = "your measure" } else { origin = "USDA" }
        return try item(
            grams: grams, unit: chosen.unit,
            explanation: "\(NumberText.plain(amount)) × \(chosen.unit) (\(origin): \(chosen.label)) = \(NumberText.display(grams)) g")
    }

    /// Count units in order of preference when an item gives none: `1 banana` is a medium banana.
    static let countUnits = ["medium", "each", "whole", "fruit", "piece", "item", "large", "small", "serving", "slice", "nlea"]

    static func synonym(_ unit: String) -> String {
        switch unit.lowercased() {
        case "tablespoon", "tablespoons", "tbs", "tbsps", "tbl": "tbsp"
        case "teaspoon", "teaspoons", "tsps": "tsp"
        case "cups": "cup"
        case "pieces", "pcs", "pc": "piece"
        case "slices": "slice"
        default: unit
        }
    }

    /// `text` with control characters shown as `\u{…}`, for messages.
    static func visible(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())
    }
}

/// Minimal character tests on Unicode scalars.
enum CharacterSetLite {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}

/// Reads the amount an item starts with: `2`, `1.5`, `0,5`, `1/2`, `1 1/2`, `½`, `1½`, `a`, `an`, `one`.
enum QuantityReader {
    static let vulgarFractions: [Character: Double] = [
        "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
    ]

    /// The amount and the words after it (lower-cased; `200ml` split into `200`, `ml`).
    static func read(_ text: String) throws(MineralIntakeError) -> (Double, [String]) {
        let usage = "write an item as an amount and a food, e.g. \"50 g dried apricots\" or \"1/2 cup raisins\""
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { throw .invalidEntry("empty item; \(usage)") }
        if ["a", "an", "one"].contains(first) { return (1, Array(words.dropFirst())) }
        // Split a number glued to its unit: `200ml`, `50g`, `1½cups` (letters only after the number: `1e308` stays).
        if let split = first.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "/" || $0 == "-")) && vulgarFractions[$0] == nil }),
           split != first.startIndex, first[split...].allSatisfy({ $0.isLetter && $0.isASCII }) {
            words[0] = String(first[..<split])
            words.insert(String(first[split...]), at: 1)
        }
        guard var amount = try number(words[0], in: text) else {
            throw .invalidEntry("\"\(text)\" does not start with an amount; \(usage)")
        }
        var rest = Array(words.dropFirst())
        // A mixed number: `1 1/2`.
        if let next = rest.first, next.contains("/") || next.count == 1 && vulgarFractions[next.first!] != nil,
           amount == amount.rounded(), let fraction = try number(next, in: text), fraction < 1 {
            amount += fraction
            rest.removeFirst()
        }
        guard amount.isFinite, amount > 0 else { throw .invalidEntry("\"\(text)\": the amount must be more than 0") }
        return (amount, rest)
    }

    /// A plain number, a fraction, or a number with a vulgar fraction; `nil` if the word is none of these.
    static func number(_ word: String, in text: String) throws(MineralIntakeError) -> Double? {
        if word.hasPrefix("-") || word.hasPrefix("−") {
            throw .invalidEntry("\"\(text)\": the amount must be more than 0")
        }
        if let last = word.last, let fraction = vulgarFractions[last] {
            let whole = word.dropLast()
            if whole.isEmpty { return fraction }
            guard let value = decimal(String(whole)) else { return nil }
            return value + fraction
        }
        if word.contains("/") {
            let parts = word.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let numerator = decimal(String(parts[0])), let denominator = decimal(String(parts[1])) else {
                throw .invalidEntry("\"\(text)\": \"\(word)\" is not a fraction; write fractions like 1/2 or 1 1/2")
            }
            guard denominator > 0 else { throw .invalidEntry("\"\(text)\": \"\(word)\" divides by zero") }
            return numerator / denominator
        }
        return decimal(word)
    }

    /// Digits with at most one `.` or `,` as the decimal point, at most 9 digits: no exponents, no NaN.
    static func decimal(_ word: String) -> Double? {
        let normalized = word.replacingOccurrences(of: ",", with: ".")
        guard !normalized.isEmpty, normalized.count <= 10,
              normalized.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              normalized.filter({ $0 == "." }).count <= 1, normalized != "."
        else { return nil }
        return Double(normalized.hasPrefix(".") ? "0" + normalized : normalized)
    }
}

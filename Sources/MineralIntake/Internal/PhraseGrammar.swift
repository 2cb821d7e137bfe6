/// Reads the amount of an item wherever it stands, as people write it: `2 eggs`, `salmon 150g`, `half a cup of
/// rice`, `a couple of eggs`, `2 x eggs`, `1 1/2 cups milk`, `½ avocado`, `1,5 dl milk`, `one and a half cups`.
/// What is left are the unit and food words, lower-cased, in order; numbers glued to units are split (`150g`).
struct PhraseWords: Equatable {
    /// How many units (1 when no amount was written).
    var amount: Double
    /// Whether the text gave an amount (`hummus` gives none; `a banana` gives 1).
    var amountGiven: Bool
    /// The other words, lower-cased: unit words first if the amount stood last (`salmon 150 g` → `g salmon`).
    var words: [String]
}

enum PhraseGrammar {
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "dozen": 12, "half": 0.5, "quarter": 0.25, "third": 1.0 / 3, "couple": 2,
    ]
    /// Abbreviations people type for sizes and spoons.
    static let abbreviations: [String: [String]] = [
        "sm": ["small"], "med": ["medium"], "lg": ["large"], "lrg": ["large"], "xl": ["extra", "large"],
        "tblsp": ["tbsp"], "tblspn": ["tbsp"], "tbls": ["tbsp"], "tbl": ["tbsp"], "tsps": ["tsp"], "tspn": ["tsp"],
    ]
    static let usage = "write an item as an amount and a food, e.g. \"50 g dried apricots\" or \"1/2 cup raisins\""

    static func read(_ text: String) throws(MineralIntakeError) -> PhraseWords {
        var words: [String] = []
        for raw in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var word = String(raw)
            // A comma or full stop that ends a word is punctuation (`salmon, 150g`); `1,5` keeps its comma.
            while let last = word.last,
                last == "," || last == ";" || (last == "." && word.count > 1 && !word.dropLast().allSatisfy(\.isNumber))
            {
                word.removeLast()
            }
            word.removeAll { $0 == "(" || $0 == ")" }
            guard !word.isEmpty else { continue }
            if let expanded = abbreviations[word] { words += expanded; continue }
            words += splitGlued(word)
        }
        // A size word last (`apple (medium)`, `1 avocado, medium`) is the unit.
        if words.count > 1, let last = words.last, FoodCatalog.sizeWords.contains(last) {
            words = [words.removeLast()] + words
        }
        guard !words.isEmpty else { throw .invalidEntry(.item, "empty item; \(usage)") }
        // A first word that looks like a number but is none (`1e308`, `1.2.3`, `NaN`) is a wrong amount, not a food.
        if let first = words.first,
            first.first.map({ $0.isASCII && $0.isNumber }) == true && !first.hasSuffix("%")
                || ["nan", "inf", "infinity"].contains(first), try plainAmount(first, text: text) == nil
        {
            throw .invalidEntry(.amount, "\"\(text)\" does not start with an amount; \(usage)")
        }
        if let (amount, used) = try leadingAmount(words, text: text) {
            var rest = Array(words.dropFirst(used))
            if let first = rest.first, first == "x" || first == "×" || first == "*" { rest.removeFirst() }
            guard amount.isFinite, amount > 0 else {
                throw .invalidEntry(.amount, "\"\(text)\": the amount must be more than 0")
            }
            return PhraseWords(amount: amount, amountGiven: true, words: rest)
        }
        // The amount last: `salmon 150 g`, `chicken breast 200g`, `eggs 2`.
        if words.count >= 3, let amount = try plainAmount(words[words.count - 2], text: text),
            isUnitWord(words[words.count - 1])
        {
            guard amount > 0 else { throw .invalidEntry(.amount, "\"\(text)\": the amount must be more than 0") }
            return PhraseWords(amount: amount, amountGiven: true, words: [words[words.count - 1]] + words.dropLast(2))
        }
        if words.count >= 2, let amount = try plainAmount(words[words.count - 1], text: text) {
            guard amount > 0 else { throw .invalidEntry(.amount, "\"\(text)\": the amount must be more than 0") }
            var rest = Array(words.dropLast())
            if let last = rest.last, last == "x" || last == "×" { rest.removeLast() }
            return PhraseWords(amount: amount, amountGiven: true, words: rest)
        }
        // The amount in the middle: `Banana, 1 medium`, `spaghetti 80g dry`, `buckwheat groats 1/3 cup dry`.
        if let index = words.indices.dropFirst().first(where: {
            (try? plainAmount(words[$0], text: text)) ?? nil != nil
        }),
            let amount = try plainAmount(words[index], text: text), amount > 0
        {
            return PhraseWords(amount: amount, amountGiven: true, words: Array(words[(index + 1)...]) + words[..<index])
        }
        if let first = words.first, first.hasPrefix("-") || first.hasPrefix("−"),
            (try? plainAmount(String(first.dropFirst()), text: text)) != nil
        {
            throw .invalidEntry(.amount, "\"\(text)\": the amount must be more than 0")
        }
        return PhraseWords(amount: 1, amountGiven: false, words: words)
    }

    /// Units people put after a number at the end of an item.
    static func isUnitWord(_ word: String) -> Bool {
        MetricUnit.mass.contains { $0.names.contains(word) } || MetricUnit.volume.contains { $0.names.contains(word) }
            || MetricUnit.householdVolumes.contains { $0.unit == FoodCatalog.synonym(word) }
    }

    /// `150g` → `150`, `g`; `2x` → `2`, `x`; `1½cups` → `1½`, `cups`. Letters only after the number (`1e308` stays).
    static func splitGlued(_ word: String) -> [String] {
        guard let first = word.first, first.isASCII && first.isNumber || QuantityReader.vulgarFractions[first] != nil,
            let split = word.firstIndex(where: {
                !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "/"))
                    && QuantityReader.vulgarFractions[$0] == nil
            }),
            word[split...].allSatisfy({ ($0.isLetter && $0.isASCII) || $0 == "µ" || $0 == "×" })
        else { return [word] }
        let unit = String(word[split...])
        // `2nd`, `1st`: not an amount and a unit.
        if ["st", "nd", "rd", "th", "e"].contains(unit) { return [word] }
        return [String(word[..<split]), unit]
    }

    /// The amount at the start of `words` and how many words it took, or `nil` when the item does not start with one.
    static func leadingAmount(_ words: [String], text: String) throws(MineralIntakeError) -> (Double, Int)? {
        func word(_ index: Int) -> String? { index < words.count ? words[index] : nil }
        var amount: Double
        var used: Int
        if word(0) == "a" || word(0) == "an" {
            switch word(1) {
            case "couple", "few":
                // `a couple of eggs` is 2; `a few` is left to the person (no number is right).
                guard word(1) == "couple" else { return nil }
                amount = 2
                used = word(2) == "of" ? 3 : 2
            case "half", "quarter", "third", "dozen":
                amount = numberWords[word(1)!]!
                used = 2
            default:
                amount = 1
                used = 1
            }
        } else if (word(0) == "half" || word(0) == "quarter") && word(1) != "and" {  // `half and half` is a food
            amount = numberWords[word(0)!]!
            used = 1
            if word(1) == "a" || word(1) == "an" { used = 2 }  // `half a cup`
        } else if word(0) == "couple" {
            amount = 2
            used = word(1) == "of" ? 2 : 1
        } else if let first = word(0), let value = numberWords[first], value >= 1 {
            amount = value
            used = 1
        } else if let first = word(0), let value = try QuantityReader.number(first, in: text) {
            amount = value
            used = 1
            // A mixed number: `1 1/2`, `1 ½`.
            if let next = word(1),
                next.contains("/") || next.count == 1 && QuantityReader.vulgarFractions[next.first!] != nil,
                amount == amount.rounded(), let fraction = try QuantityReader.number(next, in: text), fraction < 1
            {
                amount += fraction
                used = 2
            }
        } else {
            return nil
        }
        // `one and a half`, `2 and a half`, `a dozen`.
        if word(used) == "and", word(used + 1) == "a", word(used + 2) == "half" {
            amount += 0.5
            used += 3
        }
        if word(used) == "dozen", amount >= 1 {
            amount *= 12
            used += 1
        }
        // `half a dozen`.
        if amount < 1, word(used) == "dozen" { amount *= 12; used += 1 }
        return (amount, used)
    }

    /// A number standing alone at the end of an item (`150`, `1/2`, `1,5`); never `2%` or a number word.
    static func plainAmount(_ word: String, text: String) throws(MineralIntakeError) -> Double? {
        guard let first = word.first, first.isASCII && first.isNumber || QuantityReader.vulgarFractions[first] != nil
        else { return nil }
        return try QuantityReader.number(word, in: text)
    }
}

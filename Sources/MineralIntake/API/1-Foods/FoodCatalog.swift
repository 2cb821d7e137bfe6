/// The foods a person can log: the USDA database and their own custom foods and recipes. Parses typed items
/// (`1/2 cup raisins`) and computes the nutrients of journal entries, keeping unknown apart from zero.
public struct FoodCatalog: Sendable {
    /// The USDA foods.
    public let database: FoodDatabase
    /// The user's own foods and recipes.
    public let customFoods: [CustomFood]
    /// The user's personal names (`chicken` → the food they chose for it once), by ``PersonalNames/key(_:)``:
    /// looked up before every other name.
    public let personalNames: [String: FoodReference]

    /// A catalog of the USDA database, the user's custom foods and their personal names.
    public init(database: FoodDatabase, customFoods: [CustomFood] = [], personalNames: PersonalNames = PersonalNames())
    {
        self.database = database
        self.customFoods = customFoods
        self.personalNames = Dictionary(
            personalNames.names.map { (PersonalNames.key($0.name), $0.food) }, uniquingKeysWith: { _, last in last })
    }

    /// How much of each nutrient 100 g of a food holds, and what share of its weight has no value.
    package struct Composition: Sendable {
        var known: [Double]
        var unknownShare: [Double]

        static let nutrients = Nutrient.allCases

        init(values: NutrientValues) {
            known = Self.nutrients.map { values[$0] ?? 0 }
            unknownShare = Self.nutrients.map { values[$0] == nil ? 1 : 0 }
        }

        init(known: [Double], unknownShare: [Double]) {
            self.known = known
            self.unknownShare = unknownShare
        }

        func totals(grams: Double) -> NutrientTotals {
            var totals = NutrientTotals()
            var index = 0
            for nutrient in Self.nutrients {
                totals[nutrient] = NutrientTotal(
                    amount: known[index] * grams / 100, gramsWithoutValue: unknownShare[index] * grams, grams: grams)
                index += 1
            }
            return totals
        }
    }

    /// The custom food named `name` (case, spacing and plural do not matter).
    public func customFood(named name: String) -> CustomFood? {
        customFoods.first { CustomFood.namesMatch($0.name, name) }
    }

    func composition(of reference: FoodReference, depth: Int = 0) -> Composition? {
        switch reference {
        case .supplement, .recorded:
            // Counted by their own amounts, not per 100 g.
            return nil
        case .usda(let ndb):
            return database.values(ndb).map { Composition(values: $0) }
        case .custom(let name):
            guard let food = customFood(named: name) else { return nil }
            if let values = food.per100g { return Composition(values: values) }
            guard depth < 4, let ingredients = food.ingredients, !ingredients.isEmpty else { return nil }
            var sum = NutrientTotals()
            var grams = 0.0
            for ingredient in ingredients {
                // An ingredient that cannot be found counts as grams with no value, never as zero.
                let part =
                    composition(of: ingredient.food, depth: depth + 1)
                    ?? Composition(
                        known: Composition.nutrients.map { _ in 0 }, unknownShare: Composition.nutrients.map { _ in 1 })
                sum += part.totals(grams: ingredient.grams)
                grams += ingredient.grams
            }
            let total = food.totalGrams ?? grams
            guard grams > 0, total > 0 else { return nil }
            return Composition(
                known: Composition.nutrients.map { sum[$0].amount / total * 100 },
                unknownShare: Composition.nutrients.map { sum[$0].gramsWithoutValue / grams })
        }
    }

    /// The nutrients of one journal entry. An entry whose food cannot be found counts all its grams as having no
    /// value. A supplement adds its amount to its one nutrient, with no grams.
    public func nutrients(of entry: JournalEntry) -> NutrientTotals {
        var cache: [FoodReference: Composition] = [:]
        return nutrients(of: entry, cache: &cache)
    }

    /// The nutrients of each of `entries`, in order; each food's composition is worked out once.
    public func nutrients(of entries: [JournalEntry]) -> [NutrientTotals] {
        var cache: [FoodReference: Composition] = [:]
        return entries.map { nutrients(of: $0, cache: &cache) }
    }

    /// The nutrients of `entry`; each food's composition is worked out once and kept in `cache`.
    package func nutrients(of entry: JournalEntry, cache: inout [FoodReference: Composition]) -> NutrientTotals {
        switch entry.food {
        case .usda, .custom: nutrients(of: entry, composition: cached(entry.food, &cache))
        case .supplement, .recorded: nutrients(of: entry, composition: nil)
        }
    }

    private func cached(_ food: FoodReference, _ cache: inout [FoodReference: Composition]) -> Composition {
        if let known = cache[food] { return known }
        let made = knownOrUnknownComposition(of: food)
        cache[food] = made
        return made
    }

    /// The composition of `reference`, or, for a food that cannot be found, one whose every gram has no value
    /// (never zero).
    func knownOrUnknownComposition(of reference: FoodReference) -> Composition {
        composition(of: reference)
            ?? Composition(
                known: Composition.nutrients.map { _ in 0 }, unknownShare: Composition.nutrients.map { _ in 1 })
    }

    /// The nutrients of `entry`, whose food's composition is `composition` (unused for a supplement).
    func nutrients(of entry: JournalEntry, composition: Composition?) -> NutrientTotals {
        switch entry.food {
        case .supplement(let nutrient):
            var totals = NutrientTotals()
            totals[nutrient] = NutrientTotal(amount: entry.amount)
            return totals
        case .recorded(let food):
            return food.totals(grams: entry.grams)
        case .usda, .custom:
            break
        }
        return (composition ?? knownOrUnknownComposition(of: entry.food)).totals(grams: entry.grams ?? 0)
    }

    /// A name for people: the USDA description, the custom food's name, `magnesium supplement`, or a recorded
    /// serving's name with its tracker (`Apple, raw (Cronometer)`).
    public func name(of reference: FoodReference) -> String {
        switch reference {
        case .usda(let ndb): database.description(of: ndb) ?? "unknown food \(ndb)"
        case .custom(let name): customFood(named: name)?.name ?? name
        case .supplement(let nutrient): "\(nutrient.displayName) supplement"
        case .recorded(let food): "\(food.name) (\(food.sourceName))"
        }
    }

    /// A short name for people: the first everyday name if the food has one (`dried apricots`), else ``name(of:)``.
    public func shortName(of reference: FoodReference) -> String {
        if case .usda(let ndb) = reference, let name = database.storage.everydayNames(of: ndb).first { return name }
        return name(of: reference)
    }

    /// The household measures of a food: USDA's, or the ones the user gave a custom food.
    func measures(of reference: FoodReference) -> [HouseholdMeasure] {
        switch reference {
        case .usda(let ndb): database.food(ndb)?.measures ?? []
        case .custom(let name): customFood(named: name)?.measures ?? []
        case .supplement, .recorded: []
        }
    }
}

/// What a typed item was read as.
public struct ParsedItem: Sendable, Codable, Equatable {
    /// What was typed.
    public var text: String
    /// The food it was read as.
    public var food: FoodReference
    /// The food's name for people.
    public var foodName: String
    /// How many `unit`s.
    public var amount: Double
    /// The unit: `g`, `cup (not packed)`, `mg` for a supplement.
    public var unit: String
    /// Grams eaten (`nil` for a supplement).
    public var grams: Double?
    /// How the amount was read, for people: `0.5 × cup (not packed) of 145 g = 72.5 g`.
    public var explanation: String
    /// How the food was found (`nil` for a supplement).
    public var match: ItemMatch?

    /// The same item, found as `match`.
    func with(match: ItemMatch?) -> ParsedItem {
        var item = self
        item.match = match
        return item
    }
}

/// How the food of an item was found from its words.
public enum ItemMatch: String, Sendable, Codable, Equatable {
    /// The words were the food's NDB number.
    case ndbNumber = "ndb_number"
    /// The words were a name the person chose a food for before (``PersonalNames``).
    case personalName = "personal_name"
    /// The words named one of the person's custom foods or recipes.
    case customFood = "custom_food"
    /// The words were one of the food's curated everyday names.
    case everydayName = "everyday_name"
    /// The words were the food's USDA description.
    case description
    /// Every word fits this food's USDA description and no other food's.
    case onlyMatch = "only_match"
    /// The caller named the food (`--food`).
    case chosen
}

/// A food a text may mean, for a pick list: structured, so an app can build its own.
public struct FoodCandidate: Sendable, Codable, Equatable {
    /// The food's NDB number.
    public var ndb: NDBNumber
    /// USDA's description.
    public var name: String
    /// The search score: higher is better.
    public var score: Double
    /// Why it is a candidate, for people: `has every word`, `has 2 of 3 words`, `spelled like it`.
    public var why: String

    /// A candidate.
    public init(ndb: NDBNumber, name: String, score: Double, why: String) {
        self.ndb = ndb
        self.name = name
        self.score = score
        self.why = why
    }

    /// Whether every word of `query` is in the food's name or spelled like one of its words (within one edit, two
    /// for words of seven letters or more).
    static func fits(_ food: Food, query: String) -> Bool {
        let have = TextNormalizer.tokens(food.description + " " + (food.usdaCommonNames ?? ""))
        let haveSet = Set(have)
        var rows = Suggestions.Rows(capacity: 32)
        return TextNormalizer.tokens(query).allSatisfy { word in
            if haveSet.contains(word) || FoodCatalog.fillerWords.contains(word) { return true }
            let limit = word.utf8.count >= 7 ? 2 : 1
            guard word.utf8.count >= 4 else { return false }
            return have.contains {
                Suggestions.editDistance(Array(word.utf8), Array($0.utf8), limit: limit, rows: &rows) != nil
            }
        }
    }

    static func reason(for result: FoodSearchResult, query: String) -> String {
        let wanted = Set(TextNormalizer.tokens(query))
        let have = Set(TextNormalizer.tokens(result.food.description + " " + (result.food.usdaCommonNames ?? "")))
        let shared = wanted.intersection(have).count
        if let name = result.matchedEverydayName { return "everyday name \"\(name)\"" }
        if shared == wanted.count { return "has every word" }
        if shared == 0 { return "spelled like it" }
        return "has \(shared) of \(wanted.count) words"
    }
}

/// Names a person gave foods by choosing from a pick list: `chicken` → `05064`. Kept in the data directory as plain
/// text, one `name<TAB>food` a line (`food` as the journal writes it: an NDB number or `custom:NAME`).
public struct PersonalNames: Sendable, Codable, Equatable {
    /// The names, in the file's order; a later line for the same name wins.
    public var names: [(name: String, food: FoodReference)] {
        get { entries.map { ($0.name, $0.food) } }
        set { entries = newValue.map { Entry(name: $0.name, food: $0.food) } }
    }
    struct Entry: Sendable, Codable, Equatable {
        var name: String
        var food: FoodReference
    }
    var entries: [Entry]

    /// No names.
    public init() { entries = [] }

    /// The file's header.
    public static let header =
        "# Your names for foods, chosen from mineral's pick lists: name<TAB>NDB number or custom:NAME. Edit freely.\n"

    /// Reads the file's text; lines that cannot be read are returned as problems, never guessed.
    public init(text: String) {
        var entries: [Entry] = []
        var problems: [String] = []
        for (index, line) in TextLines.lines(text).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !PersonalNames.key(String(fields[0])).isEmpty,
                let food = FoodReference(journalText: String(fields[1]).trimmingWhitespace()), food.isFood
            else { problems.append("line \(index + 1)"); continue }
            entries.append(Entry(name: String(fields[0]).trimmingWhitespace(), food: food))
        }
        self.entries = entries
        self.problems = problems
    }

    /// Lines of the file that could not be read (`line 3`).
    public private(set) var problems: [String] = []

    /// The names with `name` now meaning `food` (an earlier line for the same name is dropped).
    public func setting(_ name: String, to food: FoodReference) -> PersonalNames {
        var copy = self
        let key = Self.key(name)
        copy.entries.removeAll { Self.key($0.name) == key }
        copy.entries.append(Entry(name: Self.cleaned(name), food: food))
        return copy
    }

    /// The file's text.
    public var text: String {
        Self.header + entries.map { "\(Self.cleaned($0.name))\t\($0.food)\n" }.joined()
    }

    /// How a name is compared: case, plural, spacing and word order do not matter.
    public static func key(_ name: String) -> String { TextNormalizer.tokens(name).sorted().joined(separator: " ") }

    /// A name with tabs, line breaks and other control characters made spaces, so it cannot break the file.
    static func cleaned(_ name: String) -> String {
        String(
            String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 })
        ).trimmingWhitespace()
    }

    public static func == (lhs: PersonalNames, rhs: PersonalNames) -> Bool { lhs.entries == rhs.entries }
    enum CodingKeys: String, CodingKey { case entries }
}

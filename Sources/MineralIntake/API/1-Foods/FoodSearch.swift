/// A food found by ``FoodDatabase/search(_:limit:)``.
public struct FoodSearchResult: Sendable, Codable, Equatable {
    /// The food.
    public var food: Food
    /// The ranking score: higher is better; 100 or more means the query is one of the food's everyday names.
    public var score: Double
    /// The curated everyday name the query matched, if it matched one (`raisins`).
    public var matchedEverydayName: String?

    /// A result.
    public init(food: Food, score: Double, matchedEverydayName: String? = nil) {
        self.food = food
        self.score = score
        self.matchedEverydayName = matchedEverydayName
    }

    enum CodingKeys: String, CodingKey {
        case food, score
        case matchedEverydayName = "matched_everyday_name"
    }
}

/// How a food name a person typed was settled on one food.
public struct FoodResolution: Sendable, Codable, Equatable {
    /// How the text matched.
    public enum Match: String, Sendable, Codable, Equatable {
        /// The text was the food's NDB number.
        case ndbNumber = "ndb_number"
        /// The text was one of the food's curated everyday names.
        case everydayName = "everyday_name"
        /// The text was the food's USDA description.
        case description
        /// Every word of the text fits this food's description (or USDA's common names), and no other food's.
        case onlyMatch = "only_match"
        /// The text matched several foods; this one ranked first.
        case bestMatch = "best_match"
    }

    /// The food chosen.
    public var food: Food
    /// How it was chosen.
    public var match: Match
    /// Other foods the text matched, best first (only for ``Match/bestMatch``).
    public var alternatives: [FoodSearchResult]
    /// The chosen food's search score, when a search chose it.
    public var score: Double?

    /// Whether the text named this food without doubt (anything but a best match among several).
    public var isUnambiguous: Bool { match != .bestMatch }

    /// A resolution.
    public init(food: Food, match: Match, alternatives: [FoodSearchResult], score: Double? = nil) {
        self.food = food
        self.match = match
        self.alternatives = alternatives
        self.score = score
    }
}

extension FoodDatabase {
    /// Foods whose names match `query`, best first. Case, accents, plural or singular, word order and a typo or
    /// two do not matter; a query that is a curated everyday name (`raisins`) puts that food first.
    /// - Throws: ``MineralIntakeError/emptyQuery`` when `query` has no letters or digits.
    public func search(_ query: String, limit: Int = 10) throws(MineralIntakeError) -> [FoodSearchResult] {
        guard !TextNormalizer.tokens(query).isEmpty else { throw .emptyQuery }
        return index.search(query, limit: limit).map {
            FoodSearchResult(food: foods[$0.food], score: $0.score, matchedEverydayName: $0.everydayName)
        }
    }

    /// Words of a description that make a food something other than what a plain name means.
    static let standInWords: Set<String> = [
        "substitute", "imitation", "babyfood", "infant", "formula", "mix", "analog", "replacement", "flavored",
    ]

    /// The one food `text` names: an NDB number (`09032`), an everyday name (`dried apricots`), a USDA description,
    /// or else the best search match, with the other matches as alternatives.
    /// - Throws: ``MineralIntakeError/unknownNDBNumber(_:)``, ``MineralIntakeError/emptyQuery`` or
    ///   ``MineralIntakeError/unknownFood(_:suggestions:)`` with everyday names close to `text`.
    public func resolve(_ text: String) throws(MineralIntakeError) -> FoodResolution {
        let trimmed = text.trimmingWhitespace()
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard let ndb = NDBNumber(parsing: trimmed), let food = food(ndb) else { throw .unknownNDBNumber(trimmed) }
            return FoodResolution(food: food, match: .ndbNumber, alternatives: [])
        }
        if !trimmed.isEmpty, TextNormalizer.tokens(trimmed).isEmpty {
            throw .unknownFood(trimmed, suggestions: [])
        }
        if let name = storage.everydayName(key: TextNormalizer.tokens(trimmed).sorted().joined(separator: " ")) {
            return FoodResolution(food: foods[name.food], match: .everydayName, alternatives: [])
        }
        let results = try search(trimmed, limit: 100)
        guard let first = results.first else {
            let names = storage.allEverydayNames
            throw .unknownFood(
                trimmed, suggestions: Suggestions.closest(to: trimmed.lowercased(), among: names, count: 3))
        }
        if first.matchedEverydayName != nil, first.score >= 100 {
            return FoodResolution(food: first.food, match: .everydayName, alternatives: [])
        }
        let wanted = TextNormalizer.tokens(trimmed)
        if let exact = results.first(where: { TextNormalizer.tokens($0.food.description) == wanted }) {
            return FoodResolution(food: exact.food, match: .description, alternatives: [])
        }
        // One food that has every word typed, where no other food has them all: `sauerkraut`.
        // The words must stand in the description's first two parts (`Beverages, coffee substitute, …, prepared with
        // whole milk` is not `coffee milk`), and the food must not be a stand-in the text did not ask for.
        let fitting = results.filter { result in
            let parts = result.food.description.split(separator: ",", maxSplits: 2).prefix(2).joined(separator: " ")
            let have = Set(TextNormalizer.tokens(parts + " " + (result.food.usdaCommonNames ?? "")))
            let all = Set(TextNormalizer.tokens(result.food.description))
            // Cooking words may stand anywhere: `Egg, whole, cooked, scrambled`.
            return wanted.allSatisfy { have.contains($0) || FoodCatalog.cookingWords.contains($0) && all.contains($0) }
                && Self.standInWords.allSatisfy { !all.contains($0) || wanted.contains($0) }
                && (result.food.groupCode != "0300" || wanted.contains("babyfood") || wanted.contains("baby"))
        }
        if fitting.count == 1, results.count < 100 {
            return FoodResolution(food: fitting[0].food, match: .onlyMatch, alternatives: [], score: fitting[0].score)
        }
        return FoodResolution(
            food: first.food, match: .bestMatch, alternatives: Array(results.dropFirst().prefix(5)), score: first.score)
    }
}

/// The foods a person can log: the USDA database and their own custom foods and recipes. Parses typed items
/// (`1/2 cup raisins`) and computes the nutrients of journal entries, keeping unknown apart from zero.
public struct FoodCatalog: Sendable {
    /// The USDA foods.
    public let database: FoodDatabase
    /// The user's own foods and recipes.
    public let customFoods: [CustomFood]

    /// A catalog of the USDA database and the user's custom foods.
    public init(database: FoodDatabase, customFoods: [CustomFood] = []) {
        self.database = database
        self.customFoods = customFoods
    }

    /// How much of each nutrient 100 g of a food holds, and what share of its weight has no value.
    struct Composition: Sendable {
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
                let part = composition(of: ingredient.food, depth: depth + 1)
                    ?? Composition(known: Composition.nutrients.map { _ in 0 }, unknownShare: Composition.nutrients.map { _ in 1 })
                sum += part.totals(grams: ingredient.grams)
                grams += ingredient.grams
            }
            let total = food.totalGrams ?? grams
            guard grams > 0, total > 0 else { return nil }
            return Composition(
                known: Composition.nutrients.map { sum[$0].amount / total * 100 },
                unknownShare: Composition.nutrients.map { sum[$0].gramsWithoutValue / grams })
        case .supplement:
            return nil
        }
    }

    /// The nutrients of one journal entry. An entry whose food cannot be found counts all its grams as having no
    /// value. A supplement adds its amount to its one nutrient, with no grams.
    public func nutrients(of entry: JournalEntry) -> NutrientTotals {
        var cache: [FoodReference: Composition] = [:]
        return nutrients(of: entry, cache: &cache)
    }

    func nutrients(of entry: JournalEntry, cache: inout [FoodReference: Composition]) -> NutrientTotals {
        if case .supplement(let nutrient) = entry.food {
            var totals = NutrientTotals()
            totals[nutrient] = NutrientTotal(amount: entry.amount)
            return totals
        }
        let grams = entry.grams ?? 0
        let composition: Composition
        if let cached = cache[entry.food] {
            composition = cached
        } else {
            composition = self.composition(of: entry.food)
                ?? Composition(known: Composition.nutrients.map { _ in 0 }, unknownShare: Composition.nutrients.map { _ in 1 })
            cache[entry.food] = composition
        }
        return composition.totals(grams: grams)
    }

    /// A name for people: the USDA description, the custom food's name, or `magnesium supplement`.
    public func name(of reference: FoodReference) -> String {
        switch reference {
        case .usda(let ndb): database.food(ndb)?.description ?? "unknown food \(ndb)"
        case .custom(let name): customFood(named: name)?.name ?? name
        case .supplement(let nutrient): "\(nutrient.displayName) supplement"
        }
    }

    /// A short name for people: the first everyday name if the food has one (`dried apricots`), else ``name(of:)``.
    public func shortName(of reference: FoodReference) -> String {
        if case .usda(let ndb) = reference, let name = database.food(ndb)?.everydayNames.first { return name }
        return name(of: reference)
    }

    /// The household measures of a food: USDA's, or the ones the user gave a custom food.
    func measures(of reference: FoodReference) -> [HouseholdMeasure] {
        switch reference {
        case .usda(let ndb): database.food(ndb)?.measures ?? []
        case .custom(let name): customFood(named: name)?.measures ?? []
        case .supplement: []
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
}

/// What a nutrient ranking compares foods by.
public enum RankingBasis: String, CaseIterable, Sendable, Codable, Equatable {
    /// Amount per 100 g of edible food.
    case per100Grams = "100g"
    /// Amount per 100 kcal: nutrient density. Foods with no energy, or unknown energy, are not ranked.
    case per100Kcal = "100kcal"
    /// Amount in the food's typical portion: USDA's first-listed household measure. Foods without one are not ranked.
    case perPortion = "portion"

    /// Reads `100g`, `100kcal` or `portion` (also `100 g`, `kcal`, `serving`).
    public init(parsing text: String) throws(MineralIntakeError) {
        switch TextNormalizer.compactKey(text) {
        case "100g", "g", "100gram", "100grams", "grams": self = .per100Grams
        case "100kcal", "kcal", "calorie", "calories", "100calories": self = .per100Kcal
        case "portion", "portions", "serving", "measure": self = .perPortion
        default: throw .unknownRankingBasis(text)
        }
    }
}

/// One food in a nutrient ranking.
public struct RankedFood: Sendable, Codable, Equatable {
    /// 1 for the richest.
    public var rank: Int
    /// The food.
    public var ndb: NDBNumber
    /// USDA's description.
    public var description: String
    /// The food group code.
    public var groupCode: String
    /// The amount of the nutrient on the ranking's basis, in the nutrient's unit.
    public var amount: Double
    /// The amount per 100 g, as USDA gives it.
    public var amountPer100g: Double
    /// Energy per 100 g, kcal, where known.
    public var energyKcalPer100g: Double?
    /// The portion the amount is for (per-portion rankings only).
    public var portion: HouseholdMeasure?

    enum CodingKeys: String, CodingKey {
        case rank, ndb, description, amount, portion
        case groupCode = "group_code"
        case amountPer100g = "amount_per_100g"
        case energyKcalPer100g = "energy_kcal_per_100g"
    }
}

/// The foods richest in a nutrient, with an honest count of the foods that could not be ranked.
public struct NutrientRanking: Sendable, Codable, Equatable {
    /// The nutrient ranked.
    public var nutrient: Nutrient
    /// Its unit.
    public var unit: NutrientUnit
    /// What foods are compared by.
    public var basis: RankingBasis
    /// The food group the ranking is limited to, if any.
    public var group: FoodGroup?
    /// The richest foods, richest first.
    public var foods: [RankedFood]
    /// Foods in scope that were ranked.
    public var rankedCount: Int
    /// Foods in scope left out because USDA has no value for the nutrient (unknown is not zero).
    public var unknownValueCount: Int
    /// Foods left out because the basis does not apply: no or zero energy (per 100 kcal), no household measure
    /// (per portion).
    public var basisNotApplicableCount: Int

    enum CodingKeys: String, CodingKey {
        case nutrient, unit, basis, group, foods
        case rankedCount = "ranked_count"
        case unknownValueCount = "unknown_value_count"
        case basisNotApplicableCount = "basis_not_applicable_count"
    }
}

extension FoodDatabase {
    /// The `limit` foods richest in `nutrient` on `basis`, optionally within one food group.
    /// Foods whose value is unknown are counted, never ranked as zero.
    public func richest(
        in nutrient: Nutrient, per basis: RankingBasis = .per100Grams, group: FoodGroup? = nil, limit: Int = 20
    ) -> NutrientRanking {
        var unknown = 0
        var notApplicable = 0
        var candidates: [RankedFood] = []
        // Ranked from the stored values; only the foods listed are made into values with their text.
        let storage = self.storage
        let groupIndex = group.flatMap { wanted in storage.groupCodes.firstIndex(of: wanted.code) }
        if group != nil, groupIndex == nil {
            return NutrientRanking(
                nutrient: nutrient, unit: nutrient.unit, basis: basis, group: group, foods: [], rankedCount: 0,
                unknownValueCount: 0, basisNotApplicableCount: 0)
        }
        // The best `limit` foods, kept in order as the foods are read (a full sort of 7,800 foods to list 20 was
        // most of the command's time): by amount, highest first; positions are in NDB order, so the position breaks
        // ties as the NDB number would.
        let keep = max(0, limit)
        var best: [(position: Int, amount: Double)] = []
        best.reserveCapacity(keep + 1)
        var rankedCount = 0
        func ahead(_ a: (position: Int, amount: Double), _ b: (position: Int, amount: Double)) -> Bool {
            a.amount != b.amount ? a.amount > b.amount : a.position < b.position
        }
        for position in 0..<storage.count where groupIndex == nil || storage.groupIndex(at: position) == groupIndex {
            guard let per100g = storage.value(nutrient, at: position) else {
                unknown += 1
                continue
            }
            let amount: Double
            switch basis {
            case .per100Grams:
                amount = per100g
            case .per100Kcal:
                guard let kcal = storage.value(.energy, at: position), kcal > 0 else {
                    notApplicable += 1
                    continue
                }
                amount = per100g * 100 / kcal
            case .perPortion:
                guard let grams = storage.firstMeasureGrams(at: position) else {
                    notApplicable += 1
                    continue
                }
                amount = per100g * grams / 100
            }
            rankedCount += 1
            let scored = (position: position, amount: amount)
            guard best.count < keep || best.last.map({ ahead(scored, $0) }) == true else { continue }
            var place = best.count
            while place > 0, ahead(scored, best[place - 1]) { place -= 1 }
            best.insert(scored, at: place)
            if best.count > keep { best.removeLast() }
        }
        for (position, amount) in best {
            let food = storage.food(at: position)
            let per100g = food.per100g[nutrient]!
            candidates.append(
                RankedFood(
                    rank: candidates.count + 1, ndb: food.ndb, description: food.description, groupCode: food.groupCode,
                    amount: amount,
                    amountPer100g: per100g, energyKcalPer100g: food.per100g.energyKcal,
                    portion: basis == .perPortion ? food.typicalPortion : nil))
        }
        return NutrientRanking(
            nutrient: nutrient, unit: nutrient.unit, basis: basis, group: group, foods: candidates,
            rankedCount: rankedCount, unknownValueCount: unknown, basisNotApplicableCount: notApplicable)
    }
}

import Testing
@testable import MineralIntake

@Suite("Foods richest in a nutrient")
struct NutrientRankingTests {
    @Test(arguments: Nutrient.allCases)
    func per100GramsIsDescendingAndCountsUnknown(nutrient: Nutrient) {
        let ranking = builtInFoods.richest(in: nutrient, limit: 50)
        #expect(ranking.foods.count == 50)
        #expect(zip(ranking.foods, ranking.foods.dropFirst()).allSatisfy { $0.amount >= $1.amount })
        #expect(ranking.foods.map(\.rank) == Array(1...50))
        let unknown = builtInFoods.foods.filter { $0.per100g[nutrient] == nil }.count
        #expect(ranking.unknownValueCount == unknown)
        #expect(ranking.rankedCount + unknown == builtInFoods.foods.count)
    }

    @Test(
        "the best foods, kept as they are read, are the first ones of a full sort (amount, then NDB number)",
        arguments: [RankingBasis.per100Grams, .per100Kcal])
    func sameAsFullSort(basis: RankingBasis) {
        for nutrient in Nutrient.allCases {
            var scored: [(ndb: String, amount: Double)] = []
            for food in builtInFoods.foods {
                guard let value = food.per100g[nutrient] else { continue }
                if basis == .per100Kcal {
                    guard let kcal = food.per100g.energyKcal, kcal > 0 else { continue }
                    scored.append((food.ndb.rawValue, value * 100 / kcal))
                } else {
                    scored.append((food.ndb.rawValue, value))
                }
            }
            scored.sort { $0.amount != $1.amount ? $0.amount > $1.amount : $0.ndb < $1.ndb }
            for limit in [0, 1, 7, 20, 400] {
                let ranking = builtInFoods.richest(in: nutrient, per: basis, limit: limit)
                #expect(ranking.foods.map(\.ndb.rawValue) == scored.prefix(limit).map(\.ndb), "\(nutrient) \(limit)")
                #expect(ranking.foods.map(\.amount) == scored.prefix(limit).map(\.amount), "\(nutrient) \(limit)")
                #expect(ranking.rankedCount == scored.count)
            }
        }
    }

    @Test("per 100 kcal divides by energy and leaves out foods with none")
    func perKcal() throws {
        let ranking = builtInFoods.richest(in: .magnesium, per: .per100Kcal, limit: 5)
        let first = try #require(ranking.foods.first)
        let food = try #require(builtInFoods.food(first.ndb))
        #expect(first.amount == food.per100g.magnesiumMg! * 100 / food.per100g.energyKcal!)
        let zeroEnergy = builtInFoods.foods.filter {
            $0.per100g.magnesiumMg != nil && ($0.per100g.energyKcal ?? 0) == 0
        }
        #expect(ranking.basisNotApplicableCount == zeroEnergy.count)
        #expect(ranking.basisNotApplicableCount > 0)
    }

    @Test("per portion uses USDA's first household measure")
    func perPortion() throws {
        let ranking = builtInFoods.richest(
            in: .potassium, per: .perPortion, group: builtInFoods.group(code: "0900"), limit: 3)
        let first = try #require(ranking.foods.first)
        #expect(first.ndb.rawValue == "09030")
        #expect(first.portion == HouseholdMeasure(sequence: 1, amount: 1, unit: "cup", grams: 119))
        #expect(first.amount == 1850.0 * 119 / 100)
        #expect(ranking.foods.allSatisfy { $0.groupCode == "0900" })
    }

    @Test(arguments: [
        ("fruits", "0900"), ("0900", "0900"), ("900", "0900"), ("nuts", "1200"), ("Nut and Seed", "1200"),
        ("legumes", "1600"), ("breakfast cereals", "0800"), ("grains", "2000"),
    ])
    func groupMatching(text: String, code: String) throws {
        #expect(try builtInFoods.group(matching: text).code == code)
    }

    @Test func groupErrors() {
        #expect(
            throws: MineralIntakeError.ambiguousFoodGroup(
                "cereal", candidates: ["0800 Breakfast Cereals", "2000 Cereal Grains and Pasta"])
        ) {
            try builtInFoods.group(matching: "cereal")
        }
        #expect(throws: MineralIntakeError.self) { try builtInFoods.group(matching: "candy bars") }
    }

    @Test(arguments: [
        ("100g", RankingBasis.per100Grams), ("100 g", .per100Grams), ("100kcal", .per100Kcal),
        ("kcal", .per100Kcal), ("portion", .perPortion), ("serving", .perPortion),
    ])
    func basisParsing(text: String, basis: RankingBasis) throws {
        #expect(try RankingBasis(parsing: text) == basis)
    }
}

@Suite("Nutrient names")
struct NutrientParsingTests {
    @Test(arguments: [
        ("potassium", Nutrient.potassium), ("K", .potassium), ("Mg", .magnesium), ("calcium", .calcium),
        ("Na", .sodium), ("vitamin D", .vitaminD), ("vitamin-d", .vitaminD), ("vitamin_d", .vitaminD),
        ("kcal", .energy), ("ENERGY", .energy),
    ])
    func parses(text: String, nutrient: Nutrient) throws {
        #expect(try Nutrient(parsing: text) == nutrient)
    }

    @Test func unknownWithSuggestion() {
        #expect(throws: MineralIntakeError.unknownNutrient("potasium", suggestion: "potassium")) {
            try Nutrient(parsing: "potasium")
        }
        #expect(throws: MineralIntakeError.unknownNutrient("iron", suggestion: nil)) { try Nutrient(parsing: "iron") }
    }
}

@Suite("Number display")
struct NumberTextTests {
    @Test(arguments: [
        (1510.6, "1510.6"), (1162, "1162"), (32, "32"), (41.6, "41.6"), (8.435, "8.435"), (0.025, "0.025"),
        (0.0004, "<0.001"), (0, "0"), (313.3, "313.3"), (99.999, "100"), (12.345, "12.35"), (-2.5, "-2.5"),
    ])
    func display(value: Double, text: String) {
        #expect(NumberText.display(value) == text)
    }

    @Test(arguments: [(130.0, "130"), (0.5, "0.5"), (1.025, "1.025"), (14.2, "14.2")])
    func plain(value: Double, text: String) {
        #expect(NumberText.plain(value) == text)
    }
}

/// Amounts of each ``Nutrient`` in some quantity of food. `nil` means **unknown**: USDA has no value, which is
/// not the same as zero and is never added up as zero.
public struct NutrientValues: Sendable, Codable, Hashable {
    /// Energy, kcal.
    public var energyKcal: Double?
    /// Potassium, mg.
    public var potassiumMg: Double?
    /// Magnesium, mg.
    public var magnesiumMg: Double?
    /// Calcium, mg.
    public var calciumMg: Double?
    /// Sodium, mg.
    public var sodiumMg: Double?
    /// Vitamin D, µg.
    public var vitaminDMicrograms: Double?

    /// Values per 100 g (or any amount); leave out what is unknown.
    public init(
        energyKcal: Double? = nil, potassiumMg: Double? = nil, magnesiumMg: Double? = nil,
        calciumMg: Double? = nil, sodiumMg: Double? = nil, vitaminDMicrograms: Double? = nil
    ) {
        self.energyKcal = energyKcal
        self.potassiumMg = potassiumMg
        self.magnesiumMg = magnesiumMg
        self.calciumMg = calciumMg
        self.sodiumMg = sodiumMg
        self.vitaminDMicrograms = vitaminDMicrograms
    }

    /// The amount of `nutrient` in its ``Nutrient/unit``, or `nil` when unknown.
    public subscript(nutrient: Nutrient) -> Double? {
        get {
            switch nutrient {
            case .energy: energyKcal
            case .potassium: potassiumMg
            case .magnesium: magnesiumMg
            case .calcium: calciumMg
            case .sodium: sodiumMg
            case .vitaminD: vitaminDMicrograms
            }
        }
        set {
            switch nutrient {
            case .energy: energyKcal = newValue
            case .potassium: potassiumMg = newValue
            case .magnesium: magnesiumMg = newValue
            case .calcium: calciumMg = newValue
            case .sodium: sodiumMg = newValue
            case .vitaminD: vitaminDMicrograms = newValue
            }
        }
    }

    /// These values scaled from 100 g to `grams` (`value × grams / 100`); unknown stays unknown.
    public func scaled(fromHundredGramsTo grams: Double) -> NutrientValues {
        var result = NutrientValues()
        for nutrient in Nutrient.allCases {
            result[nutrient] = self[nutrient].map { $0 * grams / 100 }
        }
        return result
    }

    enum CodingKeys: String, CodingKey {
        case energyKcal = "energy_kcal"
        case potassiumMg = "potassium_mg"
        case magnesiumMg = "magnesium_mg"
        case calciumMg = "calcium_mg"
        case sodiumMg = "sodium_mg"
        case vitaminDMicrograms = "vitamin_d_ug"
    }

    /// Unknown values are written as `null`, never left out, so a reader sees that they are unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(energyKcal, forKey: .energyKcal)
        try container.encode(potassiumMg, forKey: .potassiumMg)
        try container.encode(magnesiumMg, forKey: .magnesiumMg)
        try container.encode(calciumMg, forKey: .calciumMg)
        try container.encode(sodiumMg, forKey: .sodiumMg)
        try container.encode(vitaminDMicrograms, forKey: .vitaminDMicrograms)
    }
}

/// Where a food's vitamin D value came from in USDA SR28.
public enum VitaminDSource: String, Sendable, Codable, Hashable {
    /// Nutrient 328, Vitamin D (D2 + D3), µg, as USDA gives it.
    case micrograms328 = "328"
    /// Nutrient 324, Vitamin D in IU, divided by 40 (40 IU = 1 µg) because nutrient 328 is absent.
    case internationalUnits324 = "324/40"
}

/// A food from the database: its USDA identity, its nutrients per 100 g edible portion, and its household measures.
public struct Food: Sendable, Codable, Hashable, Identifiable {
    /// The USDA NDB number.
    public var ndb: NDBNumber
    /// The USDA food group code (`0900`).
    public var groupCode: String
    /// USDA's long description: `Apricots, dried, sulfured, uncooked`.
    public var description: String
    /// USDA's own common names for the food (`ComName`), if any: `oatmeal, old-fashioned oats, rolled oats`.
    public var usdaCommonNames: String?
    /// The curated everyday names that find this food first (`dried apricots`).
    public var everydayNames: [String]
    /// Nutrients per 100 g of edible portion; `nil` where USDA has no value.
    public var per100g: NutrientValues
    /// Where the vitamin D value came from, when there is one.
    public var vitaminDSource: VitaminDSource?
    /// USDA's household measures for the food, in USDA's order.
    public var measures: [HouseholdMeasure]

    /// The NDB number, as the identity.
    public var id: NDBNumber { ndb }

    /// A food; the importer and the loader make these from USDA SR28.
    public init(
        ndb: NDBNumber, groupCode: String, description: String, usdaCommonNames: String? = nil,
        everydayNames: [String] = [], per100g: NutrientValues, vitaminDSource: VitaminDSource? = nil,
        measures: [HouseholdMeasure] = []
    ) {
        self.ndb = ndb
        self.groupCode = groupCode
        self.description = description
        self.usdaCommonNames = usdaCommonNames
        self.everydayNames = everydayNames
        self.per100g = per100g
        self.vitaminDSource = vitaminDSource
        self.measures = measures
    }

    /// The nutrients in `grams` of this food; unknown stays unknown.
    public func nutrients(inGrams grams: Double) -> NutrientValues {
        per100g.scaled(fromHundredGramsTo: grams)
    }

    /// The measure people would call a portion: USDA's first-listed household measure, if the food has any.
    public var typicalPortion: HouseholdMeasure? { measures.first }

    /// Where the value of `nutrient` comes from, for people: `USDA SR28 NDB 09032, nutrient 306`.
    public func source(of nutrient: Nutrient) -> String {
        if nutrient == .vitaminD, vitaminDSource == .internationalUnits324 {
            return "USDA SR28 NDB \(ndb), nutrient 324 (IU) ÷ 40"
        }
        return "USDA SR28 NDB \(ndb), nutrient \(nutrient.usdaNutrientNumber)"
    }

    enum CodingKeys: String, CodingKey {
        case ndb
        case groupCode = "group_code"
        case description
        case usdaCommonNames = "usda_common_names"
        case everydayNames = "everyday_names"
        case per100g = "per_100g"
        case vitaminDSource = "vitamin_d_source"
        case measures
    }
}

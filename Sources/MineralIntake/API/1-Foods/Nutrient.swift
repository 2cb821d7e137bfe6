/// A nutrient MineralIntake tracks, with the unit every amount of it is given in.
///
/// The raw value is the stable name used in JSON, CSV and on the command line (`vitamin_d`).
public enum Nutrient: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    /// Food energy, kilocalories (USDA SR28 nutrient 208).
    case energy
    /// Potassium, milligrams (SR28 nutrient 306).
    case potassium
    /// Magnesium, milligrams (SR28 nutrient 304).
    case magnesium
    /// Calcium, milligrams (SR28 nutrient 301).
    case calcium
    /// Sodium, milligrams (SR28 nutrient 307).
    case sodium
    /// Vitamin D (D2 + D3), micrograms (SR28 nutrient 328, or nutrient 324 in IU ÷ 40).
    case vitaminD = "vitamin_d"

    /// The minerals and vitamin the intake targets and reports are about (every case but energy).
    public static let tracked: [Nutrient] = [.potassium, .magnesium, .calcium, .sodium, .vitaminD]

    /// The unit amounts of this nutrient are expressed in.
    public var unit: NutrientUnit {
        switch self {
        case .energy: .kilocalories
        case .potassium, .magnesium, .calcium, .sodium: .milligrams
        case .vitaminD: .micrograms
        }
    }

    /// A name for people: `potassium`, `vitamin D`.
    public var displayName: String {
        switch self {
        case .energy: "energy"
        case .vitaminD: "vitamin D"
        default: rawValue
        }
    }

    /// The USDA SR28 nutrient number (`Nutr_No`) the value comes from.
    public var usdaNutrientNumber: String {
        switch self {
        case .energy: "208"
        case .potassium: "306"
        case .magnesium: "304"
        case .calcium: "301"
        case .sodium: "307"
        case .vitaminD: "328"
        }
    }

    public static func < (lhs: Nutrient, rhs: Nutrient) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Reads a nutrient name as people type it: `potassium`, `K`, `Mg`, `vitamin-d`, `vitamin D`, `kcal`.
    ///
    /// - Throws: ``MineralIntakeError/unknownNutrient(_:suggestion:)`` naming the input and the accepted names.
    public init(parsing text: String) throws(MineralIntakeError) {
        let key = TextNormalizer.compactKey(text)
        if let found = Nutrient.aliases.first(where: { $0.alias == key })?.nutrient {
            self = found
            return
        }
        let suggestion = Suggestions.closest(to: key, among: Nutrient.aliases.map(\.alias), maxDistance: 3)
            .flatMap { alias in Nutrient.aliases.first { $0.alias == alias }?.nutrient.rawValue }
        throw .unknownNutrient(text, suggestion: suggestion)
    }

    /// Names accepted by ``init(parsing:)``, in compact form (lower case, letters and digits only).
    static let aliases: [(alias: String, nutrient: Nutrient)] = [
        ("energy", .energy), ("kcal", .energy), ("calories", .energy), ("calorie", .energy),
        ("potassium", .potassium), ("k", .potassium),
        ("magnesium", .magnesium), ("mg", .magnesium),
        ("calcium", .calcium), ("ca", .calcium),
        ("sodium", .sodium), ("na", .sodium), ("salt", .sodium),
        ("vitamind", .vitaminD), ("vitd", .vitaminD), ("d", .vitaminD),
    ]
}

/// The unit of a nutrient amount.
public enum NutrientUnit: String, Sendable, Codable, Hashable {
    /// Kilocalories.
    case kilocalories = "kcal"
    /// Milligrams.
    case milligrams = "mg"
    /// Micrograms.
    case micrograms = "µg"
}

/// Dictionaries keyed by nutrient encode as JSON objects (`{"potassium": …}`), not as arrays.
extension Nutrient: CodingKeyRepresentable {}

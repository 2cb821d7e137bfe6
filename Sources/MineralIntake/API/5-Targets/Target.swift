/// One reference value for one nutrient: how much, what kind, and exactly where it comes from.
public struct Target: Sendable, Codable, Equatable {
    /// RDA, AI, EAR, UL, CDRR, PRI, AR, or custom (set by the user).
    public var kind: TargetKind
    /// Per day, in the nutrient's unit.
    public var amount: Double
    /// The unit of `amount`.
    public var unit: NutrientUnit
    /// NASEM or EFSA.
    public var standard: ReferenceStandard
    /// The table row used (`females 31–50`), or `your override`.
    public var row: String
    /// The issuing body's publication, as given in `targets.csv`.
    public var source: String
    /// The line of `targets.csv` the value is on (0 for a custom target).
    public var sourceLine: Int
    /// How the value was checked (`nil` for a custom target).
    public var verification: Verification?
    /// The table's notes on the value.
    public var notes: String
    /// Whether the limit counts supplements only (the magnesium UL) rather than all intake.
    public var supplementsOnly: Bool
    /// When the user replaced the official value: the official value (nil if the tables have none).
    public var overridden: Bool
    /// The official value the user replaced (`nil` if the tables have none).
    public var officialAmount: Double?

    enum CodingKeys: String, CodingKey {
        case kind, amount, unit, standard, row, source, verification, notes, overridden
        case sourceLine = "source_line"
        case supplementsOnly = "supplements_only"
        case officialAmount = "official_amount"
    }
}

/// The estimated daily mineral loss in sweat added to an athlete's goal: an estimate, not an official value.
public struct SweatLossEstimate: Sendable, Codable, Equatable {
    /// Training hours a day (weekly hours ÷ 7).
    public var hoursPerDay: Double
    /// Sweat rate, litres per hour.
    public var sweatRateLitresPerHour: Double
    /// Where the sweat rate comes from: the person's own figure, or the reference default's source.
    public var sweatRateSource: String
    /// The nutrient's concentration in sweat, mg per litre.
    public var concentrationMgPerLitre: Double
    /// Where the concentration comes from (`sweat.csv` line and study).
    public var concentrationSource: String
    /// hours × sweat rate × concentration, mg per day.
    public var amountPerDay: Double

    enum CodingKeys: String, CodingKey {
        case hoursPerDay = "hours_per_day"
        case sweatRateLitresPerHour = "sweat_rate_l_per_h"
        case sweatRateSource = "sweat_rate_source"
        case concentrationMgPerLitre = "concentration_mg_per_l"
        case concentrationSource = "concentration_source"
        case amountPerDay = "amount_per_day"
    }
}

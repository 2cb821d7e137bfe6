import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A period's deficiency report: each nutrient's days, average, verdict, confidence, limits, sources and what to eat.
public struct WeeklyReport: Sendable, Codable, Equatable {
    /// The days covered.
    public var period: ReportPeriod
    /// The targets compared with.
    public var targets: Targets
    /// Days with any entry.
    public var loggedDays: Int
    /// Entries in the period.
    public var entryCount: Int
    /// Potassium, magnesium, calcium, sodium and vitamin D.
    public var nutrients: [NutrientReport]
    /// Energy per logged day on average, kcal (context for the suggestions).
    public var averageEnergyKcal: Double?
    /// Caveats about the period itself (a day still going, days not marked complete), as codes with their numbers.
    public var notes: [ReportNote]
    /// For a period longer than a week: each ISO week's averages, oldest first, to see the trend.
    public var weeks: [WeekAverages] = []
    /// For a period of more than 26 weeks: each calendar month's averages, oldest first (the trend is read by
    /// month).
    public var months: [PeriodAverages] = []
    /// For a period of more than 35 months: each calendar year's averages, oldest first.
    public var years: [PeriodAverages] = []

    /// The report of `nutrient`.
    public subscript(nutrient: Nutrient) -> NutrientReport? { nutrients.first { $0.nutrient == nutrient } }

    enum CodingKeys: String, CodingKey {
        case period, targets, nutrients, weeks, months, years
        case loggedDays = "logged_days"
        case entryCount = "entry_count"
        case averageEnergyKcal = "average_energy_kcal"
        case notes
    }
}

/// One week of a longer period: the average of each nutrient over the week's counted days.
public struct WeekAverages: Sendable, Codable, Equatable {
    /// The ISO week, `2026-W47`.
    public var week: String
    /// Counted days in it (food logged, not partial).
    public var days: Int
    /// Each nutrient's average over those days; absent when there were none.
    public var averages: [Nutrient: Double]

    /// Whether a nutrient is getting better over `weeks`, from the slope of the weekly averages against the goal:
    /// `better`, `worse`, `steady`, or `nil` with fewer than 3 weeks that have days.
    public static func trend(_ weeks: [WeekAverages], nutrient: Nutrient, goal: Double?, lowerIsBetter: Bool) -> String?
    {
        PeriodAverages.trend(weeks.map(\.averages), nutrient: nutrient, goal: goal, lowerIsBetter: lowerIsBetter)
    }
}

/// One calendar month or year of a long period: the average of each nutrient over its counted days.
public struct PeriodAverages: Sendable, Codable, Equatable {
    /// `2026-03` for a month, `2026` for a year.
    public var label: String
    /// Counted days in it (food logged, not partial).
    public var days: Int
    /// Each nutrient's average over those days; absent when there were none.
    public var averages: [Nutrient: Double]

    /// Whether a nutrient is getting better over a series of averages (weeks, months or years), from the slope of
    /// the averages against the goal: `better`, `worse`, `steady` (under 2 % of the goal a step), or `nil` with
    /// fewer than 3 averages.
    public static func trend(
        _ series: [[Nutrient: Double]], nutrient: Nutrient, goal: Double?, lowerIsBetter: Bool
    ) -> String? {
        let points = series.enumerated().compactMap { index, averages in averages[nutrient].map { (Double(index), $0) }
        }
        guard points.count >= 3 else { return nil }
        let meanX = points.map(\.0).reduce(0, +) / Double(points.count)
        let meanY = points.map(\.1).reduce(0, +) / Double(points.count)
        let covariance = points.reduce(0.0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let variance = points.reduce(0.0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
        guard variance > 0 else { return "steady" }
        let slopePerStep = covariance / variance
        // Steady: under 2 % of the goal (or of the mean) a step.
        let scale = goal ?? max(meanY, 1)
        if abs(slopePerStep) < 0.02 * scale { return "steady" }
        return (slopePerStep > 0) != lowerIsBetter ? "better" : "worse"
    }
}

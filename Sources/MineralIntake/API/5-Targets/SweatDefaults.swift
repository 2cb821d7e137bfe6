/// Sweat rate and sweat mineral concentrations chosen from `sweat.csv` as defaults for the athlete addition.
public struct SweatDefaults: Sendable, Codable, Equatable {
    /// A figure with where it comes from.
    public struct Figure: Sendable, Codable, Equatable {
        /// The figure.
        public var value: Double
        /// The study it comes from.
        public var source: String
        /// The study population, from the `context` column.
        public var context: String
        /// Its line in `sweat.csv`.
        public var line: Int
    }

    /// Sweat rate, L/h.
    public var sweatRate: Figure
    /// Concentration in sweat, mg/L, for potassium, magnesium, calcium and sodium.
    public var concentrations: [Nutrient: Figure]

    /// No figures (never used for the built-in tables, which tests read): a rate of 0 and no concentrations.
    static let unavailable = SweatDefaults(
        sweatRate: Figure(value: 0, source: "", context: "", line: 0), concentrations: [:])

    enum CodingKeys: String, CodingKey {
        case sweatRate = "sweat_rate_l_per_h"
        case concentrations = "concentrations_mg_per_l"
    }
}

/// Regular training, for the estimated sweat losses added to an athlete's goals.
public struct Training: Sendable, Codable, Equatable {
    /// Whether the hours were given per day or per week.
    public enum Period: String, Sendable, Codable, Equatable {
        /// Hours a day, or hours a week.
        case day, week
    }

    /// Hours of training per ``period``.
    public var hours: Double
    /// Whether `hours` is per day or per week.
    public var period: Period
    /// The person's own sweat rate in litres per hour, if known; otherwise the reference default is used.
    public var sweatRateLitresPerHour: Double?

    /// Training of `hours` per `period`, with the person's own sweat rate if known.
    public init(hours: Double, per period: Period, sweatRateLitresPerHour: Double? = nil) {
        self.hours = hours
        self.period = period
        self.sweatRateLitresPerHour = sweatRateLitresPerHour
    }

    /// Average hours per day (weekly hours ÷ 7).
    public var hoursPerDay: Double { period == .day ? hours : hours / 7 }

    /// Reads `1.5/day`, `8/week`, `8h/week`, `8 h per week`.
    public init(parsing text: String, sweatRateLitresPerHour: Double? = nil) throws(MineralIntakeError) {
        let compact = text.lowercased().replacing(" ", with: "").replacing("per", with: "/")
        let parts = compact.split(separator: "/", omittingEmptySubsequences: false)
        let number = parts.first.map { $0.hasSuffix("hours") ? $0.dropLast(5) : $0.hasSuffix("h") ? $0.dropLast() : $0 }
        guard parts.count == 2, let number, let hours = Double(number), hours.isFinite,
            let period = Period(rawValue: String(parts[1]))
        else {
            throw .invalidProfile(
                .training,
                "training \"\(text)\" is not understood; give hours per day or week, e.g. 1.5/day or 8/week")
        }
        guard hours >= 0, hours <= (period == .day ? 24 : 168) else {
            throw .invalidProfile(
                .training, "training \"\(text)\" is not possible; give 0 to 24 hours a day or 0 to 168 a week")
        }
        self.init(hours: hours, per: period, sweatRateLitresPerHour: sweatRateLitresPerHour)
    }

    enum CodingKeys: String, CodingKey {
        case hours, period
        case sweatRateLitresPerHour = "sweat_rate_l_per_h"
    }
}

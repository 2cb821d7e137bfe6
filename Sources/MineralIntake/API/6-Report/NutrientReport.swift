import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One day of one nutrient.
///
/// A report of ten years holds 18,000 of these: they are kept in 40 bytes (the three optional amounts as numbers
/// and bits saying which are there), not the 64 the plain fields would take.
public struct DayAmount: Sendable, Codable, Equatable {
    // Declared widest first, so the fields pack: 8 + 8 + 8 + 8 + 4 + 1 bytes.
    private var storedAmount: Double
    private var storedSupplements: Double
    private var storedUnknownShare: Double
    /// Servings of unknown weight (recorded in another tracker) with no value for the nutrient: the day's amount is
    /// then a lower bound whatever ``unknownShare`` says (it counts grams only).
    public var servingsWithoutValue: Int
    /// The day.
    public var date: CalendarDate
    /// Which of the optional amounts are there, and the two flags.
    private var bits: UInt8

    private static let loggedBit: UInt8 = 1
    private static let partialBit: UInt8 = 2
    private static let amountBit: UInt8 = 4
    private static let supplementsBit: UInt8 = 8
    private static let unknownShareBit: UInt8 = 16

    private func has(_ bit: UInt8) -> Bool { bits & bit != 0 }
    private mutating func set(_ bit: UInt8, _ on: Bool) { bits = on ? bits | bit : bits & ~bit }

    /// Whether food was logged that day; a day with no food logged has no amount (never zero), even when a
    /// supplement was (its supplements still count for the limits).
    public var logged: Bool {
        get { has(Self.loggedBit) }
        set { set(Self.loggedBit, newValue) }
    }
    /// Food and supplements, in the nutrient's unit (`nil` when no food was logged).
    public var amount: Double? {
        get { has(Self.amountBit) ? storedAmount : nil }
        set {
            storedAmount = newValue ?? 0
            set(Self.amountBit, newValue != nil)
        }
    }
    /// Supplements alone.
    public var supplements: Double? {
        get { has(Self.supplementsBit) ? storedSupplements : nil }
        set {
            storedSupplements = newValue ?? 0
            set(Self.supplementsBit, newValue != nil)
        }
    }
    /// Share of the day's grams with no value for the nutrient.
    public var unknownShare: Double? {
        get { has(Self.unknownShareBit) ? storedUnknownShare : nil }
        set {
            storedUnknownShare = newValue ?? 0
            set(Self.unknownShareBit, newValue != nil)
        }
    }
    /// A day with food logged that is not known to be complete (other days are marked complete and this one is
    /// not, or it is today and not over): shown, but left out of the average, so a forgotten meal does not look
    /// like a shortfall.
    public var partial: Bool {
        get { has(Self.partialBit) }
        set { set(Self.partialBit, newValue) }
    }

    /// Whether part of the day's food had no value: the amount is a lower bound.
    public var hasUnknown: Bool { (unknownShare ?? 0) > 0 || servingsWithoutValue > 0 }

    /// One day's amount.
    public init(
        date: CalendarDate, logged: Bool, amount: Double? = nil, supplements: Double? = nil,
        unknownShare: Double? = nil, partial: Bool = false, servingsWithoutValue: Int = 0
    ) {
        self.date = date
        self.servingsWithoutValue = servingsWithoutValue
        storedAmount = amount ?? 0
        storedSupplements = supplements ?? 0
        storedUnknownShare = unknownShare ?? 0
        bits =
            (logged ? Self.loggedBit : 0) | (partial ? Self.partialBit : 0) | (amount != nil ? Self.amountBit : 0)
            | (supplements != nil ? Self.supplementsBit : 0) | (unknownShare != nil ? Self.unknownShareBit : 0)
    }

    enum CodingKeys: String, CodingKey {
        case date, logged, amount, supplements, partial
        case unknownShare = "unknown_share"
        case servingsWithoutValue = "servings_without_value"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try container.decode(CalendarDate.self, forKey: .date),
            logged: try container.decode(Bool.self, forKey: .logged),
            amount: try container.decodeIfPresent(Double.self, forKey: .amount),
            supplements: try container.decodeIfPresent(Double.self, forKey: .supplements),
            unknownShare: try container.decodeIfPresent(Double.self, forKey: .unknownShare),
            partial: try container.decodeIfPresent(Bool.self, forKey: .partial) ?? false,
            servingsWithoutValue: try container.decodeIfPresent(Int.self, forKey: .servingsWithoutValue) ?? 0)
    }

    /// `servings_without_value` is written only when above 0.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(logged, forKey: .logged)
        try container.encodeIfPresent(amount, forKey: .amount)
        try container.encodeIfPresent(supplements, forKey: .supplements)
        try container.encodeIfPresent(unknownShare, forKey: .unknownShare)
        try container.encode(partial, forKey: .partial)
        if servingsWithoutValue > 0 { try container.encode(servingsWithoutValue, forKey: .servingsWithoutValue) }
    }
}

/// A day on which an intake went over a limit.
public struct LimitFlag: Sendable, Codable, Equatable {
    /// The day.
    public var date: CalendarDate
    /// `upper_limit` (UL) or `reduce_above` (sodium's CDRR).
    public var role: TargetRole
    /// The amount compared: supplements only for magnesium, all intake otherwise.
    public var amount: Double
    /// The limit it went over.
    public var limit: Double
    /// Whether only supplements count against the limit (magnesium).
    public var supplementsOnly: Bool

    enum CodingKeys: String, CodingKey {
        case date, role, amount, limit
        case supplementsOnly = "supplements_only"
    }
}

/// A food that gave some of a nutrient this period.
public struct NutrientSource: Sendable, Codable, Equatable {
    /// The food.
    public var food: FoodReference
    /// Its name for people.
    public var name: String
    /// Total over the period.
    public var amount: Double
    /// Share of the period's total.
    public var share: Double
}

/// Everything the report says about one nutrient.
public struct NutrientReport: Sendable, Codable, Equatable {
    /// The nutrient.
    public var nutrient: Nutrient
    /// Its unit.
    public var unit: NutrientUnit
    /// Every day of the period, logged or not.
    public var days: [DayAmount]
    /// Days with food logged that count for the averages (complete, or not known to be partial).
    public var loggedDays: Int
    /// The average over logged days (`nil` when none).
    public var average: Double?
    /// The goal compared with, including any estimated sweat loss.
    public var goal: Double?
    /// Whether the goal is one the user set (a doctor's advice) rather than the official one.
    public var goalOverridden: Bool
    /// The average requirement compared with, including any estimated sweat loss.
    public var averageRequirement: Double?
    /// The upper limit (UL), if any.
    public var upperLimit: Double?
    /// Sodium's CDRR, if any.
    public var reduceAbove: Double?
    /// The estimated daily sweat loss included in `goal` and `averageRequirement`.
    public var sweatLoss: Double?
    /// The average as a percentage of the goal.
    public var percentOfGoal: Double?
    /// The verdict.
    public var verdict: Verdict
    /// Why: the code and what the numbers here do not say. ``explanation`` is the sentence a person can act on.
    public var reason: VerdictReason
    /// Logged days under the average requirement.
    public var daysBelowAverageRequirement: Int
    /// Share of the period's logged grams whose food has no value for this nutrient.
    public var unknownShare: Double
    /// How far the figure can be trusted.
    public var confidence: Confidence
    /// Days over an upper limit or the CDRR.
    public var limitFlags: [LimitFlag]
    /// The foods that gave most of it, most first.
    public var topSources: [NutrientSource]
    /// Additions that close the gap, for nutrients under their goal.
    public var suggestions: [Suggestion]
    /// How sure the average is about usual intake (a few days are a sample); `nil` when nothing was logged.
    public var certainty: Certainty?

    enum CodingKeys: String, CodingKey {
        case nutrient, unit, days, average, goal, verdict, reason, explanation, confidence, suggestions, certainty
        case loggedDays = "logged_days"
        case goalOverridden = "goal_overridden"
        case averageRequirement = "average_requirement"
        case upperLimit = "upper_limit"
        case reduceAbove = "reduce_above"
        case sweatLoss = "sweat_loss"
        case percentOfGoal = "percent_of_goal"
        case daysBelowAverageRequirement = "days_below_average_requirement"
        case unknownShare = "unknown_share"
        case limitFlags = "limit_flags"
        case topSources = "top_sources"
    }
}

extension NutrientReport {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nutrient = try container.decode(Nutrient.self, forKey: .nutrient)
        unit = try container.decode(NutrientUnit.self, forKey: .unit)
        days = try container.decode([DayAmount].self, forKey: .days)
        loggedDays = try container.decode(Int.self, forKey: .loggedDays)
        average = try container.decodeIfPresent(Double.self, forKey: .average)
        goal = try container.decodeIfPresent(Double.self, forKey: .goal)
        goalOverridden = try container.decode(Bool.self, forKey: .goalOverridden)
        averageRequirement = try container.decodeIfPresent(Double.self, forKey: .averageRequirement)
        upperLimit = try container.decodeIfPresent(Double.self, forKey: .upperLimit)
        reduceAbove = try container.decodeIfPresent(Double.self, forKey: .reduceAbove)
        sweatLoss = try container.decodeIfPresent(Double.self, forKey: .sweatLoss)
        percentOfGoal = try container.decodeIfPresent(Double.self, forKey: .percentOfGoal)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        reason = try container.decode(VerdictReason.self, forKey: .reason)
        daysBelowAverageRequirement = try container.decode(Int.self, forKey: .daysBelowAverageRequirement)
        unknownShare = try container.decode(Double.self, forKey: .unknownShare)
        confidence = try container.decode(Confidence.self, forKey: .confidence)
        limitFlags = try container.decode([LimitFlag].self, forKey: .limitFlags)
        topSources = try container.decode([NutrientSource].self, forKey: .topSources)
        suggestions = try container.decode([Suggestion].self, forKey: .suggestions)
        certainty = try container.decodeIfPresent(Certainty.self, forKey: .certainty)
    }

    /// Every field, the reason's code and numbers, and the sentence they make (`explanation`) for people reading
    /// the JSON; reading it back takes the reason, not the sentence.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nutrient, forKey: .nutrient)
        try container.encode(unit, forKey: .unit)
        try container.encode(days, forKey: .days)
        try container.encode(loggedDays, forKey: .loggedDays)
        try container.encodeIfPresent(average, forKey: .average)
        try container.encodeIfPresent(goal, forKey: .goal)
        try container.encode(goalOverridden, forKey: .goalOverridden)
        try container.encodeIfPresent(averageRequirement, forKey: .averageRequirement)
        try container.encodeIfPresent(upperLimit, forKey: .upperLimit)
        try container.encodeIfPresent(reduceAbove, forKey: .reduceAbove)
        try container.encodeIfPresent(sweatLoss, forKey: .sweatLoss)
        try container.encodeIfPresent(percentOfGoal, forKey: .percentOfGoal)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(reason, forKey: .reason)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(daysBelowAverageRequirement, forKey: .daysBelowAverageRequirement)
        try container.encode(unknownShare, forKey: .unknownShare)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(limitFlags, forKey: .limitFlags)
        try container.encode(topSources, forKey: .topSources)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encodeIfPresent(certainty, forKey: .certainty)
    }
}

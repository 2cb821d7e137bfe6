/// The body of reference values a profile is compared with.
public enum ReferenceStandard: String, CaseIterable, Sendable, Codable, Equatable {
    /// U.S./Canada Dietary Reference Intakes (NASEM): potassium and sodium 2019, calcium and vitamin D 2011,
    /// magnesium 1997. The default.
    case nasem = "NASEM"
    /// European Food Safety Authority Dietary Reference Values.
    case efsa = "EFSA"

    /// Reads `nasem` or `efsa`, in any case.
    public init(parsing text: String) throws(MineralIntakeError) {
        guard let standard = ReferenceStandard(rawValue: text.uppercased()) else {
            throw .invalidProfile("unknown standard \"\(text)\"; known: nasem (U.S./Canada DRI, the default), efsa (EU)")
        }
        self = standard
    }

    /// `NASEM (U.S./Canada Dietary Reference Intakes)`.
    public var displayName: String {
        switch self {
        case .nasem: "NASEM (U.S./Canada Dietary Reference Intakes)"
        case .efsa: "EFSA (EU Dietary Reference Values)"
        }
    }
}

/// Sex, as the reference tables split it.
public enum Sex: String, CaseIterable, Sendable, Codable, Equatable {
    /// The two sexes the tables distinguish (for ages from 9).
    case female, male

    /// Reads `female` or `male` (also `f`, `m`, `woman`, `man`).
    public init(parsing text: String) throws(MineralIntakeError) {
        switch text.lowercased() {
        case "female", "f", "woman": self = .female
        case "male", "m", "man": self = .male
        default: throw .invalidProfile("unknown sex \"\(text)\"; known: female, male")
        }
    }
}

/// Pregnancy or breastfeeding, which have rows of their own in the tables.
public enum PhysiologicalState: String, CaseIterable, Sendable, Codable, Equatable {
    /// Neither, pregnant, or breastfeeding.
    case none, pregnant, lactating
}

/// The groups the leg-cramps article names as most at risk. Only some have rows of their own in the tables;
/// ``Targets/groupNotes`` says plainly what each one changes.
public enum RiskGroup: String, CaseIterable, Sendable, Codable, Equatable, Comparable {
    /// 13 to 19: growth years, covered by the tables by age.
    case teenager
    /// A young mother: covered by the lactation rows when breastfeeding.
    case youngMother = "young-mother"
    /// Trains regularly: sweat losses can be estimated from training hours.
    case athlete
    /// Sits most of the day: no different official target.
    case officeWorker = "office-worker"
    /// Sits most of the day: no different official target.
    case driver
    /// Stands most of the day: no different official target.
    case seller
    /// 51 and over: covered by the tables by age.
    case elderly

    /// Reads a group name: `athlete`, `office-worker` (also with a space or `_`).
    public init(parsing text: String) throws(MineralIntakeError) {
        let key = text.lowercased().replacing("_", with: "-").replacing(" ", with: "-")
        guard let group = RiskGroup(rawValue: key) else {
            let hint = DidYouMean.suggestion(for: key, among: RiskGroup.allCases.map(\.rawValue)).map { "did you mean \"\($0)\"? " } ?? ""
            throw .invalidProfile("unknown group \"\(text)\"; \(hint)known: " + RiskGroup.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = group
    }

    public static func < (lhs: RiskGroup, rhs: RiskGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

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
            throw .invalidProfile("training \"\(text)\" is not understood; give hours per day or week, e.g. 1.5/day or 8/week")
        }
        guard hours >= 0, hours <= (period == .day ? 24 : 168) else {
            throw .invalidProfile("training \"\(text)\" is not possible; give 0 to 24 hours a day or 0 to 168 a week")
        }
        self.init(hours: hours, per: period, sweatRateLitresPerHour: sweatRateLitresPerHour)
    }

    enum CodingKeys: String, CodingKey {
        case hours, period
        case sweatRateLitresPerHour = "sweat_rate_l_per_h"
    }
}

/// Which target of a nutrient a user changed.
public enum TargetRole: String, CaseIterable, Sendable, Codable, Equatable {
    /// The intake to reach: RDA or AI (EFSA: PRI or AI).
    case goal
    /// The average requirement: EAR (EFSA: AR).
    case averageRequirement = "average_requirement"
    /// The tolerable upper intake level: UL.
    case upperLimit = "upper_limit"
    /// Sodium's Chronic Disease Risk Reduction intake: reduce intake if above.
    case reduceAbove = "reduce_above"

    /// Short names used on the command line: `goal`, `ar`, `ul`, `cdrr`.
    static let aliases: [String: TargetRole] = [
        "goal": .goal, "rda": .goal, "ai": .goal, "pri": .goal,
        "ar": .averageRequirement, "ear": .averageRequirement, "average": .averageRequirement,
        "ul": .upperLimit, "upper": .upperLimit, "limit": .upperLimit,
        "cdrr": .reduceAbove, "reduce": .reduceAbove,
    ]
}

/// A target the user set themselves (a doctor's advice), replacing the official one.
public struct TargetOverride: Sendable, Codable, Equatable {
    /// The nutrient whose target is replaced.
    public var nutrient: Nutrient
    /// Which of its targets.
    public var role: TargetRole
    /// The amount, in the nutrient's unit (mg, or µg for vitamin D).
    public var amount: Double

    /// A target of `amount` for `nutrient`'s `role`.
    public init(nutrient: Nutrient, role: TargetRole = .goal, amount: Double) {
        self.nutrient = nutrient
        self.role = role
        self.amount = amount
    }

    /// Reads `magnesium=400`, `magnesium.goal=400`, `Mg.ul=300`, `sodium.cdrr=2000`.
    public init(parsing text: String) throws(MineralIntakeError) {
        let sides = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let usage = "give NUTRIENT[.goal|.ar|.ul|.cdrr]=AMOUNT in mg (µg for vitamin D), e.g. magnesium=400 or sodium.cdrr=2000"
        guard sides.count == 2 else { throw .invalidProfile("override \"\(text)\" is not understood; \(usage)") }
        let left = sides[0].split(separator: ".", maxSplits: 1)
        guard let nutrientText = left.first else { throw .invalidProfile("override \"\(text)\" names no nutrient; \(usage)") }
        let nutrient: Nutrient
        do { nutrient = try Nutrient(parsing: String(nutrientText)) } catch {
            throw .invalidProfile("override \"\(text)\": \(error.description)")
        }
        guard nutrient != .energy else { throw .invalidProfile("override \"\(text)\": energy has no intake target here; \(usage)") }
        var role = TargetRole.goal
        if left.count == 2 {
            guard let found = TargetRole.aliases[left[1].lowercased()] else {
                throw .invalidProfile("override \"\(text)\": unknown target \"\(left[1])\"; known: goal, ar, ul, cdrr")
            }
            role = found
        }
        guard let amount = Double(String(sides[1]).trimmingWhitespace()), amount.isFinite, amount > 0, amount < 1_000_000 else {
            throw .invalidProfile("override \"\(text)\": \"\(sides[1])\" is not a positive amount; \(usage)")
        }
        self.init(nutrient: nutrient, role: role, amount: amount)
    }
}

/// Who a person is, as far as intake targets care: sex, age, pregnancy or lactation, the reference standard, the
/// article's risk groups, training, and any targets they set themselves.
public struct Profile: Sendable, Codable, Equatable {
    /// Sex, as the tables split it.
    public var sex: Sex
    /// Age in whole years, when given as a number.
    public var ageYears: Int?
    /// Birth date, when given instead of an age; the age is then counted on the day targets are computed for.
    public var birthDate: CalendarDate?
    /// Pregnant, lactating, or neither.
    public var state: PhysiologicalState
    /// NASEM (default) or EFSA.
    public var standard: ReferenceStandard
    /// The article's risk groups the person belongs to.
    public var groups: [RiskGroup]
    /// Regular training, for the athlete's sweat-loss estimate.
    public var training: Training?
    /// Targets the person set themselves, replacing official ones.
    public var overrides: [TargetOverride]

    /// A profile; give `ageYears` or `birthDate`.
    public init(
        sex: Sex, ageYears: Int? = nil, birthDate: CalendarDate? = nil, state: PhysiologicalState = .none,
        standard: ReferenceStandard = .nasem, groups: [RiskGroup] = [], training: Training? = nil,
        overrides: [TargetOverride] = []
    ) {
        self.sex = sex
        self.ageYears = ageYears
        self.birthDate = birthDate
        self.state = state
        self.standard = standard
        self.groups = groups
        self.training = training
        self.overrides = overrides
    }

    /// Age in whole years on `date`.
    /// - Throws: ``MineralIntakeError/profileWithoutAge`` when the profile has neither age nor birth date, or
    ///   ``MineralIntakeError/invalidProfile(_:)`` for a birth date after `date`.
    public func age(on date: CalendarDate) throws(MineralIntakeError) -> Int {
        if let ageYears { return ageYears }
        guard let birthDate else { throw .profileWithoutAge }
        guard birthDate <= date else {
            throw .invalidProfile("birth date \(birthDate) is after \(date); give the date you were born")
        }
        return birthDate.completedYears(until: date)
    }

    /// Checks that the tables can serve this profile on `date`, and returns its age.
    /// - Throws: ``MineralIntakeError/invalidProfile(_:)`` with a message naming the field and what is accepted.
    @discardableResult
    public func validated(on date: CalendarDate) throws(MineralIntakeError) -> Int {
        if ageYears != nil, birthDate != nil {
            throw .invalidProfile("give either an age or a birth date, not both")
        }
        let age = try self.age(on: date)
        guard age >= 0 else { throw .invalidProfile("age \(age) is negative; give an age from 1 to 130 years") }
        guard age >= 1 else {
            throw .invalidProfile("age \(age): infants under 1 year are not covered (their intake is breast milk or formula, which this tool does not model); give an age from 1 to 130 years")
        }
        guard age <= 130 else { throw .invalidProfile("age \(age) is over 130; give an age from 1 to 130 years") }
        if sex == .male, state != .none {
            throw .invalidProfile("a male profile cannot be \(state.rawValue); pregnancy and lactation are for female profiles")
        }
        if state != .none, age < 9 {
            throw .invalidProfile("age \(age) cannot be \(state.rawValue); check the age")
        }
        for group in groups {
            switch group {
            case .teenager where !(13...19).contains(age):
                throw .invalidProfile("group teenager is for ages 13 to 19, but the age is \(age)")
            case .elderly where age < 51:
                throw .invalidProfile("group elderly starts at 51 (the tables' older-adult rows), but the age is \(age)")
            case .youngMother where sex == .male:
                throw .invalidProfile("group young-mother is for female profiles")
            default: break
            }
        }
        // The same limits whether a value came from the command line or a hand-edited file.
        if let rate = training?.sweatRateLitresPerHour, !(rate >= 0.1 && rate <= 6) {
            throw .invalidProfile("sweat rate \(NumberText.plain(rate)) L/h is outside 0.1–6 L/h (athletes measured 0.26–5.73)")
        }
        if let training, !(training.hours >= 0 && training.hours <= (training.period == .day ? 24 : 168)) {
            throw .invalidProfile("training \(NumberText.plain(training.hours)) hours a \(training.period.rawValue) is not possible; give 0 to 24 hours a day or 0 to 168 a week")
        }
        for override in overrides where !(override.amount > 0 && override.amount < 1_000_000) {
            throw .invalidProfile("the \(override.nutrient.rawValue) \(override.role.rawValue) of \(NumberText.plain(override.amount)) is not a positive amount under 1000000")
        }
        return age
    }

    enum CodingKeys: String, CodingKey {
        case sex, state, standard, groups, training, overrides
        case ageYears = "age_years"
        case birthDate = "birth_date"
    }
}

extension Profile {
    /// Reads a profile, with the defaults for any field left out: no pregnancy or lactation, NASEM, no groups.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sex: try container.decode(Sex.self, forKey: .sex),
            ageYears: try container.decodeIfPresent(Int.self, forKey: .ageYears),
            birthDate: try container.decodeIfPresent(CalendarDate.self, forKey: .birthDate),
            state: try container.decodeIfPresent(PhysiologicalState.self, forKey: .state) ?? .none,
            standard: try container.decodeIfPresent(ReferenceStandard.self, forKey: .standard) ?? .nasem,
            groups: try container.decodeIfPresent([RiskGroup].self, forKey: .groups) ?? [],
            training: try container.decodeIfPresent(Training.self, forKey: .training),
            overrides: try container.decodeIfPresent([TargetOverride].self, forKey: .overrides) ?? [])
    }
}

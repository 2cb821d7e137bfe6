import FoundationEssentials

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
    ///   ``MineralIntakeError/invalidProfile(_:_:)`` for a birth date after `date`.
    public func age(on date: CalendarDate) throws(MineralIntakeError) -> Int {
        if let ageYears { return ageYears }
        guard let birthDate else { throw .profileWithoutAge }
        guard birthDate <= date else {
            throw .invalidProfile(.birthDate, "birth date \(birthDate) is after \(date); give the date you were born")
        }
        return birthDate.completedYears(until: date)
    }

    /// Checks that the tables can serve this profile on `date`, and returns its age.
    /// - Throws: ``MineralIntakeError/invalidProfile(_:_:)`` with a message naming the field and what is accepted.
    @discardableResult
    public func validated(on date: CalendarDate) throws(MineralIntakeError) -> Int {
        if ageYears != nil, birthDate != nil {
            throw .invalidProfile(.age, "give either an age or a birth date, not both")
        }
        let age = try self.age(on: date)
        guard age >= 0 else { throw .invalidProfile(.age, "age \(age) is negative; give an age from 1 to 130 years") }
        guard age >= 1 else {
            throw .invalidProfile(
                .age,
                "age \(age): infants under 1 year are not covered (their intake is breast milk or formula, which this "
                    + "tool does not model); give an age from 1 to 130 years"
            )
        }
        guard age <= 130 else { throw .invalidProfile(.age, "age \(age) is over 130; give an age from 1 to 130 years") }
        if sex == .male, state != .none {
            throw .invalidProfile(
                .state, "a male profile cannot be \(state.rawValue); pregnancy and lactation are for female profiles")
        }
        if state != .none, age < 9 {
            throw .invalidProfile(.state, "age \(age) cannot be \(state.rawValue); check the age")
        }
        for group in groups {
            switch group {
            case .teenager where !(13...19).contains(age):
                throw .invalidProfile(.groups, "group teenager is for ages 13 to 19, but the age is \(age)")
            case .elderly where age < 51:
                throw .invalidProfile(
                    .groups, "group elderly starts at 51 (the tables' older-adult rows), but the age is \(age)")
            case .youngMother where sex == .male:
                throw .invalidProfile(.groups, "group young-mother is for female profiles")
            default: break
            }
        }
        // The same limits whether a value came from the command line or a hand-edited file.
        if let rate = training?.sweatRateLitresPerHour, !(rate >= 0.1 && rate <= 6) {
            throw .invalidProfile(
                .training,
                "sweat rate \(NumberText.plain(rate)) L/h is outside 0.1–6 L/h " + "(athletes measured 0.26–5.73)")
        }
        if let training, !(training.hours >= 0 && training.hours <= (training.period == .day ? 24 : 168)) {
            throw .invalidProfile(
                .training,
                "training \(NumberText.plain(training.hours)) hours a \(training.period.rawValue) is not possible; "
                    + "give 0 to 24 hours a day or 0 to 168 a week"
            )
        }
        for override in overrides where !(override.amount > 0 && override.amount < 1_000_000) {
            throw .invalidProfile(
                .overrides,
                "the \(override.nutrient.rawValue) \(override.role.rawValue) of \(NumberText.plain(override.amount)) "
                    + "is not a positive amount under 1000000"
            )
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
    /// Reads a profile saved as JSON (`profile.json`), as `JSONDecoder` reads it; the plain form this tool writes
    /// is read directly (the first `JSONDecoder` of a process costs more than a short command's own work).
    /// - Throws: `JSONDecoder`'s error, whatever is wrong.
    package init(json data: Data) throws {
        if let plain = data.withUnsafeBytes({ Profile(plainJSON: $0) }) {
            self = plain
        } else {
            self = try JSONDecoder().decode(Profile.self, from: data)
        }
    }

    /// The profile in `bytes` when it is plain JSON (``PlainJSON``) with the fields a profile has, each a value
    /// `JSONDecoder` would read the same; `nil` otherwise (training and overrides, other than none, are left to
    /// `JSONDecoder` too).
    init?(plainJSON bytes: UnsafeRawBufferPointer) {
        guard let members = PlainJSON.object(bytes), Set(members.map(\.key)).count == members.count else { return nil }
        var sex: Sex?
        var profile = Profile(sex: .female)
        for (key, value) in members {
            switch (CodingKeys(rawValue: key), value) {
            case (.sex, .string(let text)):
                guard let read = Sex(rawValue: text) else { return nil }
                sex = read
            case (.ageYears, .integer(let years)): profile.ageYears = years
            case (.birthDate, .string(let text)):
                guard let date = try? CalendarDate(parsing: text) else { return nil }
                profile.birthDate = date
            case (.state, .string(let text)):
                guard let state = PhysiologicalState(rawValue: text) else { return nil }
                profile.state = state
            case (.standard, .string(let text)):
                guard let standard = ReferenceStandard(rawValue: text) else { return nil }
                profile.standard = standard
            case (.groups, .strings(let texts)):
                let groups = texts.compactMap(RiskGroup.init(rawValue:))
                guard groups.count == texts.count else { return nil }
                profile.groups = groups
            case (.overrides, .strings([])): break
            case (.ageYears, .null), (.birthDate, .null), (.state, .null), (.standard, .null), (.groups, .null),
                (.training, .null), (.overrides, .null):
                break
            default: return nil
            }
        }
        guard let sex else { return nil }
        profile.sex = sex
        self = profile
    }

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

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

/// All targets for one nutrient.
public struct NutrientTargets: Sendable, Codable, Equatable {
    /// The nutrient.
    public var nutrient: Nutrient
    /// Its unit.
    public var unit: NutrientUnit
    /// The intake to reach (RDA/AI, EFSA PRI/AI).
    public var goal: Target?
    /// The average requirement (EAR, EFSA AR): below it, a deficiency is likely.
    public var averageRequirement: Target?
    /// The tolerable upper intake level (UL). For magnesium it counts supplements only.
    public var upperLimit: Target?
    /// Sodium's CDRR: reduce intake if above.
    public var reduceAbove: Target?
    /// Athletes: estimated sweat loss to add to the goal, shown apart from it.
    public var sweatLoss: SweatLossEstimate?
    /// How much this person's intake varies from day to day (a pooled survey figure), for saying how sure a few
    /// days' average is; `sd` is `nil` where no value could be read in a source.
    public var withinPersonSD: WithinPersonSD?

    /// The goal plus the estimated sweat loss, when both exist.
    public var goalWithSweatLoss: Double? {
        guard let goal, let sweatLoss else { return nil }
        return goal.amount + sweatLoss.amountPerDay
    }

    /// The target playing `role`.
    public subscript(role: TargetRole) -> Target? {
        get {
            switch role {
            case .goal: goal
            case .averageRequirement: averageRequirement
            case .upperLimit: upperLimit
            case .reduceAbove: reduceAbove
            }
        }
        set {
            switch role {
            case .goal: goal = newValue
            case .averageRequirement: averageRequirement = newValue
            case .upperLimit: upperLimit = newValue
            case .reduceAbove: reduceAbove = newValue
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case nutrient, unit, goal
        case averageRequirement = "average_requirement"
        case upperLimit = "upper_limit"
        case reduceAbove = "reduce_above"
        case sweatLoss = "sweat_loss"
        case goalWithSweatLoss = "goal_with_sweat_loss"
        case withinPersonSD = "within_person_sd"
    }

    /// No targets yet for `nutrient`.
    public init(nutrient: Nutrient) {
        self.nutrient = nutrient
        self.unit = nutrient.unit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nutrient = try container.decode(Nutrient.self, forKey: .nutrient)
        unit = try container.decode(NutrientUnit.self, forKey: .unit)
        goal = try container.decodeIfPresent(Target.self, forKey: .goal)
        averageRequirement = try container.decodeIfPresent(Target.self, forKey: .averageRequirement)
        upperLimit = try container.decodeIfPresent(Target.self, forKey: .upperLimit)
        reduceAbove = try container.decodeIfPresent(Target.self, forKey: .reduceAbove)
        sweatLoss = try container.decodeIfPresent(SweatLossEstimate.self, forKey: .sweatLoss)
        withinPersonSD = try container.decodeIfPresent(WithinPersonSD.self, forKey: .withinPersonSD)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nutrient, forKey: .nutrient)
        try container.encode(unit, forKey: .unit)
        try container.encode(goal, forKey: .goal)
        try container.encode(averageRequirement, forKey: .averageRequirement)
        try container.encode(upperLimit, forKey: .upperLimit)
        try container.encode(reduceAbove, forKey: .reduceAbove)
        try container.encode(sweatLoss, forKey: .sweatLoss)
        try container.encode(goalWithSweatLoss, forKey: .goalWithSweatLoss)
        try container.encode(withinPersonSD, forKey: .withinPersonSD)
    }
}

/// What a risk group, pregnancy or lactation does to the targets, said plainly.
public struct GroupNote: Sendable, Codable, Equatable {
    /// `pregnant`, `lactating`, or a ``RiskGroup`` raw value.
    public var group: String
    /// What the group or life stage means for the targets, in plain words.
    public var note: String
    /// Targets that differ from those of a non-pregnant, non-lactating person of the same age and sex.
    public var changes: [TargetChange]
}

extension GroupNote {
    /// The note, followed by what changed: `… Changed: magnesium goal 310 → 350 mg.`
    public var text: String {
        guard !changes.isEmpty else { return note }
        return note + " Changed: " + changes.map { change in
            let role = change.role.rawValue.replacing("_", with: " ")
            let from = change.from.map { NumberText.plain($0) } ?? "none"
            let to = change.to.map { NumberText.plain($0) } ?? "none"
            return "\(change.nutrient.displayName) \(role) \(from) → \(to) \(change.unit.rawValue)"
        }.joined(separator: "; ") + "."
    }
}

/// One target a life stage changed: `magnesium goal 310 → 350 mg (RDA)`.
public struct TargetChange: Sendable, Codable, Equatable {
    /// The nutrient.
    public var nutrient: Nutrient
    /// Which target.
    public var role: TargetRole
    /// The value without the life stage (`nil`: none).
    public var from: Double?
    /// The value with it (`nil`: none).
    public var to: Double?
    /// The unit of both values.
    public var unit: NutrientUnit
}

/// A person's targets for every tracked nutrient, with what their groups changed and any caveats.
public struct Targets: Sendable, Codable, Equatable {
    /// The profile the targets are for.
    public var profile: Profile
    /// The age the targets are for, in whole years.
    public var ageYears: Int
    /// The date the age was counted on.
    public var date: CalendarDate
    /// NASEM or EFSA.
    public var standard: ReferenceStandard
    /// The row family used: `pregnancy 31–50`, `females 31–50`, `adults 18+`.
    public var lifeStage: String
    /// Potassium, magnesium, calcium, sodium, vitamin D, in that order.
    public var nutrients: [NutrientTargets]
    /// What pregnancy, lactation and each risk group change, said plainly.
    public var groupNotes: [GroupNote]
    /// Caveats: unverified values, fallbacks, what a UL covers.
    public var notes: [String]

    /// The targets of `nutrient`.
    public subscript(nutrient: Nutrient) -> NutrientTargets {
        nutrients.first { $0.nutrient == nutrient } ?? NutrientTargets(nutrient: nutrient)
    }

    enum CodingKeys: String, CodingKey {
        case profile, date, standard, nutrients, notes
        case ageYears = "age_years"
        case lifeStage = "life_stage"
        case groupNotes = "group_notes"
    }
}

extension ReferenceTables {
    /// The targets of `profile` on `date` (the day its age is counted on).
    /// - Throws: ``MineralIntakeError/invalidProfile(_:)`` for a profile the tables cannot serve (under 1 year,
    ///   over 130, a pregnant male …), naming what is wrong and what is accepted.
    public func targets(for profile: Profile, on date: CalendarDate) throws(MineralIntakeError) -> Targets {
        let age = try profile.validated(on: date)
        var notes: [String] = []
        var state = profile.state
        // Pregnancy and lactation at an age outside the tables' rows (13, or 51 and over) use the nearest row of
        // the same state, with a note: the needs of pregnancy are not those of a non-pregnant woman.
        var stateAge = age
        if state != .none, rowsFor(profile.standard, sex: .female, state: state, age: age).isEmpty {
            let covered = rows.filter { $0.standard == profile.standard && $0.state == state }
            let name = state == .pregnant ? "pregnancy" : "lactation"
            if let low = covered.map(\.ageMinimum).min() {
                let high = covered.contains { $0.ageMaximum == nil } ? nil : covered.compactMap(\.ageMaximum).max()
                let nearest = Double(age) < low ? Int(low.rounded(.up)) : Int((high ?? Double(age)).rounded(.down))
                if let band = rowsFor(profile.standard, sex: .female, state: state, age: nearest).first?.bandLabel {
                    stateAge = nearest
                    notes.append("\(profile.standard.rawValue) gives \(name) values for ages \(NumberText.plain(low))" + (high.map { "–\(NumberText.plain($0))" } ?? "+")
                        + "; for \(age) the nearest \(name) row (\(band)\(Double(age) < low ? ", which the 1997 tables label \"≤ 18 y\"" : "")) is used, not the values of a non-\(state == .pregnant ? "pregnant" : "lactating") woman.")
                }
            }
            if stateAge == age {
                notes.append("\(profile.standard.rawValue) gives no \(name) values; the values for a non-\(state == .pregnant ? "pregnant" : "lactating") \(age)-year-old female are used.")
                state = .none
            }
        }
        var chosen = rowsFor(profile.standard, sex: profile.sex, state: state, age: stateAge)
        let ordinary = state == .none ? chosen : rowsFor(profile.standard, sex: profile.sex, state: .none, age: age)
        if state != .none {
            // Where the pregnancy or lactation rows give no value of a kind the ordinary rows have (EFSA gives no
            // calcium AR in pregnancy), the value for a non-pregnant, non-lactating woman of the same age applies.
            for row in ordinary where !chosen.contains(where: { $0.nutrient == row.nutrient && $0.kind.role == row.kind.role }) {
                chosen.append(row)
                notes.append("\(profile.standard.rawValue) gives no \(row.nutrient.displayName) \(row.kind.rawValue) for \(state == .pregnant ? "pregnancy" : "lactation"); the value for a non-\(state.rawValue) female of \(age) (\(row.bandLabel)) is used.")
            }
        }

        var nutrients: [NutrientTargets] = []
        for nutrient in Nutrient.tracked {
            var targets = NutrientTargets(nutrient: nutrient)
            for row in chosen where row.nutrient == nutrient {
                targets[row.kind.role] = target(from: row)
            }
            for change in profile.overrides where change.nutrient == nutrient {
                let official = targets[change.role]
                targets[change.role] = Target(
                    kind: official?.kind ?? .custom, amount: change.amount, unit: nutrient.unit, standard: profile.standard,
                    row: "your override" + (official.map { " of \($0.row)" } ?? ""), source: "set by you",
                    sourceLine: 0, verification: nil, notes: official?.notes ?? "",
                    supplementsOnly: official?.supplementsOnly ?? (nutrient == .magnesium && change.role == .upperLimit),
                    overridden: true, officialAmount: official?.amount)
            }
            if let training = profile.training, training.hoursPerDay > 0, let concentration = sweat.concentrations[nutrient] {
                let rate = training.sweatRateLitresPerHour ?? sweat.sweatRate.value
                let rateSource = training.sweatRateLitresPerHour == nil
                    ? "sweat.csv line \(sweat.sweatRate.line): \(sweat.sweatRate.source)" : "your sweat rate"
                targets.sweatLoss = SweatLossEstimate(
                    hoursPerDay: training.hoursPerDay, sweatRateLitresPerHour: rate, sweatRateSource: rateSource,
                    concentrationMgPerLitre: concentration.value,
                    concentrationSource: "sweat.csv line \(concentration.line): \(concentration.source)",
                    amountPerDay: training.hoursPerDay * rate * concentration.value)
            }
            targets.withinPersonSD = withinPersonSD(nutrient, sex: profile.sex, age: age)
            nutrients.append(targets)
        }

        let used = chosen.filter { row in !profile.overrides.contains { $0.nutrient == row.nutrient && $0.role == row.kind.role } }
        for row in used where row.verification == .memoryUnverified {
            notes.append("\(row.nutrient.displayName) \(row.kind.rawValue) \(NumberText.plain(row.amount)) \(row.nutrient.unit.rawValue) (\(row.bandLabel)) is not confirmed in a read source (targets.csv line \(row.line)); treat it with care.")
        }
        if nutrients.contains(where: { $0.nutrient == .magnesium && $0.upperLimit != nil }) {
            notes.append("The magnesium upper limit counts supplemental magnesium only (supplements, medicines, fortificants), never magnesium from food and water.")
        }
        if profile.standard == .nasem, profile.groups.contains(.athlete) || profile.training != nil {
            notes.append("NASEM: the sodium AI does not apply to heavy sweat losers (competitive athletes, heat-exposed workers).")
        }
        if let sodium = nutrients.first(where: { $0.nutrient == .sodium }), let loss = sodium.sweatLoss, let reduce = sodium.reduceAbove {
            notes.append("The sodium CDRR (\(NumberText.plain(reduce.amount)) mg) and AI were set for apparently healthy people, not for those who lose much sodium in sweat: with your training, sodium is judged against the CDRR plus the estimated sweat loss, \(NumberText.plain((reduce.amount + loss.amountPerDay).rounded())) mg a day (an estimate).")
        }
        let lifeStage = chosen.first { $0.nutrient == .potassium }?.bandLabel ?? chosen.first?.bandLabel ?? "no row"
        return Targets(
            profile: profile, ageYears: age, date: date, standard: profile.standard, lifeStage: lifeStage,
            nutrients: nutrients,
            groupNotes: groupNotes(profile: profile, state: state, age: age, chosen: chosen, ordinary: ordinary),
            notes: notes)
    }

    /// The rows for a standard, sex, life stage and age: the rows of each nutrient and kind whose band covers the
    /// age. Where the tables give both a both-sexes and a sex-specific band, the sex-specific one wins.
    func rowsFor(_ standard: ReferenceStandard, sex: Sex, state: PhysiologicalState, age: Int) -> [TargetRow] {
        let candidates = rows.filter {
            $0.standard == standard && $0.state == state && ($0.sex == nil || $0.sex == sex) && $0.covers(age: age)
                && $0.ageMinimum >= 1
        }
        var chosen: [TargetRow] = []
        for row in candidates {
            if let index = chosen.firstIndex(where: { $0.nutrient == row.nutrient && $0.kind == row.kind }) {
                if chosen[index].sex == nil, row.sex != nil { chosen[index] = row }
            } else {
                chosen.append(row)
            }
        }
        return chosen
    }

    func target(from row: TargetRow) -> Target {
        Target(
            kind: row.kind, amount: row.amount, unit: row.nutrient.unit, standard: row.standard, row: row.bandLabel,
            source: row.source, sourceLine: row.line, verification: row.verification, notes: row.notes,
            supplementsOnly: row.nutrient == .magnesium && row.kind == .ul, overridden: false, officialAmount: nil)
    }

    func groupNotes(
        profile: Profile, state: PhysiologicalState, age: Int, chosen: [TargetRow], ordinary: [TargetRow]
    ) -> [GroupNote] {
        var result: [GroupNote] = []
        if state != .none {
            var changes: [TargetChange] = []
            for nutrient in Nutrient.tracked {
                for role in TargetRole.allCases {
                    let now = chosen.first { $0.nutrient == nutrient && $0.kind.role == role }?.amount
                    let before = ordinary.first { $0.nutrient == nutrient && $0.kind.role == role }?.amount
                    if now != before {
                        changes.append(TargetChange(nutrient: nutrient, role: role, from: before, to: now, unit: nutrient.unit))
                    }
                }
            }
            let name = state == .pregnant ? "Pregnancy" : "Lactation"
            let note = changes.isEmpty
                ? "\(name): the tables' \(state == .pregnant ? "pregnancy" : "lactation") rows are used; they match those of a non-\(state.rawValue) female of \(age)."
                : "\(name): the tables' \(state == .pregnant ? "pregnancy" : "lactation") rows are used instead of those of a non-\(state.rawValue) female of \(age)."
            result.append(GroupNote(group: state.rawValue, note: note, changes: changes))
        }
        let band = chosen.first { $0.nutrient == .calcium }?.bandLabel ?? chosen.first?.bandLabel ?? ""
        for group in profile.groups.sorted() {
            let note: String
            switch group {
            case .teenager:
                note = "Teenager: the tables cover growth by age; the \(band) row is used for age \(age)."
            case .elderly:
                note = "Elderly: the tables cover later life by age; the \(band) row is used for age \(age)."
            case .youngMother:
                note = state == .lactating
                    ? "Young mother: breastfeeding is covered by the lactation rows, used here."
                    : "Young mother: the tables set no different target for motherhood itself; breastfeeding does (set lactating)."
            case .athlete:
                if let training = profile.training, training.hoursPerDay > 0 {
                    let rate = training.sweatRateLitresPerHour ?? sweat.sweatRate.value
                    let added = [Nutrient.potassium, .magnesium, .calcium, .sodium].compactMap { nutrient in
                        sweat.concentrations[nutrient].map {
                            "\(NumberText.display(training.hoursPerDay * rate * $0.value)) mg \(nutrient.displayName)"
                        }
                    }
                    note = "Athlete: no official table adds anything for training; the estimated sweat loss adds "
                        + added.joined(separator: ", ") + " a day, shown apart from the official goal."
                } else {
                    note = "Athlete: no official table adds anything for training; give training hours to estimate sweat losses."
                }
            case .officeWorker, .driver, .seller:
                let name = ["office-worker": "Office worker", "driver": "Driver", "seller": "Seller"][group.rawValue]!
                note = "\(name): the tables set no different target for this work; the targets are those of your age and sex. (The article names long sitting or standing as a cause of cramps, not as a change in needs.)"
            }
            result.append(GroupNote(group: group.rawValue, note: note, changes: []))
        }
        return result
    }
}

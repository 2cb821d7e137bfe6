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
        return note + " Changed: "
            + changes.map { change in
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

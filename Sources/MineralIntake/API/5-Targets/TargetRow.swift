/// How a reference value was checked by whoever compiled the table (`verification` column).
public enum Verification: String, Sendable, Codable, Equatable {
    /// Read in the issuing body's own table or abstract.
    case readPrimary = "read-primary"
    /// Read on a page reproducing it.
    case readSecondary = "read-secondary"
    /// Not confirmed in a read source: shown with a warning wherever it is used.
    case memoryUnverified = "memory-unverified"
}

/// The kind of a reference value, as the issuing body names it.
public enum TargetKind: String, Sendable, Codable, Equatable {
    /// NASEM Recommended Dietary Allowance.
    case rda = "RDA"
    /// Adequate Intake (NASEM and EFSA).
    case ai = "AI"
    /// NASEM Estimated Average Requirement.
    case ear = "EAR"
    /// Tolerable Upper Intake Level.
    case ul = "UL"
    /// NASEM Chronic Disease Risk Reduction intake (sodium): reduce intake if above.
    case cdrr = "CDRR"
    /// EFSA Population Reference Intake.
    case pri = "PRI"
    /// EFSA Average Requirement.
    case ar = "AR"
    /// A target the user set themselves.
    case custom = "custom"

    /// The role this kind plays.
    public var role: TargetRole {
        switch self {
        case .rda, .ai, .pri, .custom: .goal
        case .ear, .ar: .averageRequirement
        case .ul: .upperLimit
        case .cdrr: .reduceAbove
        }
    }
}

/// One row of `targets.csv`: a reference value for one nutrient, life stage and age band.
public struct TargetRow: Sendable, Codable, Equatable {
    /// NASEM or EFSA.
    public var standard: ReferenceStandard
    /// The nutrient.
    public var nutrient: Nutrient
    /// The table's group name: `males`, `pregnancy`, `children`, `adults` …
    public var group: String
    /// `male`, `female`, or `nil` for both.
    public var sex: Sex?
    /// First year of the band (inclusive); fractional for infants.
    public var ageMinimum: Double
    /// Last year of the band (inclusive), `nil` when open-ended (71+).
    public var ageMaximum: Double?
    /// RDA, AI, EAR, UL, CDRR, PRI or AR.
    public var kind: TargetKind
    /// The value, in the nutrient's unit per day.
    public var amount: Double
    /// The publication it comes from.
    public var source: String
    /// The table's notes.
    public var notes: String
    /// How it was checked.
    public var verification: Verification
    /// The 1-based line of the row in `targets.csv`.
    public var line: Int

    /// The life stage of the row: pregnancy or lactation rows, or the ordinary rows.
    var state: PhysiologicalState {
        switch group {
        case "pregnancy": .pregnant
        case "lactation": .lactating
        default: .none
        }
    }

    /// `females 31–50`, `adults 18+`.
    public var bandLabel: String {
        let low = NumberText.plain(ageMinimum)
        let band = ageMaximum.map { "\(low)–\(NumberText.plain($0))" } ?? "\(low)+"
        return "\(group) \(band)"
    }

    func covers(age: Int) -> Bool {
        Double(age) >= ageMinimum && ageMaximum.map { Double(age) <= $0 } ?? true
    }
}

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
            throw .invalidProfile(
                .standard, "unknown standard \"\(text)\"; known: nasem (U.S./Canada DRI, the default), efsa (EU)")
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
        default: throw .invalidProfile(.sex, "unknown sex \"\(text)\"; known: female, male")
        }
    }
}

/// Pregnancy or breastfeeding, which have rows of their own in the tables.
public enum PhysiologicalState: String, CaseIterable, Sendable, Codable, Equatable {
    /// Neither, pregnant, or breastfeeding.
    case none, pregnant, lactating
}

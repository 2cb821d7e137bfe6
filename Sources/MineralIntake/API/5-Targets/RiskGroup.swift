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
            let hint =
                DidYouMean.suggestion(for: key, among: RiskGroup.allCases.map(\.rawValue)).map {
                    "did you mean \"\($0)\"? "
                } ?? ""
            throw .invalidProfile(
                .groups,
                "unknown group \"\(text)\"; \(hint)known: " + RiskGroup.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        self = group
    }

    public static func < (lhs: RiskGroup, rhs: RiskGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

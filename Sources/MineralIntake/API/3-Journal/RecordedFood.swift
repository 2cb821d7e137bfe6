/// A serving logged in another tracker, brought in with the nutrient amounts that tracker recorded for it (not per
/// 100 g: for the serving as eaten), and the tracker named. A nutrient the tracker had no value for stays unknown:
/// never added up as zero.
///
/// In the journal's food field it is written
/// `recorded:SOURCE|ENERGY|POTASSIUM|MAGNESIUM|CALCIUM|SODIUM|VITAMIN_D|NAME`,
/// amounts in kcal, mg and µg, an empty amount for an unknown one: `recorded:cronometer|95|195||6|2|0|Apple, raw`.
public struct RecordedFood: Sendable, Hashable, Codable {
    /// The tracker it comes from, lower case letters, digits and `-` (`cronometer`).
    public var source: String
    /// The food's name in that tracker.
    public var name: String
    /// The amounts of the serving as recorded there; `nil` where it had none.
    public var amounts: NutrientValues
    /// Whether the tracker recorded it as a supplement: its amounts then count as supplements (for the upper limits
    /// of supplements), and a day with only supplements is no day of food. Written `recorded-supplement:…`.
    public var isSupplement: Bool = false

    /// A recorded serving.
    /// - Throws: ``MineralIntakeError/invalidEntry(_:_:)`` when the source is not a short lower-case word, the name is
    ///   empty, or an amount is negative or above ``QuantityLimits/recordedAmount(_:)``.
    public init(source: String, name: String, amounts: NutrientValues, isSupplement: Bool = false)
        throws(MineralIntakeError)
    {
        guard !source.isEmpty, source.utf8.count <= 32,
            source.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D })
        else {
            throw .invalidEntry(
                .recordedFood, "source \"\(source)\" must be lower-case letters, digits or -, at most 32 (cronometer)")
        }
        let trimmed = JournalFormat.field(name).trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .invalidEntry(.recordedFood, "a recorded food needs a name") }
        for nutrient in Nutrient.allCases {
            if let value = amounts[nutrient], !QuantityLimits.recordedAmount(nutrient).contains(value) {
                throw .invalidEntry(
                    .recordedFood,
                    "\(nutrient.displayName) \(JournalFormat.exact(value)) \(nutrient.unit.rawValue) is outside "
                        + "\(QuantityLimits.describe(QuantityLimits.recordedAmount(nutrient))) "
                        + "\(nutrient.unit.rawValue) for one serving; check it"
                )
            }
        }
        self.source = source
        self.name = trimmed
        self.amounts = amounts
        self.isSupplement = isSupplement
    }

    /// The tracker's name for people: `Cronometer`.
    public var sourceName: String {
        source == "cronometer" ? "Cronometer" : source
    }

    /// The journal's text form (after `recorded:`).
    var journalText: String {
        let amounts = Nutrient.allCases.map { nutrient in self.amounts[nutrient].map(JournalFormat.exact) ?? "" }
        return ([source] + amounts + [name]).joined(separator: "|")
    }

    /// Reads the journal's text form (after `recorded:`); `nil` if it is not one.
    init?(journalText text: String) {
        guard let food = try? RecordedFood(parsing: text) else { return nil }
        self = food
    }

    /// Reads the journal's text form (after `recorded:`), saying what is wrong when it is not one.
    init(parsing text: String) throws(MineralIntakeError) {
        let parts = text.split(separator: "|", maxSplits: Nutrient.allCases.count + 1, omittingEmptySubsequences: false)
        guard parts.count == Nutrient.allCases.count + 2 else {
            throw .invalidEntry(
                .recordedFood,
                "recorded food \"\(text)\" needs SOURCE|kcal|K|Mg|Ca|Na|vitamin D|NAME (an empty amount is unknown)")
        }
        var amounts = NutrientValues()
        for (index, nutrient) in Nutrient.allCases.enumerated() {
            let field = parts[index + 1]
            if field.isEmpty { continue }
            guard let value = NumberText.plainDecimal(String(field)) else {
                throw .invalidEntry(
                    .recordedFood,
                    "recorded food \"\(parts[parts.count - 1])\": \(nutrient.displayName) \"\(field)\" is not a plain "
                        + "amount (digits and a point; empty when unknown)")
            }
            amounts[nutrient] = value
        }
        let name = String(parts[parts.count - 1])
        let recorded = try RecordedFood(source: String(parts[0]), name: name, amounts: amounts)
        guard recorded.name == name else {
            throw .invalidEntry(
                .recordedFood, "recorded food \"\(name)\": the name has spaces or control characters at its ends")
        }
        self = recorded
    }

    /// The serving's nutrients: each recorded amount, over `grams` when the weight is known. An amount the tracker
    /// did not have counts the grams as grams without a value, or, with no weight, the entry as one without a value.
    func totals(grams: Double?) -> NutrientTotals {
        var totals = NutrientTotals()
        for nutrient in Nutrient.allCases {
            if let value = amounts[nutrient] {
                totals[nutrient] = NutrientTotal(amount: value, grams: grams ?? 0)
            } else if let grams {
                totals[nutrient] = NutrientTotal(gramsWithoutValue: grams, grams: grams)
            } else {
                totals[nutrient] = NutrientTotal(entriesWithoutValue: 1)
            }
        }
        return totals
    }
}

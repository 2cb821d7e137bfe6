/// The one set of limits for each quantity, applied by every reader and writer: the item parser, the journal
/// reader and writer, import.
public enum QuantityLimits {
    /// Grams one food entry may weigh: 1 mg to 10 kg.
    public static let grams: ClosedRange<Double> = 0.001...10_000
    /// An entry's amount of its unit.
    public static let amount: ClosedRange<Double> = 0.000001...1_000_000_000
    /// One serving's amount as recorded by another tracker: up to 20,000 kcal, 100,000 mg or 10,000 µg (vitamin D).
    public static func recordedAmount(_ nutrient: Nutrient) -> ClosedRange<Double> {
        switch nutrient {
        case .energy: 0...20_000
        case .vitaminD: 0...10_000
        default: 0...100_000
        }
    }

    /// One supplement dose in the nutrient's unit: up to 10,000 µg (vitamin D) or 100,000 mg.
    public static func supplement(_ nutrient: Nutrient) -> ClosedRange<Double> {
        nutrient.unit == .micrograms ? 0.001...10_000 : 0.001...100_000
    }

    static func describe(_ range: ClosedRange<Double>) -> String {
        "\(NumberText.plain(range.lowerBound, maxDecimals: 6))–\(NumberText.plain(range.upperBound))"
    }
}

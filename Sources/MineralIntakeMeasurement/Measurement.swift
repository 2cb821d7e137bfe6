// Foundation's `Measurement` for MineralIntake's amounts. A module of its own, in the MineralIntake product, so
// the library and the `mineral` command need only FoundationEssentials (no ICU, a faster start).
import Foundation
import MineralIntake

extension Nutrient {
    /// `amount` of this nutrient as a Foundation mass (`nil` for energy, which is not a mass). Foundation converts
    /// between mass units in floating point: a converted value may differ from the exact one in its last digit.
    public func mass(_ amount: Double) -> Measurement<UnitMass>? {
        switch unit {
        case .milligrams: Measurement(value: amount, unit: .milligrams)
        case .micrograms: Measurement(value: amount, unit: .micrograms)
        case .kilocalories: nil
        }
    }

    /// A Foundation mass as an amount in this nutrient's unit (`nil` for energy).
    public func amount(_ mass: Measurement<UnitMass>) -> Double? {
        switch unit {
        case .milligrams: mass.converted(to: .milligrams).value
        case .micrograms: mass.converted(to: .micrograms).value
        case .kilocalories: nil
        }
    }
}

extension JournalEntry {
    /// The weight eaten as a Foundation mass (`nil` for supplements).
    public var mass: Measurement<UnitMass>? { grams.map { Measurement(value: $0, unit: .grams) } }
}

extension ParsedItem {
    /// The weight as a Foundation mass (`nil` for supplements).
    public var mass: Measurement<UnitMass>? { grams.map { Measurement(value: $0, unit: .grams) } }
}

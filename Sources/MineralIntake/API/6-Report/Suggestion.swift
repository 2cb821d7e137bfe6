import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A concrete addition that closes (or narrows) the average daily gap.
public struct Suggestion: Sendable, Codable, Equatable {
    /// The food suggested.
    public var food: FoodReference
    /// Its name for people.
    public var name: String
    /// `+ 1/4 cup pumpkin seeds` in the food's household measure.
    public var portion: String
    /// The portion's weight, grams.
    public var grams: Double
    /// What the portion adds of the nutrient.
    public var amount: Double
    /// The portion's energy, kcal (`nil` if unknown).
    public var kcal: Double?
    /// The nutrient per 100 kcal of the food.
    public var amountPer100Kcal: Double?
    /// Share of the gap the portion closes (1 or more closes it).
    public var closesShare: Double
    /// Whether the person already logs this food.
    public var alreadyEaten: Bool

    enum CodingKeys: String, CodingKey {
        case food, name, portion, grams, amount, kcal
        case amountPer100Kcal = "amount_per_100kcal"
        case closesShare = "closes_share"
        case alreadyEaten = "already_eaten"
    }
}

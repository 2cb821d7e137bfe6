/// One line of the meal journal: what was eaten, when, how much, and what the person typed.
public struct JournalEntry: Sendable, Codable, Equatable, Identifiable {
    /// A number unique within the journal, given when the entry is written.
    public var id: Int
    /// The day the food was eaten.
    public var date: CalendarDate
    /// The meal it was part of.
    public var meal: Meal
    /// How many `unit`s: `0.5` for `1/2 cup`.
    public var amount: Double
    /// `g`, `cup (not packed)`, `medium (7" to 7-7/8" long)`; for supplements `mg` or `µg`.
    public var unit: String
    /// The weight eaten, grams (`nil` for supplements, which count by nutrient amount, not weight).
    public var grams: Double?
    /// What was eaten.
    public var food: FoodReference
    /// What the person typed: `1/2 cup raisins`.
    public var text: String

    /// An entry; `mineral log` gives the id when it writes it.
    public init(
        id: Int, date: CalendarDate, meal: Meal, amount: Double, unit: String, grams: Double?, food: FoodReference,
        text: String
    ) {
        self.id = id
        self.date = date
        self.meal = meal
        self.amount = amount
        self.unit = unit
        self.grams = grams
        self.food = food
        self.text = text
    }
}

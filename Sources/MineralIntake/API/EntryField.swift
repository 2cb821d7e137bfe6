/// The part of an entry, item or imported row that could not be read: what
/// ``MineralIntakeError/invalidEntry(_:_:)`` is about, so a caller can tell the cases apart without reading the
/// message.
public enum EntryField: String, Sendable, Codable, CaseIterable {
    /// A typed item as a whole: empty, too long, holding control characters.
    case item
    /// An amount: missing, not positive, not a fraction, outside the limits.
    case amount
    /// A weight in grams: missing, not a number, outside the limits.
    case grams
    /// A unit the item's food cannot be counted in.
    case unit
    /// A supplement: its amount, unit, nutrient or dose.
    case supplement
    /// A meal.
    case meal
    /// A journal line's id (not a positive whole number, or on two lines).
    case id
    /// The food an item or line names (none, or not a known kind of reference).
    case food
    /// A journal line as a whole (its number of fields).
    case line
    /// A serving recorded in another tracker (``RecordedFood``).
    case recordedFood = "recorded_food"
    /// A custom food or recipe.
    case customFood = "custom_food"
    /// A row of an imported file.
    case importedRow = "imported_row"
    /// The journal as a whole (nothing to undo).
    case journal
}

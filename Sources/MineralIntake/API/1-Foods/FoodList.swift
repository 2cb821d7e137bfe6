/// Every food of a ``FoodDatabase``, in NDB order: a random-access collection of ``Food`` values, each made from the
/// compact stored form when it is read (loading the database makes no value per food, which keeps start-up short).
public struct FoodList: RandomAccessCollection, Sendable {
    let store: FoodStore

    /// The first position, 0.
    public var startIndex: Int { 0 }
    /// One past the last position: the number of foods.
    public var endIndex: Int { store.storage.count }

    /// The food at `position`.
    public subscript(position: Int) -> Food { store.storage.food(at: position) }
}

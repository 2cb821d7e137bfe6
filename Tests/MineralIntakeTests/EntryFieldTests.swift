import Testing
@testable import MineralIntake

@Suite("An entry that cannot be read says which part is wrong, as a value, not only in words")
struct EntryFieldTests {
    /// The field of the error `body` throws, or `nil` when it throws none or another kind.
    static func field(_ body: () throws -> Void) -> EntryField? {
        do {
            try body()
            return nil
        } catch let error as MineralIntakeError {
            if case .invalidEntry(let field, _) = error { return field }
            return nil
        } catch {
            return nil
        }
    }

    @Test(arguments: [
        ("", EntryField.item), ("g raisins", .amount), ("0 g raisins", .amount), ("1/0 cup raisins", .amount),
        ("50000 g raisins", .grams), ("item\u{7}bell", .item),
    ])
    func items(text: String, field: EntryField) {
        #expect(Self.field { _ = try catalog.parseItem(text) } == field, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("magnesium", EntryField.supplement), ("magnesium 0 mg", .supplement), ("magnesium 200 kg", .supplement),
        ("energy 100 kcal", .supplement),
    ])
    func supplements(text: String, field: EntryField) {
        #expect(Self.field { _ = try catalog.parseSupplement(text) } == field, "\(text)")
    }

    @Test(arguments: [
        ("x\t2026-11-24\tlunch\t50\tg\t50\t09032\tapricots", EntryField.id),
        ("1\t2026-11-24\tlunch\tlots\tg\t50\t09032\tapricots", .amount),
        ("1\t2026-11-24\tlunch\t50\tg\tmany\t09032\tapricots", .grams),
        ("1\t2026-11-24\tlunch\t50\tg\t50\tapricots\tapricots", .food),
        ("1\t2026-11-24\tlunch\t50", .line),
        ("1\t2026-11-24\tbrunch\t50\tg\t50\t09032\tapricots", .meal),
    ])
    func journalLines(line: String, field: EntryField) {
        #expect(Self.field { _ = try JournalFormat.parseLine(Substring(line)) } == field, "\(line.debugDescription)")
    }

    @Test("a custom food and a meal say which they are")
    func foods() {
        #expect(Self.field { _ = try CustomFood(name: "", per100g: NutrientValues()).validated() } == .customFood)
        #expect(Self.field { _ = try Meal(parsing: "brunch") } == .meal)
    }
}

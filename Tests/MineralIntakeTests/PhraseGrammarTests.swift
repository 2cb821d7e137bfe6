import Testing
@testable import MineralIntake

/// Where the amount stands and what it is, before any food is looked up.
@Suite("Phrase grammar: the amount anywhere, number words, glued units")
struct PhraseGrammarTests {
    static let cases: [(String, Double, Bool, [String])] = [
        ("50 g dried apricots", 50, true, ["g", "dried", "apricots"]),
        ("salmon 150g", 150, true, ["g", "salmon"]),
        ("chicken breast 200 g", 200, true, ["g", "chicken", "breast"]),
        ("eggs 2", 2, true, ["eggs"]),
        ("Banana, 1 medium", 1, true, ["medium", "banana"]),
        ("spaghetti 80g dry", 80, true, ["g", "dry", "spaghetti"]),
        ("a glass of milk", 1, true, ["glass", "of", "milk"]),
        ("an apple", 1, true, ["apple"]),
        ("half a cup of rice", 0.5, true, ["cup", "of", "rice"]),
        ("a half cup rice", 0.5, true, ["cup", "rice"]),
        ("a quarter cup of walnuts", 0.25, true, ["cup", "of", "walnuts"]),
        ("a couple of eggs", 2, true, ["eggs"]),
        ("a dozen almonds", 12, true, ["almonds"]),
        ("half a dozen eggs", 6, true, ["eggs"]),
        ("one and a half cups milk", 1.5, true, ["cups", "milk"]),
        ("twelve almonds", 12, true, ["almonds"]),
        ("2 x eggs", 2, true, ["eggs"]),
        ("2x eggs", 2, true, ["eggs"]),
        ("1 1/2 cups milk", 1.5, true, ["cups", "milk"]),
        ("½ avocado", 0.5, true, ["avocado"]),
        ("1,5 dl milk", 1.5, true, ["dl", "milk"]),
        ("200ml kefir", 200, true, ["ml", "kefir"]),
        ("  100 G  Almonds ", 100, true, ["g", "almonds"]),
        ("apple (medium)", 1, false, ["medium", "apple"]),
        ("Sm. orange", 1, false, ["small", "orange"]),
        ("1 XL egg", 1, true, ["extra", "large", "egg"]),
        ("1 tblsp honey", 1, true, ["tbsp", "honey"]),
        ("hummus", 1, false, ["hummus"]),
        ("half and half", 1, false, ["half", "and", "half"]),
        ("2% milk", 1, false, ["2%", "milk"]),
    ]

    @Test("reads the amount and leaves the unit and food words", arguments: cases)
    func reads(text: String, amount: Double, given: Bool, words: [String]) throws {
        let read = try PhraseGrammar.read(text)
        #expect(abs(read.amount - amount) < 1e-9)
        #expect(read.amountGiven == given)
        #expect(read.words == words)
    }

    @Test(
        "a number that is none is refused, never read as a food",
        arguments: [
            "1e308 g raisins", "NaN cups raisins", "inf g raisins", "1.2.3 g raisins", "99999999999 g raisins",
        ])
    func notANumber(text: String) {
        #expect(
            throws: MineralIntakeError.invalidEntry(
                .amount, "\"\(text)\" does not start with an amount; \(PhraseGrammar.usage)")
        ) {
            try PhraseGrammar.read(text)
        }
    }

    @Test(
        "zero and negative amounts are refused wherever they stand",
        arguments: ["0 g raisins", "-5 g raisins", "raisins 0 g"])
    func notPositive(text: String) {
        #expect(throws: MineralIntakeError.self) { try PhraseGrammar.read(text) }
    }
}

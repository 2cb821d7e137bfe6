import Foundation
import Testing
@testable import MineralIntake

@Suite("Reading items as people write them")
struct ItemParserTests {
    static let cupMillilitres: Double = 236.5882365
    static let tbspMillilitres: Double = 14.78676478125
    static let wheatBranTbsp: Double = 3 * tbspMillilitres * 58 / cupMillilitres
    static let soyMilk200: Double = 200 * 243 / cupMillilitres
    static let readCases: [(String, String, Double, String)] = [
        ("50 g dried apricots", "09032", 50.0, "g"),
        ("1/2 cup raisins", "09298", 72.5, "cup (not packed)"),
        ("1.5 cups cooked buckwheat", "20010", 252, "cup"),
        ("2 oz almonds", "12061", 56.69904625, "oz"),
        ("1 banana", "09040", 118, "medium (7\" to 7-7/8\" long)"),
        ("3 tbsp wheat bran", "20077", wheatBranTbsp, "tbsp"),
        ("200ml soy milk", "16120", soyMilk200, "ml"),
        ("200 ml soy milk", "16120", soyMilk200, "ml"),
        ("1 1/2 cups cooked buckwheat", "20010", 252, "cup"),
        ("½ cup raisins", "09298", 72.5, "cup (not packed)"),
        ("1½ cups cooked buckwheat", "20010", 252, "cup"),
        ("0,5 kg banana", "09040", 500, "kg"),
        ("1 cup, packed raisins", "09298", 165, "cup, packed"),
        ("50 raisins", "09298", 26, "raisins"),
        ("2 eggs", "01123", 88, "medium"),
        ("an egg", "01123", 44, "medium"),
        ("1 lb brown rice", "20037", 453.59237, "lb"),
        ("100 g of tofu", "16427", 100, "g"),
        ("2 large eggs", "01123", 100, "large"),
        ("1 fl oz soy milk", "16120", 30.6, "fl oz"),
        ("50 G Dried Apricots", "09032", 50, "g"),
        ("30 g 12061", "12061", 30, "g"),
        ("1 potato", "11674", 173, "potato medium"),
        ("10 almonds", "12061", 12, "almond"),
        ("100 ml almonds", "12061", 100 * 143 / cupMillilitres, "ml"),
    ]

    @Test(arguments: readCases)
    func reads(text: String, ndb: String, grams: Double, unit: String) throws {
        let item = try catalog.parseItem(text)
        #expect(item.food == .usda(NDBNumber(rawValue: ndb)!), "\(text): \(item.foodName)")
        #expect(abs(item.grams! - grams) < 1e-9, "\(text): \(item.grams!) g")
        #expect(item.unit == unit)
    }

    @Test("with --food, the text needs only an amount and a unit")
    func fixedFood() throws {
        let item = try catalog.parseItem("30 g", food: .usda(NDBNumber(rawValue: "12063")!))
        #expect(item.grams == 30)
        #expect(try catalog.parseItem("1 cup whatever", food: .usda(NDBNumber(rawValue: "09032")!)).grams == 130)
    }

    @Test(arguments: [
        (
            "a fistful of walnuts",
            "unknown unit \"fistful\" in \"a fistful of walnuts\"; known units for Nuts, walnuts, english: g, kg, mg, "
                + "oz, lb, ml, l, \"fl oz\", \"cup, chopped\", \"cup, ground\", \"cup, in shell, edible yield (7 "
                + "nuts)\", \"cup shelled (50 halves)\", \"cup pieces or chips\", \"oz (14 halves)\""
        ),
        (
            "2 cupz raisins",
            "unknown unit \"cupz\" in \"2 cupz raisins\"; known units for Raisins, seedless: g, kg, mg, oz, lb, ml, "
                + "l, \"fl oz\", \"cup, packed\", \"cup (not packed)\", \"miniature box (.5 oz)\", \"small box (1.5 "
                + "oz)\", raisins, \"oz (60 raisins)\""
        ),
        ("-5 g raisins", "\"-5 g raisins\": the amount must be more than 0"),
        ("0 g raisins", "\"0 g raisins\": the amount must be more than 0"),
        (
            "1e308 g raisins",
            "\"1e308 g raisins\" does not start with an amount; write an item as an amount and a food, e.g. \"50 g "
                + "dried apricots\" or \"1/2 cup raisins\""
        ),
        (
            "NaN cups raisins",
            "\"NaN cups raisins\" does not start with an amount; write an item as an amount and a food, e.g. \"50 g "
                + "dried apricots\" or \"1/2 cup raisins\""
        ),
        ("1//2 cup raisins", "\"1//2 cup raisins\": \"1//2\" is not a fraction; write fractions like 1/2 or 1 1/2"),
        ("1/0 cup raisins", "\"1/0 cup raisins\": \"1/0\" divides by zero"),
        ("", "empty item; write it like \"50 g dried apricots\" or \"1/2 cup raisins\""),
        ("   ", "empty item; write it like \"50 g dried apricots\" or \"1/2 cup raisins\""),
        ("50 g", "\"50 g\" names no food; write it like \"50 g dried apricots\""),
        (
            "20 kg raisins",
            "\"20 kg raisins\" comes to 20000 g, over the 10000 g one entry may weigh; check the amount or split it"
        ),
        ("50 g raisins\u{7}", "item \"50 g raisins\\u{7}\" holds control characters; type it as plain text"),
        (
            "100 ml salmon",
            "unknown unit \"ml\" in \"100 ml salmon\"; known units for Fish, salmon, Atlantic, farmed, raw: g, kg, "
                + "mg, oz, lb, fillet"
        ),
        (
            "1 wheat bran",
            "\"1 wheat bran\" gives no unit, and Wheat bran, crude has no measure to count it by; give a unit. Known "
                + "units for Wheat bran, crude: g, kg, mg, oz, lb, ml, l, fl oz, cup"
        ),
    ])
    func refuses(text: String, message: String) {
        do {
            let item = try catalog.parseItem(text)
            Issue.record("\(text) was read as \(item)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a name that is not exactly one food's lists candidates and logs nothing")
    func ambiguous() {
        #expect(throws: MineralIntakeError.self) { try catalog.parseItem("30 g almonds dry roasted") }
        do { _ = try catalog.parseItem("30 g almonds dry roasted") } catch {
            guard case .ambiguousFood(let text, let candidates) = error else { Issue.record("\(error)"); return }
            #expect(text == "almonds dry roasted")
            #expect(
                candidates.prefix(2).map { "\($0.ndb)  \($0.name)" } == [
                    "12063  Nuts, almonds, dry roasted, without salt added",
                    "12563  Nuts, almonds, dry roasted, with salt added",
                ])
        }
        #expect(throws: MineralIntakeError.self) { try catalog.parseItem("1/2 cup rasins") }
    }

    @Test(arguments: [
        ("magnesium 200 mg", Nutrient.magnesium, 200.0), ("200 mg magnesium", .magnesium, 200),
        ("200mg Mg", .magnesium, 200),
        ("vitamin D 25 µg", .vitaminD, 25), ("vitamin D 1000 IU", .vitaminD, 25), ("calcium 0.5 g", .calcium, 500),
        ("potassium 99 mg", .potassium, 99), ("vitamin d 50 mcg", .vitaminD, 50),
    ])
    func supplement(text: String, nutrient: Nutrient, amount: Double) throws {
        let item = try catalog.parseSupplement(text)
        #expect(item.food == .supplement(nutrient))
        #expect(item.amount == amount)
        #expect(item.grams == nil)
    }

    @Test(arguments: [
        "magnesium", "magnesium 200", "iron 20 mg", "magnesium 200 IU", "magnesium -5 mg", "vitamin D 5 g",
        "energy 100 mg", "magnesium 1000000 mg",
    ])
    func badSupplement(text: String) {
        #expect(throws: MineralIntakeError.self) { try catalog.parseSupplement(text) }
    }
}

import Testing
@testable import MineralIntake

@Suite("Reading Cronometer's servings and daily summary exports")
struct CronometerImportTests {
    /// A servings export as Cronometer writes it: several days, quoted names with commas and quotes, empty cells,
    /// vitamin D in IU, amounts in cups, grams, ounces and servings, a group that is no meal, a column we do not use.
    static let servings = """
        Day,Group,Food Name,Amount,Energy (kcal),Potassium (mg),Magnesium (mg),Calcium (mg),Sodium (mg),Vitamin D (IU),Protein (g)
        2026-11-02,Breakfast,"Oatmeal, cooked with water",1.00 cup,166.1,163.8,63.2,21.1,9.4,0.0,5.9
        2026-11-02,Breakfast,"Apricots, dried, sulfured",40.00 g,96.4,464.8,12.8,22.0,4.0,0.0,1.4
        2026-11-02,Lunch,"Soup, ""Grandma's"" lentil, homemade",1.50 serving,310.0,,45.0,60.0,820.0,,18.0
        2026-11-02,Dinner,"Salmon, Atlantic, farmed, cooked",150.00 g,309.0,576.0,45.0,22.5,88.5,784.0,33.2
        2026-11-02,Pre-workout,Banana,1.00 medium,105.0,422.4,31.9,5.9,1.2,0.0,1.3
        2026-11-03,Breakfast,"Yogurt, plain, whole milk",8.00 oz,138.3,352.0,27.2,274.4,104.3,4.5,7.9
        2026-11-03,Snacks,"Almonds, raw",1.00 oz,164.0,208.3,76.5,76.3,0.3,0.0,6.0\r
        2026-11-03,Dinner,"Buckwheat groats, roasted, cooked",1.00 cup,154.6,147.8,85.7,11.8,6.7,,5.7

        """

    static let summary = """
        Date,Energy (kcal),Potassium (mg),Magnesium (mg),Calcium (mg),Sodium (mg),Vitamin D (IU),Completed
        2026-11-02,986.5,1627.0,197.9,131.5,923.1,784.0,true
        2026-11-03,456.9,708.1,189.4,362.5,111.3,4.5,false

        """

    @Test("the two exports are told apart by their headers")
    func kinds() {
        #expect(CronometerImport.kind(of: Self.servings) == .servings)
        #expect(CronometerImport.kind(of: "\u{FEFF}" + Self.summary) == .dailySummary)
        #expect(CronometerImport.kind(of: "date,meal,food,grams\n") == nil)
    }

    @Test(
        "each serving an entry with Cronometer's amounts: IU ÷ 40, g and oz, empty cells unknown, groups as meals"
    )
    func servings() throws {
        let read = try CronometerImport.servings(csv: Self.servings, file: "servings.csv")
        #expect(read.entries.count == 8)
        #expect(read.otherGroups == ["Pre-workout": 1])
        #expect(read.missingNutrients.isEmpty)
        let entries = read.entries
        #expect(entries.map(\.meal) == [.breakfast, .breakfast, .lunch, .dinner, .snack, .breakfast, .snack, .dinner])
        guard case .recorded(let salmon) = entries[3].food, case .recorded(let soup) = entries[2].food,
            case .recorded(let oatmeal) = entries[0].food
        else {
            Issue.record("not recorded foods: \(entries.map(\.food))")
            return
        }
        #expect(salmon.amounts.vitaminDMicrograms == 784.0 / 40)  // 19.6 µg
        #expect(salmon.source == "cronometer" && salmon.name == "Salmon, Atlantic, farmed, cooked")
        #expect(entries[3].grams == 150 && entries[3].unit == "g")
        #expect(soup.name == "Soup, \"Grandma's\" lentil, homemade")
        #expect(
            soup.amounts.potassiumMg == nil && soup.amounts.vitaminDMicrograms == nil && soup.amounts.sodiumMg == 820)
        #expect(entries[2].grams == nil && entries[2].amount == 1.5 && entries[2].unit == "serving")
        #expect(oatmeal.amounts.energyKcal == 166.1 && entries[0].grams == nil && entries[0].unit == "cup")
        #expect(entries[5].grams == 8 * 28.349523125)  // 8.00 oz
        #expect(entries[6].date == CalendarDate(year: 2026, month: 11, day: 3))
        #expect(entries[2].text == "1.50 serving Soup, \"Grandma's\" lentil, homemade")
    }

    @Test("a file without a nutrient's column keeps that nutrient unknown in every entry, and says so")
    func missingColumn() throws {
        let text =
            "Day,Group,Food Name,Amount,Energy (kJ),Potassium (mg)\n2026-11-02,Lunch,Apple,1.00 medium,397.5,195\n"
        let read = try CronometerImport.servings(csv: text, file: "s.csv")
        #expect(read.missingNutrients == [.magnesium, .calcium, .sodium, .vitaminD])
        guard case .recorded(let apple) = read.entries.first?.food else { Issue.record("no entry"); return }
        #expect(apple.amounts.energyKcal == 397.5 / 4.184 && apple.amounts.magnesiumMg == nil)
    }

    @Test("every bad row is named with its line, and the file is refused whole")
    func badRows() {
        let text =
            Self.servings
            + "2026-02-30,Lunch,Apple,1.00 medium,95,195,9,11,2,0,0.5\n"
            + "2026-11-04,Lunch,Apple,about one,95,195,9,11,2,0,0.5\n"
            + "2026-11-04,Lunch,Apple,1.00 medium,95,lots,9,11,2,0,0.5\n"
            + "2026-11-04,Lunch,,1.00 medium,95,195,9,11,2,0,0.5\n"
        #expect(
            throws: MineralIntakeError.invalidRows([
                "s.csv:10: \"2026-02-30\" is not a date" + invalidDateTail,
                "s.csv:11: Amount \"about one\" does not start with a positive number and a unit (1.00 cup, 100.00 g)",
                "s.csv:12: Potassium (mg) \"lots\" is not a number (an empty cell means unknown)",
                "s.csv:13: Food Name is empty",
            ])
        ) { try CronometerImport.servings(csv: text, file: "s.csv") }
    }

    /// The rest of the library's message for a date that is not a day.
    var invalidDateTail: String {
        let message = MineralIntakeError.invalidDate("2026-02-30").description
        return String(message.dropFirst("\"2026-02-30\" is not a date".count))
    }

    @Test("a unit that cannot be converted refuses the file at its header")
    func unconvertibleUnit() {
        #expect(
            throws: MineralIntakeError.invalidData(
                file: "s.csv", line: 1, reason: "column \"Potassium (IU)\": the unit iu cannot be read as mg")
        ) {
            try CronometerImport.servings(csv: "Day,Group,Food Name,Amount,Potassium (IU)\n", file: "s.csv")
        }
    }

    @Test("the daily summary gives each day and whether it was completed")
    func dailySummary() throws {
        let days = try CronometerImport.dailySummary(csv: Self.summary, file: "d.csv")
        #expect(
            days == [
                CalendarDate(year: 2026, month: 11, day: 2)!: true, CalendarDate(year: 2026, month: 11, day: 3)!: false,
            ])
        #expect(throws: MineralIntakeError.invalidRows(["d.csv:2: Completed \"maybe\" is not true or false"])) {
            try CronometerImport.dailySummary(csv: "Date,Completed\n2026-11-02,maybe\n", file: "d.csv")
        }
    }

    @Test("amounts as people write them: thousands marked, fractions; a decimal comma is refused, not misread")
    func amounts() throws {
        #expect(try CronometerImport.amount("1,250.00 g") == (1250, "g", 1250))
        #expect(try CronometerImport.amount("1/2 cup").amount == 0.5)
        #expect(try CronometerImport.amount("2.00 oz").grams == 2 * 28.349523125)
        #expect(throws: MineralIntakeError.self) { try CronometerImport.amount("1,5 cup") }
        #expect(throws: MineralIntakeError.self) { try CronometerImport.amount("½ cup") }
    }

    @Test("supplements (Cronometer's Supplements category or group) count as supplements, not food")
    func supplements() throws {
        let text = """
            Day,Group,Food Name,Amount,Category,Magnesium (mg),Calcium (mg)
            2026-11-02,Breakfast,"Magnesium Glycinate, Doctor's Best",2.00 tablet,Supplements,200,
            2026-11-02,Supplements,Vitamin D3,1.00 softgel,,,
            2026-11-02,Lunch,Yogurt,1.00 cup,Dairy and Egg Products,27,274

            """
        let read = try CronometerImport.servings(csv: text, file: "s.csv")
        #expect(read.entries.map(\.food.isFood) == [false, false, true])
        #expect(read.entries[0].food.description.hasPrefix("recorded-supplement:cronometer|"))
        #expect(FoodReference(journalText: read.entries[0].food.description) == read.entries[0].food)
        // The supplement's magnesium counts for the supplements-only upper limit, and a day of only it is no food day.
        let day = catalog.summary(of: CalendarDate(year: 2026, month: 11, day: 2)!, entries: read.entries)
        #expect(day.supplements[.magnesium].amount == 200 && day.food[.magnesium].amount == 27)
    }
}

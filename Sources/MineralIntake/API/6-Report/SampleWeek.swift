/// A built-in week of meals, so anyone can see a real report before logging anything (`mineral report --sample`).
/// A 31-year-old woman who works in an office (NASEM targets), ISO week 2026-W47; Saturday is not logged.
public enum SampleWeek {
    /// The sample's profile.
    public static let profile = Profile(sex: .female, ageYears: 31, groups: [.officeWorker])
    /// The sample's week.
    public static var period: ReportPeriod { ReportPeriod(weekOf: CalendarDate(year: 2026, month: 11, day: 16)!) }

    /// Day offset from Monday, meal, and the item as typed (an NDB number after `|` picks the food).
    static let items: [(day: Int, meal: Meal, text: String)] = [
        (0, .breakfast, "1 cup oatmeal"), (0, .breakfast, "1 banana"), (0, .breakfast, "1 cup milk"),
        (0, .lunch, "2 slices whole wheat bread"), (0, .lunch, "1 oz cheddar"), (0, .lunch, "1 tomato"),
        (0, .dinner, "150 g chicken breast"), (0, .dinner, "1 cup brown rice"), (0, .dinner, "1 cup broccoli"),
        (0, .snack, "30 g almonds"),
        (1, .breakfast, "2 eggs"), (1, .breakfast, "1 slice white bread"), (1, .breakfast, "1 cup orange juice"),
        (1, .lunch, "1 cup lentils"), (1, .lunch, "1 slice whole wheat bread"),
        (1, .dinner, "150 g salmon"), (1, .dinner, "1 potato"), (1, .snack, "1 apple"),
        (2, .breakfast, "1 cup coffee"), (2, .breakfast, "2 slices white bread"), (2, .breakfast, "1 tbsp butter"),
        (2, .lunch, "4 slices ham"), (2, .lunch, "1 cup cottage cheese"), (2, .lunch, "2 slices white bread"),
        (2, .dinner, "2 cups pasta"), (2, .dinner, "1 oz parmesan"), (2, .snack, "1 tsp salt"),
        (3, .breakfast, "50 g dried apricots"), (3, .breakfast, "1/2 cup raisins"), (3, .breakfast, "1 cup soy milk"),
        (3, .lunch, "100 g tofu"), (3, .lunch, "1 cup cooked buckwheat"), (3, .dinner, "1 cup kidney beans"),
        (3, .dinner, "1 cup spinach"), (3, .snack, "30 g walnuts"),
        (4, .breakfast, "1 cup oatmeal"), (4, .breakfast, "1 cup milk"), (4, .lunch, "100 g|16609"),
        (4, .lunch, "1 apple"), (4, .dinner, "150 g ground beef"), (4, .dinner, "1 cup white rice"),
        (6, .breakfast, "2 eggs"), (6, .breakfast, "1 slice whole wheat bread"), (6, .lunch, "1 cup yogurt"),
        (6, .dinner, "1 cup pasta"), (6, .dinner, "1 tomato"),
    ]

    /// The week's journal entries, read as `mineral log` reads items, plus a magnesium supplement on Wednesday.
    public static func entries(catalog: FoodCatalog) throws(MineralIntakeError) -> [JournalEntry] {
        var entries: [JournalEntry] = []
        for (index, item) in items.enumerated() {
            let parts = item.text.split(separator: "|")
            let food = parts.count == 2 ? NDBNumber(rawValue: String(parts[1])).map(FoodReference.usda) : nil
            let parsed = try catalog.parseItem(String(parts[0]), food: food)
            entries.append(
                JournalEntry(
                    id: index + 1, date: period.from.adding(days: item.day)!, meal: item.meal, amount: parsed.amount,
                    unit: parsed.unit, grams: parsed.grams, food: parsed.food, text: parsed.text))
        }
        let supplement = try catalog.parseSupplement("magnesium 400 mg")
        entries.append(
            JournalEntry(
                id: entries.count + 1, date: period.from.adding(days: 2)!, meal: .dinner, amount: supplement.amount,
                unit: supplement.unit, grams: nil, food: supplement.food, text: supplement.text))
        return entries
    }
}

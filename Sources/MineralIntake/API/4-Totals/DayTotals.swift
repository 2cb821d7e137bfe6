/// One entry with what it is and what it holds.
public struct EntryNutrients: Sendable, Codable, Equatable {
    /// The journal entry.
    public var entry: JournalEntry
    /// Its food's name for people.
    public var foodName: String
    /// What it holds.
    public var nutrients: NutrientTotals

    enum CodingKeys: String, CodingKey {
        case entry, nutrients
        case foodName = "food_name"
    }
}

/// A day's entries and totals: from food, from supplements, and both together.
public struct DaySummary: Sendable, Codable, Equatable {
    /// The day.
    public var date: CalendarDate
    /// The day's entries, by meal, with their nutrients.
    public var entries: [EntryNutrients]
    /// Totals of the food entries. `gramsWithoutValue` says how much of the day's food had no value.
    public var food: NutrientTotals
    /// Amounts taken as supplements, per nutrient.
    public var supplements: NutrientTotals
    /// Food and supplements together.
    public var total: NutrientTotals

    /// Whether anything was logged on the day.
    public var isLogged: Bool { !entries.isEmpty }
}

extension FoodCatalog {
    /// The summary of `date` from `entries` (entries of other days are ignored).
    public func summary(of date: CalendarDate, entries: [JournalEntry]) -> DaySummary {
        var cache: [FoodReference: Composition] = [:]
        var summary = DaySummary(
            date: date, entries: [], food: NutrientTotals(), supplements: NutrientTotals(), total: NutrientTotals())
        for entry in entries where entry.date == date {
            let nutrients = self.nutrients(of: entry, cache: &cache)
            summary.entries.append(EntryNutrients(entry: entry, foodName: name(of: entry.food), nutrients: nutrients))
            if entry.food.isFood { summary.food += nutrients } else { summary.supplements += nutrients }
        }
        summary.entries.sort { ($0.entry.meal, $0.entry.id) < ($1.entry.meal, $1.entry.id) }
        summary.total = summary.food + summary.supplements
        return summary
    }

    /// Food and supplement totals for every day that has entries.
    public func dailyTotals(_ entries: [JournalEntry]) -> [CalendarDate: (
        food: NutrientTotals, supplements: NutrientTotals
    )] {
        var cache: [FoodReference: Composition] = [:]
        var result: [CalendarDate: (food: NutrientTotals, supplements: NutrientTotals)] = [:]
        for entry in entries {
            let nutrients = self.nutrients(of: entry, cache: &cache)
            var day = result[entry.date] ?? (NutrientTotals(), NutrientTotals())
            if entry.food.isFood { day.food += nutrients } else { day.supplements += nutrients }
            result[entry.date] = day
        }
        return result
    }
}

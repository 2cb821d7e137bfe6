/// Something a report says about its period, as a code with its numbers; ``text(markCompleteHint:)`` makes the
/// sentence for people. In JSON: `{"code": "no_day_marked_complete", …its numbers…, "text": "…"}`.
public enum ReportNote: Sendable, Equatable {
    /// Servings of unknown weight, recorded in another tracker, had no value for `nutrient`: its average is a lower
    /// bound (confidence low).
    case servingsWithoutValue(nutrient: Nutrient, servings: Int)
    /// Today is in the period, not over and not marked complete: it is partial, left out of the averages.
    case todayPartial(CalendarDate)
    /// The averages use the `complete` days marked complete; `partial` other days with food are left out.
    case averagesUseCompleteDays(complete: Int, partial: Int)
    /// No day is marked complete: a day with a missing meal lowers the average.
    case noDayMarkedComplete
    /// Days with only a supplement logged: not days of food; their supplements count for the upper limits.
    case supplementOnlyDays(Int)

    /// The code, as JSON writes it.
    public var code: String {
        switch self {
        case .servingsWithoutValue: "servings_without_value"
        case .todayPartial: "today_partial"
        case .averagesUseCompleteDays: "averages_use_complete_days"
        case .noDayMarkedComplete: "no_day_marked_complete"
        case .supplementOnlyDays: "supplement_only_days"
        }
    }

    /// The sentence for people. `markCompleteHint` says how the front end marks a day complete
    /// (`mineral day --complete DATE`); without it the sentence names no command.
    public func text(markCompleteHint: String? = nil) -> String {
        func plural(_ count: Int, _ one: String, _ many: String) -> String { count == 1 ? one : many }
        switch self {
        case .servingsWithoutValue(let nutrient, let servings):
            return
                "\(servings) serving\(plural(servings, "", "s")) of unknown weight, recorded in another tracker, had "
                + "no "
                + "\(nutrient.displayName) value: its average is a lower bound (confidence low)."
        case .todayPartial(let today):
            return "Today (\(today)) is not over: it is shown as partial and left out of the averages until it is over "
                + "or marked complete."
        case .averagesUseCompleteDays(let complete, let partial):
            return "Averages use the \(complete) day\(plural(complete, "", "s")) marked complete; \(partial) other "
                + "day\(plural(partial, "", "s")) with food logged \(plural(partial, "is", "are")) shown as partial "
                + "and "
                + "left out."
        case .noDayMarkedComplete:
            return "No day is marked complete: a day with a missing meal lowers the average. Mark the days you logged "
                + "fully" + (markCompleteHint.map { " (\($0))." } ?? " as complete.")
        case .supplementOnlyDays(let days):
            return "\(days) day\(plural(days, "", "s")) with only a supplement logged \(plural(days, "is", "are")) not "
                + "counted as \(plural(days, "a day", "days")) of food; \(plural(days, "its", "their")) supplements "
                + "count for the upper limits."
        }
    }
}

extension ReportNote: Codable {
    enum CodingKeys: String, CodingKey {
        case code, nutrient, servings, date, complete, partial, days, text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .code) {
        case "servings_without_value":
            self = .servingsWithoutValue(
                nutrient: try container.decode(Nutrient.self, forKey: .nutrient),
                servings: try container.decode(Int.self, forKey: .servings))
        case "today_partial": self = .todayPartial(try container.decode(CalendarDate.self, forKey: .date))
        case "averages_use_complete_days":
            self = .averagesUseCompleteDays(
                complete: try container.decode(Int.self, forKey: .complete),
                partial: try container.decode(Int.self, forKey: .partial))
        case "no_day_marked_complete": self = .noDayMarkedComplete
        case "supplement_only_days": self = .supplementOnlyDays(try container.decode(Int.self, forKey: .days))
        case let code:
            throw DecodingError.dataCorruptedError(
                forKey: .code, in: container,
                debugDescription: "unknown report note \"\(code)\"; known: servings_without_value, today_partial, "
                    + "averages_use_complete_days, no_day_marked_complete, supplement_only_days")
        }
    }

    /// The code, its numbers, and the sentence (naming no command).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        switch self {
        case .servingsWithoutValue(let nutrient, let servings):
            try container.encode(nutrient, forKey: .nutrient)
            try container.encode(servings, forKey: .servings)
        case .todayPartial(let date): try container.encode(date, forKey: .date)
        case .averagesUseCompleteDays(let complete, let partial):
            try container.encode(complete, forKey: .complete)
            try container.encode(partial, forKey: .partial)
        case .noDayMarkedComplete: break
        case .supplementOnlyDays(let days): try container.encode(days, forKey: .days)
        }
        try container.encode(text(), forKey: .text)
    }
}

/// A day in the proleptic Gregorian calendar, without time or time zone: the day a meal was eaten,
/// a birth date. The caller decides which day "today" is (from its own clock, calendar and time zone).
public struct CalendarDate: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public var year: Int { Int(storedYear) }
    /// The month, 1 to 12.
    public var month: Int { Int(storedMonth) }
    /// The day of the month.
    public var day: Int { Int(storedDay) }
    // Four bytes, not three whole integers: a report of years holds a date for every day and nutrient.
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// A valid date, or `nil` (`2026-02-30` is not one). Years 1 to 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        storedYear = Int16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// The first day the calendar holds, 0001-01-01.
    public static let first = CalendarDate(unchecked: 1, 1, 1)
    /// The last day the calendar holds, 9999-12-31.
    public static let last = CalendarDate(unchecked: 9999, 12, 31)

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        storedYear = Int16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Reads `YYYY-MM-DD`.
    /// - Throws: ``MineralIntakeError/invalidDate(_:)`` naming the text.
    public init(parsing text: String) throws(MineralIntakeError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let date = CalendarDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
        else { throw .invalidDate(text) }
        self = date
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try CalendarDate(parsing: text) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `2026-11-24`.
    public var description: String {
        // Years 1–9999 (all a date can be), written digit by digit: journals and exports write millions of dates.
        guard (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        let digits: [UInt8] = [
            UInt8(0x30 + year / 1000), UInt8(0x30 + year / 100 % 10), UInt8(0x30 + year / 10 % 10),
            UInt8(0x30 + year % 10), 0x2D,
            UInt8(0x30 + month / 10), UInt8(0x30 + month % 10), 0x2D, UInt8(0x30 + day / 10), UInt8(0x30 + day % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The day after, if within years 1–9999.
    var nextDay: CalendarDate? {
        if day < CalendarDate.daysIn(month: month, year: year) { return CalendarDate(unchecked: year, month, day + 1) }
        if month < 12 { return CalendarDate(unchecked: year, month + 1, 1) }
        return year < 9999 ? CalendarDate(unchecked: year + 1, 1, 1) : nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01, if within years 1–9999.
    public init?(daysSinceEpoch days: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The date `count` days later (earlier if negative).
    public func adding(days count: Int) -> CalendarDate? {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// Whole years from `self` (a birth date) to `date`: the age on that day.
    public func completedYears(until date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }
}

extension CalendarDate {
    /// Monday is 0, Sunday 6.
    public var weekdayFromMonday: Int {
        ((daysSinceEpoch + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday
    }

    /// The ISO 8601 week: its year (which may differ from the date's near New Year) and number.
    public var isoWeek: (year: Int, week: Int) {
        // At the ends of the calendar (0001-01-01, 9999-12-31) the Thursday may fall outside it: the date's own year.
        let thursday = adding(days: 3 - weekdayFromMonday) ?? self
        let january1 = CalendarDate(year: thursday.year, month: 1, day: 1) ?? thursday
        return (thursday.year, (thursday.daysSinceEpoch - january1.daysSinceEpoch) / 7 + 1)
    }

    /// The Monday that starts ISO week `week` of `year`, or `nil` if the year has no such week.
    public static func mondayOf(isoYear year: Int, week: Int) -> CalendarDate? {
        guard let january4 = CalendarDate(year: year, month: 1, day: 4), week >= 1, week <= 53,
            let monday = january4.adding(days: -january4.weekdayFromMonday + 7 * (week - 1)),
            monday.isoWeek == (year, week)
        else { return nil }
        return monday
    }
}

/// A span of days a report covers: an ISO week, or any from–to range.
public struct ReportPeriod: Sendable, Codable, Equatable {
    /// The first day.
    public var from: CalendarDate
    /// The last day, included.
    public var to: CalendarDate
    /// `2026-W48` for an ISO week, else `2026-11-20 – 2026-11-26`.
    public var label: String

    /// The ISO week that holds `date`.
    public init(weekOf date: CalendarDate) {
        // The calendar's ends cut the week short rather than leave it.
        let monday = date.adding(days: -date.weekdayFromMonday) ?? CalendarDate.first
        let (year, week) = date.isoWeek
        self.from = monday
        self.to = monday.adding(days: 6) ?? CalendarDate.last
        self.label = "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// Reads an ISO week, `2026-W48`.
    /// - Throws: ``MineralIntakeError/invalidDate(_:)`` naming the text.
    public init(isoWeek text: String) throws(MineralIntakeError) {
        let parts = text.uppercased().split(separator: "W", maxSplits: 1)
        guard parts.count == 2, parts[0].hasSuffix("-"),
            parts[0].dropLast().utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let year = Int(parts[0].dropLast()),
            let week = Int(parts[1]),
            parts[1].count == 2, let monday = CalendarDate.mondayOf(isoYear: year, week: week)
        else { throw .invalidWeek(text) }
        self.init(weekOf: monday)
    }

    /// Any range of days, both ends included, up to a hundred years.
    public init(from: CalendarDate, to: CalendarDate, label: String? = nil) throws(MineralIntakeError) {
        guard from <= to else { throw .invalidPeriod("the period starts \(from), after its end \(to)") }
        guard to.daysSinceEpoch - from.daysSinceEpoch < 36_525 else {
            throw .invalidPeriod("the period \(from) – \(to) is longer than a hundred years")
        }
        self.from = from
        self.to = to
        self.label = label ?? "\(from) – \(to)"
    }

    /// A calendar month, `2026-11`.
    /// - Throws: ``MineralIntakeError/invalidPeriod(_:)`` naming the text.
    public init(month text: String) throws(MineralIntakeError) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let year = Int(parts[0]), let month = Int(parts[1]),
            let first = CalendarDate(year: year, month: month, day: 1),
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        else { throw .invalidPeriod("\"\(text)\" is not a month; give YYYY-MM, e.g. 2026-11") }
        try self.init(from: first, to: last, label: text)
    }

    /// How many days the period holds (without making them, as ``days`` does).
    public var dayCount: Int { to.daysSinceEpoch - from.daysSinceEpoch + 1 }

    /// Every day of the period, in order.
    public var days: [CalendarDate] {
        // Day after day from the first (a ten-year report has 3,653), not each one worked out from a count of days.
        let count = dayCount
        guard count > 0 else { return [] }
        var days: [CalendarDate] = []
        days.reserveCapacity(count)
        var date = from
        days.append(date)
        while days.count < count, let next = date.nextDay {
            date = next
            days.append(date)
        }
        return days
    }
}

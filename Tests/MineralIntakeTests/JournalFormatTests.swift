import Foundation
import Testing
@testable import MineralIntake

@Suite("Journal format")
struct JournalFormatTests {
    static let entry = JournalEntry(
        id: 7, date: CalendarDate(year: 2026, month: 11, day: 24)!, meal: .breakfast, amount: 0.5,
        unit: "cup (not packed)", grams: 72.5, food: .usda(NDBNumber(rawValue: "09298")!), text: "1/2 cup raisins")

    @Test("an entry is one tab-separated line and reads back the same")
    func roundTrip() {
        let line = JournalFormat.line(Self.entry)
        #expect(line == "7\t2026-11-24\tbreakfast\t0.5\tcup (not packed)\t72.5\t09298\t1/2 cup raisins\n")
        #expect(JournalFormat.parse(JournalFormat.header + line).entries == [Self.entry])
        let supplement = JournalEntry(
            id: 8, date: Self.entry.date, meal: .dinner, amount: 200, unit: "mg", grams: nil,
            food: .supplement(.magnesium), text: "magnesium 200 mg")
        #expect(
            JournalFormat.line(supplement)
                == "8\t2026-11-24\tdinner\t200\tmg\t\tsupplement:magnesium\tmagnesium 200 mg\n")
        #expect(JournalFormat.parse(JournalFormat.line(supplement)).entries == [supplement])
        let odd = JournalEntry(
            id: 9, date: Self.entry.date, meal: .snack, amount: 2, unit: "oz", grams: 56.69904625,
            food: .custom("granola mix"), text: "tab\there")
        #expect(JournalFormat.parse(JournalFormat.line(odd)).entries.first?.grams == 56.69904625)
        #expect(JournalFormat.parse(JournalFormat.line(odd)).entries.first?.text == "tab here")
    }

    @Test("a broken line is named with its line number, and the other entries still count")
    func brokenLines() {
        let text =
            JournalFormat.header + JournalFormat.line(Self.entry)
            + "8\t2026-02-30\tlunch\t1\tg\t1\t09032\tx\n"
            + "9\t2026-11-24\tbrunch\t1\tg\t1\t09032\tx\n"
            + "10\t2026-11-24\tlunch\tlots\tg\t1\t09032\tx\n"
            + "11\t2026-11-24\tlunch\t1\tg\t\t09032\tx\n"
            + "12\t2026-11-24\tlunch\t1\tg\t1\tapricots\tx\n"
            + "7\t2026-11-24\tlunch\t1\tg\t1\t09032\tduplicate id\n"
            + "garbage\n"
            + "13\t2026-11-24\tlunch\t1\tg\t1\t09032\tfine\r\n"
        let journal = JournalFormat.parse(text)
        #expect(journal.entries.map(\.id) == [7, 13])
        #expect(journal.problems.map(\.line) == [6, 7, 8, 9, 10, 11, 12])
        #expect(
            journal.problems.map(\.reason) == [
                "\"2026-02-30\" is not a date; give a real day as YYYY-MM-DD, e.g. 2026-11-24",
                "unknown meal \"brunch\"; known: breakfast, lunch, dinner, snack",
                "amount \"lots\" is not a number in 0.000001–1000000000",
                "grams is empty; only supplements and servings recorded elsewhere go without grams",
                "food \"apricots\" is not a 5-digit NDB number, custom:NAME, supplement:NUTRIENT or "
                    + "recorded:SOURCE|amounts|NAME",
                "id 7 is used by an earlier line too; give each line its own id",
                "1 tab-separated fields, expected 8: id, date, meal, amount, unit, grams, food, text",
            ])
    }

    @Test("maxID reads only first fields")
    func maxID() {
        let text =
            JournalFormat.header
            + "3\t2026-11-24\tlunch\t1\tg\t1\t09032\ta\n# note\n12\t2026-11-24\tlunch\t1\tg\t1\t09032\tb\nbroken line\n"
        #expect(JournalFormat.maxID(in: Data(text.utf8)) == 12)
    }
}

@Suite("Reading only a period's lines")
struct JournalPeriodReadingTests {
    @Test("other days' lines are skipped, but a line whose date is no real day is still a problem, in or out of range")
    func skipsOnlyRealDays() {
        let text =
            JournalFormat.header
            + "1\t2019-01-31\tlunch\t50\tg\t50\t09032\tan old day (31st)\n"
            + "2\t2019-02-30\tlunch\t50\tg\t50\t09032\tno such day\n"
            + "3\t2026-11-24\tlunch\t50\tg\t50\t09032\tin the week\n"
            + "4\t2026-11-24\tlunch\t50\tg\t50\t09032\tin the week\n"
            + "5\t2026-12-01\tlunch\t50\tg\t50\t09032\tlater\n"
            + "6\t2026-12-01\tlunch\t50\tg\t50\t09032\tlater, same day\n"
            + "7\t0000-01-01\tlunch\t50\tg\t50\t09032\tyear zero\n"
            + "8\t2026-11-22\tlunch\t50\tg\t50\t09032\tday before the week\n"
        let week = CalendarDate(year: 2026, month: 11, day: 23)!...CalendarDate(year: 2026, month: 11, day: 29)!
        let read = JournalFormat.parse(text, dates: week)
        #expect(read.entries.map(\.id) == [3, 4])
        #expect(read.problems.map(\.line) == [6, 11])  // 2019-02-30 and year 0 are no days, wherever they stand
        #expect(read.entries == JournalFormat.parse(text).entries.filter { week.contains($0.date) })
    }
}

@Suite("Export order: keys moved into place where they are, or sorted when far out of order")
struct ExportKeyOrderTests {
    @Test("nearly in order, shuffled, reversed and with equal days and ids: the same order as a full sort")
    func sameAsFullSort() {
        var generator = SeededGenerator(seed: 2026_11_26)
        for round in 0..<300 {
            let count = Int(generator.next() % 400)
            var keys: [(dayAndMeal: UInt32, start: UInt32, id: UInt32)] = []
            for index in 0..<count {
                let day = UInt32(index / 8) << 3
                let meal = UInt32(generator.next() % 4)
                let id = UInt32(generator.next() % 50)
                keys.append((day | meal, UInt32(index * 40), id))
            }
            switch round % 4 {
            case 0: break  // in date order, meals and ids mixed within a day
            case 1: keys.shuffle(using: &generator)
            case 2: keys.reverse()
            default:
                // A few entries logged days late.
                for _ in 0..<(count / 20) where count > 1 {
                    keys.swapAt(Int(generator.next() % UInt64(count)), Int(generator.next() % UInt64(count)))
                }
            }
            let expected = keys.sorted { ($0.dayAndMeal, $0.id, $0.start) < ($1.dayAndMeal, $1.id, $1.start) }
            JournalFormat.sortNearlyInOrder(&keys)
            #expect(keys.map(\.start) == expected.map(\.start), "round \(round)")
        }
    }
}

@Suite("Export order read piece by piece: the same entries and problems as the whole journal read at once")
struct PiecewiseOrderTests {
    @Test(
        "every kind of line (CRLF, comments, a byte order mark, a long line, a repeated id, a bad line), in pieces",
        arguments: [1, 7, 64, 333, 4096, 1 << 16])
    func sameAsWhole(piece: Int) throws {
        for seed in 1...4 as ClosedRange<UInt64> {
            var text = JournalSumsIndexTests.journal(seed: seed, lines: 150)
            if seed == 2 { text = "\u{FEFF}" + text }
            text += "151\t2026-03-02\tlunch\t1\tg\t1\t09032\t" + String(repeating: "long ", count: 900) + "\n"
            text += "7\t2026-03-03\tlunch\t1\tg\t1\t09032\tid seven again\r\n"
            text += "not a line at all\n"
            if seed == 3 { text += "152\t2026-03-01\tsnack\t2\tg\t2\t09298\tno line end" }
            let data = Data(text.utf8)
            let whole = JournalFormat.parse(data: data)
            let expected = whole.entries.sorted { ($0.date, $0.meal, $0.id) < ($1.date, $1.meal, $1.id) }
            var reads = 0
            var streamed: [JournalEntry] = []
            let problems = JournalFormat.forEachEntryInOrder(
                size: data.count,
                read: { offset, count in
                    reads += 1
                    return [UInt8](data[offset..<min(offset + count, data.count)])
                }, pieceSize: piece
            ) { streamed.append($0) }
            #expect(streamed == expected, "seed \(seed), pieces of \(piece)")
            #expect(problems == whole.problems, "seed \(seed), pieces of \(piece)")
            #expect(problems.count >= 2)
            if piece == 4096 { #expect(reads > 2 && reads < 100, "\(reads) reads") }
        }
    }
}

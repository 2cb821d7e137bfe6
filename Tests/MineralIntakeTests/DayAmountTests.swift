import FoundationEssentials
import Testing
@testable import MineralIntake

@Suite("A day's amount: its optional amounts and flags read back as set, in 40 bytes")
struct DayAmountTests {
    @Test("every combination of present and absent amounts and flags reads back, equals, and encodes as before")
    func combinations() throws {
        let date = CalendarDate(year: 2026, month: 11, day: 26)!
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for mask in 0..<32 {
            let amount: Double? = mask & 1 != 0 ? 412.5 : nil
            let supplements: Double? = mask & 2 != 0 ? 0 : nil
            let share: Double? = mask & 4 != 0 ? 0.25 : nil
            let day = DayAmount(
                date: date, logged: mask & 8 != 0, amount: amount, supplements: supplements, unknownShare: share,
                partial: mask & 16 != 0, servingsWithoutValue: mask)
            #expect(day.amount == amount && day.supplements == supplements && day.unknownShare == share)
            #expect(day.logged == (mask & 8 != 0) && day.partial == (mask & 16 != 0))
            #expect(day.servingsWithoutValue == mask && day.date == date)
            // Set one by one, the same value; a value taken away again is as if never set.
            var built = DayAmount(date: date, logged: false, amount: 7, supplements: 8, unknownShare: 0.5)
            built.logged = day.logged
            built.amount = amount
            built.supplements = supplements
            built.unknownShare = share
            built.partial = day.partial
            built.servingsWithoutValue = mask
            #expect(built == day, "mask \(mask)")
            let json = String(decoding: try encoder.encode(day), as: UTF8.self)
            #expect(try JSONDecoder().decode(DayAmount.self, from: Data(json.utf8)) == day)
            #expect(json.contains("\"amount\"") == (amount != nil) && json.contains("unknown_share") == (share != nil))
        }
        #expect(DayAmount(date: date, logged: true, amount: 0) != DayAmount(date: date, logged: true))
        #expect(MemoryLayout<DayAmount>.stride == 40)
    }
}

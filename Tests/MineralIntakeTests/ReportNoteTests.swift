import FoundationEssentials
import Testing
@testable import MineralIntake

@Suite("Report notes: codes with their numbers; sentences made from them")
struct ReportNoteTests {
    static let every: [ReportNote] = [
        .servingsWithoutValue(nutrient: .potassium, servings: 2),
        .todayPartial(CalendarDate(year: 2026, month: 11, day: 25)!),
        .averagesUseCompleteDays(complete: 4, partial: 1), .noDayMarkedComplete, .supplementOnlyDays(1),
    ]

    @Test("every note reads back from its JSON, code and numbers, and its text names no command unless given one")
    func roundTrip() throws {
        for note in Self.every {
            let data = try JSONEncoder().encode(note)
            #expect(try JSONDecoder().decode(ReportNote.self, from: data) == note)
            #expect(String(decoding: data, as: UTF8.self).contains("\"code\":\"\(note.code)\""))
            #expect(!note.text().contains("mineral") && !note.text().contains("--"))
        }
        #expect(
            ReportNote.noDayMarkedComplete.text(markCompleteHint: "mineral day --complete DATE")
                .hasSuffix("Mark the days you logged fully (mineral day --complete DATE)."))
        #expect(
            ReportNote.averagesUseCompleteDays(complete: 1, partial: 2).text()
                == "Averages use the 1 day marked complete; 2 other days with food logged are shown as partial and "
                + "left out."
        )
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ReportNote.self, from: Data(#"{"code":"x"}"#.utf8))
        }
    }
}

import FoundationEssentials
import Testing
@testable import MineralIntake

@Suite("The journal's exchange format read back: every row checked as a logged entry, every bad row named")
struct JournalExchangeTests {
    @Test("a CSV export's rows become entries, columns in any order")
    func reads() throws {
        let text =
            "grams,food,meal,date,text,amount\n50,09032,lunch,2026-11-24,apricots,50\n"
            + ",supplement:magnesium,dinner,2026-11-24,,200\n"
        let entries = try JournalExchange.entries(csv: text, file: "in.csv", catalog: catalog)
        #expect(entries.count == 2)
        let apricots = try #require(entries.first)
        #expect(apricots.food == .usda(NDBNumber(uncheckedDigits: "09032")) && apricots.grams == 50)
        #expect(apricots.meal == .lunch && apricots.text == "apricots")
        let supplement = try #require(entries.last)
        #expect(supplement.food == .supplement(.magnesium) && supplement.amount == 200 && supplement.grams == nil)
        #expect(supplement.text == "magnesium 200 mg")
    }

    @Test("every row that cannot be read is named with its file and line; none is read half")
    func namesEveryBadRow() {
        let text =
            "date,meal,food,grams\n2026-11-24,brunch,09032,50\n2026-11-24,lunch,09032,-5\n"
            + "2026-11-24,lunch,09032,50\n2026-11-24,lunch,custom:nothing,50\n"
        #expect {
            try JournalExchange.entries(csv: text, file: "in.csv", catalog: catalog)
        } throws: { error in
            guard case MineralIntakeError.invalidRows(let problems) = error else { return false }
            return problems.count == 3 && problems[0].hasPrefix("in.csv:2: unknown meal")
                && problems[1].hasPrefix("in.csv:3: grams") && problems[2].hasPrefix("in.csv:5: no custom food")
        }
    }

    @Test("a file without date, meal and food columns is refused at line 1")
    func header() {
        #expect(
            throws: MineralIntakeError.invalidData(
                file: "in.csv", line: 1,
                reason: "the header needs date, meal and food columns (and grams, or amount for supplements)")
        ) {
            try JournalExchange.entries(csv: "when,what\n2026-11-24,apricots\n", file: "in.csv", catalog: catalog)
        }
    }
}

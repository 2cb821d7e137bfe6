import MineralIntake
import Testing
@testable import MineralCLI

@Suite("The command line's error policy: exit codes and advice added to the library's errors")
struct CLIErrorTests {
    /// One of every library error case, each with the exit the command line gives it.
    static let everyCase: [(MineralIntakeError, ExitCode)] = [
        (.unknownNutrient("potasium", suggestion: "potassium"), .usage),
        (.emptyQuery, .usage),
        (.unknownNDBNumber("99999"), .dataError),
        (.unknownFood("xyzzy", suggestions: []), .dataError),
        (.unknownFoodGroup("fish", known: []), .usage),
        (.ambiguousFoodGroup("a", candidates: []), .usage),
        (.unknownRankingBasis("cup"), .usage),
        (.invalidData(file: "f.tsv", line: 2, reason: "bad"), .dataError),
        (.invalidDate("2026-02-30"), .usage),
        (.invalidWeek("2026-W99"), .usage),
        (.invalidPeriod("backwards"), .usage),
        (.invalidProfile(.age, "age 300"), .usage),
        (.invalidEntry(.grams, "grams -1"), .dataError),
        (.ambiguousFood("milk", candidates: []), .dataError),
        (.unknownUnit("2 cupz milk", unit: "cupz", food: "milk", known: ["cup"]), .dataError),
        (.fileAccess("cannot read"), .ioError),
        (.busy("locked"), .tryAgain),
        (.invalidRows(["a.csv:2: bad"]), .dataError),
        (.unknownEntryID(7), .dataError),
        (.profileWithoutAge, .usage),
    ]

    @Test("every library error maps to its exit code")
    func exitCodes() {
        for (error, code) in Self.everyCase {
            #expect(CLIError(error).exitCode == code, "\(error)")
        }
    }

    @Test("the library's messages name no command or option; the command line adds that advice")
    func advice() {
        for (error, _) in Self.everyCase {
            #expect(
                !error.description.contains("mineral ") && !error.description.contains("--"), "\(error.description)")
        }
        #expect(CLIError(.unknownEntryID(7)).description == "no entry with id 7; see `mineral entries` for ids")
        #expect(
            CLIError(.profileWithoutAge).description == "the profile has no age; give --age YEARS or --born YYYY-MM-DD")
        #expect(
            CLIError(.unknownNDBNumber("99999")).description
                == "no food with NDB number 99999 in USDA SR28; find numbers with `mineral foods search NAME`")
        #expect(CLIError(.ambiguousFood("milk", candidates: [])).description.contains("(name one with --food NDB)"))
    }
}

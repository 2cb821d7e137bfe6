import FoundationEssentials
import Testing
@testable import MineralIntake

@Suite("The report decides by codes and numbers; the rendering layer makes the sentences")
struct ReportSentencesTests {
    @Test("each verdict reason gives its own sentence, made from the report's numbers")
    func everyReason() throws {
        let report = ReportRenderingTests.report([WeeklyReportTests.entry(1, day: 0, "02047", grams: 14)])
        var calcium = try #require(report[.calcium])
        var sentences: Set<String> = []
        for code in VerdictReason.Code.allCases {
            calcium.reason = VerdictReason(code, servingsWithoutValue: 2, weighedFoodOnly: true)
            let sentence = calcium.explanation
            sentences.insert(sentence)
            let average = try #require(calcium.average)
            if code != .notLogged && code != .noGoal {
                #expect(sentence.contains(NumberText.display(average)), "\(code): \(sentence)")
            }
        }
        #expect(sentences.count == VerdictReason.Code.allCases.count)
    }

    @Test("the JSON holds the reason and the sentence; read back, the sentence is made again, the same")
    func roundTrip() throws {
        let report = ReportRenderingTests.report([WeeklyReportTests.entry(1, day: 0, "09032", grams: 60)])
        let json = try ReportRenderer.json(report)
        #expect(json.contains("\"reason\" : {"))
        #expect(json.contains("\"statement\" : \"How sure"))
        let read = try JSONDecoder().decode(
            VersionedOutput<WeeklyReport>.self, from: Data(json.utf8)
        ).data
        #expect(read == report)
        #expect(read.nutrients.map(\.explanation) == report.nutrients.map(\.explanation))
    }
}

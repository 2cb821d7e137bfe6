import Foundation
import Testing
@testable import MineralIntake

/// The phrase corpus (`PhraseCorpus/phrases.tsv`): everyday phrases as people type them, each with the foods a
/// dietitian would accept and a plausible weight. At least 95 % must log such a food and weight at the first try,
/// and none may log a food whose words do not fit (a refusal or a question is acceptable; a wrong food is not).
@Suite("Phrase corpus: first-try rate and wrong foods")
struct PhraseCorpusTests {
    struct Phrase {
        var text: String
        var acceptable: Set<String>?  // nil: must not be logged as any food
        var grams: ClosedRange<Double>?
        var line: Int
    }

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("PhraseCorpus/phrases.tsv")

    static func phrases() throws -> [Phrase] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var phrases: [Phrase] = []
        var header = true
        for (index, line) in TextLines.lines(text).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            if header { header = false; continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { Issue.record("line \(index + 1): \(fields.count) fields"); continue }
            if fields[1] == "-" {
                phrases.append(Phrase(text: fields[0], acceptable: nil, grams: nil, line: index + 1))
            } else if let low = Double(fields[2]), let high = Double(fields[3]), low <= high {
                phrases.append(
                    Phrase(
                        text: fields[0], acceptable: Set(fields[1].split(separator: ",").map(String.init)),
                        grams: low...high, line: index + 1))
            } else {
                Issue.record("line \(index + 1): grams \(fields[2])–\(fields[3]) are not a range")
            }
        }
        return phrases
    }

    enum Outcome: String { case right, wrongWeight = "wrong weight", refused, wrongFood = "WRONG FOOD" }

    static func outcome(_ phrase: Phrase) -> (Outcome, String) {
        let items: [ParsedItem]
        do { items = try catalog.parseItems(phrase.text) } catch { return (.refused, "refused") }
        let said = items.map { "\($0.food) \($0.grams.map { NumberText.display($0) } ?? "-") g \($0.foodName)" }.joined(
            separator: " + ")
        guard let acceptable = phrase.acceptable, let range = phrase.grams else { return (.wrongFood, said) }
        guard items.count == 1, let item = items.first, acceptable.contains(item.food.description) else {
            return (.wrongFood, said)
        }
        // A little slack for rounding at the range's ends.
        guard let grams = item.grams, grams >= range.lowerBound * 0.995 - 0.01, grams <= range.upperBound * 1.005 + 0.01
        else {
            return (.wrongWeight, said)
        }
        return (.right, said)
    }

    @Test("at least 95 % log the right food and weight at the first try; no wrong food ever")
    func corpus() throws {
        let phrases = try Self.phrases()
        #expect(phrases.count >= 300)
        var counts: [Outcome: Int] = [:]
        var report = ""
        for phrase in phrases {
            let (outcome, said) = Self.outcome(phrase)
            counts[outcome, default: 0] += 1
            if outcome != .right {
                report += "  line \(phrase.line) \(outcome.rawValue): \"\(phrase.text)\" → \(said)\n"
            }
        }
        let positives = phrases.filter { $0.acceptable != nil }.count
        let right = counts[.right] ?? 0
        let rate = Double(right) / Double(positives)
        print(
            "phrase corpus: \(right) of \(positives) logged right at the first try (\(NumberText.display(rate * 100)) "
                + "%); "
                + "wrong weight \(counts[.wrongWeight] ?? 0), refused \(counts[.refused] ?? 0), wrong food "
                + "\(counts[.wrongFood] ?? 0)\n"
                + report)
        #expect(counts[.wrongFood, default: 0] == 0, "a wrong food was logged:\n\(report)")
        #expect(rate >= 0.95, "first-try rate \(rate):\n\(report)")
    }
}

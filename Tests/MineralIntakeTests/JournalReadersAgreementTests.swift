import Testing
@testable import MineralIntake

@Suite("The journal's fast readers agree with its thorough reader")
struct JournalReadersAgreementTests {
    /// Field values that a line may hold, the good ones first (`good` of them): most picks are good, so the fast
    /// readers get to read, and one bad field now and then must send the line to the thorough reader.
    static let ids = ["1", "42", "0", "-3", "+4", "1.5", "", "999999999999", "9999999999999", "x"]
    static let dates = [
        "2026-11-24", "2026-02-29", "2024-02-29", "2026-13-01", "26-11-24", "2026-11-4", "", "2026/11/24",
    ]
    static let meals = ["lunch", "breakfast", "Lunch", "brunch", "", "snack"]
    static let amounts = ["50", "0.5", "0", "1e3", ".5", "5.", "-2", "1000000001", "abc", "", "12345678901234567"]
    // A backspace (0x08) just after a tab is what the scan's eight-bytes-at-a-time tab search may take for a tab.
    static let units = ["g", "cup (not packed)", "", "mg", "\u{08}g"]
    static let grams = ["50", "0.0005", "0.001", "10000", "10001", "", "72.5", "abc", "0"]
    static let foods = [
        "09032", "9032", "99999", "custom:oat brick", "supplement:magnesium", "supplement:energy",
        "recorded:cronometer|95|195||6|2|0|Apple, raw", "recorded:cronometer|1|2", "apricots", "",
    ]
    static let texts = ["50 g dried apricots", "", "é ü", "a\tb", "\u{08}\u{08}\t\u{08}"]

    @Test("on 5,000 random lines: when a fast reader reads a line, the thorough one reads the same entry")
    func agree() {
        var generator = SeededGenerator(seed: 2026_11_26)
        func pick(_ values: [String], good: Int = 2) -> String {
            let pool = generator.next() % 4 == 0 ? values.count : good
            return values[Int(generator.next() % UInt64(pool))]
        }
        var fastRead = 0
        for round in 0..<5000 {
            let line = [
                pick(Self.ids), pick(Self.dates), pick(Self.meals), pick(Self.amounts), pick(Self.units),
                pick(Self.grams),
                pick(Self.foods, good: 3), pick(Self.texts),
            ].joined(separator: "\t")
            let thorough = Result { () throws(MineralIntakeError) in try JournalFormat.parseLine(Substring(line)) }
            var copy = line
            copy.withUTF8 { bytes in
                var fields: [Range<Int>] = []
                var start = 0
                for index in 0..<bytes.count where bytes[index] == 0x09 && fields.count < 7 {
                    fields.append(start..<index)
                    start = index + 1
                }
                fields.append(start..<bytes.count)
                if let fast = JournalFormat.fastLine(bytes, fields) {
                    fastRead += 1
                    #expect((try? thorough.get()) == fast.entry, "round \(round): \(line.debugDescription)")
                }
                if let fast = JournalFormat.fastEntry(bytes, fields) {
                    #expect((try? fast.get()) == (try? thorough.get()), "round \(round): \(line.debugDescription)")
                }
            }
        }
        #expect(fastRead > 50)  // the random lines must exercise the fast path
    }

    @Test("in journals of 5,000 random lines, each id its own: the scan reads each line as the thorough reader does")
    func scanAgrees() {
        var generator = SeededGenerator(seed: 2026_11_27)
        func pick(_ values: [String], good: Int = 2) -> String {
            let pool = generator.next() % 4 == 0 ? values.count : good
            return values[Int(generator.next() % UInt64(pool))]
        }
        // Runs of lines share a date, as a journal writes a day's lines together (the scan reads a date once for
        // its run); the fields are the same random picks as above, the ids unique so that none is refused as a
        // second use.
        var lines: [String] = []
        var date = pick(Self.dates)
        for number in 1...5000 {
            if generator.next() % 5 == 0 { date = pick(Self.dates) }
            lines.append(
                [
                    "\(number)", date, pick(Self.meals), pick(Self.amounts), pick(Self.units), pick(Self.grams),
                    pick(Self.foods, good: 3), pick(Self.texts),
                ].joined(separator: "\t"))
        }
        /// Each line's reading beside the thorough reader's.
        struct Checker: JournalFormat.LineVisitor {
            let bytes: UnsafeBufferPointer<UInt8>
            var visited = 0
            var fastRead = 0
            func thorough(_ range: Range<Int>) -> (line: String, entry: JournalEntry?) {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                return (line, try? JournalFormat.parseLine(Substring(line)))
            }
            mutating func usda(_ line: JournalFormat.FastLine, at range: Range<Int>) {
                visited += 1
                fastRead += 1
                let read = thorough(range)
                #expect(read.entry == line.entry, "\(read.line.debugDescription)")
            }
            mutating func entry(_ entry: JournalEntry, at range: Range<Int>) {
                visited += 1
                let read = thorough(range)
                #expect(read.entry == entry, "\(read.line.debugDescription)")
            }
            mutating func problem(_ problem: JournalProblem, at range: Range<Int>) {
                visited += 1
                let read = thorough(range)
                #expect(read.entry == nil, "\(read.line.debugDescription)")
            }
        }
        var journal = lines.joined(separator: "\n")
        let (visited, fastRead) = journal.withUTF8 { bytes in
            var checker = Checker(bytes: bytes)
            JournalFormat.scan(bytes: bytes, dates: nil, into: &checker)
            return (checker.visited, checker.fastRead)
        }
        #expect(visited == lines.count)
        #expect(fastRead > 200)
    }
}

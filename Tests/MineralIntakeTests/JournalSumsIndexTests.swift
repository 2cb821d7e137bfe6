import FoundationEssentials
import Testing
@testable import MineralIntake

@Suite("A report of a long period from the journal's saved day sums equals the one read from its lines")
struct JournalSumsIndexTests {
    static let withCustom = catalogWithOatBrick

    static func targets() throws -> Targets { try womanTargets() }

    /// A journal that reads whole: USDA foods, custom foods, supplements, recorded servings (some without a weight
    /// or a value), comments, blank lines and CRLF, over about 200 days, written out of date order now and then
    /// (a meal logged days later), with the same food twice on a day.
    static func journal(seed: UInt64, lines: Int) -> String {
        var generator = SeededGenerator(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let first = CalendarDate(year: 2026, month: 3, day: 1)!
        var text = JournalFormat.header
        var day = 0
        for id in 1...lines {
            if generator.next() % 6 == 0 { day += 1 }
            // Now and then a meal of an earlier day, logged late.
            let date = first.adding(days: generator.next() % 10 == 0 ? max(0, day - 3) : day)!
            let meal = pick(["breakfast", "lunch", "dinner", "snack"])
            let line: String
            switch generator.next() % 10 {
            case 0: line = "\(id)\t\(date)\t\(meal)\t200\tmg\t\tsupplement:magnesium\tmagnesium 200 mg"
            case 1:
                line = "\(id)\t\(date)\t\(meal)\t1\tcup\t\trecorded:cronometer|95|195||6|2|0|Apple, raw\t1 cup apple"
            case 2:
                line = "\(id)\t\(date)\t\(meal)\t1\tcup\t240\trecorded:cronometer|120|300|30||90||Soup\t1 cup soup"
            case 3: line = "\(id)\t\(date)\t\(meal)\t40\tg\t40\tcustom:oat brick\t40 g oat brick"
            case 4: line = "# a comment\n\n\(id)\t\(date)\t\(meal)\t50\tg\t50\t99999\tno such food"
            case 5: line = "\(id)\t\(date)\t\(meal)\t0.5\tcup\t72.5\t09298\t1/2 cup raisins\r"
            default:
                line =
                    "\(id)\t\(date)\t\(meal)\t\(Int(generator.next() % 300) + 1)\tg\t"
                    + "\(Int(generator.next() % 300) + 1)\t"
                    + "\(pick(["09032", "09298", "12061", "16609", "20010", "01211"]))\tfood"
            }
            text += line + "\n"
        }
        return text
    }

    /// Periods of at least the index's minimum: inside the journal, over its ends, and far beyond them.
    static func periods(seed: UInt64) throws -> [ReportPeriod] {
        let first = CalendarDate(year: 2026, month: 3, day: 1)!
        let start = Int(seed % 40)
        return [
            try ReportPeriod(from: first.adding(days: start)!, to: first.adding(days: start + 70)!),
            try ReportPeriod(from: first.adding(days: -20)!, to: first.adding(days: 90 + start)!),
            try ReportPeriod(
                from: CalendarDate(year: 2016, month: 1, day: 1)!, to: CalendarDate(year: 2030, month: 1, day: 1)!),
        ]
    }

    @Test("made, saved and read back: the same report as from the lines, for 12 journals and 3 periods each")
    func sameReport() throws {
        let targets = try Self.targets()
        let complete: Set<CalendarDate> = [CalendarDate(year: 2026, month: 3, day: 5)!]
        for seed in 1...12 as ClosedRange<UInt64> {
            let data = Data(Self.journal(seed: seed, lines: 600).utf8)
            for period in try Self.periods(seed: seed) {
                let direct = Self.withCustom.weeklyReport(
                    period: period, journal: data, targets: targets, completeDays: complete)
                #expect(direct.problems.isEmpty && direct.report.entryCount > 50, "seed \(seed)")
                let made = Self.withCustom.weeklyReport(
                    period: period, journal: data, sumsIndex: nil, targets: targets, completeDays: complete)
                let saved = try #require(made.indexToSave, "seed \(seed): an index is made for \(period.label)")
                #expect(same(made.report == direct.report), "seed \(seed), \(period.label): made now")
                let read = Self.withCustom.weeklyReport(
                    period: period, journal: data, sumsIndex: saved, targets: targets, completeDays: complete)
                #expect(read.indexToSave == nil, "seed \(seed): the saved index is current")
                #expect(same(read.report == direct.report), "seed \(seed), \(period.label): read from the saved index")
            }
        }
    }

    @Test("an index of other bytes (one digit changed), or of other compositions, is made again")
    func staleIndex() throws {
        let targets = try Self.targets()
        let text = Self.journal(seed: 7, lines: 400)
        let data = Data(text.utf8)
        let period = try #require(try Self.periods(seed: 7).last)
        let saved = try #require(
            Self.withCustom.weeklyReport(period: period, journal: data, sumsIndex: nil, targets: targets).indexToSave)
        // The same length, one gram more somewhere: the index must not be believed.
        let edited = Data(text.replacingFirst("\t40\tcustom:oat brick", with: "\t41\tcustom:oat brick").utf8)
        #expect(edited.count == data.count && edited != data)
        let afterEdit = Self.withCustom.weeklyReport(
            period: period, journal: edited, sumsIndex: saved, targets: targets)
        #expect(afterEdit.indexToSave != nil)
        #expect(
            same(
                afterEdit.report
                    == Self.withCustom.weeklyReport(period: period, journal: edited, targets: targets).report))
        // The custom food's values changed: same journal, other sums.
        let changed = FoodCatalog(
            database: catalog.database,
            customFoods: [CustomFood(name: "oat brick", per100g: NutrientValues(energyKcal: 400, potassiumMg: 310))])
        let afterChange = changed.weeklyReport(period: period, journal: data, sumsIndex: saved, targets: targets)
        #expect(afterChange.indexToSave != nil)
        #expect(
            same(afterChange.report == changed.weeklyReport(period: period, journal: data, targets: targets).report))
    }

    @Test(
        "a damaged index (a byte changed, cut short, grown, empty) is never believed; damaged rows are found when read"
    )
    func damagedIndex() throws {
        let targets = try Self.targets()
        let data = Data(Self.journal(seed: 9, lines: 300).utf8)
        let periods = try Self.periods(seed: 9)
        // The widest period holds every day of the index: it reads no row, so damage to the rows' amounts (the last
        // part of the file) is found by a period that reads them, the first one.
        let whole = try #require(periods.last)
        let part = periods[0]
        let saved = try #require(
            Self.withCustom.weeklyReport(period: whole, journal: data, sumsIndex: nil, targets: targets).indexToSave)
        let rowCount = saved.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 8 + 6 * 8, as: UInt64.self)) }
        let rowsStart = saved.count - rowCount * FoodCatalog.PeriodSums.width * 8 - 8
        #expect(rowCount > 100 && rowsStart > 1000)
        var generator = SeededGenerator(seed: 99)
        var damaged: [(Data, inRows: Bool)] = [
            (Data(), false), (saved.prefix(saved.count - 1), false), (saved + Data([0]), false),
            (saved.prefix(40), false),
        ]
        for round in 0..<300 {
            var copy = saved
            // Half the changes in the rows' amounts, half anywhere.
            let at =
                round % 2 == 0
                ? rowsStart + Int(generator.next() % UInt64(copy.count - rowsStart))
                : Int(generator.next() % UInt64(copy.count))
            copy[copy.startIndex + at] ^= UInt8(1 << (generator.next() % 8))
            damaged.append((copy, at >= rowsStart))
        }
        for period in [whole, part] {
            let direct = Self.withCustom.weeklyReport(period: period, journal: data, targets: targets).report
            for (number, (index, inRows)) in damaged.enumerated() {
                let read = Self.withCustom.weeklyReport(
                    period: period, journal: data, sumsIndex: index, targets: targets)
                if period == whole && inRows {
                    #expect(read.indexToSave == nil, "damage \(number) to a row was read by a period that needs none")
                } else {
                    #expect(read.indexToSave != nil, "damage \(number) was believed for \(period.label)")
                }
                #expect(same(read.report == direct), "damage \(number), \(period.label)")
            }
        }
    }

    /// An index file written by hand: the magic, `words` as the header, `rest`, and a checksum that holds.
    static func forged(_ words: [UInt64], _ rest: [UInt8] = []) -> Data {
        var bytes = JournalSumsIndex.magic
        for word in words { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        bytes += rest
        let checksum = bytes.withUnsafeBytes { XXH64.hash($0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.append(contentsOf: $0) }
        return Data(bytes)
    }

    @Test("a forged index whose checksum and journal hash hold, but whose numbers are impossible, is not believed")
    func forgedIndex() throws {
        let targets = try Self.targets()
        let data = Data(Self.journal(seed: 11, lines: 200).utf8)
        let period = try #require(try Self.periods(seed: 11).last)
        let direct = Self.withCustom.weeklyReport(period: period, journal: data, targets: targets).report
        let length = UInt64(data.count)
        let hash = data.withUnsafeBytes { XXH64.hash($0) }
        let rules = JournalSumsIndex.rulesHash
        let day = UInt64(bitPattern: Int64(CalendarDate(year: 2026, month: 3, day: 1)!.daysSinceEpoch))
        let forgeries: [(String, Data)] = [
            ("a first day past the calendar", Self.forged([length, hash, rules, UInt64(Int64.max), 1, 0, 0])),
            ("a first day before it", Self.forged([length, hash, rules, UInt64(bitPattern: Int64.min), 1, 0, 0])),
            ("no days", Self.forged([length, hash, rules, day, 0, 0, 0])),
            ("a million days", Self.forged([length, hash, rules, day, 1_000_000, 0, 0])),
            ("four billion foods", Self.forged([length, hash, rules, day, 1, 0xFFFF_FFFF, 0])),
            ("a food text 2^63 bytes long", Self.forged([length, hash, rules, day, 1, 1, 0, 1 << 63])),
            ("four billion rows", Self.forged([length, hash, rules, day, 1, 0, 0xFFFF_FFFF])),
            ("other quantity limits", Self.forged([length, hash, rules ^ 1, day, 1, 0, 0])),
        ]
        for (what, index) in forgeries {
            let read = Self.withCustom.weeklyReport(period: period, journal: data, sumsIndex: index, targets: targets)
            #expect(read.indexToSave != nil, "\(what): believed")
            #expect(same(read.report == direct), "\(what)")
        }
    }

    /// `bytes` with both checksums made again, as a forger who knows XXH64 would make them.
    static func resealed(_ bytes: [UInt8]) -> Data {
        var bytes = bytes
        let rowCount = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 8 + 6 * 8, as: UInt64.self)) }
        let rowChecksum = bytes.count - 8
        let rows = rowChecksum - rowCount * FoodCatalog.PeriodSums.width * 8
        let checksum = rows - 8
        func put(_ value: UInt64, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + 8, with: $0) }
        }
        put(bytes[..<checksum].withUnsafeBytes { XXH64.hash($0) }, at: checksum)
        put(bytes[rows..<rowChecksum].withUnsafeBytes { XXH64.hash($0) }, at: rowChecksum)
        return Data(bytes)
    }

    @Test(
        "a forged index naming a food twice, or with an impossible amount (negative, huge, NaN), is not believed"
    )
    func forgedValues() throws {
        let targets = try Self.targets()
        // Two foods whose journal texts are five digits each, on four days, for a whole and a partial period.
        var text = JournalFormat.header
        for day in 0..<80 {
            let date = CalendarDate(year: 2026, month: 3, day: 1)!.adding(days: day)!
            text += "\(2 * day + 1)\t\(date)\tlunch\t50\tg\t50\t09032\tapricots\n"
            text += "\(2 * day + 2)\t\(date)\tdinner\t30\tg\t30\t09298\traisins\n"
        }
        let data = Data(text.utf8)
        let whole = try ReportPeriod(
            from: CalendarDate(year: 2026, month: 1, day: 1)!, to: CalendarDate(year: 2026, month: 12, day: 31)!)
        let part = try ReportPeriod(
            from: CalendarDate(year: 2026, month: 3, day: 5)!, to: CalendarDate(year: 2026, month: 5, day: 10)!)
        let saved = try #require(
            catalog.weeklyReport(period: whole, journal: data, sumsIndex: nil, targets: targets).indexToSave)
        let bytes = [UInt8](saved)
        // The layout: magic and seven words, then each food's length and text, then compositions and day sums.
        let firstText = 8 + 56 + 8
        let secondText = firstText + 5 + 8
        #expect(Array(bytes[firstText..<firstText + 5]) == Array("09032".utf8))
        #expect(Array(bytes[secondText..<secondText + 5]) == Array("09298".utf8))
        let known = secondText + 5
        let width = FoodCatalog.PeriodSums.width
        let unknownShare = known + 2 * width * 8
        let foodAmount = unknownShare + 2 * width * 8
        var twice = bytes
        twice.replaceSubrange(secondText..<secondText + 5, with: bytes[firstText..<firstText + 5])
        twice.replaceSubrange(known + width * 8..<known + 2 * width * 8, with: bytes[known..<known + width * 8])
        twice.replaceSubrange(
            unknownShare + width * 8..<unknownShare + 2 * width * 8,
            with: bytes[unknownShare..<unknownShare + width * 8])
        var forgeries: [(String, Data)] = [("a food named twice", Self.resealed(twice))]
        for (name, value) in [("a negative amount", -1.0), ("a huge amount", 1e300), ("not a number", Double.nan)] {
            var forged = bytes
            withUnsafeBytes(of: value.bitPattern.littleEndian) {
                forged.replaceSubrange(foodAmount + 8..<foodAmount + 16, with: $0)
            }
            forgeries.append((name, Self.resealed(forged)))
            // The same in a row's amounts, which only a report of part of the journal reads.
            var row = bytes
            let rowCount = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 8 + 6 * 8, as: UInt64.self)) }
            let rows = bytes.count - 8 - rowCount * width * 8
            withUnsafeBytes(of: value.bitPattern.littleEndian) {
                row.replaceSubrange(rows + 40 * width * 8 + 8..<rows + 40 * width * 8 + 16, with: $0)
            }
            forgeries.append((name + " in a row", Self.resealed(row)))
        }
        // Resealed but unchanged, the index is believed: the checks above are what refuse the forgeries.
        #expect(
            catalog.weeklyReport(period: part, journal: data, sumsIndex: Self.resealed(bytes), targets: targets)
                .indexToSave == nil)
        for (what, index) in forgeries {
            let period = what.hasSuffix("in a row") ? part : whole
            let direct = catalog.weeklyReport(period: period, journal: data, targets: targets).report
            let read = catalog.weeklyReport(period: period, journal: data, sumsIndex: index, targets: targets)
            #expect(read.indexToSave != nil, "\(what): believed")
            #expect(same(read.report == direct), "\(what)")
        }
    }

    @Test("a line of spaces is skipped as the reader skips it; dates a century apart get no index")
    func edges() throws {
        let targets = try Self.targets()
        let period = try #require(try Self.periods(seed: 5).last)
        let spaced = Data((Self.journal(seed: 5, lines: 100) + "  \t \n").utf8)
        #expect(
            Self.withCustom.weeklyReport(period: period, journal: spaced, sumsIndex: nil, targets: targets)
                .indexToSave != nil)
        let apart = Data(
            (Self.journal(seed: 5, lines: 100) + "101\t1900-01-01\tlunch\t50\tg\t50\t09032\tlong ago\n").utf8)
        let made = Self.withCustom.weeklyReport(period: period, journal: apart, sumsIndex: nil, targets: targets)
        #expect(made.indexToSave == nil)
        #expect(
            same(made.report == Self.withCustom.weeklyReport(period: period, journal: apart, targets: targets).report))
    }

    @Test("a journal with a line that cannot be read gets no index, and its report names the line")
    func journalWithProblems() throws {
        let targets = try Self.targets()
        let text = Self.journal(seed: 3, lines: 300) + "301\t2026-04-01\tlunch\tlots\tg\t40\t09032\tbroken\n"
        let data = Data(text.utf8)
        let period = try #require(try Self.periods(seed: 3).last)
        let made = Self.withCustom.weeklyReport(period: period, journal: data, sumsIndex: nil, targets: targets)
        #expect(made.indexToSave == nil)
        #expect(made.problems.count == 1)
        #expect(
            same(made.report == Self.withCustom.weeklyReport(period: period, journal: data, targets: targets).report))
    }

    @Test("a short period reads the journal's lines: no index is read or made")
    func shortPeriod() throws {
        let targets = try Self.targets()
        let data = Data(Self.journal(seed: 4, lines: 300).utf8)
        let week = ReportPeriod(weekOf: CalendarDate(year: 2026, month: 3, day: 10)!)
        let made = Self.withCustom.weeklyReport(
            period: week, journal: data, sumsIndex: Data("junk".utf8), targets: targets)
        #expect(made.indexToSave == nil)
        #expect(same(made.report == Self.withCustom.weeklyReport(period: week, journal: data, targets: targets).report))
    }

    @Test("the sums' columns are the nutrients in the order compositions list them")
    func columns() {
        for (index, nutrient) in FoodCatalog.Composition.nutrients.enumerated() {
            #expect(FoodCatalog.PeriodSums.column(nutrient) == index, "\(nutrient)")
        }
    }
}

extension String {
    /// The text with the first `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

/// Whether two reports are equal, as one value: a failed expectation then names the case, not two whole reports.
private func same(_ equal: Bool) -> Bool { equal }

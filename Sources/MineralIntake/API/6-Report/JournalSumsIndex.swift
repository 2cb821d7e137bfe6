import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The day sums of a whole journal, saved beside it so that a report of a long period (a year, ten years) need not
/// read every line: each day's totals and each day's amounts by food, as ``FoodCatalog`` adds them up.
///
/// An index is only a shortcut, never a source: it is used only when it was made from exactly the journal's bytes
/// (their length and XXH64 hash), under the same quantity limits, with exactly the compositions the catalog gives its
/// foods now (each one kept in the index and compared), and its own checksum holds; otherwise it is made again from
/// the journal. A journal with a line that cannot be read gets no index (its report says which lines, as always).
/// Reports made with and without an index are the same, number for number (tested). The checks find a damaged or
/// out-of-date index, not a forged one: XXH64 has no key, and whoever can write the index can write the journal.
struct JournalSumsIndex {
    /// What the file starts with, and its layout's version: a change to how lines are read or sums are made
    /// changes the version.
    static let magic: [UInt8] = Array("MINSUMS".utf8) + [3]

    /// The most days an index spans (a hundred years): a journal whose dates spread further (a typo of a year)
    /// gets none, rather than an index of hundreds of megabytes.
    static let maximumDays = 36_525

    /// The quantity limits lines are read under, as a hash kept in the index: an index made under other limits
    /// (which could have refused some line) is not believed.
    static let rulesHash: UInt64 = {
        let rules =
            "\(QuantityLimits.grams) \(QuantityLimits.amount) "
            + Nutrient.allCases.map { "\($0.rawValue) \(QuantityLimits.supplement($0))" }.joined(separator: " ")
        return Array(rules.utf8).withUnsafeBytes { XXH64.hash($0) }
    }()

    /// The journal the index was made from: its length and hash.
    let journalLength: Int
    let journalHash: UInt64
    /// The sums over every day from the journal's first date to its last.
    let sums: FoodCatalog.PeriodSums

    /// The index of `journal`, or `nil` when the journal has no entries, a line that cannot be read, or a date
    /// that is not written `YYYY-MM-DD`.
    static func make(journal: Data, catalog: FoodCatalog) -> JournalSumsIndex? {
        journal.withUnsafeBytes { raw -> JournalSumsIndex? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let range = dateRange(bytes),
                range.to.daysSinceEpoch - range.from.daysSinceEpoch < maximumDays,
                let period = try? ReportPeriod(from: range.from, to: range.to)
            else { return nil }
            // Hashed before and after: a journal rewritten in place while it was read gets no index.
            let hash = XXH64.hash(raw)
            var summing = FoodCatalog.PeriodSums.Summing(sums: FoodCatalog.PeriodSums(period: period), catalog: catalog)
            JournalFormat.scan(bytes: bytes, dates: nil, into: &summing)
            guard summing.problems.isEmpty, summing.sums.entryCount > 0, XXH64.hash(raw) == hash,
                // Each food is saved as its journal text: it must read back as the same food.
                summing.sums.sources.allSatisfy({ FoodReference(journalText: $0.description) == $0 })
            else { return nil }
            return JournalSumsIndex(journalLength: bytes.count, journalHash: hash, sums: summing.sums)
        }
    }

    /// The first and last date of the journal's lines, looked at as bytes; `nil` when a line's second field is not
    /// ten bytes `YYYY-MM-DD` of a real day (the index is then not made), or there is no line.
    private static func dateRange(_ bytes: UnsafeBufferPointer<UInt8>) -> (from: CalendarDate, to: CalendarDate)? {
        guard let base = bytes.baseAddress else { return nil }
        var low: [UInt8]?
        var high: [UInt8]?
        var last: [UInt8] = []
        var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        while start < bytes.count {
            let end =
                memchr(base + start, 0x0A, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                ?? bytes.count
            defer { start = end + 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == start || bytes[start] == 0x23 { continue }
            // A line of only spaces and tabs is skipped, as the scan skips it.
            if bytes[start..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard let tab = memchr(base + start, 0x09, lineEnd - start) else { return nil }
            let dateStart = UnsafeRawPointer(tab) - UnsafeRawPointer(base) + 1
            guard dateStart + 10 < lineEnd, bytes[dateStart + 10] == 0x09 else { return nil }
            let date = UnsafeBufferPointer(rebasing: bytes[dateStart..<dateStart + 10])
            if date.elementsEqual(last) { continue }
            last = Array(date)
            if low.map({ last.lexicographicallyPrecedes($0) }) ?? true { low = last }
            if high.map({ $0.lexicographicallyPrecedes(last) }) ?? true { high = last }
        }
        guard let low, let high, let from = try? CalendarDate(parsing: String(decoding: low, as: UTF8.self)),
            let to = try? CalendarDate(parsing: String(decoding: high, as: UTF8.self)),
            from.description.utf8.elementsEqual(low), to.description.utf8.elementsEqual(high)
        else { return nil }
        return (from, to)
    }
}

// MARK: - The saved form

extension JournalSumsIndex {
    /// The index as saved: little-endian numbers after the magic (the journal's length and hash, the quantity
    /// limits' hash, the first day and the numbers of days, foods and rows; each food's journal text and
    /// composition; each day's sums; each day's number of rows and each row's food; each food's totals over all
    /// days), the XXH64 checksum of all of it; then each row's amounts and their own checksum. A report of the
    /// whole journal needs no row and checks no row; a report of part of it checks the rows' checksum first.
    func encoded() -> Data {
        let width = FoodCatalog.PeriodSums.width
        var out = Data(Self.magic)
        func put(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func put<T>(array: [T]) { array.withUnsafeBytes { out.append(contentsOf: $0) } }
        let days = sums.days.indices
        let rows = days.map { sums.rows(day: $0) }
        let rowCount = rows.reduce(0) { $0 + $1.count }
        put(UInt64(journalLength))
        put(journalHash)
        put(Self.rulesHash)
        put(UInt64(bitPattern: Int64(sums.firstDay)))
        put(UInt64(sums.days.count))
        put(UInt64(sums.sources.count))
        put(UInt64(rowCount))
        for food in sums.sources {
            let text = Array(food.description.utf8)
            put(UInt64(text.count))
            out.append(contentsOf: text)
        }
        put(array: sums.known)
        put(array: sums.unknownShare)
        put(array: sums.foodAmount)
        put(array: sums.foodGramsWithoutValue)
        put(array: sums.supplementAmount)
        put(array: sums.foodGrams)
        put(array: sums.foodEntriesWithoutValue)
        put(array: sums.weightless)
        put(array: sums.entries)
        put(array: days.map { UInt8(sums.hasFood[$0] ? 1 : 0) | (sums.logged[$0] ? 2 : 0) })
        put(array: rows.map { Int32($0.count) })
        put(array: rows.flatMap { $0.map { sums.rowSlot[$0] } })
        // Each food's totals over every day: its rows added in the order a report of the whole journal adds them.
        put(array: sums.totalsBySource())
        put(out.withUnsafeBytes { XXH64.hash($0) })
        var amounts: [Double] = []
        amounts.reserveCapacity(rowCount * width)
        for row in rows.joined() { amounts.append(contentsOf: sums.rowAmount[row * width..<(row + 1) * width]) }
        put(array: amounts)
        put(amounts.withUnsafeBytes { XXH64.hash($0) })
        return out
    }
}

/// A saved index read back and checked, its numbers still in the saved bytes: a report reads its days where they
/// lie (``withSums(for:_:)``).
struct SavedSumsIndex {
    private let data: Data
    let firstDay: Int
    let dayCount: Int
    let sources: [FoodReference]
    private let rowCount: Int
    /// Where each array starts in `data`.
    private let offsets: Offsets

    struct Offsets {
        var known = 0, unknownShare = 0, foodAmount = 0, foodGramsWithoutValue = 0, supplementAmount = 0
        var foodGrams = 0, foodEntriesWithoutValue = 0, weightless = 0, entries = 0, flags = 0
        var dayRowCount = 0, rowSlot = 0, sourceTotals = 0, checksum = 0, rowAmount = 0, rowChecksum = 0
    }

    /// The index in `data`, if it is whole (its checksum holds), was made from exactly `journal`'s bytes, and
    /// gives each food the composition `catalog` gives it now; `nil` otherwise. The rows' amounts are checked when a
    /// report first needs them.
    init?(_ data: Data, journal: Data, catalog: FoodCatalog) {
        #if _endian(big)
            return nil
        #else
            let width = FoodCatalog.PeriodSums.width
            guard data.count >= JournalSumsIndex.magic.count + 72 else { return nil }
            let header: (Int, UInt64, Int, Int, Int, Int)? = data.withUnsafeBytes { raw in
                guard raw.prefix(JournalSumsIndex.magic.count).elementsEqual(JournalSumsIndex.magic) else { return nil }
                func word(_ index: Int) -> UInt64 {
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 + index * 8, as: UInt64.self))
                }
                // Counts beyond any journal, and days outside the calendar, are damage or forgery (and would overflow
                // the sizes and dates below): checked as unsigned words before any becomes an Int.
                let firstDay = Int64(bitPattern: word(3))
                guard word(0) < 1 << 48, word(2) == JournalSumsIndex.rulesHash,
                    firstDay >= Int64(CalendarDate.first.daysSinceEpoch),
                    firstDay <= Int64(CalendarDate.last.daysSinceEpoch), word(4) >= 1,
                    word(4) <= UInt64(JournalSumsIndex.maximumDays), word(5) <= UInt64(raw.count / 8),
                    word(6) <= UInt64(raw.count / 8)
                else { return nil }
                return (Int(word(0)), word(1), Int(firstDay), Int(word(4)), Int(word(5)), Int(word(6)))
            }
            guard let (journalLength, journalHash, firstDay, dayCount, slotCount, rowCount) = header,
                journalLength == journal.count,
                CalendarDate(daysSinceEpoch: firstDay + dayCount - 1) != nil
            else { return nil }
            // The foods' journal texts (each count was checked against the file's size above).
            var offset = JournalSumsIndex.magic.count + 56
            var textRanges: [Range<Int>] = []
            for _ in 0..<slotCount {
                guard offset + 8 <= data.count else { return nil }
                let word = data.withUnsafeBytes {
                    UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                }
                guard word < 1 << 16, offset + 8 + Int(word) <= data.count else { return nil }
                textRanges.append(offset + 8..<offset + 8 + Int(word))
                offset += 8 + Int(word)
            }
            var offsets = Offsets()
            func take(_ name: WritableKeyPath<Offsets, Int>, _ count: Int, _ size: Int) {
                offsets[keyPath: name] = offset
                offset += count * size
            }
            take(\.known, slotCount * width, 8)
            take(\.unknownShare, slotCount * width, 8)
            take(\.foodAmount, dayCount * width, 8)
            take(\.foodGramsWithoutValue, dayCount * width, 8)
            take(\.supplementAmount, dayCount * width, 8)
            take(\.foodGrams, dayCount, 8)
            take(\.foodEntriesWithoutValue, dayCount * width, 4)
            take(\.weightless, dayCount, 4)
            take(\.entries, dayCount, 4)
            take(\.flags, dayCount, 1)
            take(\.dayRowCount, dayCount, 4)
            take(\.rowSlot, rowCount, 4)
            take(\.sourceTotals, slotCount * width, 8)
            take(\.checksum, 1, 8)
            take(\.rowAmount, rowCount * width, 8)
            take(\.rowChecksum, 1, 8)
            guard offset == data.count else { return nil }
            let checked = offsets.checksum
            let whole: Bool = data.withUnsafeBytes { raw in
                XXH64.hash(UnsafeRawBufferPointer(rebasing: raw[..<checked]))
                    == UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: checked, as: UInt64.self))
            }
            guard whole, journal.withUnsafeBytes({ XXH64.hash($0) }) == journalHash else { return nil }
            var sources: [FoodReference] = []
            for range in textRanges {
                guard
                    let food = FoodReference(
                        journalText: String(
                            decoding: data[data.startIndex + range.lowerBound..<data.startIndex + range.upperBound],
                            as: UTF8.self))
                else { return nil }
                sources.append(food)
            }
            // Each food once (the sums index keeps one slot a food: a forged second one would stand twice in a report).
            guard Set(sources).count == sources.count else { return nil }
            self.data = data
            self.firstDay = firstDay
            self.dayCount = dayCount
            self.sources = sources
            self.rowCount = rowCount
            self.offsets = offsets
            // Each food's composition as the catalog gives it now, bit for bit as the index was made with.
            for (slot, food) in sources.enumerated() {
                let known: [Double]
                let unknown: [Double]
                switch food {
                case .supplement, .recorded:
                    known = Array(repeating: 0, count: width)
                    unknown = known
                case .usda, .custom:
                    let composition = catalog.knownOrUnknownComposition(of: food)
                    known = composition.known
                    unknown = composition.unknownShare
                }
                guard
                    known.map(\.bitPattern) == self.doubles(offsets.known + slot * width * 8, width).map(\.bitPattern),
                    unknown.map(\.bitPattern)
                        == self.doubles(offsets.unknownShare + slot * width * 8, width).map(\.bitPattern)
                else { return nil }
            }
            // Rows: each day's count adds up to all rows, each row names a food of the index (read in place: the
            // rows of ten years are 117 KB).
            let rowsHold: Bool = data.withUnsafeBytes { raw in
                func integer(_ offset: Int) -> Int {
                    Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
                }
                var rows = 0
                for day in 0..<dayCount {
                    let count = integer(offsets.dayRowCount + day * 4)
                    guard count >= 0 else { return false }
                    rows += count
                }
                return rows == rowCount
                    && (0..<rowCount).allSatisfy { (0..<slotCount).contains(integer(offsets.rowSlot + $0 * 4)) }
            }
            guard rowsHold else { return nil }
            // Every amount, gram and total a possible sum (never negative, never beyond what any journal could add
            // up, a number): a forged one must not reach a report's arithmetic. The counts are never negative.
            let valuesHold: Bool = data.withUnsafeBytes { raw in
                func doubles(_ from: Int, _ to: Int) -> Bool {
                    stride(from: from, to: to, by: 8).allSatisfy {
                        Self.possible(
                            Double(
                                bitPattern: UInt64(
                                    littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: UInt64.self))))
                    }
                }
                func integers(_ from: Int, _ to: Int) -> Bool {
                    stride(from: from, to: to, by: 4).allSatisfy {
                        Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: Int32.self)) >= 0
                    }
                }
                return doubles(offsets.foodAmount, offsets.foodEntriesWithoutValue)
                    && integers(offsets.foodEntriesWithoutValue, offsets.flags)
                    && doubles(offsets.sourceTotals, offsets.checksum)
            }
            guard valuesHold else { return nil }
        #endif
    }

    /// Whether a saved amount could be a sum of a journal's entries: not negative, and under 10^15 (a day of the
    /// largest journal of the largest entries stays far below), so that no average or total made of them overflows.
    static func possible(_ value: Double) -> Bool { value >= 0 && value < 1e15 }

    /// `count` doubles saved from byte `offset` on.
    private func doubles(_ offset: Int, _ count: Int) -> [Double] {
        data.withUnsafeBytes { raw in
            (0..<count).map {
                Double(
                    bitPattern: UInt64(
                        littleEndian: raw.loadUnaligned(fromByteOffset: offset + $0 * 8, as: UInt64.self)))
            }
        }
    }

    /// `body`'s result with the sums of `period`, read from the index where they lie while `body` runs (a day the
    /// index does not hold had nothing logged); `nil` when the period needs the rows' amounts and their checksum does
    /// not hold.
    func withSums<Result>(for period: ReportPeriod, _ body: (IndexedDaySums) -> Result) -> Result? {
        let width = FoodCatalog.PeriodSums.width
        return data.withUnsafeBytes { raw -> Result? in
            func integer(_ offset: Int) -> Int {
                Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
            }
            func double(_ offset: Int) -> Double {
                Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            }
            let from = max(period.from.daysSinceEpoch, firstDay)
            let to = min(period.to.daysSinceEpoch, firstDay + dayCount - 1)
            // Each food of the period by the order its rows are met (day by day, in order within a day), and its
            // totals: the saved ones for a period that holds every day of the index, else its rows added up.
            var order: [Int] = []
            var totals: [Double] = []
            var entries = 0
            if from <= to {
                let source = from - firstDay
                let count = to - from + 1
                for day in source..<source + count { entries += integer(offsets.entries + day * 4) }
                let firstRow = (0..<source).reduce(0) { $0 + integer(offsets.dayRowCount + $1 * 4) }
                let rows = (0..<count).reduce(0) { $0 + integer(offsets.dayRowCount + (source + $1) * 4) }
                var slots = [Int](repeating: -1, count: sources.count)
                let everyDay = source == 0 && count == dayCount
                if !everyDay {
                    let amounts = UnsafeRawBufferPointer(rebasing: raw[offsets.rowAmount..<offsets.rowChecksum])
                    guard
                        XXH64.hash(amounts)
                            == UInt64(
                                littleEndian: raw.loadUnaligned(fromByteOffset: offsets.rowChecksum, as: UInt64.self))
                    else { return nil }
                }
                for row in firstRow..<firstRow + rows {
                    let saved = integer(offsets.rowSlot + row * 4)
                    if slots[saved] < 0 {
                        slots[saved] = order.count
                        order.append(saved)
                        if everyDay {
                            for column in 0..<width {
                                totals.append(double(offsets.sourceTotals + (saved * width + column) * 8))
                            }
                        } else {
                            totals.append(contentsOf: repeatElement(0, count: width))
                        }
                    }
                    if !everyDay {
                        let into = slots[saved] * width
                        let from = offsets.rowAmount + row * width * 8
                        for column in 0..<width {
                            let amount = double(from + column * 8)
                            guard Self.possible(amount) else { return nil }
                            totals[into + column] += amount
                        }
                    }
                }
            }
            return body(
                IndexedDaySums(
                    period: period, days: period.days, sources: order.map { sources[$0] }, entryCount: entries,
                    sourceTotals: totals, raw: raw, offsets: offsets,
                    shift: period.from.daysSinceEpoch - firstDay, indexDays: dayCount))
        }
    }
}

/// A period's sums read where a saved index holds them, for as long as its bytes are lent (inside
/// ``SavedSumsIndex/withSums(for:_:)``): the numbers a report reads are the saved bits, as the sums made from the
/// journal's lines would hold them.
struct IndexedDaySums: DaySums {
    let period: ReportPeriod
    let days: [CalendarDate]
    let sources: [FoodReference]
    let entryCount: Int
    let sourceTotals: [Double]
    let raw: UnsafeRawBufferPointer
    let offsets: SavedSumsIndex.Offsets
    /// The index's day of the period's day 0.
    let shift: Int
    let indexDays: Int

    private static let width = FoodCatalog.PeriodSums.width

    /// The index's day of the period's day `day`, or `nil` when the index does not hold it.
    private func indexDay(_ day: Int) -> Int? {
        let position = day + shift
        return position >= 0 && position < indexDays ? position : nil
    }

    private func double(_ offset: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }

    private func integer(_ offset: Int) -> Int {
        Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
    }

    func food(day: Int, _ nutrient: Nutrient) -> NutrientTotal {
        guard let day = indexDay(day) else { return NutrientTotal() }
        let cell = day * Self.width + FoodCatalog.PeriodSums.column(nutrient)
        return NutrientTotal(
            amount: double(offsets.foodAmount + cell * 8),
            gramsWithoutValue: double(offsets.foodGramsWithoutValue + cell * 8),
            grams: double(offsets.foodGrams + day * 8),
            entriesWithoutValue: integer(offsets.foodEntriesWithoutValue + cell * 4))
    }

    func supplements(day: Int, _ nutrient: Nutrient) -> Double {
        guard let day = indexDay(day) else { return 0 }
        return double(offsets.supplementAmount + (day * Self.width + FoodCatalog.PeriodSums.column(nutrient)) * 8)
    }

    func total(day: Int, _ nutrient: Nutrient) -> Double {
        guard let day = indexDay(day) else { return 0 }
        let cell = day * Self.width + FoodCatalog.PeriodSums.column(nutrient)
        return double(offsets.foodAmount + cell * 8) + double(offsets.supplementAmount + cell * 8)
    }

    func foodLogged(day: Int) -> Bool { indexDay(day).map { raw[offsets.flags + $0] & 1 != 0 } ?? false }
    func anythingLogged(day: Int) -> Bool { indexDay(day).map { raw[offsets.flags + $0] & 2 != 0 } ?? false }
    func weightlessServings(day: Int) -> Int { indexDay(day).map { integer(offsets.weightless + $0 * 4) } ?? 0 }
    func totalsBySource() -> [Double] { sourceTotals }
}

import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif

/// The journal's text format: UTF-8, one entry a line, tab-separated, `#` comments. A person can read it, edit it
/// in any editor and keep it under version control:
///
/// ```
/// # id	date	meal	amount	unit	grams	food	text
/// 1	2026-11-24	breakfast	50	g	50	09032	50 g dried apricots
/// 2	2026-11-24	breakfast	0.5	cup (not packed)	72.5	09298	1/2 cup raisins
/// 3	2026-11-24	dinner	200	mg		supplement:magnesium	magnesium 200 mg
/// ```
public enum JournalFormat {
    /// The comment lines a new journal starts with.
    public static let header = """
        # MineralIntake meal journal, format 1. One entry a line, fields separated by tabs:
        # id	date	meal	amount	unit	grams	food	text
        # food is a USDA NDB number, custom:NAME, supplement:NUTRIENT or recorded:SOURCE|amounts|NAME (another tracker's); grams is empty for supplements and recorded servings of unknown weight.
        # Lines starting with # are comments. Edit freely; `mineral check` lists any line it cannot read.

        """

    static let fieldCount = 8

    /// The line for `entry`, ending in `\n`. Every text field goes through ``field(_:)``, so no value can break
    /// or forge a line.
    public static func line(_ entry: JournalEntry) -> String {
        [
            String(entry.id), entry.date.description, entry.meal.rawValue, exact(entry.amount),
            field(entry.unit), entry.grams.map(exact) ?? "", field(entry.food.description), field(entry.text),
        ].joined(separator: "\t") + "\n"
    }

    /// A text as a journal field: tabs, line breaks (`\r`, `\n`, U+0085, U+2028, U+2029) and other control
    /// characters become spaces; nothing else changes. The one place every written field passes through.
    public static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBreaking) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isBreaking($0) ? " " : $0 }))
    }

    private static func isBreaking(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Whether `entry` can be written and read back as it is: every number within ``QuantityLimits``.
    /// - Throws: ``MineralIntakeError/invalidEntry(_:_:)`` naming the number and the limits.
    public static func check(_ entry: JournalEntry) throws(MineralIntakeError) {
        if case .supplement(let nutrient) = entry.food {
            let limits = QuantityLimits.supplement(nutrient)
            guard entry.grams == nil, limits.contains(entry.amount) else {
                throw .invalidEntry(
                    .supplement,
                    "a \(nutrient.displayName) supplement of \(exact(entry.amount)) \(nutrient.unit.rawValue) is "
                        + "outside \(QuantityLimits.describe(limits)) \(nutrient.unit.rawValue) a dose; check the "
                        + "amount"
                )
            }
        } else if case .recorded = entry.food, entry.grams == nil {
            // A serving recorded elsewhere may come without its weight (`1 cup`): its amounts are per serving.
        } else {
            guard let grams = entry.grams, QuantityLimits.grams.contains(grams) else {
                throw .invalidEntry(
                    .grams,
                    "grams \(entry.grams.map(exact) ?? "missing") is outside "
                        + "\(QuantityLimits.describe(QuantityLimits.grams)) g an entry may weigh; check the amount"
                )
            }
        }
        guard QuantityLimits.amount.contains(entry.amount) else {
            throw .invalidEntry(
                .amount,
                "amount \(exact(entry.amount)) is outside \(QuantityLimits.describe(QuantityLimits.amount)); check it")
        }
    }

    /// The shortest decimal that reads back as exactly `value` (`56.69904625`, `0.5`, `130`).
    static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(value)
        return text.contains("e") ? NumberText.plain(value, maxDecimals: 12) : text
    }

    /// Reads a journal. Never fails: each line that cannot be read becomes a ``JournalProblem`` and the rest count.
    /// With `dates`, lines of other days are skipped after a look at their date, so a week of a ten-year journal
    /// costs little more than a scan of the file.
    public static func parse(_ text: String, dates: ClosedRange<CalendarDate>? = nil) -> Journal {
        var text = text
        return text.withUTF8 { parse(bytes: $0, dates: dates) }
    }

    /// Reads a journal straight from its bytes (a file's contents), without first making one large string; invalid
    /// UTF-8 in a field becomes U+FFFD.
    public static func parse(data: Data, dates: ClosedRange<CalendarDate>? = nil) -> Journal {
        data.withUnsafeBytes { parse(bytes: $0.bindMemory(to: UInt8.self), dates: dates) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, dates: ClosedRange<CalendarDate>?) -> Journal {
        /// Each line's entry, or its problem.
        struct Collector: LineVisitor {
            var journal = Journal()
            mutating func usda(_ line: FastLine, at range: Range<Int>) { journal.entries.append(line.entry) }
            mutating func entry(_ entry: JournalEntry, at range: Range<Int>) { journal.entries.append(entry) }
            mutating func problem(_ problem: JournalProblem, at range: Range<Int>) {
                journal.problems.append(problem)
            }
        }
        var collector = Collector()
        collector.journal.entries.reserveCapacity(bytes.count / 56)
        scan(bytes: bytes, dates: dates, into: &collector)
        return collector.journal
    }

    /// Calls `body` with each entry of a journal file's bytes in date, meal and id order, and returns the lines that
    /// could not be read. Only a small key per entry is kept while sorting (the entries are read again, one by one,
    /// as they are handed over), so a journal of years needs little memory: what an export that streams needs.
    public static func forEachEntryInOrder(
        data: Data, _ body: (JournalEntry) throws -> Void
    ) rethrows -> [JournalProblem] {
        try forEachEntryInOrder(
            size: data.count,
            read: { offset, count in
                let from = min(data.startIndex + max(0, offset), data.endIndex)
                return [UInt8](data[from..<min(from + max(0, count), data.endIndex)])
            }, body)
    }

    /// ``forEachEntryInOrder(data:_:)`` for a journal read piece by piece, so that no more of it than a piece is
    /// held at once: `read(offset, count)` gives up to `count` bytes from `offset` on (fewer only at the end of the
    /// `size` bytes). The lines are read in pieces of `pieceSize` bytes for their keys, then again, in order, from
    /// a window of that size that moves along as they are handed over (a journal is mostly in date order).
    public static func forEachEntryInOrder(
        size: Int, read: (_ offset: Int, _ count: Int) throws -> [UInt8], pieceSize: Int = 1 << 16,
        _ body: (JournalEntry) throws -> Void
    ) rethrows -> [JournalProblem] {
        let piece = max(1, pieceSize)
        // Where a line starts, and the id, fit 32 bits in any journal under 4 GB with ids under 2^32: 12 bytes a
        // key, not 24. A larger id is met before any entry is handed over, and the keys are read again wider.
        if size <= Int(UInt32.max) {
            if let problems = try forEachEntryInOrder(size, read, piece, as: OrderKeys<UInt32, UInt32>(), body) {
                return problems
            }
            return try forEachEntryInOrder(size, read, piece, as: OrderKeys<UInt32, Int>(), body) ?? []
        }
        return try forEachEntryInOrder(size, read, piece, as: OrderKeys<Int, Int>(), body) ?? []
    }

    /// ``forEachEntryInOrder(size:read:pieceSize:_:)`` with keys of these widths; `nil` (before `body` is called)
    /// when an id does not fit them.
    private static func forEachEntryInOrder<Offset: FixedWidthInteger, ID: FixedWidthInteger>(
        _ size: Int, _ read: (Int, Int) throws -> [UInt8], _ piece: Int, as empty: OrderKeys<Offset, ID>,
        _ body: (JournalEntry) throws -> Void
    ) rethrows -> [JournalProblem]? {
        var found = empty
        found.keys.reserveCapacity(size / 56)
        // The keys, piece by piece: each piece scanned to its last line end (a line longer than a piece makes the
        // piece longer), the rest carried to the next; the lines counted on, the ids seen kept across pieces.
        var seen = SeenIDs()
        var carried: [UInt8] = []
        var offset = 0
        var line = 1
        while offset < size {
            var chunk = carried
            let more = try read(offset, min(piece, size - offset))
            guard !more.isEmpty else { break }
            chunk += more
            let chunkStart = offset - carried.count
            offset += more.count
            let end = offset >= size ? chunk.count : (chunk.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            carried = Array(chunk[end...])
            guard end > 0 else { continue }
            found.base = chunkStart
            chunk.withUnsafeBufferPointer { bytes in
                let lines = UnsafeBufferPointer(rebasing: bytes[..<end])
                scan(
                    bytes: lines, dates: nil, into: &found, firstLine: line, atFileStart: chunkStart == 0, seen: &seen)
                line += TSVReader.count(of: 0x0A, in: lines, from: 0, to: lines.count)
            }
        }
        guard !found.idTooLarge else { return nil }
        sortNearlyInOrder(&found.keys)
        // The lines again, in order, from a window that moves along: each one read on its own (it read before, so it
        // reads the same way now), to its line end.
        var window: [UInt8] = []
        var windowStart = 0
        for key in found.keys {
            let start = Int(key.start)
            /// Where the line ends in the window, or `nil` when the window does not hold all of it.
            func lineEnd() -> Int? {
                guard start >= windowStart, start < windowStart + window.count else { return nil }
                let from = start - windowStart
                let newline = window.withUnsafeBufferPointer { bytes -> Int? in
                    guard let base = bytes.baseAddress else { return nil }
                    return memchr(base + from, 0x0A, bytes.count - from).map {
                        UnsafeRawPointer($0) - UnsafeRawPointer(base)
                    }
                }
                if let newline { return newline }
                return windowStart + window.count >= size ? window.count : nil
            }
            var end = lineEnd()
            if end == nil {
                window = try read(start, min(piece, size - start))
                windowStart = start
                end = lineEnd()
                while end == nil, windowStart + window.count < size {
                    let more = try read(windowStart + window.count, min(piece, size - windowStart - window.count))
                    guard !more.isEmpty else { break }
                    window += more
                    end = lineEnd()
                }
            }
            guard let end else { continue }
            var one = OneEntry()
            var alone = SeenIDs()
            window.withUnsafeBufferPointer { bytes in
                scan(
                    bytes: UnsafeBufferPointer(rebasing: bytes[(start - windowStart)..<end]), dates: nil, into: &one,
                    atFileStart: false, seen: &alone)
            }
            if let entry = one.entry { try body(entry) }
        }
        return found.problems
    }

    /// Each entry's sort key (its day and meal in one number, and its id) and where its line starts (its end is
    /// found again); the problems; whether an id did not fit `ID`.
    private struct OrderKeys<Offset: FixedWidthInteger, ID: FixedWidthInteger>: LineVisitor {
        var keys: [(dayAndMeal: UInt32, start: Offset, id: ID)] = []
        var problems: [JournalProblem] = []
        var idTooLarge = false
        /// Where the bytes being scanned start in the file.
        var base = 0
        mutating func usda(_ line: FastLine, at range: Range<Int>) {
            add(line.date, line.meal, line.id, range)
        }
        mutating func entry(_ entry: JournalEntry, at range: Range<Int>) {
            add(entry.date, entry.meal, entry.id, range)
        }
        mutating func problem(_ problem: JournalProblem, at range: Range<Int>) { problems.append(problem) }
        private mutating func add(_ date: CalendarDate, _ meal: Meal, _ id: Int, _ range: Range<Int>) {
            guard let id = ID(exactly: id) else { return idTooLarge = true }
            // Days from the calendar's first (under 2^22) times eight, plus the meal's place (under 8).
            let day = UInt32(date.daysSinceEpoch - CalendarDate.first.daysSinceEpoch)
            keys.append(
                (day << 3 | UInt32(Meal.allCases.firstIndex(of: meal) ?? 0), Offset(base + range.lowerBound), id))
        }
    }

    /// Sorts export keys by day and meal, id, then place in the file (a total order, so any sort gives this one).
    /// A journal is mostly in date order, entries out of place only within a day: they are moved into place where
    /// they are (no second buffer the size of the keys, which a merge sort takes); only a journal far out of order
    /// (more moves than eight a key) is sorted by the standard library.
    static func sortNearlyInOrder<Offset: FixedWidthInteger, ID: FixedWidthInteger>(
        _ keys: inout [(dayAndMeal: UInt32, start: Offset, id: ID)]
    ) {
        func before(_ a: (dayAndMeal: UInt32, start: Offset, id: ID), _ b: (dayAndMeal: UInt32, start: Offset, id: ID))
            -> Bool
        {
            if a.dayAndMeal != b.dayAndMeal { return a.dayAndMeal < b.dayAndMeal }
            if a.id != b.id { return a.id < b.id }
            return a.start < b.start
        }
        var budget = 8 * keys.count
        let inPlace: Bool = keys.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count > 1 else { return true }
            for index in 1..<buffer.count {
                let key = buffer[index]
                var place = index
                while place > 0, before(key, buffer[place - 1]) {
                    buffer[place] = buffer[place - 1]
                    place -= 1
                    budget -= 1
                }
                buffer[place] = key
                if budget < 0 { return false }
            }
            return true
        }
        if !inPlace { keys.sort(by: before) }
    }

    /// The entry of the one line read again.
    private struct OneEntry: LineVisitor {
        var entry: JournalEntry?
        mutating func usda(_ line: FastLine, at range: Range<Int>) { entry = line.entry }
        mutating func entry(_ entry: JournalEntry, at range: Range<Int>) { self.entry = entry }
        mutating func problem(_ problem: JournalProblem, at range: Range<Int>) {}
    }

    /// A line of a USDA food as the scan reads it, before any string is made: what a total needs, and where the
    /// rest is (`entry` makes the ``JournalEntry`` that ``parse(_:dates:)`` returns for the line).
    struct FastLine {
        let bytes: UnsafeBufferPointer<UInt8>
        let id: Int
        let date: CalendarDate
        let meal: Meal
        let amount: Double
        let grams: Double
        /// The NDB number as a number, 0–99999.
        let ndb: Int
        let unit: Range<Int>
        let food: Range<Int>
        let text: Range<Int>

        var ndbNumber: NDBNumber { NDBNumber(uncheckedDigits: string(food)) }

        var entry: JournalEntry {
            JournalEntry(
                id: id, date: date, meal: meal, amount: amount, unit: string(unit), grams: grams,
                food: .usda(ndbNumber),
                text: string(text))
        }

        private func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// What the scan hands each line it reads to, with where the line is in the bytes (its line end left out).
    /// Methods, not a closure taking an enum: a line is handed over in place, never copied into a case.
    protocol LineVisitor {
        /// A line of a USDA food that reads, its fields not yet made into strings.
        mutating func usda(_ line: FastLine, at range: Range<Int>)
        /// Any other line that reads.
        mutating func entry(_ entry: JournalEntry, at range: Range<Int>)
        /// A line that cannot be read, or whose id an earlier line has.
        mutating func problem(_ problem: JournalProblem, at range: Range<Int>)
    }

    /// The one reader of journal lines, for ``parse(_:dates:)`` and for reports that add up lines as they go:
    /// skips comments, blank lines and (with `dates`) other days' lines after a look at their date; reads each
    /// other line the fast way when it can and the thorough way (``parseLine(_:)``, which says what is wrong)
    /// when it cannot; refuses a second line with an id already seen.
    /// `visitor` gets each line's reading.
    static func scan<Visitor: LineVisitor>(
        bytes: UnsafeBufferPointer<UInt8>, dates: ClosedRange<CalendarDate>?, into visitor: inout Visitor
    ) {
        var seen = SeenIDs()
        scan(bytes: bytes, dates: dates, into: &visitor, seen: &seen)
    }

    /// ``scan(bytes:dates:into:)`` of a piece of a journal: its first line is `firstLine` of the file, a byte order
    /// mark is looked for only `atFileStart`, and `seen` holds the ids of the pieces before.
    static func scan<Visitor: LineVisitor>(
        bytes: UnsafeBufferPointer<UInt8>, dates: ClosedRange<CalendarDate>?, into visitor: inout Visitor,
        firstLine: Int = 1, atFileStart: Bool = true, seen: inout SeenIDs
    ) {
        guard let base = bytes.baseAddress else { return }
        // The ten date bytes of the last line skipped for its date.
        var lastSkipped: (UInt64, UInt16)?
        // The ten date bytes of the last line read, and their reading: a journal writes a day's lines together.
        var lastRead: (key: (UInt64, UInt16), date: CalendarDate?)?
        // The bounds as the journal writes dates, when both are four-digit years (then byte order is date order).
        let bounds = dates.flatMap { dates -> (from: [UInt8], to: [UInt8])? in
            let from = Array(dates.lowerBound.description.utf8)
            let to = Array(dates.upperBound.description.utf8)
            return from.count == 10 && to.count == 10 ? (from, to) : nil
        }
        var fields: [Range<Int>] = []
        fields.reserveCapacity(fieldCount)
        var lineNumber = firstLine - 1
        // A UTF-8 byte order mark (from some editors and spreadsheets) is not part of the first line.
        var start = atFileStart && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        while start < bytes.count {
            lineNumber += 1
            let end =
                memchr(base + start, 0x0A, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                ?? bytes.count
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { start = end + 1 }
            if lineEnd == start || bytes[start] == 0x23 { continue }
            // The date (the second field) is looked at first: with a date range, other days' lines are skipped.
            var lineDate: CalendarDate?
            if let tab = memchr(base + start, 0x09, min(13, lineEnd - start)) {
                let dateStart = UnsafeRawPointer(tab) - UnsafeRawPointer(base) + 1
                if dateStart + 10 <= lineEnd, dateStart + 10 == lineEnd || bytes[dateStart + 10] == 0x09 {
                    let raw = UnsafeRawPointer(base + dateStart)
                    let key = (
                        raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
                    )
                    if dates != nil {
                        // ISO dates sort as their bytes do: a line outside the bounds whose date is surely a real day
                        // is skipped after two comparisons; any other is read as before.
                        // The date just skipped is skipped again at once.
                        if let skipped = lastSkipped, skipped == key { continue }
                        if let bounds, outside(bytes, dateStart, bounds), surelyADay(bytes, dateStart) {
                            lastSkipped = key
                            continue
                        }
                    }
                    if let last = lastRead, last.key == key {
                        lineDate = last.date
                    } else {
                        lineDate = dateField(bytes, dateStart..<dateStart + 10)
                        lastRead = (key, lineDate)
                    }
                    if let dates, let lineDate, !dates.contains(lineDate) { continue }
                }
            }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = start
            // The last field keeps any further tab (the text is written without them).
            var index = start
            // Eight bytes at a time: a byte of the word that may be a tab sets its high bit in `candidates` (a
            // byte just above a tab may be set falsely, so each is looked at).
            while index + 8 <= lineEnd, fields.count < fieldCount - 1 {
                // Little-endian whatever the machine, so the lowest byte is the first.
                let word =
                    UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    ^ 0x0909_0909_0909_0909
                var candidates = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                while candidates != 0, fields.count < fieldCount - 1 {
                    let position = index + candidates.trailingZeroBitCount / 8
                    if bytes[position] == 0x09 {
                        fields.append(fieldStart..<position)
                        fieldStart = position + 1
                    }
                    candidates &= candidates &- 1
                }
                index += 8
            }
            while index < lineEnd, fields.count < fieldCount - 1 {
                if bytes[index] == 0x09 {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                index += 1
            }
            fields.append(fieldStart..<lineEnd)
            // Constants for this line: nothing below captures a variable of the loop.
            let line = start..<lineEnd
            let number = lineNumber
            if let fast = fastLine(bytes, fields, date: lineDate) {
                if seen.insert(fast.id) {
                    visitor.usda(fast, at: line)
                } else {
                    visitor.problem(duplicate(fast.id, bytes, line, number), at: line)
                }
                continue
            }
            if bytes[line].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let parsed =
                fastEntry(bytes, fields, date: lineDate)
                ?? Result { () throws(MineralIntakeError) in try parseLine(Substring(content(bytes, line))) }
            switch parsed {
            case .success(let entry):
                if seen.insert(entry.id) {
                    visitor.entry(entry, at: line)
                } else {
                    visitor.problem(duplicate(entry.id, bytes, line, number), at: line)
                }
            case .failure(let error):
                visitor.problem(
                    JournalProblem(line: number, content: content(bytes, line), reason: error.description), at: line)
            }
        }
    }

    /// The ids met so far: a bit each for the small ones a journal gives (1, 2, 3, …), a set for any other.
    struct SeenIDs {
        private var bits: [UInt64] = []
        private var others = Set<Int>()
        /// Ids below this have a bit (8 MB of bits at most).
        private static let bitLimit = 1 << 26

        /// Records `id`; `false` when it was met before.
        mutating func insert(_ id: Int) -> Bool {
            guard id >= 0, id < Self.bitLimit else { return others.insert(id).inserted }
            let word = id >> 6
            if word >= bits.count {
                bits.append(contentsOf: repeatElement(0, count: max(word + 1 - bits.count, bits.count)))
            }
            let mask: UInt64 = 1 << UInt64(id & 63)
            if bits[word] & mask != 0 { return false }
            bits[word] |= mask
            return true
        }
    }

    /// Whether the ten bytes at `start` sort before `bounds.from` or after `bounds.to`.
    private static func outside(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ bounds: (from: [UInt8], to: [UInt8])
    ) -> Bool {
        func compare(_ bound: [UInt8]) -> Int {
            for offset in 0..<10 where bytes[start + offset] != bound[offset] {
                return bytes[start + offset] < bound[offset] ? -1 : 1
            }
            return 0
        }
        return compare(bounds.from) < 0 || compare(bounds.to) > 0
    }

    /// Whether the ten bytes at `start` are surely a real day (`YYYY-MM-DD`, year 1 or later, month 1–12, day 1–28:
    /// every month has those); `false` only means "look closer".
    private static func surelyADay(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let y0 = bytes[start] &- 0x30, y1 = bytes[start + 1] &- 0x30, y2 = bytes[start + 2] &- 0x30
        let y3 = bytes[start + 3] &- 0x30, m0 = bytes[start + 5] &- 0x30, m1 = bytes[start + 6] &- 0x30
        let d0 = bytes[start + 8] &- 0x30, d1 = bytes[start + 9] &- 0x30
        guard bytes[start + 4] == 0x2D, bytes[start + 7] == 0x2D, y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10,
            d0 < 10, d1 < 10
        else { return false }
        let month = m0 &* 10 &+ m1
        let day = d0 &* 10 &+ d1
        return y0 | y1 | y2 | y3 != 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28
    }

    /// A line's text, for a problem.
    private static func content(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
    }

    /// The problem of a line whose id an earlier line has.
    private static func duplicate(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ number: Int)
        -> JournalProblem
    {
        JournalProblem(
            line: number, content: content(bytes, line),
            reason: "id \(id) is used by an earlier line too; give each line its own id")
    }

    /// The common line, a USDA food with its grams, read without making strings; `nil` for any other line (or one
    /// outside the limits: the thorough reader then says why).
    static func fastLine(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], date: CalendarDate? = nil)
        -> FastLine?
    {
        guard fields.count == fieldCount, fields[6].count == 5, !fields[5].isEmpty else { return nil }
        var ndb = 0
        for index in fields[6] {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            ndb = ndb * 10 + Int(digit)
        }
        guard let common = commonFields(bytes, fields, date: date), let grams = positiveDecimal(bytes, fields[5]),
            QuantityLimits.grams.contains(grams), QuantityLimits.amount.contains(common.amount)
        else { return nil }
        return FastLine(
            bytes: bytes, id: common.id, date: common.date, meal: common.meal, amount: common.amount, grams: grams,
            ndb: ndb,
            unit: fields[4], food: fields[6], text: fields[7])
    }

    /// Id, date, meal and amount of a line, read from its bytes; `nil` when one does not read the fast way.
    private static func commonFields(
        _ bytes: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], date: CalendarDate? = nil
    ) -> (id: Int, date: CalendarDate, meal: Meal, amount: Double)? {
        var id = 0
        guard !fields[0].isEmpty, fields[0].count <= 12 else { return nil }
        for index in fields[0] {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            id = id * 10 + Int(digit)
        }
        guard id > 0, let calendarDate = date ?? dateField(bytes, fields[1]), let meal = meal(bytes, fields[2]),
            let amount = positiveDecimal(bytes, fields[3])
        else { return nil }
        return (id, calendarDate, meal, amount)
    }

    /// The meal a field names, written as the journal writes it (`lunch`, not `Lunch`).
    private static func meal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Meal? {
        let candidate: Meal
        switch range.count {
        case 5: candidate = bytes[range.lowerBound] == 0x6C ? .lunch : .snack
        case 6: candidate = .dinner
        case 9: candidate = .breakfast
        default: return nil
        }
        return candidate.utf8.elementsEqual(bytes[range]) ? candidate : nil
    }

    /// A positive plain decimal of at most 15 digits, read exactly; `nil` for anything else.
    private static func positiveDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        TSVReader.decimal(UnsafeBufferPointer(rebasing: bytes[range])).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The date in a line's date field, if it is a valid `YYYY-MM-DD`.
    private static func dateField(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> CalendarDate? {
        guard range.count == 10, bytes[range.lowerBound + 4] == 0x2D, bytes[range.lowerBound + 7] == 0x2D else {
            return nil
        }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in range.lowerBound + from..<range.lowerBound + from + count {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The common case read straight from bytes; `nil` sends the line to ``parseLine(_:)``, which explains problems.
    /// A line of any food read the fast way (strings made); `nil` when it does not read so (the thorough reader then
    /// decides, and says why).
    static func fastEntry(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], date: CalendarDate? = nil)
        -> Result<JournalEntry, MineralIntakeError>?
    {
        guard fields.count == fieldCount, let common = commonFields(bytes, fields, date: date) else { return nil }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        let food: FoodReference
        if fields[6].count == 5, bytes[fields[6]].allSatisfy({ $0 &- 0x30 < 10 }) {
            food = .usda(NDBNumber(uncheckedDigits: string(fields[6])))
        } else if let reference = FoodReference(journalText: string(fields[6])) {
            food = reference
        } else {
            return nil
        }
        var grams: Double?
        if fields[5].isEmpty {
            guard food.goesWithoutGrams else { return nil }
        } else {
            guard let value = positiveDecimal(bytes, fields[5]) else { return nil }
            grams = value
        }
        let entry = JournalEntry(
            id: common.id, date: common.date, meal: common.meal, amount: common.amount, unit: string(fields[4]),
            grams: grams, food: food,
            text: string(fields[7]))
        // Out of the limits: the slow path says why.
        guard (try? check(entry)) != nil else { return nil }
        return .success(entry)
    }

    static func parseLine(_ line: Substring) throws(MineralIntakeError) -> JournalEntry {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= fieldCount else {
            throw .invalidEntry(
                .line,
                "\(fields.count) tab-separated fields, expected \(fieldCount): id, date, meal, amount, unit, grams, "
                    + "food, text"
            )
        }
        // Ids are digits only, read one way everywhere (`+4` is no id).
        guard fields[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), fields[0].utf8.count <= 12,
            let id = Int(fields[0]), id > 0
        else {
            throw .invalidEntry(.id, "id \"\(fields[0])\" is not a positive whole number")
        }
        let date = try CalendarDate(parsing: String(fields[1]))
        let meal = try Meal(parsing: String(fields[2]))
        guard let amount = Double(fields[3]), QuantityLimits.amount.contains(amount) else {
            throw .invalidEntry(
                .amount, "amount \"\(fields[3])\" is not a number in \(QuantityLimits.describe(QuantityLimits.amount))")
        }
        for prefix in ["recorded:", "recorded-supplement:"] where fields[6].hasPrefix(prefix) {
            // Say what is wrong with a recorded food, not only that it is none of the kinds.
            _ = try RecordedFood(parsing: String(fields[6].dropFirst(prefix.count)))
        }
        guard let food = FoodReference(journalText: String(fields[6])) else {
            throw .invalidEntry(
                .food,
                "food \"\(fields[6])\" is not a 5-digit NDB number, custom:NAME, supplement:NUTRIENT or "
                    + "recorded:SOURCE|amounts|NAME"
            )
        }
        var grams: Double?
        if fields[5].isEmpty {
            guard food.goesWithoutGrams else {
                throw .invalidEntry(
                    .grams, "grams is empty; only supplements and servings recorded elsewhere go without grams")
            }
        } else {
            guard let value = Double(fields[5]), QuantityLimits.grams.contains(value) else {
                throw .invalidEntry(
                    .grams, "grams \"\(fields[5])\" is not a number in \(QuantityLimits.describe(QuantityLimits.grams))"
                )
            }
            grams = value
        }
        // The text is the last field; a tab typed into it by hand is kept as part of it.
        let text = fields[7...].joined(separator: "\t")
        let entry = JournalEntry(
            id: id, date: date, meal: meal, amount: amount, unit: String(fields[4]), grams: grams, food: food,
            text: text)
        try check(entry)
        return entry
    }
}

extension JournalFormat {
    /// The highest entry id in a journal's bytes, reading only each line's first field (fast for long journals).
    public static func maxID(in data: Data) -> Int {
        var highest = 0
        var current = 0
        var atLineStart = true
        var inFirstField = false
        for byte in data {
            if atLineStart {
                atLineStart = false
                inFirstField = byte >= 0x30 && byte <= 0x39
                current = 0
            }
            if byte == 0x0A {
                atLineStart = true
                continue
            }
            guard inFirstField else { continue }
            if byte >= 0x30, byte <= 0x39 {
                current = current &* 10 &+ Int(byte - 0x30)
                if current > 1_000_000_000_000 { inFirstField = false }
            } else {
                if byte == 0x09 { highest = max(highest, current) }
                inFirstField = false
            }
        }
        return highest
    }
}

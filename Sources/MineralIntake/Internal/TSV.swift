import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif

/// Fast reading of the tab-separated food files, straight from UTF-8 bytes.
struct TSVReader {
    /// One line's fields as byte ranges into the text, with its 1-based line number.
    struct Row {
        let bytes: UnsafeBufferPointer<UInt8>
        let line: Int
        let fields: [Range<Int>]

        /// Field `index` as text.
        func string(_ index: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[index]]), as: UTF8.self)
        }

        func isEmpty(_ index: Int) -> Bool { fields[index].isEmpty }

        /// Whether field `index` is exactly `text` (ASCII), compared as bytes without making a string.
        func equals(_ index: Int, _ text: StaticString) -> Bool {
            let range = fields[index]
            guard range.count == text.utf8CodeUnitCount else { return false }
            let expected = text.utf8Start
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
            return true
        }

        /// Whether field `index` holds the same bytes as `text`.
        func equals(_ index: Int, _ text: [UInt8]) -> Bool {
            let range = fields[index]
            return range.count == text.count && bytes[range].elementsEqual(text)
        }

        /// Field `index` as a plain decimal (`1162`, `0.85`, `1.025`), read exactly as `Double("…")` would,
        /// or `nil` if it is not one.
        func decimal(_ index: Int) -> Double? {
            TSVReader.decimal(UnsafeBufferPointer(rebasing: bytes[fields[index]]))
        }

        /// Field `index` as an NDB number, if it is five digits.
        func ndbNumber(_ index: Int) -> NDBNumber? {
            let range = fields[index]
            guard range.count == 5 else { return nil }
            for position in range where bytes[position] &- 0x30 >= 10 { return nil }
            return NDBNumber(uncheckedDigits: string(index))
        }
    }

    /// `bytes` as a plain decimal (`1162`, `0.85`, `1.025`), read exactly as `Double("…")` would, or `nil` if it is
    /// not one.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in bytes {
            if byte &- 0x30 < 10 {
                digits += 1
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                if seenPoint { fractionDigits += 1 }
            } else if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        guard digits <= 15 else { return Double(String(decoding: bytes, as: UTF8.self)) }
        // Both operands are exact doubles, so the division is correctly rounded, as the standard parser is.
        return Double(mantissa) / powerOfTen(fractionDigits)
    }

    /// 10 to the power `exponent` (0 to 15), exactly.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10000
        case 5: 100_000
        case 6: 1_000_000
        default: powersOfTen[exponent]
        }
    }

    static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// Calls `body` with each row of `text`, skipping blank lines and `#` comment lines.
    /// The first non-comment row is the header; it must equal `header`, and every row must have its field count.
    static func forEachRow(
        _ text: String, file: String, header: [String], _ body: (Row) throws(MineralIntakeError) -> Void
    ) throws(MineralIntakeError) {
        var text = text
        // `withUTF8` rethrows untyped errors, so the typed error travels out in a Result.
        try text.withUTF8 { bytes in
            Result { () throws(MineralIntakeError) in try readRows(bytes, file: file, header: header, body) }
        }.get()
    }

    /// How many times `byte` stands in `bytes[start..<end]`, found by the C library's `memchr`.
    static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var position = start
        while position < end, let found = offset(of: byte, in: bytes, from: position, to: end) {
            count += 1
            position = found + 1
        }
        return count
    }

    /// The position of the first `byte` in `bytes[start..<end]`, found by the C library's `memchr`.
    static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
        -> Int?
    {
        guard start < end, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private static func readRows(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, header: [String],
        _ body: (Row) throws(MineralIntakeError) -> Void
    ) throws(MineralIntakeError) {
        var lineStart = 0
        var lineNumber = 0
        var sawHeader = false
        var fields: [Range<Int>] = []
        fields.reserveCapacity(header.count)
        let count = bytes.count
        while lineStart < count {
            lineNumber += 1
            let end = offset(of: 0x0A, in: bytes, from: lineStart, to: count) ?? count
            var lineEnd = end
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { lineStart = end + 1 }
            if lineEnd == lineStart || bytes[lineStart] == 0x23 /* # */ { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            while let index = offset(of: 0x09, in: bytes, from: fieldStart, to: lineEnd) {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            fields.append(fieldStart..<lineEnd)
            let row = Row(bytes: bytes, line: lineNumber, fields: fields)
            if !sawHeader {
                let names = fields.indices.map(row.string)
                guard names == header else {
                    throw .invalidData(
                        file: file, line: lineNumber,
                        reason:
                            "header is \"\(names.joined(separator: "\\t"))\", expected "
                            + "\"\(header.joined(separator: "\\t"))\""
                    )
                }
                sawHeader = true
                continue
            }
            guard fields.count == header.count else {
                throw .invalidData(
                    file: file, line: lineNumber,
                    reason:
                        "\(fields.count) tab-separated fields, expected \(header.count) "
                        + "(\(header.joined(separator: ", ")))"
                )
            }
            try body(row)
        }
        guard sawHeader else { throw .invalidData(file: file, line: 1, reason: "no header line") }
    }
}

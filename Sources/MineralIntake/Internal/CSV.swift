#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// RFC 4180 CSV: fields separated by commas, optionally quoted with `"`, quotes doubled inside quotes,
/// `\n` or `\r\n` line ends. Returns rows of fields with their 1-based line numbers.
enum CSV {
    struct Row {
        let line: Int
        let fields: [String]
        /// Where the row lies in the bytes read (its line end left out).
        var bytes: Range<Int> = 0..<0
    }

    static func parse(_ text: String, file: String) throws(MineralIntakeError) -> [Row] {
        var text = text
        // `withUTF8` rethrows untyped errors, so the typed error travels out in a Result.
        return try text.withUTF8 { bytes in
            Result { () throws(MineralIntakeError) in try parse(bytes, file: file) }
        }.get()
    }

    /// Reads fields as byte ranges, making a string once per field (a copy only for a field with doubled quotes);
    /// `firstLine` is the line number of the first byte.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int = 1) throws(MineralIntakeError)
        -> [Row]
    {
        var rows: [Row] = []
        try scan(bytes, file: file, firstLine: firstLine) { (line, range, fields) throws(MineralIntakeError) in
            rows.append(Row(line: line, fields: fields.map { $0.text(in: bytes) }, bytes: range))
        }
        return rows
    }

    /// A field as read: its bytes' range (inside the quotes of a quoted field), and whether doubled quotes in it
    /// stand for one quote each.
    struct Field {
        var range: Range<Int>
        var doubledQuotes = false

        /// The field's text.
        func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
            doubledQuotes
                ? String(decoding: unescaped(in: bytes), as: UTF8.self)
                : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// Whether the field's text is exactly `text`'s bytes.
        func equals(_ text: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !doubledQuotes else { return unescaped(in: bytes) == text }
            guard range.count == text.count else { return false }
            for offset in 0..<text.count where bytes[range.lowerBound + offset] != text[offset] { return false }
            return true
        }

        /// Whether the field's text is exactly `text`.
        func equals(_ text: String, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            equals(Array(text.utf8), in: bytes)
        }

        /// Whether the field's text is exactly `text` (compared without making an array).
        func equals(_ text: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !doubledQuotes, text.hasPointerRepresentation else {
                return equals(Array(text.description.utf8), in: bytes)
            }
            guard range.count == text.utf8CodeUnitCount else { return false }
            let expected = text.utf8Start
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
            return true
        }

        /// The field's bytes with each doubled quote made one.
        private func unescaped(in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var text: [UInt8] = []
            var index = range.lowerBound
            while index < range.upperBound {
                text.append(bytes[index])
                index += bytes[index] == 0x22 ? 2 : 1
            }
            return text
        }
    }

    /// Calls `row` with each row's line, bytes (its line end left out) and fields, making no text: the one reader
    /// under ``parse(_:file:firstLine:)``, for a reader that makes text of some fields only.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int = 1,
        row: (_ line: Int, _ bytes: Range<Int>, _ fields: [Field]) throws(MineralIntakeError) -> Void
    ) throws(MineralIntakeError) {
        let count = bytes.count
        // A UTF-8 byte order mark (spreadsheets write one) is not part of the first field.
        var index = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var fields: [Field] = []
        var line = firstLine
        while index < count {
            let rowLine = line
            let rowStart = index
            var rowEnd = count
            fields.removeAll(keepingCapacity: true)
            var rowEnded = false
            while !rowEnded {
                if index < count, bytes[index] == 0x22 {
                    // A quoted field: to the closing quote; doubled quotes are one quote.
                    index += 1
                    let start = index
                    var doubled = false
                    var closed = false
                    while index < count {
                        // Long quoted fields (sources, notes) are most of the text: jump to the next quote.
                        let quote = TSVReader.offset(of: 0x22, in: bytes, from: index, to: count) ?? count
                        line += TSVReader.count(of: 0x0A, in: bytes, from: index, to: quote)
                        index = quote
                        guard index < count else { break }
                        if index + 1 < count, bytes[index + 1] == 0x22 {
                            doubled = true
                            index += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    guard closed else {
                        throw .invalidData(file: file, line: rowLine, reason: "a quoted field is not closed")
                    }
                    fields.append(Field(range: start..<index, doubledQuotes: doubled))
                    index += 1
                    if index == count {
                        rowEnded = true
                    } else if bytes[index] == 0x2C {
                        index += 1
                    } else if bytes[index] == 0x0A
                        || (bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A)
                    {
                        rowEnd = index
                        index += bytes[index] == 0x0D ? 2 : 1
                        line += 1
                        rowEnded = true
                    } else {
                        throw .invalidData(file: file, line: line, reason: "text after a closing quote")
                    }
                } else {
                    // An unquoted field: to the next comma or line end; a CR only ends it before an LF.
                    let start = index
                    while index < count, bytes[index] != 0x2C, bytes[index] != 0x0A {
                        if bytes[index] == 0x22 {
                            throw .invalidData(
                                file: file, line: line,
                                reason: "a quote inside an unquoted field; quote the whole field and double the quote")
                        }
                        index += 1
                    }
                    var end = index
                    if index < count, bytes[index] == 0x0A, end > start, bytes[end - 1] == 0x0D { end -= 1 }
                    fields.append(Field(range: start..<end))
                    if index < count, bytes[index] == 0x2C {
                        index += 1
                    } else {
                        rowEnd = end
                        if index < count { line += 1 }
                        index += 1
                        rowEnded = true
                    }
                }
            }
            if !(fields.count == 1 && fields[0].range.isEmpty) {
                try row(rowLine, rowStart..<rowEnd, fields)
            }
        }
    }

    /// One field, quoted only when it must be.
    static func escape(_ field: String) -> String {
        var field = field
        // A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `-1+1`, `@SUM`) starts with `'`
        // instead; numbers we write are never negative, so a leading `-` is always text.
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { field = "'" + field }
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(field.utf8.count + 4)
        for byte in field.utf8 {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }
}

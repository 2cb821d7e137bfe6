/// A table of fixed-width text records, read where it lies: opening it looks at its first two lines only, and reading
/// a record touches only that record's bytes. The derived files that let the built-in database open without parsing
/// (`food-index.tsv`, `name-index.tsv`, `food-names.tsv`, `search-index.tsv`) are such tables.
///
/// The layout: one header line (anything up to the first line feed, `#` first), then records that are all as long as
/// the first one, line feed included. Fields are separated by tabs and padded with spaces (text, on the right) or
/// zeros (numbers, on the left), so every field starts at the same offset in every record.
struct FixedWidthTable: Sendable {
    /// The whole text: a compiled-in literal is read in place, without a copy.
    let text: String
    /// The header line, without its line feed.
    let header: String
    /// Where the first record starts.
    let start: Int
    /// Bytes per record, line feed included.
    let width: Int
    /// Number of records.
    let count: Int
    /// Each field's byte range within a record.
    let fields: [Range<Int>]

    /// An empty table.
    init() {
        text = "#\n"
        header = "#"
        start = 2
        width = 1
        count = 0
        fields = []
    }

    /// The table in `text`, or `nil` if `text` is not one (no header, records of unequal length, a record cut short).
    init?(_ text: String) {
        var copy = text
        let layout = copy.withUTF8 { bytes -> (header: String, start: Int, width: Int, fields: [Range<Int>])? in
            guard let headerEnd = bytes.firstIndex(of: 0x0A), bytes.first == 0x23 else { return nil }
            let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<headerEnd]), as: UTF8.self)
            let start = headerEnd + 1
            guard start < bytes.count else { return (header, start, 1, []) }
            guard let recordEnd = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            var fields: [Range<Int>] = []
            var fieldStart = 0
            for offset in 0..<(recordEnd - start) where bytes[start + offset] == 0x09 {
                fields.append(fieldStart..<offset)
                fieldStart = offset + 1
            }
            fields.append(fieldStart..<(recordEnd - start))
            let width = recordEnd - start + 1
            guard (bytes.count - start) % width == 0, bytes[bytes.count - 1] == 0x0A else { return nil }
            return (header, start, width, fields)
        }
        guard let layout else { return nil }
        self.text = text
        self.header = layout.header
        self.start = layout.start
        self.width = layout.width
        self.fields = layout.fields
        self.count = layout.fields.isEmpty ? 0 : (text.utf8.count - layout.start) / layout.width
    }

    /// Calls `body` with the table's bytes.
    @inline(__always)
    func withBytes<Result>(_ body: (Bytes) -> Result) -> Result {
        var text = text
        return text.withUTF8 { body(Bytes(buffer: $0, table: self)) }
    }

    /// The table's bytes, valid inside ``withBytes(_:)``.
    struct Bytes {
        let buffer: UnsafeBufferPointer<UInt8>
        let table: FixedWidthTable

        /// Field `field` of record `record`, its padding spaces dropped.
        func field(_ record: Int, _ field: Int) -> UnsafeBufferPointer<UInt8> {
            let range = table.fields[field]
            let base = table.start + record * table.width
            var end = base + range.upperBound
            while end > base + range.lowerBound, buffer[end - 1] == 0x20 { end -= 1 }
            return UnsafeBufferPointer(rebasing: buffer[(base + range.lowerBound)..<end])
        }

        /// Field `field` of record `record` as text.
        func string(_ record: Int, _ field: Int) -> String {
            String(decoding: self.field(record, field), as: UTF8.self)
        }

        /// Field `field` of record `record` as a zero-padded decimal number (0 if it holds anything else).
        func integer(_ record: Int, _ field: Int) -> Int {
            var value = 0
            for byte in self.field(record, field) {
                guard byte &- 0x30 < 10 else { return 0 }
                value = value &* 10 &+ Int(byte &- 0x30)
            }
            return value
        }

        /// The first record whose field `field` is not below `key` (byte order), by binary search: the table must be
        /// sorted by that field.
        func lowerBound<Key: Collection>(_ key: Key, field: Int) -> Int where Key.Element == UInt8 {
            var low = 0
            var high = table.count
            while low < high {
                let middle = (low + high) / 2
                if self.field(middle, field).lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// Writes records as a table: `header` (a `#` line), then each row's fields padded to the widest of its column,
    /// numbers (`numeric` columns) with zeros on the left, text with spaces on the right.
    static func render(header: String, rows: [[String]], numeric: Set<Int>) -> String {
        guard let columns = rows.first?.count else { return header + "\n" }
        var widths = [Int](repeating: 1, count: columns)
        for row in rows {
            for (column, field) in row.enumerated() { widths[column] = max(widths[column], field.utf8.count) }
        }
        var text = header + "\n"
        text.reserveCapacity(text.utf8.count + rows.count * (widths.reduce(0, +) + columns))
        for row in rows {
            for (column, field) in row.enumerated() {
                let padding = String(
                    repeating: numeric.contains(column) ? "0" : " ", count: widths[column] - field.utf8.count)
                text += numeric.contains(column) ? padding + field : field + padding
                text += column == columns - 1 ? "\n" : "\t"
            }
        }
        return text
    }
}

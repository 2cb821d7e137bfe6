/// Number text as the journal and exports write it, for front ends.
package enum JournalFormatText {
    /// The shortest decimal that reads back as exactly `value`.
    package static func exact(_ value: Double) -> String { JournalFormat.exact(value) }
}

/// CSV for front ends: RFC 4180 reading and field escaping.
package enum CSVText {
    /// A CSV row with its 1-based line number.
    package struct Row: Sendable, Equatable {
        /// The 1-based line the row starts on.
        package var line: Int
        /// The row's fields, unquoted.
        package var fields: [String]
    }

    /// Parses RFC 4180 CSV.
    /// - Throws: ``MineralIntakeError/invalidData(file:line:reason:)`` naming `file` and the line.
    package static func parse(_ text: String, file: String) throws(MineralIntakeError) -> [Row] {
        try CSV.parse(text, file: file).map { Row(line: $0.line, fields: $0.fields) }
    }

    /// One field, quoted only when it must be; a field a spreadsheet would run as a formula starts with `'`.
    package static func escape(_ field: String) -> String { CSV.escape(field) }

    /// A field as ``escape(_:)`` guarded it, back as it was: `'=1+1` is `=1+1` again (export, then import).
    package static func unguarded(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.unicodeScalars.dropFirst().first,
            "=+-@\t\r".unicodeScalars.contains(second)
        else { return field }
        return String(field.dropFirst())
    }
}

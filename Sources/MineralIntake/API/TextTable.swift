/// A plain-text table for terminals: columns padded to their widest cell, numbers aligned right.
public struct TextTable: Sendable, Equatable {
    /// How a column's cells line up.
    public enum Alignment: Sendable, Equatable {
        /// Cells padded on the right (text) or on the left (numbers).
        case left, right
    }

    /// A column's title and alignment.
    public struct Column: Sendable, Equatable {
        /// The header.
        public var title: String
        /// How cells line up.
        public var alignment: Alignment

        /// A column.
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows, one cell per column.
    public var rows: [[String]]

    /// A table.
    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as lines joined by `\n`, two spaces between columns, no trailing spaces, ending in `\n`;
    /// the column titles form the first line unless `header` is false.
    public func rendered(header: Bool = true) -> String {
        let rows = rows.map { $0.map(TerminalText.visible) }
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(column.alignment == .right ? padding + cell : cell + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ((header ? [line(columns.map(\.title))] : []) + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// Text from files and people made safe to print: escape sequences, other control characters and bidirectional
/// overrides (which can rewrite a terminal or reorder what is shown) become visible `\u{…}`; all else is kept.
package enum TerminalText {
    package static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        return text.unicodeScalars.map { isHidden($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }

    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}

/// A plain-text table for terminals: columns padded to their widest cell, numbers aligned right.
package struct TextTable: Sendable, Equatable {
    /// How a column's cells line up.
    package enum Alignment: Sendable, Equatable {
        /// Cells padded on the right (text) or on the left (numbers).
        case left, right
    }

    /// A column's title and alignment.
    package struct Column: Sendable, Equatable {
        /// The header.
        package var title: String
        /// How cells line up.
        package var alignment: Alignment

        /// A column.
        package init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns.
    package var columns: [Column]
    /// The rows, one cell per column.
    package var rows: [[String]]

    /// A table.
    package init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as lines joined by `\n`, two spaces between columns, no trailing spaces, ending in `\n`;
    /// the column titles form the first line unless `header` is false.
    ///
    /// With `width` (a terminal's columns), text columns (left-aligned) are shortened with `…`, widest first, until
    /// the table fits (a text column keeps at least its title and 6 characters); numbers (right-aligned columns)
    /// are never cut.
    package func rendered(header: Bool = true, width: Int? = nil) -> String {
        let rows = rows.map { $0.map(TerminalText.visible) }
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        if let width {
            var overflow = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - width
            while overflow > 0 {
                // The widest text column still over its floor (its title, at least 8) gives one character.
                guard
                    let widest = columns.indices.filter({
                        columns[$0].alignment == .left && widths[$0] > max(6, columns[$0].title.count)
                    })
                    .max(by: { widths[$0] < widths[$1] })
                else { break }
                widths[widest] -= 1
                overflow -= 1
            }
        }
        func fitted(_ cell: String, _ index: Int) -> String {
            guard cell.count > widths[index], columns[index].alignment == .left else { return cell }
            return String(cell.prefix(max(1, widths[index] - 1))) + "…"
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? fitted(cells[index], index) : ""
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
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

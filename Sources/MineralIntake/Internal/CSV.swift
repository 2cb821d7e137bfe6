/// RFC 4180 CSV: fields separated by commas, optionally quoted with `"`, quotes doubled inside quotes,
/// `\n` or `\r\n` line ends. Returns rows of fields with their 1-based line numbers.
enum CSV {
    struct Row {
        let line: Int
        let fields: [String]
    }

    static func parse(_ text: String, file: String) throws(MineralIntakeError) -> [Row] {
        // A UTF-8 byte order mark (spreadsheets write one) is not part of the first field.
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var rowLine = 1
        let bytes = Array(text.utf8)
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case 0x22:
                    guard field.isEmpty, !fieldWasQuoted else {
                        throw .invalidData(file: file, line: line, reason: "a quote inside an unquoted field; quote the whole field and double the quote")
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                case 0x2C:
                    endField()
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                    break
                case 0x0A:
                    endRow()
                    line += 1
                    rowLine = line
                default:
                    if fieldWasQuoted {
                        throw .invalidData(file: file, line: line, reason: "text after a closing quote")
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes { throw .invalidData(file: file, line: rowLine, reason: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return rows
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

import Testing
@testable import MineralIntake

@Suite("CSV reading")
struct CSVTests {
    /// The straightforward byte-at-a-time reader the fast one replaced: the two must agree on every input.
    enum Reference {
        static func parse(_ text: String, file: String) throws(MineralIntakeError) -> [CSV.Row] {
            // A UTF-8 byte order mark (spreadsheets write one) is not part of the first field.
            var text = text
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            var rows: [CSV.Row] = []
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
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append(CSV.Row(line: rowLine, fields: fields)) }
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
                            throw .invalidData(
                                file: file, line: line,
                                reason: "a quote inside an unquoted field; quote the whole field and double the quote")
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
    }

    @Test("quotes, doubled quotes, commas and line breaks inside quotes, CRLF, a byte order mark, a trailing comma")
    func examples() throws {
        let rows = try CSV.parse("\u{FEFF}a,\"b, \"\"c\"\"\",\"d\ne\"\r\nf,,g\n\n,x,\n\"\"\nlast,", file: "x.csv")
        #expect(rows.map(\.fields) == [["a", "b, \"c\"", "d\ne"], ["f", "", "g"], ["", "x", ""], ["last", ""]])
        #expect(rows.map(\.line) == [1, 3, 5, 7])
    }

    @Test("the fast reader agrees with the straightforward one on 3,000 random texts, rows, lines and errors")
    func agreesWithReference() {
        var generator = SeededGenerator(seed: 20261126)
        let pieces = [
            "a", "bc", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "é", "\u{FEFF}", "1.5", ",\"x,y\",", "\"q\"\"q\"",
        ]
        for round in 0..<3000 {
            let text = (0..<Int(generator.next() % 14)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))]
            }.joined()
            let fast = Result { () throws(MineralIntakeError) in try CSV.parse(text, file: "r.csv") }
            let slow = Result { () throws(MineralIntakeError) in try Reference.parse(text, file: "r.csv") }
            switch (fast, slow) {
            case (.success(let a), .success(let b)):
                #expect(
                    a.map(\.fields) == b.map(\.fields) && a.map(\.line) == b.map(\.line),
                    "round \(round): \(text.debugDescription)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "round \(round): \(text.debugDescription)")
            default:
                Issue.record("round \(round): \(text.debugDescription): \(fast) against \(slow)")
            }
        }
    }

    @Test("each row's bytes read back as the row, and each field's bytes (or unquoted text) are its text")
    func rowAndFieldBytes() throws {
        var generator = SeededGenerator(seed: 20261127)
        let pieces = ["a", "bc", ",", "\"\"", "\n", "\r\n", " ", "é", "1.5", ",\"x,y\",", "\"q\"\"q\"", "\"l\nm\""]
        for round in 0..<2000 {
            let text = (0..<Int(generator.next() % 14)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))]
            }.joined()
            guard let rows = try? CSV.parse(text, file: "r.csv") else { continue }
            var copy = text
            try copy.withUTF8 { bytes in
                var scanned: [(Int, [CSV.Field])] = []
                try CSV.scan(bytes, file: "r.csv") { (line, _, fields) throws(MineralIntakeError) in
                    scanned.append((line, fields))
                }
                #expect(scanned.map(\.0) == rows.map(\.line), "round \(round)")
                for (row, (_, fields)) in zip(rows, scanned) {
                    #expect(
                        zip(fields, row.fields).allSatisfy { $0.equals($1, in: bytes) }
                            && fields.count == row.fields.count,
                        "round \(round): \(text.debugDescription)")
                    let again = try CSV.parse(
                        UnsafeBufferPointer(rebasing: bytes[row.bytes]), file: "r.csv", firstLine: row.line)
                    #expect(
                        again.map(\.fields) == [row.fields] && again.map(\.line) == [row.line],
                        "round \(round): \(text.debugDescription), row at line \(row.line)")
                }
            }
        }
    }

    @Test("CSV parsing: quotes, doubled quotes, commas and line breaks inside quotes, CRLF")
    func csv() throws {
        let rows = try CSV.parse("a,\"b, \"\"c\"\"\",\"d\ne\"\r\nf,,g\n", file: "x.csv")
        #expect(rows.map(\.fields) == [["a", "b, \"c\"", "d\ne"], ["f", "", "g"]])
        #expect(rows.map(\.line) == [1, 3])
        #expect(throws: MineralIntakeError.invalidData(file: "x.csv", line: 1, reason: "a quoted field is not closed"))
        {
            try CSV.parse("a,\"b\n", file: "x.csv")
        }
        #expect(CSV.escape("a, \"b\"") == "\"a, \"\"b\"\"\"")
    }
}

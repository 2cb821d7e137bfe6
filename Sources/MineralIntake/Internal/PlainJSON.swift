/// A reader of the plain JSON objects this tool saves (a profile): one object whose values are strings without
/// escapes, whole numbers, `null`, or arrays of such strings. Anything else (an escape, a fraction, a nested object,
/// a key twice) is left to `JSONDecoder`: this reader answers `nil`, never a different reading. It exists because
/// the first use of `JSONDecoder` in a process costs more than a short command's own work.
enum PlainJSON {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case strings([String])
        case null
    }

    /// The object in `bytes`, its keys in order, or `nil` when it is not plain.
    static func object(_ bytes: UnsafeRawBufferPointer) -> [(key: String, value: Value)]? {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard reader.take(0x7B) else { return nil }
        var members: [(key: String, value: Value)] = []
        reader.skipSpace()
        if !reader.take(0x7D) {
            while true {
                reader.skipSpace()
                guard let key = reader.string() else { return nil }
                reader.skipSpace()
                guard reader.take(0x3A) else { return nil }
                reader.skipSpace()
                guard let value = reader.value() else { return nil }
                members.append((key, value))
                reader.skipSpace()
                if reader.take(0x2C) { continue }
                guard reader.take(0x7D) else { return nil }
                break
            }
        }
        reader.skipSpace()
        return reader.atEnd ? members : nil
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// A string with no escape and no control character, as valid UTF-8.
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            let start = position
            while position < bytes.count, bytes[position] != 0x22 {
                guard bytes[position] >= 0x20, bytes[position] != 0x5C else { return nil }
                position += 1
            }
            guard position < bytes.count else { return nil }
            let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            return text
        }

        mutating func value() -> Value? {
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case 0x22: return string().map(Value.string)
            case 0x2D, 0x30...0x39: return integer().map(Value.integer)
            case 0x6E:
                guard bytes.count - position >= 4, bytes[position..<position + 4].elementsEqual("null".utf8) else {
                    return nil
                }
                position += 4
                return .null
            case 0x5B:
                position += 1
                var strings: [String] = []
                skipSpace()
                if take(0x5D) { return .strings([]) }
                while true {
                    skipSpace()
                    guard let text = string() else { return nil }
                    strings.append(text)
                    skipSpace()
                    if take(0x2C) { continue }
                    return take(0x5D) ? .strings(strings) : nil
                }
            default: return nil
            }
        }

        /// A whole number as JSON writes it (no leading zero, no fraction or exponent), of at most 18 digits.
        mutating func integer() -> Int? {
            let negative = take(0x2D)
            let start = position
            var value = 0
            while position < bytes.count, bytes[position] &- 0x30 < 10 {
                // Checked before the digit is added, so the number cannot overflow.
                guard position - start < 18 else { return nil }
                value = value * 10 + Int(bytes[position] &- 0x30)
                position += 1
            }
            let digits = position - start
            guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { return nil }
            // A fraction or an exponent is not a plain whole number: left to JSONDecoder.
            if position < bytes.count, [0x2E, 0x65, 0x45].contains(bytes[position]) { return nil }
            return negative ? -value : value
        }
    }
}

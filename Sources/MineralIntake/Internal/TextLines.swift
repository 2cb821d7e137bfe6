/// Lines of a text file, split on `\n` bytes with one `\r` before it dropped: `"\r\n"` is one `Character` in
/// Swift, so splitting a `String` by `Character` would not see the line break.
package enum TextLines {
    package static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty {
            if current.last == 0x0D { current.removeLast() }
            lines.append(String(decoding: current, as: UTF8.self))
        }
        return lines
    }
}

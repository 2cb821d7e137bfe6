/// Turns food names and queries into comparable tokens: lower case, no accents, singular.
/// Works on UTF-8 bytes, because the search index tokenises every food name at start-up.
enum TextNormalizer {
    /// Lower-cased, accent-free words of `text`, each reduced to a singular form (`raisins` → `raisin`).
    /// `%` and digits stay, so `2% milk` keeps `2%`.
    static func tokens(_ text: String) -> [String] {
        var tokens = Tokens()
        tokenize(text, into: &tokens)
        return tokens.spans.map { String(decoding: tokens.bytes[$0.range], as: UTF8.self) }
    }

    /// Normalised tokens of one text, their bytes side by side in one buffer that is reused from text to text.
    struct Tokens {
        /// One token: where its bytes are in ``bytes``, and how many commas came before it in the text.
        struct Span {
            var range: Range<Int>
            var commas: Int
        }

        var bytes: [UInt8] = []
        var spans: [Span] = []
    }

    /// Replaces the content of `tokens` with the tokens of `text`.
    static func tokenize(_ text: String, into tokens: inout Tokens) {
        tokens.bytes.removeAll(keepingCapacity: true)
        tokens.spans.removeAll(keepingCapacity: true)
        var text = text
        let ascii = text.withUTF8 { scan($0, into: &tokens) }
        if !ascii {
            tokens.bytes.removeAll(keepingCapacity: true)
            tokens.spans.removeAll(keepingCapacity: true)
            var folded = LatinFolding.folded(text)
            _ = folded.withUTF8 { scan($0, into: &tokens) }
        }
    }

    /// Splits `bytes` into tokens; returns false (with partial output) if it met a non-ASCII byte.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout Tokens) -> Bool {
        var start = tokens.bytes.count
        var commas = 0
        var ascii = true
        for byte in bytes {
            switch byte {
            case 0x61...0x7A, 0x30...0x39, 0x25:
                tokens.bytes.append(byte)
                continue
            case 0x41...0x5A:
                tokens.bytes.append(byte + 0x20)
                continue
            case 0x80...:
                ascii = false
            case 0x2C:
                commas += 1
            default:
                break
            }
            if tokens.bytes.count > start {
                finish(&tokens, start: start, commas: byte == 0x2C ? commas - 1 : commas)
                start = tokens.bytes.count
            }
        }
        if tokens.bytes.count > start { finish(&tokens, start: start, commas: commas) }
        return ascii
    }

    private static func finish(_ tokens: inout Tokens, start: Int, commas: Int) {
        let end = start + singularLength(&tokens.bytes, start: start, end: tokens.bytes.count)
        tokens.bytes.removeSubrange(end...)
        tokens.spans.append(Tokens.Span(range: start..<end, commas: commas))
    }

    /// A simple English singular, applied alike to food names and queries, so either form finds the other:
    /// `raisins` → `raisin`, `berries` → `berry`, `peaches` → `peach`; `grass`, `asparagus`, `hummus` stay.
    /// Rewrites `word[start..<end]` in place and returns the new length.
    static func singularLength(_ word: inout [UInt8], start: Int, end: Int) -> Int {
        let length = end - start
        guard length > 3, word[end - 1] == 0x73 /* s */ else { return length }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard length >= count else { return false }
            let bytes = suffix.utf8Start
            for offset in 0..<count where word[end - count + offset] != bytes[offset] { return false }
            return true
        }
        if ends("ss") || ends("us") || ends("is") { return length }
        if ends("ies") {
            word[end - 3] = 0x79 /* y */
            return length - 2
        }
        if ends("oes") || ends("ches") || ends("shes") || ends("xes") { return length - 2 }
        return length - 1
    }

    /// The tokens of `text`, sorted and joined by spaces (`dried apricots` → `apricot dried`): the key under which
    /// names are compared whatever their word order; `buffer` is reused from call to call.
    static func sortedKey(_ text: String, buffer: inout Tokens) -> String {
        tokenize(text, into: &buffer)
        let bytes = buffer.bytes
        var spans = buffer.spans.map(\.range)
        if spans.count > 1 {
            spans.sort { lhs, rhs in bytes[lhs].lexicographicallyPrecedes(bytes[rhs]) }
        }
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count + spans.count)
        for (index, span) in spans.enumerated() {
            if index > 0 { key.append(0x20) }
            key.append(contentsOf: bytes[span])
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// `text` lower-cased with letters and digits only: `Vitamin-D` → `vitamind`.
    static func compactKey(_ text: String) -> String {
        String(
            decoding: folded(text).utf8.compactMap { byte -> UInt8? in
                switch byte {
                case 0x61...0x7A, 0x30...0x39: byte
                case 0x41...0x5A: byte + 0x20
                default: nil
                }
            }, as: UTF8.self)
    }

    /// Accents removed (`Entrée` → `Entree`); plain ASCII passes through untouched and fast.
    static func folded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return LatinFolding.folded(text)
    }
}

extension String {
    /// The string without leading and trailing white space and newlines.
    func trimmingWhitespace() -> String {
        trimming { $0.properties.isWhitespace }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters that match `drop` (Foundation's trimming needs more than
    /// FoundationEssentials has).
    package func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }), let last = scalars.lastIndex(where: { !drop($0) })
        else { return "" }
        // Most texts have nothing to trim: they are copied whole, not scalar by scalar.
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return String(self) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    /// The text without leading and trailing white space and line breaks.
    package func trimmedWhitespace() -> String { trimming { $0.properties.isWhitespace } }
}

extension String {
    /// The text with every `scalar` replaced by `replacement`, scalar by scalar: `"\r\n"` is one `Character`, so
    /// a `Character`-wise replace of `"\r"` would miss the `\r` of every `\r\n`.
    package func replacingScalar(_ scalar: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        var out = String.UnicodeScalarView()
        for each in unicodeScalars {
            if each == scalar { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(each) }
        }
        return String(out)
    }
}

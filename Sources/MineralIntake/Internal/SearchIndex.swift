import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// An inverted index over food names: normalised tokens → the foods whose names hold them.
///
/// Each posting packs the food's position with flags saying where the token stands in the food's names, so ranking
/// can prefer `Raisins, seedless` (token in the head of the description) to `Cereals, oats, … with raisins`.
struct SearchIndex: Sendable {
    /// Sorted distinct tokens.
    let vocabulary: [String]
    /// The same tokens as UTF-8 bytes, for typo matching.
    let vocabularyBytes: [[UInt8]]
    /// For each token, a bit per letter or digit it holds: an edit changes at most two bits, so a token whose bits
    /// differ from a word's in more than 2 × the allowed edits cannot be within them (a cheap first filter).
    let vocabularyLetters: [UInt64]
    /// For each vocabulary entry, `food position << 3 | flags`, ascending.
    let postings: [[UInt32]]
    /// Number of distinct tokens in each food's description: shorter descriptions are more generic.
    let descriptionLengths: [UInt16]
    /// Everyday names by their sorted tokens (`dried apricots` → `apricot dried`) → (food position, name).
    let everydayNames: [String: (food: Int, name: String)]
    /// The tokens of each food's everyday names, for foods that have any.
    let everydayTokens: [Int: [[String]]]

    /// Where a token stands in a food's names.
    struct Flags: OptionSet {
        let rawValue: UInt32
        /// In the description before its first comma (`Raisins` of `Raisins, seedless`).
        static let head = Flags(rawValue: 1)
        /// Only in USDA's common names, not in the description.
        static let commonNameOnly = Flags(rawValue: 2)
        /// In a curated everyday name.
        static let everyday = Flags(rawValue: 4)
    }

    /// Builds the index of `foods`.
    init(foods: [Food]) {
        var interner = TokenInterner()
        var lists: [[UInt32]] = []
        var lengths: [UInt16] = []
        var names: [String: (food: Int, name: String)] = [:]
        var nameTokens: [Int: [[String]]] = [:]
        lengths.reserveCapacity(foods.count)
        // The distinct tokens of the food at hand with their flags: few enough for a linear scan.
        var tokensOfFood: [(id: Int, flags: Flags)] = []
        var tokens = TextNormalizer.Tokens()
        // Adds the tokens now in `tokens` to `tokensOfFood`.
        func collect(_ flags: (TextNormalizer.Tokens.Span) -> Flags, clearing: Flags = []) {
            for span in tokens.spans {
                let id = interner.id(of: tokens.bytes, span.range)
                if id == lists.count { lists.append([]) }
                if let index = tokensOfFood.firstIndex(where: { $0.id == id }) {
                    tokensOfFood[index].flags.formUnion(flags(span))
                    tokensOfFood[index].flags.subtract(clearing)
                } else {
                    tokensOfFood.append((id, flags(span)))
                }
            }
        }
        for (position, food) in foods.enumerated() {
            tokensOfFood.removeAll(keepingCapacity: true)
            TextNormalizer.tokenize(food.description, into: &tokens)
            collect { $0.commas == 0 ? .head : [] }
            lengths.append(UInt16(clamping: tokensOfFood.count))
            if let common = food.usdaCommonNames {
                let described = tokensOfFood.count
                TextNormalizer.tokenize(common, into: &tokens)
                collect { _ in .commonNameOnly }
                // A common-name token that is also in the description is not "common name only".
                for index in 0..<described { tokensOfFood[index].flags.subtract(.commonNameOnly) }
            }
            for name in food.everydayNames {
                TextNormalizer.tokenize(name, into: &tokens)
                let words = tokens.spans.map { String(decoding: tokens.bytes[$0.range], as: UTF8.self) }
                names[words.sorted().joined(separator: " ")] = (position, name)
                nameTokens[position, default: []].append(words)
                collect({ _ in .everyday }, clearing: .commonNameOnly)
            }
            for (id, flags) in tokensOfFood {
                lists[id].append(UInt32(position) << 3 | flags.rawValue)
            }
        }
        let order = (0..<interner.count).map { (text: interner.token($0), id: $0) }.sorted { $0.text < $1.text }
        self.init(vocabulary: order.map(\.text), postings: order.map { lists[$0.id] }, descriptionLengths: lengths,
                  everydayNames: names, everydayTokens: nameTokens)
    }

    private init(
        vocabulary: [String], postings: [[UInt32]], descriptionLengths: [UInt16],
        everydayNames: [String: (food: Int, name: String)], everydayTokens: [Int: [[String]]]
    ) {
        self.vocabulary = vocabulary
        self.vocabularyBytes = vocabulary.map { Array($0.utf8) }
        self.vocabularyLetters = vocabularyBytes.map(SearchIndex.letterBits)
        self.postings = postings
        self.descriptionLengths = descriptionLengths
        self.everydayNames = everydayNames
        self.everydayTokens = everydayTokens
    }

    /// The everyday names (by food position), as the index keys them.
    static func everydayNames(of everyday: [Int: [String]]) -> (names: [String: (food: Int, name: String)], tokens: [Int: [[String]]]) {
        var names: [String: (food: Int, name: String)] = [:]
        var tokens: [Int: [[String]]] = [:]
        for (position, list) in everyday.sorted(by: { $0.key < $1.key }) {
            for name in list {
                let words = TextNormalizer.tokens(name)
                names[words.sorted().joined(separator: " ")] = (position, name)
                tokens[position, default: []].append(words)
            }
        }
        return (names, tokens)
    }

    // MARK: The index as text

    /// The first line of the index's text form.
    static let serializedHeader = "# MineralIntake search index, format 1: derived from foods.tsv and names.tsv by mineral-import; do not edit"

    /// The index as text, so it can be compiled in instead of built at start-up: a line of description lengths,
    /// then one line per token with its postings, each the difference from the one before.
    func serialized() -> String {
        var text = Self.serializedHeader + "\nlengths\t" + descriptionLengths.map(String.init).joined(separator: ",") + "\n"
        for (token, list) in zip(vocabulary, postings) {
            var previous: UInt32 = 0
            text += token + "\t" + list.map { value in
                defer { previous = value }
                return String(value - previous)
            }.joined(separator: ",") + "\n"
        }
        return text
    }

    /// An index read from ``serialized()`` text, for `foods`; `nil` if the text is not one (it is then built).
    init?(serialized text: String, foodCount: Int, everydayNames everyday: [Int: [String]]) {
        var vocabulary: [String] = []
        var postings: [[UInt32]] = []
        var lengths: [UInt16] = []
        var failed = false
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var line = 0
            while start < bytes.count, !failed {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                line += 1
                if line == 1 { continue }  // the header
                guard let tab = bytes[start..<end].firstIndex(of: 0x09) else { failed = true; return }
                let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self)
                var values: [UInt32] = []
                var current: UInt32 = 0
                var total: UInt32 = 0
                var digits = 0
                for index in (tab + 1)...end {
                    let byte = index < end ? bytes[index] : 0x2C
                    if byte &- 0x30 < 10 {
                        current = current &* 10 &+ UInt32(byte &- 0x30)
                        digits += 1
                    } else if byte == 0x2C, digits > 0 {
                        total &+= current
                        values.append(line == 2 ? current : total)
                        current = 0
                        digits = 0
                    } else {
                        failed = true
                        return
                    }
                }
                if line == 2 {
                    guard token == "lengths" else { failed = true; return }
                    lengths = values.map { UInt16(clamping: $0) }
                } else {
                    vocabulary.append(token)
                    postings.append(values)
                }
            }
        }
        guard !failed, lengths.count == foodCount,
              postings.allSatisfy({ $0.allSatisfy { Int($0 >> 3) < foodCount } })
        else { return nil }
        let (names, tokens) = Self.everydayNames(of: everyday)
        self.init(vocabulary: vocabulary, postings: postings, descriptionLengths: lengths, everydayNames: names, everydayTokens: tokens)
    }

    /// One ranked hit: a food's position, its score, and the everyday name it was found by, if any.
    struct Hit {
        let food: Int
        let score: Double
        let everydayName: String?
    }

    /// Foods matching `query`, best first. Every word must match if any food matches them all; otherwise the foods
    /// matching the most words are returned. Words match exactly, as a prefix, or within one or two typos.
    func search(_ query: String, limit: Int) -> [Hit] {
        var words: [String] = []
        for token in TextNormalizer.tokens(query) where !words.contains(token) { words.append(token) }
        guard !words.isEmpty, limit > 0 else { return [] }

        var scores = [Double](repeating: 0, count: descriptionLengths.count)
        var matchedWords = [UInt8](repeating: 0, count: descriptionLengths.count)
        var best = [Double](repeating: 0, count: descriptionLengths.count)
        var touched: [Int] = []
        var corrected: [String] = []
        for word in words {
            let matches = vocabularyMatches(for: word)
            corrected.append(matches.first { $0.quality >= 0.5 && $0.quality != prefixQuality }.map { vocabulary[$0.id] } ?? word)
            var touchedNow: [Int] = []
            for (id, quality) in matches {
                for posting in postings[id] {
                    let food = Int(posting >> 3)
                    let flags = Flags(rawValue: posting & 7)
                    var weight = quality
                    if !flags.isDisjoint(with: [.everyday, .head]) { weight *= 1.5 }
                    if flags.contains(.commonNameOnly) { weight *= 0.8 }
                    if best[food] == 0 { touchedNow.append(food) }
                    best[food] = max(best[food], weight)
                }
            }
            for food in touchedNow {
                if matchedWords[food] == 0 { touched.append(food) }
                matchedWords[food] += 1
                scores[food] += best[food]
                best[food] = 0
            }
        }
        guard let mostWords = touched.lazy.map({ matchedWords[$0] }).max() else { return [] }

        let exactName = everydayNames[words.sorted().joined(separator: " ")]
        let correctedName = everydayNames[corrected.sorted().joined(separator: " ")]
        var hits: [Hit] = []
        for food in touched where matchedWords[food] == mostWords {
            var score = scores[food] - 0.03 * Double(descriptionLengths[food])
            var name: String?
            if let exact = exactName, exact.food == food {
                score += 100
                name = exact.name
            } else if let near = correctedName, near.food == food {
                score += 50
                name = near.name
            } else if let sets = everydayTokens[food], sets.contains(where: { $0.allSatisfy(corrected.contains) }) {
                // The query holds all of an everyday name and more (`apricot halves`): a strong hint.
                score += 3
            }
            hits.append(Hit(food: food, score: (score * 1000).rounded() / 1000, everydayName: name))
        }
        hits.sort { ($0.score, descriptionLengths[$1.food], $1.food) > ($1.score, descriptionLengths[$0.food], $0.food) }
        return Array(hits.prefix(limit))
    }

    private let prefixQuality = 0.7

    static func letterBits(_ bytes: [UInt8]) -> UInt64 {
        var bits: UInt64 = 0
        for byte in bytes {
            switch byte {
            case 0x61...0x7A: bits |= 1 << UInt64(byte - 0x61)
            case 0x30...0x39: bits |= 1 << UInt64(26 + byte - 0x30)
            default: bits |= 1 << 63
            }
        }
        return bits
    }

    /// Vocabulary entries `word` matches, with a quality: 1 exact, 0.7 prefix, 0.55 one typo, 0.4 two typos.
    /// Typos are tried only when the word is not itself in the vocabulary.
    func vocabularyMatches(for word: String) -> [(id: Int, quality: Double)] {
        var result: [(id: Int, quality: Double)] = []
        var low = 0
        var high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle] < word { low = middle + 1 } else { high = middle }
        }
        let exact = low < vocabulary.count && vocabulary[low] == word
        if exact { result.append((low, 1)) }
        if word.utf8.count >= 2 {
            var id = exact ? low + 1 : low
            while id < vocabulary.count, vocabulary[id].hasPrefix(word) {
                result.append((id, prefixQuality))
                id += 1
            }
        }
        let length = word.utf8.count
        if !exact, length >= 4 {
            let limit = length >= 7 ? 2 : 1
            let bytes = Array(word.utf8)
            let letters = Self.letterBits(bytes)
            var typos: [(id: Int, quality: Double)] = []
            var rows = Suggestions.Rows(capacity: 64)
            for id in vocabularyBytes.indices {
                let candidate = vocabularyBytes[id]
                guard abs(candidate.count - length) <= limit,
                      (letters ^ vocabularyLetters[id]).nonzeroBitCount <= 2 * limit else { continue }
                if let distance = Suggestions.editDistance(bytes, candidate, limit: limit, rows: &rows), distance > 0 {
                    typos.append((id, distance == 1 ? 0.55 : 0.4))
                }
            }
            // The closest corrections first, and among them the most common word.
            typos.sort { ($0.quality, postings[$0.id].count) > ($1.quality, postings[$1.id].count) }
            result.append(contentsOf: typos)
        }
        return result
    }
}

/// The search index of a database, built once, on first use, by whichever thread asks first.
final class LazySearchIndex: @unchecked Sendable {
    // @unchecked: `built` is only read or written while holding `lock`; the rest is immutable.
    private let lock = PlainLock()
    private var built: SearchIndex?
    private let store: FoodStore
    private let serialized: String?

    /// An index of the foods in `store`, read from `serialized` text when given and valid, else built.
    init(store: FoodStore, serialized: String? = nil) {
        self.store = store
        self.serialized = serialized
    }

    var index: SearchIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let index = serialized.flatMap {
            SearchIndex(serialized: $0, foodCount: store.storage.records.count, everydayNames: store.storage.everydayNames)
        } ?? SearchIndex(foods: Array(FoodList(store: store)))
        built = index
        return index
    }
}

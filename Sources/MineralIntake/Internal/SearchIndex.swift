import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif

/// An inverted index over food names: normalised tokens → the foods whose names hold them, kept as two fixed-width
/// tables (`search-index.tsv`: the sorted words with where their postings are; `search-postings.tsv`: the postings)
/// so that the built-in one is searched where it lies, without being read first.
///
/// Each posting packs the food's position with flags saying where the token stands in the food's names, so ranking
/// can prefer `Raisins, seedless` (token in the head of the description) to `Cereals, oats, … with raisins`.
struct SearchIndex: Sendable {
    /// Sorted distinct tokens: token, first posting, number of postings.
    let words: FixedWidthTable
    /// `food position << 3 | flags` in hexadecimal, a fixed number to a record, each word's ascending.
    let postings: FixedWidthTable
    /// The foods, for their description lengths and everyday names.
    let store: FoodStore

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

    static let wordsHeader =
        "# MineralIntake search index, format 2: token, first posting, postings; sorted by token. Derived by "
        + "mineral-import; do not edit."
    static let postingsHeader =
        "# MineralIntake search postings, format 2: food position * 8 + flags, hexadecimal. Derived by "
        + "mineral-import; do not edit."
    static let postingsPerRecord = 16

    /// The index in these tables, or `nil` if they are not its tables.
    init?(words wordsText: String, postings postingsText: String, store: FoodStore) {
        guard let words = FixedWidthTable(wordsText), words.header == Self.wordsHeader,
            words.fields.count == 3 || words.count == 0,
            let postings = FixedWidthTable(postingsText), postings.header == Self.postingsHeader,
            postings.fields.count == Self.postingsPerRecord || postings.count == 0
        else { return nil }
        self.words = words
        self.postings = postings
        self.store = store
    }

    /// Builds the index of the foods in `store`.
    init(store: FoodStore) {
        let tables = Self.tables(foods: FoodList(store: store))
        // The tables just made are well formed.
        self.words = FixedWidthTable(tables.words) ?? FixedWidthTable()
        self.postings = FixedWidthTable(tables.postings) ?? FixedWidthTable()
        self.store = store
    }

    /// The two tables of the index of `foods`: what `mineral-import` writes.
    static func tables(foods: FoodList) -> (words: String, postings: String) {
        var interner = TokenInterner()
        var lists: [[UInt32]] = []
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
            if let common = food.usdaCommonNames {
                let described = tokensOfFood.count
                TextNormalizer.tokenize(common, into: &tokens)
                collect { _ in .commonNameOnly }
                // A common-name token that is also in the description is not "common name only".
                for index in 0..<described { tokensOfFood[index].flags.subtract(.commonNameOnly) }
            }
            for name in food.everydayNames {
                TextNormalizer.tokenize(name, into: &tokens)
                collect({ _ in .everyday }, clearing: .commonNameOnly)
            }
            for (id, flags) in tokensOfFood {
                lists[id].append(UInt32(position) << 3 | flags.rawValue)
            }
        }
        let order = (0..<interner.count).map { (text: interner.token($0), id: $0) }
            .sorted { Array($0.text.utf8).lexicographicallyPrecedes(Array($1.text.utf8)) }
        var wordRows: [[String]] = []
        var all: [String] = []
        for (text, id) in order {
            wordRows.append([text, String(all.count), String(lists[id].count)])
            all.append(contentsOf: lists[id].map { String($0, radix: 16) })
        }
        while all.count % postingsPerRecord != 0 { all.append("0") }
        let postingRows = stride(from: 0, to: all.count, by: postingsPerRecord).map {
            Array(all[$0..<($0 + postingsPerRecord)])
        }
        return (
            FixedWidthTable.render(header: wordsHeader, rows: wordRows, numeric: [1, 2]),
            FixedWidthTable.render(header: postingsHeader, rows: postingRows, numeric: Set(0..<postingsPerRecord))
        )
    }

    /// Number of distinct tokens.
    var wordCount: Int { words.count }

    /// Token `id`.
    func word(_ id: Int) -> String {
        words.withBytes { $0.string(id, 0) }
    }

    /// The postings of token `id`.
    func postings(of id: Int) -> [UInt32] {
        let (first, count) = words.withBytes { ($0.integer(id, 1), $0.integer(id, 2)) }
        return postings.withBytes { table in
            (first..<(first + count)).map { index in
                var value: UInt32 = 0
                for byte in table.field(index / Self.postingsPerRecord, index % Self.postingsPerRecord) {
                    let digit: UInt8 = byte &- 0x30 < 10 ? byte &- 0x30 : byte &- 0x61 &+ 10
                    value = value << 4 | UInt32(digit & 0xF)
                }
                return value
            }
        }
    }

    private func postingCount(of id: Int) -> Int {
        words.withBytes { $0.integer(id, 2) }
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

        let storage = store.storage
        let foodCount = storage.count
        var scores = [Double](repeating: 0, count: foodCount)
        var matchedWords = [UInt8](repeating: 0, count: foodCount)
        var best = [Double](repeating: 0, count: foodCount)
        var touched: [Int] = []
        var corrected: [String] = []
        for word in words {
            let matches = vocabularyMatches(for: word)
            corrected.append(
                matches.first { $0.quality >= 0.5 && $0.quality != prefixQuality }.map { self.word($0.id) } ?? word)
            var touchedNow: [Int] = []
            for (id, quality) in matches {
                for posting in postings(of: id) {
                    let food = Int(posting >> 3)
                    guard food < foodCount else { continue }
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

        let exactName = storage.everydayName(key: words.sorted().joined(separator: " "))
        let correctedName = storage.everydayName(key: corrected.sorted().joined(separator: " "))
        var hits: [(hit: Hit, length: Int)] = []
        for food in touched where matchedWords[food] == mostWords {
            let length = storage.descriptionWords(at: food)
            var score = scores[food] - 0.03 * Double(length)
            var name: String?
            if let exact = exactName, exact.food == food {
                score += 100
                name = exact.name
            } else if let near = correctedName, near.food == food {
                score += 50
                name = near.name
            } else if storage.everydayNames(of: storage.ndb(at: food)).contains(where: {
                TextNormalizer.tokens($0).allSatisfy(corrected.contains)
            }) {
                // The query holds all of an everyday name and more (`apricot halves`): a strong hint.
                score += 3
            }
            hits.append((Hit(food: food, score: (score * 1000).rounded() / 1000, everydayName: name), length))
        }
        hits.sort { ($0.hit.score, $1.length, $1.hit.food) > ($1.hit.score, $0.length, $0.hit.food) }
        return hits.prefix(limit).map(\.hit)
    }

    private let prefixQuality = 0.7

    static func letterBits<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
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
        let bytes = Array(word.utf8)
        let length = bytes.count
        var result: [(id: Int, quality: Double)] = words.withBytes { table in
            var result: [(id: Int, quality: Double)] = []
            let low = table.lowerBound(bytes, field: 0)
            let exact = low < table.table.count && table.field(low, 0).elementsEqual(bytes)
            if exact { result.append((low, 1)) }
            if length >= 2 {
                var id = exact ? low + 1 : low
                while id < table.table.count, table.field(id, 0).starts(with: bytes) {
                    result.append((id, prefixQuality))
                    id += 1
                }
            }
            if !exact, length >= 4 {
                let limit = length >= 7 ? 2 : 1
                let letters = Self.letterBits(bytes)
                var rows = Suggestions.Rows(capacity: 64)
                for id in 0..<table.table.count {
                    let candidate = table.field(id, 0)
                    guard abs(candidate.count - length) <= limit,
                        (letters ^ Self.letterBits(candidate)).nonzeroBitCount <= 2 * limit
                    else { continue }
                    if let distance = Suggestions.editDistance(bytes, Array(candidate), limit: limit, rows: &rows),
                        distance > 0
                    {
                        result.append((id, distance == 1 ? 0.55 : 0.4))
                    }
                }
            }
            return result
        }
        // The closest corrections first, and among them the most common word.
        if let firstTypo = result.firstIndex(where: { $0.quality < prefixQuality }) {
            let typos = result[firstTypo...].map { (id: $0.id, quality: $0.quality, count: postingCount(of: $0.id)) }
                .sorted { ($0.quality, $0.count) > ($1.quality, $1.count) }
            result.replaceSubrange(firstTypo..., with: typos.map { ($0.id, $0.quality) })
        }
        return result
    }
}

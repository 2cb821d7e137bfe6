/// Household words USDA's measures often lack (`glass`, `handful`, `pinch`), from `FoodData/household-words.tsv`:
/// each row a word, the foods it applies to (a USDA group code or `*`, and optionally a word of the description),
/// and an amount in g or ml, with its source. The most specific row that fits a food wins.
struct HouseholdWords: Sendable {
    struct Row: Sendable, Equatable {
        var word: String
        var group: String?
        var descriptionHas: String?
        var amount: Double
        var isVolume: Bool
        var source: String
        var verification: String

        /// `glass (convention: 240 ml)`.
        var label: String {
            (word == "with" ? "addition, no amount" : word) + " = \(NumberText.plain(amount)) \(isVolume ? "ml" : "g")"
        }
        /// Where the amount comes from, in a few words: `convention`, or the table that cites its source.
        var citation: String { verification == "convention" ? "convention" : "household-words.tsv" }
    }

    static let header = ["word", "group", "description_has", "amount", "unit", "source", "verification"]
    static let verifications: Set<String> = ["read-primary", "read-secondary", "convention"]

    var rows: [String: [Row]] = [:]

    init() {}

    /// Parses the table's text. - Throws: ``MineralIntakeError/invalidData(file:line:reason:)`` naming the line.
    init(text: String) throws(MineralIntakeError) {
        guard !text.isEmpty else { return }
        let file = FoodDataFiles.FileName.householdWords
        var rows: [String: [Row]] = [:]
        try TSVReader.forEachRow(text, file: file, header: Self.header) { (row) throws(MineralIntakeError) in
            let fields = (0..<Self.header.count).map(row.string)
            guard let amount = Double(fields[3]), amount.isFinite, amount > 0, amount <= 5000 else {
                throw .invalidData(
                    file: file, line: row.line, reason: "amount \"\(fields[3])\" is not a number from 0 to 5000")
            }
            guard fields[4] == "g" || fields[4] == "ml" else {
                throw .invalidData(file: file, line: row.line, reason: "unit \"\(fields[4])\" is not g or ml")
            }
            guard !fields[5].isEmpty, Self.verifications.contains(fields[6]) else {
                throw .invalidData(
                    file: file, line: row.line,
                    reason: "every row needs a source and a verification (read-primary, read-secondary or convention)")
            }
            let word = TextNormalizer.tokens(fields[0]).joined(separator: " ")
            guard !word.isEmpty else { throw .invalidData(file: file, line: row.line, reason: "no word") }
            rows[word, default: []].append(
                Row(
                    word: word, group: fields[1] == "*" ? nil : fields[1],
                    descriptionHas: fields[2].isEmpty ? nil : TextNormalizer.tokens(fields[2]).joined(separator: " "),
                    amount: amount, isVolume: fields[4] == "ml", source: fields[5], verification: fields[6]))
        }
        self.rows = rows
    }

    /// The row for `word` that fits `food` best: group and description word, then group, then description word, then
    /// any.
    func row(_ word: String, for food: Food?) -> Row? {
        guard let candidates = rows[word] else { return nil }
        let tokens = food.map { Set(TextNormalizer.tokens($0.description)) } ?? []
        func fits(_ row: Row) -> Int? {
            if let group = row.group, group != food?.groupCode { return nil }
            if let has = row.descriptionHas, !has.split(separator: " ").allSatisfy({ tokens.contains(String($0)) }) {
                return nil
            }
            return (row.group != nil ? 2 : 0) + (row.descriptionHas != nil ? 1 : 0)
        }
        return candidates.compactMap { row in fits(row).map { (row, $0) } }.max { $0.1 < $1.1 }?.0
    }

    /// Whether `word` is in the table at all.
    func contains(_ word: String) -> Bool { rows[word] != nil }
}

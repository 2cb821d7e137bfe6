/// Reads the `FoodData/` files line by line, checking every number and reference, and makes the index tables that
/// let ``FoodStorage`` read them without parsing (what `mineral-import` writes as the derived files).
struct FoodStorageBuilder {
    private struct Record {
        var ndb: NDBNumber
        var line: Int
        var measures: Range<Int>
        var words: Int
        var group: Int
        /// The vitamin D source and the six values as written in `foods.tsv`, empty when unknown.
        var values: [String]
    }

    private let files: FoodDataFiles
    private var records: [Record] = []
    /// Everyday names as listed: name, its key, its food's position.
    private var names: [(name: String, key: String, food: Int)] = []

    init(files: FoodDataFiles, groups: [FoodGroup]) throws(MineralIntakeError) {
        self.files = files
        try parseFoods(groupCodes: groups.map { Array($0.code.utf8) })
        try parseMeasures()
        try parseNames()
    }

    /// The index tables: the foods', the everyday names' by key and by food.
    func indexes() -> (foods: String, names: String, foodNames: String) {
        let foods = FixedWidthTable.render(
            header: FoodStorage.foodIndexHeader,
            rows: records.map {
                [
                    $0.ndb.rawValue, String($0.line), String($0.measures.lowerBound), String($0.measures.upperBound),
                    String($0.words),
                    String($0.group),
                ] + $0.values
            },
            numeric: [1, 2, 3, 4, 5])
        let byKey = names.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        let nameIndex = FixedWidthTable.render(
            header: FoodStorage.nameIndexHeader, rows: byKey.map { [$0.key, records[$0.food].ndb.rawValue, $0.name] },
            numeric: [])
        let byFood = names.enumerated().sorted { ($0.element.food, $0.offset) < ($1.element.food, $1.offset) }
        let foodNames = FixedWidthTable.render(
            header: FoodStorage.foodNamesHeader,
            rows: byFood.map { [records[$0.element.food].ndb.rawValue, $0.element.name] }, numeric: [])
        return (foods, nameIndex, foodNames)
    }

    private func position(of ndb: NDBNumber) -> Int? {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if records[middle].ndb < ndb { low = middle + 1 } else { high = middle }
        }
        return low < records.count && records[low].ndb == ndb ? low : nil
    }

    private mutating func parseFoods(groupCodes codes: [[UInt8]]) throws(MineralIntakeError) {
        let file = FoodDataFiles.FileName.foods
        var records: [Record] = []
        records.reserveCapacity(files.foods.utf8.count / 80)
        var tokens = TextNormalizer.Tokens()
        try TSVReader.forEachRow(files.foods, file: file, header: FoodDataFiles.foodsHeader) {
            (row) throws(MineralIntakeError) in
            guard let ndb = row.ndbNumber(0) else {
                throw .invalidData(
                    file: file, line: row.line, reason: "NDB number \"\(row.string(0))\" is not 5 digits")
            }
            if let last = records.last, !(last.ndb < ndb) {
                throw .invalidData(
                    file: file, line: row.line,
                    reason: "NDB number \(ndb) is not after \(last.ndb): foods must be sorted")
            }
            guard let group = codes.firstIndex(where: { row.equals(1, $0) }) else {
                throw .invalidData(file: file, line: row.line, reason: "unknown food group \"\(row.string(1))\"")
            }
            var hasVitaminD = false
            for (column, nutrient) in FoodDataParser.nutrientColumns where !row.isEmpty(column) {
                guard row.decimal(column) != nil else {
                    throw .invalidData(
                        file: file, line: row.line,
                        reason:
                            "\(nutrient.rawValue) \"\(row.string(column))\" is not a number (leave it empty when "
                            + "unknown)"
                    )
                }
                if nutrient == .vitaminD { hasVitaminD = true }
            }
            let hasSource = row.equals(8, "328") || row.equals(8, "324/40")
            guard hasVitaminD == hasSource, hasSource || row.isEmpty(8) else {
                throw .invalidData(
                    file: file, line: row.line,
                    reason:
                        "vitamin D source \"\(row.string(8))\" must be 328 or 324/40 exactly when a vitamin D value "
                        + "is given"
                )
            }
            TextNormalizer.tokenize(row.string(9), into: &tokens)
            var distinct: [ArraySlice<UInt8>] = []
            for span in tokens.spans where !distinct.contains(tokens.bytes[span.range]) {
                distinct.append(tokens.bytes[span.range])
            }
            records.append(
                Record(
                    ndb: ndb, line: row.fields[0].lowerBound, measures: 0..<0, words: distinct.count, group: group,
                    values: [row.string(8)] + FoodDataParser.nutrientColumns.map { row.string($0.column) }))
        }
        self.records = records
    }

    private mutating func parseMeasures() throws(MineralIntakeError) {
        let file = FoodDataFiles.FileName.measures
        var records = self.records
        var position = -1
        var current: [UInt8] = []
        let total = files.measures.utf8.count
        try TSVReader.forEachRow(files.measures, file: file, header: FoodDataFiles.measuresHeader) {
            (row) throws(MineralIntakeError) in
            if position < 0 || !row.equals(0, current) {
                let ndbText = row.string(0)
                var next = position + 1
                while next < records.count, records[next].ndb.rawValue < ndbText { next += 1 }
                guard next < records.count, records[next].ndb.rawValue == ndbText else {
                    throw .invalidData(
                        file: file, line: row.line,
                        reason: "measure for food \(ndbText), which is not in foods.tsv (or not in NDB order)")
                }
                position = next
                current.removeAll(keepingCapacity: true)
                current.append(contentsOf: ndbText.utf8)
                records[position].measures = row.fields[0].lowerBound..<row.fields[0].lowerBound
            }
            guard row.decimal(1) != nil,
                let amount = row.decimal(2), amount > 0,
                let grams = row.decimal(4), grams > 0
            else {
                throw .invalidData(file: file, line: row.line, reason: "seq, amount and grams must be positive numbers")
            }
            // The range runs to the end of this line, its line feed included.
            records[position].measures =
                records[position].measures.lowerBound..<min(row.fields[4].upperBound + 1, total)
        }
        self.records = records
    }

    private mutating func parseNames() throws(MineralIntakeError) {
        let file = FoodDataFiles.FileName.names
        var seen: [String: Int] = [:]
        var names: [(name: String, key: String, food: Int)] = []
        var tokens = TextNormalizer.Tokens()
        let builder = self
        try TSVReader.forEachRow(files.names, file: file, header: FoodDataFiles.namesHeader) {
            (row) throws(MineralIntakeError) in
            var name = row.string(0)
            if name.first?.isWhitespace == true || name.last?.isWhitespace == true { name = name.trimmingWhitespace() }
            let key = TextNormalizer.sortedKey(name, buffer: &tokens)
            guard !key.isEmpty else {
                throw .invalidData(file: file, line: row.line, reason: "empty name")
            }
            if let earlier = seen[key] {
                throw .invalidData(
                    file: file, line: row.line, reason: "\"\(name)\" reads the same as the name on line \(earlier)")
            }
            seen[key] = row.line
            guard let ndb = NDBNumber(rawValue: row.string(1)), let position = builder.position(of: ndb) else {
                throw .invalidData(
                    file: file, line: row.line,
                    reason: "\"\(name)\" names food \(row.string(1)), which is not in foods.tsv")
            }
            names.append((name, key, position))
        }
        self.names = names
    }
}

/// The food database in compact form: numbers parsed and checked at load, text left where it is in the files until a
/// ``Food`` is asked for. Loading makes no string or array per food, which keeps start-up short.
struct FoodStorage: Sendable {
    /// One food: its values, and where its text is in `foods.tsv`.
    struct Record: Sendable {
        var ndb: NDBNumber
        var group: UInt16
        var values: NutrientValues
        var vitaminDSource: VitaminDSource?
        var description: Range<Int>
        var commonNames: Range<Int>
        var measures: Range<Int>
    }

    /// One household measure, its unit left in `measures.tsv`.
    struct MeasureRecord: Sendable {
        var sequence: Int
        var amount: Double
        var grams: Double
        var unit: Range<Int>
    }

    let foodsText: String
    let measuresText: String
    let groupCodes: [String]
    var records: [Record]
    var measureRecords: [MeasureRecord]
    /// Curated everyday names, by food position.
    var everydayNames: [Int: [String]]
    /// Food positions by an everyday name's sorted tokens (`apricot dried`): how names are looked up.
    var everydayNameKeys: [String: Int] = [:]

    /// Parses and checks the files' numbers and structure.
    init(files: FoodDataFiles, groups: [FoodGroup]) throws(MineralIntakeError) {
        foodsText = files.foods
        measuresText = files.measures
        groupCodes = groups.map(\.code)
        records = []
        measureRecords = []
        everydayNames = [:]
        try parseFoods()
        try parseMeasures()
        try parseNames(files.names)
    }

    // MARK: Reading

    /// `foodsText` or `measuresText` bytes `range` as a string.
    static func text(_ source: String, _ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        return source.utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        } ?? String(decoding: Array(source.utf8)[range], as: UTF8.self)
    }

    func measures(at position: Int) -> [HouseholdMeasure] {
        measureRecords[records[position].measures].map {
            HouseholdMeasure(sequence: $0.sequence, amount: $0.amount, unit: Self.text(measuresText, $0.unit), grams: $0.grams)
        }
    }

    /// The food at `position`, made from its record and its text.
    func food(at position: Int) -> Food {
        let record = records[position]
        return Food(
            ndb: record.ndb, groupCode: groupCodes[Int(record.group)], description: Self.text(foodsText, record.description),
            usdaCommonNames: record.commonNames.isEmpty ? nil : Self.text(foodsText, record.commonNames),
            everydayNames: everydayNames[position] ?? [], per100g: record.values, vitaminDSource: record.vitaminDSource,
            measures: measures(at: position))
    }

    /// The position of `ndb`, by binary search (records are sorted by NDB number).
    func position(of ndb: NDBNumber) -> Int? {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if records[middle].ndb < ndb { low = middle + 1 } else { high = middle }
        }
        return low < records.count && records[low].ndb == ndb ? low : nil
    }

    // MARK: Parsing

    private mutating func parseFoods() throws(MineralIntakeError) {
        let file = FoodDataFiles.FileName.foods
        let codes = groupCodes.map { Array($0.utf8) }
        var records: [Record] = []
        records.reserveCapacity(foodsText.utf8.count / 80)
        try TSVReader.forEachRow(foodsText, file: file, header: FoodDataFiles.foodsHeader) { (row) throws(MineralIntakeError) in
            guard let ndb = row.ndbNumber(0) else {
                throw .invalidData(file: file, line: row.line, reason: "NDB number \"\(row.string(0))\" is not 5 digits")
            }
            if let last = records.last, !(last.ndb < ndb) {
                throw .invalidData(file: file, line: row.line, reason: "NDB number \(ndb) is not after \(last.ndb): foods must be sorted")
            }
            guard let group = codes.firstIndex(where: { row.equals(1, $0) }) else {
                throw .invalidData(file: file, line: row.line, reason: "unknown food group \"\(row.string(1))\"")
            }
            var values = NutrientValues()
            for (column, nutrient) in FoodDataParser.nutrientColumns where !row.isEmpty(column) {
                guard let value = row.decimal(column) else {
                    throw .invalidData(
                        file: file, line: row.line,
                        reason: "\(nutrient.rawValue) \"\(row.string(column))\" is not a number (leave it empty when unknown)")
                }
                values[nutrient] = value
            }
            let source: VitaminDSource? = row.equals(8, "328") ? .micrograms328 : row.equals(8, "324/40") ? .internationalUnits324 : nil
            guard (values.vitaminDMicrograms == nil) == (source == nil), source != nil || row.isEmpty(8) else {
                throw .invalidData(
                    file: file, line: row.line,
                    reason: "vitamin D source \"\(row.string(8))\" must be 328 or 324/40 exactly when a vitamin D value is given")
            }
            records.append(Record(
                ndb: ndb, group: UInt16(group), values: values, vitaminDSource: source, description: row.fields[9],
                commonNames: row.fields[10], measures: 0..<0))
        }
        self.records = records
    }

    private mutating func parseMeasures() throws(MineralIntakeError) {
        let file = FoodDataFiles.FileName.measures
        var measures: [MeasureRecord] = []
        measures.reserveCapacity(measuresText.utf8.count / 24)
        var records = self.records
        self.records = []
        var position = -1
        var current: [UInt8] = []
        try TSVReader.forEachRow(measuresText, file: file, header: FoodDataFiles.measuresHeader) { (row) throws(MineralIntakeError) in
            if position < 0 || !row.equals(0, current) {
                let ndbText = row.string(0)
                var next = position + 1
                while next < records.count, records[next].ndb.rawValue < ndbText { next += 1 }
                guard next < records.count, records[next].ndb.rawValue == ndbText else {
                    throw .invalidData(file: file, line: row.line, reason: "measure for food \(ndbText), which is not in foods.tsv (or not in NDB order)")
                }
                position = next
                current.removeAll(keepingCapacity: true)
                current.append(contentsOf: ndbText.utf8)
                records[position].measures = measures.count..<measures.count
            }
            guard let sequence = row.decimal(1).map({ Int($0) }),
                  let amount = row.decimal(2), amount > 0,
                  let grams = row.decimal(4), grams > 0
            else {
                throw .invalidData(file: file, line: row.line, reason: "seq, amount and grams must be positive numbers")
            }
            measures.append(MeasureRecord(sequence: sequence, amount: amount, grams: grams, unit: row.fields[3]))
            records[position].measures = records[position].measures.lowerBound..<measures.count
        }
        self.records = records
        self.measureRecords = measures
    }

    private mutating func parseNames(_ text: String) throws(MineralIntakeError) {
        let file = FoodDataFiles.FileName.names
        var seen: [String: Int] = [:]
        var keys: [String: Int] = [:]
        var names: [Int: [String]] = [:]
        var tokens = TextNormalizer.Tokens()
        let storage = self
        try TSVReader.forEachRow(text, file: file, header: FoodDataFiles.namesHeader) { (row) throws(MineralIntakeError) in
            var name = row.string(0)
            if name.first?.isWhitespace == true || name.last?.isWhitespace == true { name = name.trimmingWhitespace() }
            let key = TextNormalizer.sortedKey(name, buffer: &tokens)
            guard !key.isEmpty else {
                throw .invalidData(file: file, line: row.line, reason: "empty name")
            }
            if let earlier = seen[key] {
                throw .invalidData(file: file, line: row.line, reason: "\"\(name)\" reads the same as the name on line \(earlier)")
            }
            seen[key] = row.line
            guard let ndb = NDBNumber(rawValue: row.string(1)), let position = storage.position(of: ndb) else {
                throw .invalidData(file: file, line: row.line, reason: "\"\(name)\" names food \(row.string(1)), which is not in foods.tsv")
            }
            names[position, default: []].append(name)
            keys[key] = position
        }
        everydayNames = names
        everydayNameKeys = keys
    }
}

/// The storage of a database, held by reference: the database value stays small (a larger one was miscompiled when
/// returned through a throwing closure in release builds), and copies of the database share one storage.
final class FoodStore: Sendable {
    let storage: FoodStorage

    init(_ storage: FoodStorage) {
        self.storage = storage
    }
}

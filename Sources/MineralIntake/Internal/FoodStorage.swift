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
    /// For the built-in data: where each line of `measures.tsv` starts (its measures are parsed when read).
    var measureLineStarts: [Int32] = []
    /// Measures already read on demand, by food position, so a food shown twice is read once.
    let measureCache = MeasureCache()

    /// A lock-guarded cache of measures read on demand.
    final class MeasureCache: @unchecked Sendable {
        // @unchecked: `measures` is only touched while holding `lock`.
        private let lock = PlainLock()
        private var measures: [Int: [HouseholdMeasure]] = [:]

        func value(_ position: Int, _ make: () -> [HouseholdMeasure]) -> [HouseholdMeasure] {
            if let known = lock.withLock({ measures[position] }) { return known }
            let made = make()
            lock.withLock { measures[position] = made }
            return made
        }
    }

    /// Where each line after the header starts.
    static func lineStarts(_ text: String) -> [Int32] {
        var text = text
        return text.withUTF8 { bytes in
            var starts: [Int32] = []
            starts.reserveCapacity(bytes.count / 24)
            var atStart = false
            for (index, byte) in bytes.enumerated() {
                if atStart { starts.append(Int32(index)) }
                atStart = byte == 0x0A
            }
            return starts
        }
    }

    /// Parses and checks the files' numbers and structure; with a `nameIndex` (the built-in, derived one), the
    /// names' keys are read from it instead of tokenising every name.
    init(files: FoodDataFiles, groups: [FoodGroup], nameIndex: String = "") throws(MineralIntakeError) {
        foodsText = files.foods
        measuresText = files.measures
        groupCodes = groups.map(\.code)
        records = []
        measureRecords = []
        everydayNames = [:]
        try parseFoods()
        if nameIndex.isEmpty {
            try parseMeasures()
        } else {
            // The built-in data (checked by tests against a full load): measures are read when a food is shown.
            measureLineStarts = Self.lineStarts(measuresText)
        }
        if nameIndex.isEmpty {
            try parseNames(files.names)
        } else {
            try readNames(files.names, index: nameIndex)
        }
    }

    /// The names by food from `names.tsv`, and their keys from the derived index: no tokenising.
    private mutating func readNames(_ text: String, index: String) throws(MineralIntakeError) {
        var names: [Int: [String]] = [:]
        let storage = self
        try TSVReader.forEachRow(text, file: FoodDataFiles.FileName.names, header: FoodDataFiles.namesHeader) { (row) throws(MineralIntakeError) in
            guard let ndb = row.ndbNumber(1), let position = storage.position(of: ndb) else {
                throw .invalidData(file: FoodDataFiles.FileName.names, line: row.line, reason: "names food \(row.string(1)), which is not in foods.tsv")
            }
            names[position, default: []].append(row.string(0))
        }
        var keys: [String: Int] = [:]
        keys.reserveCapacity(names.count * 3)
        try TSVReader.forEachRow(index, file: FoodDataFiles.FileName.nameIndex, header: ["key", "ndb"]) { (row) throws(MineralIntakeError) in
            guard let ndb = row.ndbNumber(1), let position = storage.position(of: ndb) else {
                throw .invalidData(file: FoodDataFiles.FileName.nameIndex, line: row.line, reason: "names food \(row.string(1)), which is not in foods.tsv")
            }
            keys[row.string(0)] = position
        }
        everydayNames = names
        everydayNameKeys = keys
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
        guard !measureLineStarts.isEmpty else {
            return measureRecords[records[position].measures].map {
                HouseholdMeasure(sequence: $0.sequence, amount: $0.amount, unit: Self.text(measuresText, $0.unit), grams: $0.grams)
            }
        }
        return measureCache.value(position) { readMeasures(at: position) }
    }

    /// The measures of the food at `position`, read from the built-in text.
    private func readMeasures(at position: Int) -> [HouseholdMeasure] {
        // Lines are sorted by NDB number: find the first of this food's by binary search, read while they are its.
        let key = Array(records[position].ndb.rawValue.utf8)
        var text = measuresText
        return text.withUTF8 { bytes -> [HouseholdMeasure] in
            func ndbAt(_ line: Int) -> ArraySlice<UInt8> {
                let start = Int(measureLineStarts[line])
                return bytes.count >= start + 5 ? ArraySlice(bytes[start..<start + 5]) : []
            }
            var low = 0
            var high = measureLineStarts.count
            while low < high {
                let middle = (low + high) / 2
                if ndbAt(middle).lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
            }
            var result: [HouseholdMeasure] = []
            var line = low
            while line < measureLineStarts.count, ndbAt(line).elementsEqual(key) {
                let start = Int(measureLineStarts[line])
                let end = line + 1 < measureLineStarts.count ? Int(measureLineStarts[line + 1]) - 1 : bytes.count
                let fields = bytes[start..<end].split(separator: 0x09, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self).trimmingWhitespace() }
                if fields.count == 5, let sequence = Int(fields[1]), let amount = Double(fields[2]), let grams = Double(fields[4]) {
                    result.append(HouseholdMeasure(sequence: sequence, amount: amount, unit: fields[3], grams: grams))
                }
                line += 1
            }
            return result
        }
    }

    /// The grams of a food's first measure (its "portion"), without making its measures.
    func firstMeasureGrams(at position: Int) -> Double? {
        if measureLineStarts.isEmpty {
            return records[position].measures.first.map { measureRecords[$0].grams }
        }
        return measures(at: position).first?.grams
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

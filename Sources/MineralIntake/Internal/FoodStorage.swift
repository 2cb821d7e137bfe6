#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The food database as stored: the text of `foods.tsv` and `measures.tsv` where it lies, found through fixed-width
/// index tables. Opening it parses nothing; a food's numbers and text are read from its own line when asked for.
///
/// The built-in data brings its index tables compiled in (derived by `mineral-import`, checked by tests); data
/// loaded from other files is parsed and checked line by line once, and its tables are made then.
struct FoodStorage: Sendable {
    let foodsText: String
    let measuresText: String
    let groupCodes: [String]
    /// `food-index.tsv`: per food, in NDB order: NDB number, where its line starts in `foods.tsv`, where its measures
    /// start and end in `measures.tsv`, how many distinct words its description has (for search ranking), its group's
    /// index, and its vitamin D source and six values as `foods.tsv` writes them (so rankings read no lines).
    let foodIndex: FixedWidthTable
    /// `name-index.tsv`: everyday names sorted by key (their sorted words): key, NDB number, name.
    let nameIndex: FixedWidthTable
    /// `food-names.tsv`: everyday names by food, in NDB order and then as listed: NDB number, name.
    let foodNames: FixedWidthTable
    /// Measures already read, by food position, so a food shown twice is read once.
    let measureCache: MeasureCache

    enum FoodField {
        static let ndb = 0, line = 1, measuresFrom = 2, measuresTo = 3, words = 4, group = 5, vitaminDSource = 6
        /// The six values, in ``FoodDataParser/nutrientColumns`` order.
        static let values = 7
        static let count = 13
    }

    enum NameField {
        static let key = 0, ndb = 1, name = 2
    }

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

    /// The storage over the data files and their derived index tables, trusted as they are (the built-in data: tests
    /// check the tables against a full parse). `nil` if a table is not one, or does not fit the data.
    init?(files: FoodDataFiles, groups: [FoodGroup], indexes: (foods: String, names: String, foodNames: String)) {
        guard let foodIndex = FixedWidthTable(indexes.foods), foodIndex.header == Self.foodIndexHeader,
            foodIndex.fields.count == FoodField.count || foodIndex.count == 0,
            let nameIndex = FixedWidthTable(indexes.names), nameIndex.header == Self.nameIndexHeader,
            nameIndex.fields.count == 3 || nameIndex.count == 0,
            let foodNames = FixedWidthTable(indexes.foodNames), foodNames.header == Self.foodNamesHeader,
            foodNames.fields.count == 2 || foodNames.count == 0
        else { return nil }
        self.foodsText = files.foods
        self.measuresText = files.measures
        self.groupCodes = groups.map(\.code)
        self.foodIndex = foodIndex
        self.nameIndex = nameIndex
        self.foodNames = foodNames
        self.measureCache = MeasureCache()
        // The last food's offsets must lie inside the texts (a cheap check that the tables belong to these files).
        if foodIndex.count > 0 {
            let last = foodIndex.count - 1
            let (line, measuresTo) = foodIndex.withBytes {
                ($0.integer(last, FoodField.line), $0.integer(last, FoodField.measuresTo))
            }
            guard line < foodsText.utf8.count, measuresTo <= measuresText.utf8.count else { return nil }
        }
    }

    /// Parses and checks every line of the files, and makes the index tables.
    init(files: FoodDataFiles, groups: [FoodGroup]) throws(MineralIntakeError) {
        let indexes = try FoodStorageBuilder(files: files, groups: groups).indexes()
        guard let storage = FoodStorage(files: files, groups: groups, indexes: indexes) else {
            throw .invalidData(file: FoodDataFiles.FileName.foods, line: 1, reason: "the food index could not be made")
        }
        self = storage
    }

    static let foodIndexHeader =
        "# MineralIntake food index, format 2: ndb, foods.tsv line offset, measures.tsv range, description words, "
        + "group, vitamin D source, values. Derived by mineral-import; do not edit."
    static let nameIndexHeader =
        "# MineralIntake everyday-name index, format 2: sorted words, ndb, name; sorted by key. Derived by "
        + "mineral-import; do not edit."
    static let foodNamesHeader =
        "# MineralIntake everyday names by food, format 1: ndb, name; in ndb order. Derived by mineral-import; do not "
        + "edit."

    var count: Int { foodIndex.count }

    // MARK: Reading

    func ndb(at position: Int) -> NDBNumber {
        NDBNumber(uncheckedDigits: foodIndex.withBytes { $0.string(position, FoodField.ndb) })
    }

    /// The distinct words of the food's description, for ranking.
    func descriptionWords(at position: Int) -> Int {
        foodIndex.withBytes { $0.integer(position, FoodField.words) }
    }

    /// The position of `ndb`, by binary search on the records' first five bytes (the NDB numbers, sorted).
    func position(of ndb: NDBNumber) -> Int? {
        var wanted = ndb.rawValue
        return wanted.withUTF8 { key -> Int? in
            guard key.count == 5, let keyBase = key.baseAddress else { return nil }
            return foodIndex.withBytes { table -> Int? in
                guard let base = table.buffer.baseAddress, table.table.fields.first?.count == 5 else { return nil }
                let records = base + table.table.start
                let width = table.table.width
                var low = 0
                var high = table.table.count
                while low < high {
                    let middle = (low + high) / 2
                    if memcmp(records + middle * width, keyBase, 5) < 0 { low = middle + 1 } else { high = middle }
                }
                return low < table.table.count && memcmp(records + low * width, keyBase, 5) == 0 ? low : nil
            }
        }
    }

    /// The fields of the food's line in `foods.tsv`, read with `body` (no line feed or carriage return).
    private func withLine<Result>(at position: Int, _ body: (TSVReader.Row) -> Result) -> Result {
        let start = foodIndex.withBytes { $0.integer(position, FoodField.line) }
        var text = foodsText
        return text.withUTF8 { bytes in
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            var fields: [Range<Int>] = []
            fields.reserveCapacity(11)
            var fieldStart = start
            for index in start..<end where bytes[index] == 0x09 {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            fields.append(fieldStart..<end)
            while fields.count < 11 { fields.append(end..<end) }
            return body(TSVReader.Row(bytes: bytes, line: 0, fields: fields))
        }
    }

    /// The food's values per 100 g, read from its record (the files were checked when the table was made; a value
    /// that does not read is unknown, never 0).
    func values(at position: Int) -> NutrientValues {
        foodIndex.withBytes { table in
            var values = NutrientValues()
            for (offset, column) in FoodDataParser.nutrientColumns.enumerated() {
                let field = table.field(position, FoodField.values + offset)
                if !field.isEmpty { values[column.nutrient] = TSVReader.decimal(field) }
            }
            return values
        }
    }

    /// The food's value of `nutrient` per 100 g, as ``values(at:)`` reads it, reading that one field only.
    func value(_ nutrient: Nutrient, at position: Int) -> Double? {
        guard let offset = FoodDataParser.nutrientColumns.firstIndex(where: { $0.nutrient == nutrient }) else {
            return nil
        }
        return foodIndex.withBytes { table in
            let field = table.field(position, FoodField.values + offset)
            return field.isEmpty ? nil : TSVReader.decimal(field)
        }
    }

    /// The index of the food's group in `groupCodes`.
    func groupIndex(at position: Int) -> Int {
        foodIndex.withBytes { $0.integer(position, FoodField.group) }
    }

    /// Where the food's vitamin D value comes from.
    func vitaminDSource(at position: Int) -> VitaminDSource? {
        foodIndex.withBytes { VitaminDSource(rawValue: $0.string(position, FoodField.vitaminDSource)) }
    }

    /// The food's USDA description.
    func description(at position: Int) -> String {
        withLine(at: position) { row in row.string(9) }
    }

    /// The food at `position`, made from its line and its measures.
    func food(at position: Int) -> Food {
        let ndb = ndb(at: position)
        let group = groupIndex(at: position)
        let (description, common) = withLine(at: position) { row in
            (row.string(9), row.isEmpty(10) ? nil : row.string(10))
        }
        return Food(
            ndb: ndb, groupCode: group < groupCodes.count ? groupCodes[group] : "", description: description,
            usdaCommonNames: common, everydayNames: everydayNames(of: ndb), per100g: values(at: position),
            vitaminDSource: vitaminDSource(at: position), measures: measures(at: position))
    }

    func measures(at position: Int) -> [HouseholdMeasure] {
        measureCache.value(position) { readMeasures(at: position) }
    }

    /// The grams of a food's first measure (its "portion").
    func firstMeasureGrams(at position: Int) -> Double? {
        measures(at: position).first?.grams
    }

    /// The measures of the food at `position`, read from its lines of `measures.tsv`.
    private func readMeasures(at position: Int) -> [HouseholdMeasure] {
        let (from, to) = foodIndex.withBytes {
            ($0.integer(position, FoodField.measuresFrom), $0.integer(position, FoodField.measuresTo))
        }
        guard from < to else { return [] }
        var text = measuresText
        return text.withUTF8 { bytes -> [HouseholdMeasure] in
            guard to <= bytes.count else { return [] }
            var result: [HouseholdMeasure] = []
            // Line by line and field by field as byte positions (splitting into arrays of slices cost more than the
            // reading, in a short command).
            var lineStart = from
            while lineStart < to {
                var lineEnd = lineStart
                while lineEnd < to, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart else { continue }
                // The five fields' starts and the line's end; more or fewer tabs than four: not a measure.
                var starts = (lineStart, 0, 0, 0, 0)
                var tabs = 0
                for position in lineStart..<lineEnd where bytes[position] == 0x09 {
                    tabs += 1
                    switch tabs {
                    case 1: starts.1 = position + 1
                    case 2: starts.2 = position + 1
                    case 3: starts.3 = position + 1
                    case 4: starts.4 = position + 1
                    default: break
                    }
                }
                guard tabs == 4 else { continue }
                func field(_ start: Int, _ end: Int) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[start..<end] }
                // The numbers read from their bytes (the plain decimals the importer writes), the unit made once.
                func number(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
                    let bytes = Self.trimmed(field)
                    return TSVReader.decimal(bytes) ?? Double(String(decoding: bytes, as: UTF8.self))
                }
                let unit = Self.unit(field(starts.3, starts.4 - 1))
                if let sequence = number(field(starts.1, starts.2 - 1)).flatMap({
                    $0.isFinite && abs($0) < 1e9 ? Int($0) : nil
                }),
                    let amount = number(field(starts.2, starts.3 - 1)), let grams = number(field(starts.4, lineEnd))
                {
                    result.append(HouseholdMeasure(sequence: sequence, amount: amount, unit: unit, grams: grams))
                }
            }
            return result
        }
    }

    /// A measure's unit without whitespace at either end: an ASCII unit (all of USDA's) trimmed byte by byte,
    /// any other as text.
    private static func unit(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard field.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: field, as: UTF8.self).trimmingWhitespace()
        }
        // The ASCII characters Unicode calls whitespace: tab, line feed, vertical tab, form feed, carriage return,
        // space.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = field.startIndex
        var end = field.endIndex
        while start < end, isSpace(field[start]) { start += 1 }
        while end > start, isSpace(field[end - 1]) { end -= 1 }
        return String(decoding: field.base[start..<end], as: UTF8.self)
    }

    /// `field` without ASCII spaces, tabs and carriage returns at either end.
    private static func trimmed(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> UnsafeBufferPointer<UInt8> {
        var field = field
        while let first = field.first, first == 0x20 || first == 0x09 || first == 0x0D { field = field.dropFirst() }
        while let last = field.last, last == 0x20 || last == 0x09 || last == 0x0D { field = field.dropLast() }
        return UnsafeBufferPointer(rebasing: field)
    }

    /// The everyday names of the food `ndb`, as listed.
    func everydayNames(of ndb: NDBNumber) -> [String] {
        foodNames.withBytes { table in
            var result: [String] = []
            var record = table.lowerBound(ndb.rawValue.utf8, field: 0)
            while record < table.table.count, table.field(record, 0).elementsEqual(ndb.rawValue.utf8) {
                result.append(table.string(record, 1))
                record += 1
            }
            return result
        }
    }

    /// Every everyday name, in NDB order.
    var allEverydayNames: [String] {
        foodNames.withBytes { table in (0..<table.table.count).map { table.string($0, 1) } }
    }

    /// The food position and name of the everyday name whose sorted words are `key` (`apricot dried`).
    func everydayName(key: String) -> (food: Int, name: String)? {
        let found = nameIndex.withBytes { table -> (ndb: String, name: String)? in
            let record = table.lowerBound(key.utf8, field: NameField.key)
            guard record < table.table.count, table.field(record, NameField.key).elementsEqual(key.utf8) else {
                return nil
            }
            return (table.string(record, NameField.ndb), table.string(record, NameField.name))
        }
        guard let found, let position = position(of: NDBNumber(uncheckedDigits: found.ndb)) else { return nil }
        return (position, found.name)
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

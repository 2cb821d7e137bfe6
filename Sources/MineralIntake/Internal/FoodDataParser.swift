/// Parses the `FoodData/` TSV files into foods, checking every line.
enum FoodDataParser {
    static func groups(_ text: String) throws(MineralIntakeError) -> [FoodGroup] {
        let file = FoodDataFiles.FileName.groups
        var groups: [FoodGroup] = []
        try TSVReader.forEachRow(text, file: file, header: FoodDataFiles.groupsHeader) { (row) throws(MineralIntakeError) in
            let code = row.string(0)
            guard code.utf8.count == 4 else {
                throw .invalidData(file: file, line: row.line, reason: "group code \"\(code)\" is not 4 digits")
            }
            groups.append(FoodGroup(code: code, name: row.string(1)))
        }
        return groups
    }

    /// Columns of `foods.tsv` that hold nutrients, in header order.
    static let nutrientColumns: [(column: Int, nutrient: Nutrient)] = [
        (2, .energy), (3, .potassium), (4, .magnesium), (5, .calcium), (6, .sodium), (7, .vitaminD),
    ]

    static func foods(_ text: String, groupCodes: [String]) throws(MineralIntakeError) -> [Food] {
        let groupCodes = groupCodes.map { (code: $0, bytes: Array($0.utf8)) }
        let file = FoodDataFiles.FileName.foods
        var foods: [Food] = []
        foods.reserveCapacity(text.utf8.count / 80)
        try TSVReader.forEachRow(text, file: file, header: FoodDataFiles.foodsHeader) { (row) throws(MineralIntakeError) in
            guard let ndb = row.ndbNumber(0) else {
                throw .invalidData(file: file, line: row.line, reason: "NDB number \"\(row.string(0))\" is not 5 digits")
            }
            if let last = foods.last, !(last.ndb < ndb) {
                throw .invalidData(file: file, line: row.line, reason: "NDB number \(ndb) is not after \(last.ndb): foods must be sorted")
            }
            // The group's code string is shared from the groups list, not made again for every food.
            guard let group = groupCodes.first(where: { row.equals(1, $0.bytes) })?.code else {
                throw .invalidData(file: file, line: row.line, reason: "unknown food group \"\(row.string(1))\"")
            }
            var values = NutrientValues()
            for (column, nutrient) in nutrientColumns where !row.isEmpty(column) {
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
            foods.append(Food(
                ndb: ndb, groupCode: group, description: row.string(9),
                usdaCommonNames: row.isEmpty(10) ? nil : row.string(10), per100g: values, vitaminDSource: source))
        }
        return foods
    }

    /// Adds `measures.tsv` to the foods. Both files are sorted by NDB number, so one forward walk matches them.
    static func attachMeasures(_ text: String, to foods: inout [Food]) throws(MineralIntakeError) {
        let file = FoodDataFiles.FileName.measures
        var position = 0
        var currentBytes: [UInt8] = []
        try TSVReader.forEachRow(text, file: file, header: FoodDataFiles.measuresHeader) { (row) throws(MineralIntakeError) in
            // Most rows belong to the food of the row before: compare bytes before making any string.
            if position < foods.count, row.equals(0, currentBytes) {
                guard let sequence = row.decimal(1).map({ Int($0) }), let amount = row.decimal(2), amount > 0,
                      let grams = row.decimal(4), grams > 0
                else { throw .invalidData(file: file, line: row.line, reason: "seq, amount and grams must be positive numbers") }
                foods[position].measures.append(HouseholdMeasure(sequence: sequence, amount: amount, unit: row.string(3), grams: grams))
                return
            }
            let ndbText = row.string(0)
            while position < foods.count, foods[position].ndb.rawValue < ndbText { position += 1 }
            if position < foods.count {
                currentBytes.removeAll(keepingCapacity: true)
                currentBytes.append(contentsOf: foods[position].ndb.rawValue.utf8)
            }
            guard position < foods.count, foods[position].ndb.rawValue == ndbText else {
                throw .invalidData(file: file, line: row.line, reason: "measure for food \(ndbText), which is not in foods.tsv (or not in NDB order)")
            }
            guard let sequence = row.decimal(1).map({ Int($0) }),
                  let amount = row.decimal(2), amount > 0,
                  let grams = row.decimal(4), grams > 0
            else {
                throw .invalidData(file: file, line: row.line, reason: "seq, amount and grams must be positive numbers")
            }
            foods[position].measures.append(HouseholdMeasure(sequence: sequence, amount: amount, unit: row.string(3), grams: grams))
        }
    }

    /// Adds the curated everyday names of `names.tsv` to the foods they name.
    static func attachNames(_ text: String, to foods: inout [Food]) throws(MineralIntakeError) {
        let file = FoodDataFiles.FileName.names
        var seen: [[String]: Int] = [:]
        try TSVReader.forEachRow(text, file: file, header: FoodDataFiles.namesHeader) { (row) throws(MineralIntakeError) in
            let name = row.string(0).trimmingWhitespace()
            let key = TextNormalizer.tokens(name).sorted()
            guard !key.isEmpty else {
                throw .invalidData(file: file, line: row.line, reason: "empty name")
            }
            if let earlier = seen[key] {
                throw .invalidData(file: file, line: row.line, reason: "\"\(name)\" reads the same as the name on line \(earlier)")
            }
            seen[key] = row.line
            guard let ndb = NDBNumber(rawValue: row.string(1)), let position = position(of: ndb, in: foods) else {
                throw .invalidData(file: file, line: row.line, reason: "\"\(name)\" names food \(row.string(1)), which is not in foods.tsv")
            }
            foods[position].everydayNames.append(name)
        }
    }

    /// The position of `ndb` in `foods` (sorted by NDB number), by binary search.
    static func position(of ndb: NDBNumber, in foods: [Food]) -> Int? {
        var low = 0
        var high = foods.count
        while low < high {
            let middle = (low + high) / 2
            if foods[middle].ndb < ndb { low = middle + 1 } else { high = middle }
        }
        return low < foods.count && foods[low].ndb == ndb ? low : nil
    }
}

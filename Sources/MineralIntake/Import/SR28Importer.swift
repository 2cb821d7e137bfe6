import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif

/// The USDA SR28 release files the importer reads, as bytes (Latin-1 text, `^`-separated, `~`-quoted).
package struct SR28Release: Sendable {
    /// `FOOD_DES.txt`.
    package var foodDescriptions: Data
    /// `FD_GROUP.txt`.
    package var foodGroups: Data
    /// `NUT_DATA.txt`, uncompressed.
    package var nutrientData: Data
    /// `WEIGHT.txt`.
    package var weights: Data

    /// The four files' bytes.
    package init(foodDescriptions: Data, foodGroups: Data, nutrientData: Data, weights: Data) {
        self.foodDescriptions = foodDescriptions
        self.foodGroups = foodGroups
        self.nutrientData = nutrientData
        self.weights = weights
    }

    /// The release's file names, as in `../shared/data/usda-sr28/`.
    package enum FileName {
        /// `FOOD_DES.txt`.
        package static let foodDescriptions = "FOOD_DES.txt"
        /// `FD_GROUP.txt`.
        package static let foodGroups = "FD_GROUP.txt"
        /// `NUT_DATA.txt`.
        package static let nutrientData = "NUT_DATA.txt"
        /// `WEIGHT.txt`.
        package static let weights = "WEIGHT.txt"
    }
}

/// Turns the USDA SR28 release into the `FoodData/` files: every food, its six nutrients per 100 g, every household
/// measure and every food group. Values are copied as USDA writes them; a nutrient USDA has no row for stays empty.
package enum SR28Importer {
    /// The imported `foods.tsv`, `measures.tsv` and `groups.tsv`, with `names` (the curated file) carried through.
    package static func importRelease(_ release: SR28Release, names: String) throws(MineralIntakeError) -> FoodDataFiles
    {
        let groups = try records(release.foodGroups, file: SR28Release.FileName.foodGroups, fields: 2)
        let foods = try records(release.foodDescriptions, file: SR28Release.FileName.foodDescriptions, fields: 14)
        let weights = try records(release.weights, file: SR28Release.FileName.weights, fields: 7)
        let values = try nutrientValues(release.nutrientData, foods: Set(foods.map { $0.fields[0] }))

        var groupsOut = FoodDataFiles.groupsHeader.joined(separator: "\t") + "\n"
        for group in groups {
            groupsOut += try tsvLine(
                group.fields[0], group.fields[1], file: SR28Release.FileName.foodGroups, line: group.line)
        }
        let groupCodes = Set(groups.map { $0.fields[0] })

        var foodsOut = FoodDataFiles.foodsHeader.joined(separator: "\t") + "\n"
        for food in foods {
            let ndb = food.fields[0]
            guard NDBNumber(rawValue: ndb) != nil else {
                throw .invalidData(
                    file: SR28Release.FileName.foodDescriptions, line: food.line,
                    reason: "NDB number \"\(ndb)\" is not 5 digits")
            }
            guard groupCodes.contains(food.fields[1]) else {
                throw .invalidData(
                    file: SR28Release.FileName.foodDescriptions, line: food.line,
                    reason: "unknown food group \"\(food.fields[1])\"")
            }
            let nutrients = values[ndb, default: [:]]
            var vitaminD = ""
            var vitaminDSource = ""
            if let micrograms = nutrients["328"] {
                (vitaminD, vitaminDSource) = (micrograms, VitaminDSource.micrograms328.rawValue)
            } else if let units = nutrients["324"] {
                guard let decimal = Decimal(string: units, locale: Locale(identifier: "en_US_POSIX")) else {
                    throw .invalidData(
                        file: SR28Release.FileName.nutrientData, line: 0,
                        reason: "vitamin D IU \"\(units)\" of \(ndb) is not a number")
                }
                // 40 IU = 1 µg; dividing a decimal by 40 ends in a finite decimal, written out exactly.
                (vitaminD, vitaminDSource) = ((decimal / 40).description, VitaminDSource.internationalUnits324.rawValue)
            }
            foodsOut += try tsvLine(
                ndb, food.fields[1], nutrients["208"] ?? "", nutrients["306"] ?? "", nutrients["304"] ?? "",
                nutrients["301"] ?? "", nutrients["307"] ?? "", vitaminD, vitaminDSource, food.fields[2],
                food.fields[4],
                file: SR28Release.FileName.foodDescriptions, line: food.line)
        }

        let foodNumbers = Set(foods.map { $0.fields[0] })
        var measuresOut = FoodDataFiles.measuresHeader.joined(separator: "\t") + "\n"
        for weight in weights {
            guard foodNumbers.contains(weight.fields[0]) else {
                throw .invalidData(
                    file: SR28Release.FileName.weights, line: weight.line,
                    reason: "measure for unknown food \(weight.fields[0])")
            }
            for (index, name) in [(1, "Seq"), (2, "Amount"), (4, "Gm_Wgt")] {
                guard let number = Double(number(weight.fields[index])), number > 0 || index == 1 else {
                    throw .invalidData(
                        file: SR28Release.FileName.weights, line: weight.line,
                        reason: "\(name) \"\(weight.fields[index])\" is not a positive number")
                }
            }
            measuresOut += try tsvLine(
                weight.fields[0], weight.fields[1], number(weight.fields[2]), weight.fields[3],
                number(weight.fields[4]),
                file: SR28Release.FileName.weights, line: weight.line)
        }
        return FoodDataFiles(foods: foodsOut, measures: measuresOut, groups: groupsOut, names: names)
    }

    /// The nutrient numbers the importer keeps: energy, K, Mg, Ca, Na, vitamin D in µg and in IU.
    static let keptNutrients: Set<String> = ["208", "306", "304", "301", "307", "328", "324"]

    /// `NDB_No → Nutr_No → Nutr_Val` for the kept nutrients, values as USDA writes them.
    static func nutrientValues(_ data: Data, foods: Set<String>) throws(MineralIntakeError) -> [String: [String:
        String]]
    {
        var result: [String: [String: String]] = [:]
        let kept = keptNutrients.map { Array("~\($0)~".utf8) }
        for record in try records(
            data, file: SR28Release.FileName.nutrientData, fields: 18,
            keep: { bytes, fields in
                kept.contains { $0.elementsEqual(bytes[fields[1]]) }
            })
        {
            let (ndb, nutrient, value) = (record.fields[0], record.fields[1], number(record.fields[2]))
            guard foods.contains(ndb) else {
                throw .invalidData(
                    file: SR28Release.FileName.nutrientData, line: record.line, reason: "value for unknown food \(ndb)")
            }
            guard let parsed = Double(value), parsed >= 0 else {
                throw .invalidData(
                    file: SR28Release.FileName.nutrientData, line: record.line,
                    reason: "value \"\(value)\" is not a number")
            }
            guard result[ndb]?[nutrient] == nil else {
                throw .invalidData(
                    file: SR28Release.FileName.nutrientData, line: record.line,
                    reason: "second value of nutrient \(nutrient) for \(ndb)")
            }
            result[ndb, default: [:]][nutrient] = value
        }
        return result
    }

    /// A USDA numeric field as plain decimal text: `.5` becomes `0.5`; anything else is kept as written.
    static func number(_ field: String) -> String {
        field.hasPrefix(".") ? "0" + field : field
    }

    struct Record {
        let line: Int
        let fields: [String]
    }

    /// Splits SR28's `^`-separated, `~`-quoted Latin-1 lines. `keep` sees a line's raw field ranges and decides whether
    /// to keep it, so the large nutrient file is filtered before any text is decoded; only the first 5 fields are
    /// decoded (enough for every use here).
    static func records(
        _ data: Data, file: String, fields expected: Int,
        keep: (_ bytes: [UInt8], _ fields: [Range<Int>]) -> Bool = { _, _ in true }
    ) throws(MineralIntakeError) -> [Record] {
        var result: [Record] = []
        let bytes = [UInt8](data)
        var lineStart = 0
        var line = 0
        while lineStart < bytes.count {
            line += 1
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { lineStart = end + 1 }
            if lineEnd == lineStart { continue }
            var ranges: [Range<Int>] = []
            var fieldStart = lineStart
            for index in lineStart...lineEnd where index == lineEnd || bytes[index] == 0x5E /* ^ */ {
                ranges.append(fieldStart..<index)
                fieldStart = index + 1
            }
            guard ranges.count == expected else {
                throw .invalidData(
                    file: file, line: line, reason: "\(ranges.count) fields separated by ^, expected \(expected)")
            }
            if keep(bytes, ranges) {
                result.append(Record(line: line, fields: ranges.prefix(5).map { latin1(bytes[$0]) }))
            }
        }
        return result
    }

    /// A field's text, `~` quotes removed, Latin-1 decoded.
    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        if slice.first == 0x7E, slice.last == 0x7E, slice.count >= 2 { slice = slice.dropFirst().dropLast() }
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        return String(String.UnicodeScalarView(slice.map { Unicode.Scalar($0) }))
    }

    /// One TSV line; refuses text that would break the format.
    static func tsvLine(_ fields: String..., file: String, line: Int) throws(MineralIntakeError) -> String {
        for field in fields where field.contains("\t") || field.contains("\n") || field.contains("\r") {
            throw .invalidData(file: file, line: line, reason: "field \"\(field)\" holds a tab or line break")
        }
        return fields.joined(separator: "\t") + "\n"
    }
}

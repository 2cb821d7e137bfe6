/// Parses the `FoodData/` TSV files into foods, checking every line.
enum FoodDataParser {
    static func groups(_ text: String) throws(MineralIntakeError) -> [FoodGroup] {
        let file = FoodDataFiles.FileName.groups
        var groups: [FoodGroup] = []
        try TSVReader.forEachRow(text, file: file, header: FoodDataFiles.groupsHeader) {
            (row) throws(MineralIntakeError) in
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
}

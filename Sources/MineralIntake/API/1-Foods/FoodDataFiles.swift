/// The text of the food database files in `FoodData/`: what the importer writes, what the library loads, and what
/// is compiled into the binary. Each is tab-separated with a header line; see `FoodData/README.md`.
public struct FoodDataFiles: Sendable, Codable, Equatable {
    /// `foods.tsv`: one food a line with its nutrients per 100 g; an empty field is a value USDA does not have.
    public var foods: String
    /// `measures.tsv`: USDA's household measures, one a line.
    public var measures: String
    /// `groups.tsv`: USDA's food groups.
    public var groups: String
    /// `names.tsv`: curated everyday names (hand-written, not imported).
    public var names: String
    /// `household-words.tsv`: household words USDA's measures lack (`glass`, `handful`, `pinch`) by food group, each
    /// with its source (hand-written, not imported); empty for none.
    public var householdWords: String
    /// `densities.tsv`: for foods with no volume measure, the similar food whose volume measure stands in, with the
    /// reason (hand-written, not imported); empty for none.
    public var densities: String
    /// The index tables derived from the other files (`FoodData/derived/`), with which the built-in database opens
    /// without parsing anything; `nil` when not made. ``FoodDatabase/init(files:)`` checks every line and makes its
    /// own.
    public var indexes: FoodDataIndexes?

    /// The files' text.
    public init(
        foods: String, measures: String, groups: String, names: String, householdWords: String = "",
        densities: String = "",
        indexes: FoodDataIndexes? = nil
    ) {
        self.foods = foods
        self.measures = measures
        self.groups = groups
        self.names = names
        self.indexes = indexes
        self.householdWords = householdWords
        self.densities = densities
    }

    /// The file names, as they stand in `FoodData/`.
    public enum FileName {
        /// `foods.tsv`.
        public static let foods = "foods.tsv"
        /// `measures.tsv`.
        public static let measures = "measures.tsv"
        /// `groups.tsv`.
        public static let groups = "groups.tsv"
        /// `names.tsv`.
        public static let names = "names.tsv"
        /// `household-words.tsv`.
        public static let householdWords = "household-words.tsv"
        /// `densities.tsv`.
        public static let densities = "densities.tsv"
    }

    /// The copy compiled into the library, generated from `FoodData/` by `swift run mineral-import`.
    public static var builtIn: FoodDataFiles {
        FoodDataFiles(
            foods: EmbeddedFoodData.foods, measures: EmbeddedFoodData.measures,
            groups: EmbeddedFoodData.groups, names: EmbeddedFoodData.names,
            householdWords: EmbeddedFoodData.householdWords, densities: EmbeddedFoodData.densities,
            indexes: FoodDataIndexes(
                foods: EmbeddedFoodData.foodIndex, names: EmbeddedFoodData.nameIndex,
                foodNames: EmbeddedFoodData.foodNames,
                searchWords: EmbeddedFoodData.searchIndex, searchPostings: EmbeddedFoodData.searchPostings))
    }

    /// The fingerprint (``FNV1a/fingerprint(_:)``) of each built-in file, by its member name (`foods`, `names`…),
    /// worked out when the data was compiled in; a test checks them.
    package static var builtInFingerprints: [String: String] {
        SwiftLiteral.fingerprints(EmbeddedFoodData.fingerprints)
    }

    /// Column headers of the imported files, the contract between importer and loader.
    static let foodsHeader = [
        "ndb", "group", "energy_kcal", "potassium_mg", "magnesium_mg", "calcium_mg", "sodium_mg",
        "vitamin_d_ug", "vitamin_d_source", "description", "usda_common_names",
    ]
    static let measuresHeader = ["ndb", "seq", "amount", "unit", "grams"]
    static let groupsHeader = ["code", "name"]
    static let namesHeader = ["name", "ndb"]

    /// The Swift source that compiles these files into the library (`Generated/EmbeddedFoodData.swift`).
    public func embeddedSwiftSource() -> String {
        SwiftLiteral.enumeration(
            "EmbeddedFoodData",
            [
                ("foods", foods), ("measures", measures), ("groups", groups), ("names", names),
                ("householdWords", householdWords), ("densities", densities),
                ("foodIndex", indexes?.foods ?? ""), ("nameIndex", indexes?.names ?? ""),
                ("foodNames", indexes?.foodNames ?? ""),
                ("searchIndex", indexes?.searchWords ?? ""), ("searchPostings", indexes?.searchPostings ?? ""),
            ])
    }
}

/// The index tables derived from the food files by `mineral-import` (`FoodData/derived/`): fixed-width records that
/// the built-in database reads where they lie, so that opening it parses nothing and a look-up reads only what it
/// needs. They hold nothing that is not in the other files; tests check that they are what the files give.
public struct FoodDataIndexes: Sendable, Codable, Equatable {
    /// `food-index.tsv`: per food, its line in `foods.tsv`, its measures in `measures.tsv` and its description's
    /// number of distinct words.
    public var foods: String
    /// `name-index.tsv`: the everyday names by their sorted words.
    public var names: String
    /// `food-names.tsv`: the everyday names by food.
    public var foodNames: String
    /// `search-index.tsv`: the search index's words, each with where its postings are.
    public var searchWords: String
    /// `search-postings.tsv`: the search index's postings.
    public var searchPostings: String

    /// The tables' text.
    public init(foods: String, names: String, foodNames: String, searchWords: String, searchPostings: String) {
        self.foods = foods
        self.names = names
        self.foodNames = foodNames
        self.searchWords = searchWords
        self.searchPostings = searchPostings
    }

    /// The file names, as they stand in `FoodData/`.
    public enum FileName {
        /// `derived/food-index.tsv`.
        public static let foods = "derived/food-index.tsv"
        /// `derived/name-index.tsv`.
        public static let names = "derived/name-index.tsv"
        /// `derived/food-names.tsv`.
        public static let foodNames = "derived/food-names.tsv"
        /// `derived/search-index.tsv`.
        public static let searchWords = "derived/search-index.tsv"
        /// `derived/search-postings.tsv`.
        public static let searchPostings = "derived/search-postings.tsv"
    }

    /// Each table with its file name, in a fixed order.
    public var files: [(name: String, text: String)] {
        [
            (FileName.foods, foods), (FileName.names, names), (FileName.foodNames, foodNames),
            (FileName.searchWords, searchWords), (FileName.searchPostings, searchPostings),
        ]
    }
}

/// The reference tables in `FoodData/reference/`: verbatim copies of `../shared/reference/targets.csv` and
/// `sweat.csv`, compiled into the library like the food files.
public struct ReferenceDataFiles: Sendable, Codable, Equatable {
    /// `targets.csv`: NASEM and EFSA intake reference values with sources.
    public var targets: String
    /// `sweat.csv`: athletes' sweat rates and sweat mineral concentrations with sources.
    public var sweat: String
    /// `within-person-sd.csv`: within-person SDs of intake with sources (hand-written here, not a copy).
    public var withinPersonSD: String

    /// The files' text.
    public init(targets: String, sweat: String, withinPersonSD: String = "") {
        self.targets = targets
        self.sweat = sweat
        self.withinPersonSD = withinPersonSD
    }

    /// The file names, as they stand in `FoodData/reference/`.
    public enum FileName {
        /// `targets.csv`.
        public static let targets = "targets.csv"
        /// `sweat.csv`.
        public static let sweat = "sweat.csv"
        /// `within-person-sd.csv`.
        public static let withinPersonSD = "within-person-sd.csv"
    }

    /// The copy compiled into the library.
    public static var builtIn: ReferenceDataFiles {
        ReferenceDataFiles(
            targets: EmbeddedReferenceData.targets, sweat: EmbeddedReferenceData.sweat,
            withinPersonSD: EmbeddedReferenceData.withinPersonSD)
    }

    /// The fingerprint of each built-in file, by its member name (`targets`, `sweat`, `withinPersonSD`).
    package static var builtInFingerprints: [String: String] {
        SwiftLiteral.fingerprints(EmbeddedReferenceData.fingerprints)
    }

    /// The Swift source that compiles these files into the library (`Generated/EmbeddedReferenceData.swift`).
    public func embeddedSwiftSource() -> String {
        SwiftLiteral.enumeration(
            "EmbeddedReferenceData", [("targets", targets), ("sweat", sweat), ("withinPersonSD", withinPersonSD)])
    }
}

/// Writes text as Swift raw multi-line string literals.
enum SwiftLiteral {
    /// The `fingerprints` member's lines read back: member name → fingerprint.
    static func fingerprints(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.utf8.split(separator: 0x0A) {
            let fields = line.split(separator: 0x09)
            if fields.count == 2 {
                result[String(decoding: fields[0], as: UTF8.self)] = String(decoding: fields[1], as: UTF8.self)
            }
        }
        return result
    }

    /// `enum NAME { static let a = #"""…"""# … }`, with a header saying it is generated, and a last member
    /// `fingerprints`: each member's name and ``FNV1a/fingerprint(_:)``, a line each.
    static func enumeration(_ name: String, _ members: [(String, String)]) -> String {
        let fingerprints = members.map { "\($0.0)\t\(FNV1a.fingerprint($0.1))\n" }.joined()
        func literal(_ member: String, _ text: String) -> String {
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            // A multi-line literal turns CR LF into LF, so a CR is written as an escape; and it drops the line break
            // before its closing delimiter, so one is added to keep the text's own.
            let body = text.replacingScalar("\r", with: "\\" + hashes + "r")
            return "    static let \(member) = \(hashes)\"\"\"\n\(body)\n\"\"\"\(hashes)\n"
        }
        return """
            // Generated by `swift run mineral-import` from FoodData/: do not edit by hand.
            // A test checks that it equals the files in FoodData/.
            // swift-format-ignore-file

            enum \(name) {
            \((members + [("fingerprints", fingerprints)]).map { literal($0.0, $0.1) }.joined())}

            """
    }
}

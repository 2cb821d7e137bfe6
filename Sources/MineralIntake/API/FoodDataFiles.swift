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
    /// `search-index.tsv`: the search index derived from the foods and names, so it need not be built at start-up;
    /// `nil` builds it on the first search.
    public var searchIndex: String?
    /// `household-words.tsv`: household words USDA's measures lack (`glass`, `handful`, `pinch`) by food group, each
    /// with its source (hand-written, not imported); empty for none.
    public var householdWords: String
    /// `densities.tsv`: for foods with no volume measure, the similar food whose volume measure stands in, with the
    /// reason (hand-written, not imported); empty for none.
    public var densities: String
    /// `name-index.tsv`: each everyday name's normalised key and its food, derived from `names.tsv` by
    /// `mineral-import` so the built-in database need not tokenise 2,100 names at start-up; empty to build it.
    public var nameIndex: String = ""

    /// The files' text.
    public init(
        foods: String, measures: String, groups: String, names: String, searchIndex: String? = nil,
        householdWords: String = "", densities: String = ""
    ) {
        self.foods = foods
        self.measures = measures
        self.groups = groups
        self.names = names
        self.searchIndex = searchIndex
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
        /// `search-index.tsv`.
        public static let searchIndex = "search-index.tsv"
        /// `household-words.tsv`.
        public static let householdWords = "household-words.tsv"
        /// `densities.tsv`.
        public static let densities = "densities.tsv"
        /// `name-index.tsv`.
        public static let nameIndex = "name-index.tsv"
    }

    /// The copy compiled into the library, generated from `FoodData/` by `swift run mineral-import`.
    public static var builtIn: FoodDataFiles {
        var files = FoodDataFiles(
            foods: EmbeddedFoodData.foods, measures: EmbeddedFoodData.measures,
            groups: EmbeddedFoodData.groups, names: EmbeddedFoodData.names, searchIndex: EmbeddedFoodData.searchIndex,
            householdWords: EmbeddedFoodData.householdWords, densities: EmbeddedFoodData.densities)
        files.nameIndex = EmbeddedFoodData.nameIndex
        return files
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
        SwiftLiteral.enumeration("EmbeddedFoodData", [("foods", foods), ("measures", measures), ("groups", groups), ("names", names),
                                                      ("searchIndex", searchIndex ?? ""), ("householdWords", householdWords), ("densities", densities),
                                                      ("nameIndex", nameIndex)])
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
        ReferenceDataFiles(targets: EmbeddedReferenceData.targets, sweat: EmbeddedReferenceData.sweat,
                           withinPersonSD: EmbeddedReferenceData.withinPersonSD)
    }

    /// The Swift source that compiles these files into the library (`Generated/EmbeddedReferenceData.swift`).
    public func embeddedSwiftSource() -> String {
        SwiftLiteral.enumeration("EmbeddedReferenceData", [("targets", targets), ("sweat", sweat), ("withinPersonSD", withinPersonSD)])
    }
}

/// Writes text as Swift raw multi-line string literals.
enum SwiftLiteral {
    /// `enum NAME { static let a = #"""…"""# … }`, with a header saying it is generated.
    static func enumeration(_ name: String, _ members: [(String, String)]) -> String {
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
            \(members.map { literal($0.0, $0.1) }.joined())}

            """
    }
}

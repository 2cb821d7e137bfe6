/// The food database: every USDA SR28 food with its nutrients per 100 g, household measures and everyday names,
/// with look-up by NDB number, ranked free-text search and nutrient rankings.
///
/// ```swift
/// let foods = try FoodDatabase.builtIn()
/// let apricots = try foods.resolve("dried apricots").food   // Apricots, dried, sulfured, uncooked (09032)
/// let top = try foods.search("rasins")                      // Raisins, seedless first, despite the typo
/// ```
///
/// A value type: load it once and share it freely between threads and tasks.
public struct FoodDatabase: Sendable, Equatable {
    /// Every food, ordered by NDB number.
    public var foods: FoodList { FoodList(store: store) }
    let store: FoodStore
    var storage: FoodStorage { store.storage }
    /// USDA's food groups, ordered by code.
    public let groups: [FoodGroup]
    /// Everyday names by their sorted tokens → food position: small, built at load, so the names people log
    /// resolve without the search index.
    let everydayNameIndex: [String: Int]
    /// Built on the first search, not at load: looking foods up by number, ranking them and reporting need no index.
    let lazyIndex: LazySearchIndex
    /// Household words USDA's measures lack, by food group (`FoodData/household-words.tsv`).
    let householdWords: HouseholdWords
    /// For foods with no volume measure, the similar food whose volume measure stands in (`FoodData/densities.tsv`).
    let densityStandIns: [NDBNumber: (like: NDBNumber, reason: String)]

    var index: SearchIndex { lazyIndex.index }

    /// The database compiled into the library (USDA SR28 and the curated names), parsed from its embedded text.
    /// Its derived name index is trusted (a test checks it against the names), so start-up tokenises no names.
    /// - Throws: ``MineralIntakeError/invalidData(file:line:reason:)`` if the embedded data were damaged.
    public static func builtIn() throws(MineralIntakeError) -> FoodDatabase {
        try FoodDatabase(files: .builtIn, trustingDerivedFiles: true)
    }

    /// A database from the text of the `FoodData/` files.
    /// - Throws: ``MineralIntakeError/invalidData(file:line:reason:)`` naming the file and line that is wrong.
    public init(files: FoodDataFiles) throws(MineralIntakeError) {
        try self.init(files: files, trustingDerivedFiles: false)
    }

    init(files: FoodDataFiles, trustingDerivedFiles: Bool) throws(MineralIntakeError) {
        let groups = try FoodDataParser.groups(files.groups)
        let storage = try FoodStorage(files: files, groups: groups, nameIndex: trustingDerivedFiles ? files.nameIndex : "")
        self.store = FoodStore(storage)
        self.groups = groups
        self.lazyIndex = LazySearchIndex(store: store, serialized: files.searchIndex.flatMap { $0.isEmpty ? nil : $0 })
        self.everydayNameIndex = storage.everydayNameKeys
        self.householdWords = try HouseholdWords(text: files.householdWords)
        var standIns: [NDBNumber: (like: NDBNumber, reason: String)] = [:]
        let store = self.store
        if !files.densities.isEmpty { try TSVReader.forEachRow(files.densities, file: FoodDataFiles.FileName.densities, header: ["ndb", "like_ndb", "reason", "verification"]) { (row) throws(MineralIntakeError) in
            guard let ndb = row.ndbNumber(0), let like = row.ndbNumber(1), store.storage.position(of: ndb) != nil,
                  store.storage.position(of: like) != nil, !row.isEmpty(2)
            else { throw .invalidData(file: FoodDataFiles.FileName.densities, line: row.line, reason: "needs two NDB numbers in foods.tsv and a reason") }
            standIns[ndb] = (like, row.string(2))
        } }
        self.densityStandIns = standIns
    }

    /// Every curated everyday name (`dried apricots`, `kasha`), in no particular order.
    public var everydayNames: [String] { storage.everydayNames.values.flatMap { $0 } }

    /// The everyday names' index as text, for `FoodData/name-index.tsv` (what `mineral-import` writes): each name's
    /// sorted tokens and its food's NDB number, sorted.
    public func serializedNameIndex() -> String {
        "key\tndb\n" + storage.everydayNameKeys.map { "\($0.key)\t\(storage.records[$0.value].ndb)\n" }.sorted().joined()
    }

    /// The search index as text, for `FoodData/search-index.tsv` (what `mineral-import` writes).
    public func serializedSearchIndex() -> String {
        SearchIndex(foods: Array(foods)).serialized()
    }

    /// Two databases are equal when they hold the same foods, measures, names and groups.
    public static func == (lhs: FoodDatabase, rhs: FoodDatabase) -> Bool {
        lhs.groups == rhs.groups && lhs.storage.foodsText == rhs.storage.foodsText
            && lhs.storage.measuresText == rhs.storage.measuresText && lhs.storage.everydayNames == rhs.storage.everydayNames
    }

    /// The food with this NDB number, or `nil`.
    public func food(_ ndb: NDBNumber) -> Food? {
        position(of: ndb).map { storage.food(at: $0) }
    }

    /// The nutrients per 100 g of the food with this NDB number, without making the whole ``Food``.
    func values(_ ndb: NDBNumber) -> NutrientValues? {
        position(of: ndb).map { storage.records[$0].values }
    }

    /// The group with this 4-digit code (`0900`), or `nil`.
    public func group(code: String) -> FoodGroup? {
        groups.first { $0.code == code }
    }

    func position(of ndb: NDBNumber) -> Int? {
        storage.position(of: ndb)
    }

    /// The food group named by `text`: its 4-digit code (`0900`, or `900`), or words of its name (`fruits`, `nuts`).
    /// - Throws: ``MineralIntakeError/unknownFoodGroup(_:known:)`` or
    ///   ``MineralIntakeError/ambiguousFoodGroup(_:candidates:)``.
    public func group(matching text: String) throws(MineralIntakeError) -> FoodGroup {
        let trimmed = text.trimmingWhitespace()
        if trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), (3...4).contains(trimmed.utf8.count) {
            let code = trimmed.utf8.count == 3 ? "0" + trimmed : trimmed
            if let group = group(code: code) { return group }
        }
        let wanted = TextNormalizer.tokens(trimmed)
        let matches = groups.filter { group in
            let words = TextNormalizer.tokens(group.name)
            return !wanted.isEmpty && wanted.allSatisfy { word in words.contains { $0.hasPrefix(word) } }
        }
        if matches.count == 1 { return matches[0] }
        if let exact = matches.first(where: { TextNormalizer.tokens($0.name) == wanted }) { return exact }
        if matches.isEmpty {
            throw .unknownFoodGroup(text, known: groups.map { "\($0.code) \($0.name)" })
        }
        throw .ambiguousFoodGroup(text, candidates: matches.map { "\($0.code) \($0.name)" })
    }
}

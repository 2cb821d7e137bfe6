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
    /// The built-in data's index is opened where it lies; another database's is built on the first search, not at
    /// load: looking foods up by number, ranking them and reporting need no index.
    let lazyIndex: OnDemand<SearchIndex>
    /// Household words USDA's measures lack, by food group (`FoodData/household-words.tsv`): for the built-in data,
    /// read when an item is first read.
    let householdWordsTable: OnDemand<HouseholdWords>
    /// For foods with no volume measure, the similar food whose volume measure stands in (`FoodData/densities.tsv`).
    let densityTable: OnDemand<[NDBNumber: DensityStandIn]>

    typealias DensityStandIn = (like: NDBNumber, reason: String)

    var householdWords: HouseholdWords { householdWordsTable.value }
    var densityStandIns: [NDBNumber: DensityStandIn] { densityTable.value }

    var index: SearchIndex { lazyIndex.value }

    /// The database compiled into the library (USDA SR28 and the curated names), read where it lies through its
    /// derived index tables (tests check them against a full parse of the files): opening it parses nothing.
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
        if trustingDerivedFiles, let indexes = files.indexes,
            let storage = FoodStorage(
                files: files, groups: groups, indexes: (indexes.foods, indexes.names, indexes.foodNames))
        {
            let store = FoodStore(storage)
            self.store = store
            let ready = SearchIndex(words: indexes.searchWords, postings: indexes.searchPostings, store: store)
            self.lazyIndex = ready.map { OnDemand($0) } ?? OnDemand { SearchIndex(store: store) }
        } else {
            let store = FoodStore(try FoodStorage(files: files, groups: groups))
            self.store = store
            self.lazyIndex = OnDemand { SearchIndex(store: store) }
        }
        self.groups = groups
        let store = self.store
        if trustingDerivedFiles {
            // The built-in tables are checked by tests (a checked load reads them); a damaged one would be empty.
            let (words, densities) = (files.householdWords, files.densities)
            self.householdWordsTable = OnDemand { (try? HouseholdWords(text: words)) ?? HouseholdWords() }
            self.densityTable = OnDemand { (try? Self.densityStandIns(densities, store: store)) ?? [:] }
        } else {
            self.householdWordsTable = OnDemand(try HouseholdWords(text: files.householdWords))
            self.densityTable = OnDemand(try Self.densityStandIns(files.densities, store: store))
        }
    }

    /// `densities.tsv` read: each food with the food whose volume measure stands in, and why.
    private static func densityStandIns(_ text: String, store: FoodStore) throws(MineralIntakeError) -> [NDBNumber:
        DensityStandIn]
    {
        var standIns: [NDBNumber: DensityStandIn] = [:]
        guard !text.isEmpty else { return standIns }
        let file = FoodDataFiles.FileName.densities
        try TSVReader.forEachRow(text, file: file, header: ["ndb", "like_ndb", "reason", "verification"]) {
            (row) throws(MineralIntakeError) in
            guard let ndb = row.ndbNumber(0), let like = row.ndbNumber(1), store.storage.position(of: ndb) != nil,
                store.storage.position(of: like) != nil, !row.isEmpty(2)
            else {
                throw .invalidData(
                    file: file, line: row.line, reason: "needs two NDB numbers in foods.tsv and a reason")
            }
            standIns[ndb] = (like, row.string(2))
        }
        return standIns
    }

    /// Every curated everyday name (`dried apricots`, `kasha`), in no particular order.
    public var everydayNames: [String] { storage.allEverydayNames }

    /// The derived index tables of this database's files, for `FoodData/derived/` (what `mineral-import` writes).
    public func indexes() -> FoodDataIndexes {
        let search = SearchIndex.tables(foods: foods)
        return FoodDataIndexes(
            foods: storage.foodIndex.text, names: storage.nameIndex.text, foodNames: storage.foodNames.text,
            searchWords: search.words, searchPostings: search.postings)
    }

    /// Two databases are equal when they hold the same foods, measures, names and groups.
    public static func == (lhs: FoodDatabase, rhs: FoodDatabase) -> Bool {
        lhs.groups == rhs.groups && lhs.storage.foodsText == rhs.storage.foodsText
            && lhs.storage.measuresText == rhs.storage.measuresText
            && lhs.storage.foodNames.text == rhs.storage.foodNames.text
    }

    /// Whether a food has this NDB number (without making the ``Food``).
    public func contains(_ ndb: NDBNumber) -> Bool {
        position(of: ndb) != nil
    }

    /// The USDA description of the food with this NDB number, without making the whole ``Food``.
    func description(of ndb: NDBNumber) -> String? {
        position(of: ndb).map { storage.description(at: $0) }
    }

    /// The food with this NDB number, or `nil`.
    public func food(_ ndb: NDBNumber) -> Food? {
        position(of: ndb).map { storage.food(at: $0) }
    }

    /// The nutrients per 100 g of the food with this NDB number, without making the whole ``Food``.
    func values(_ ndb: NDBNumber) -> NutrientValues? {
        position(of: ndb).map { storage.values(at: $0) }
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

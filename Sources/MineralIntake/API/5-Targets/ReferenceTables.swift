/// The reference tables: NASEM and EFSA intake targets (`targets.csv`) and sweat-loss figures (`sweat.csv`),
/// compiled into the library from `FoodData/reference/`.
public struct ReferenceTables: Sendable, Equatable {
    /// Every row of `targets.csv`, in file order.
    public var rows: [TargetRow] { wholeRows.value }
    /// The sweat-loss defaults chosen from `sweat.csv`.
    public var sweat: SweatDefaults { sweatTable.value }
    /// Within-person (day-to-day) SDs of intake from `within-person-sd.csv`, for judging how sure a few days'
    /// average is; rows whose value could not be read in a source have `sd` `nil`.
    public var withinPersonSDs: [WithinPersonSD] { withinPersonSDTable.value }

    /// Every row, all checked; for the built-in tables without their long texts (source and notes), which
    /// ``row(at:)`` reads from the row's bytes when a row is used: choosing a profile's rows then makes no text of
    /// the three hundred others.
    private let keys: [TargetRow]
    /// Where each row of the built-in `targets.csv` lies in its text; `nil` when `keys` are whole rows.
    private let embeddedRanges: [Range<Int>]?
    private let wholeRows: OnDemand<[TargetRow]>
    /// For the built-in tables, read on first use (only athletes need the sweat figures; only reports the SDs).
    private let sweatTable: OnDemand<SweatDefaults>
    private let withinPersonSDTable: OnDemand<[WithinPersonSD]>

    /// The tables compiled into the library. The sweat and SD tables are read when first used, and each target
    /// row's source and notes when the row is used: tests check that they read.
    public static func builtIn() throws(MineralIntakeError) -> ReferenceTables {
        var text = EmbeddedReferenceData.targets
        let read = text.withUTF8 { targetKeys($0) }
        // Should the quick reader meet anything it does not expect, the full reader reads and says what is wrong.
        let rows: [(row: TargetRow, bytes: Range<Int>)]
        if let read {
            rows = read
        } else {
            rows = try parseTargets(CSV.parse(EmbeddedReferenceData.targets, file: "targets.csv"))
        }
        let ranges = rows.map(\.bytes)
        return ReferenceTables(
            keys: rows.map(\.row), embeddedRanges: read == nil ? nil : ranges,
            wholeRows: OnDemand {
                rows.indices.map { read == nil ? rows[$0].row : embeddedRow(rows[$0].row, at: ranges[$0]) }
            },
            sweat: OnDemand { (try? parseSweat(EmbeddedReferenceData.sweat)) ?? SweatDefaults.unavailable },
            withinPersonSDs: OnDemand {
                var text = EmbeddedReferenceData.withinPersonSD
                return text.withUTF8 { quickWithinPersonSD($0) }
                    ?? (try? parseWithinPersonSD(EmbeddedReferenceData.withinPersonSD)) ?? []
            })
    }

    /// The rows of `within-person-sd.csv` read and checked as ``parseWithinPersonSD(_:)`` checks them, straight from
    /// its bytes with the reader the targets table uses (its notes not made into text); `nil` at the first thing
    /// this reader does not expect, for the full reader to read and say what is wrong.
    static func quickWithinPersonSD(_ bytes: UnsafeBufferPointer<UInt8>) -> [WithinPersonSD]? {
        quickRows(bytes, file: "within-person-sd.csv", header: withinPersonSDHeader) { line, _, f in
            let (micrograms, milligrams): (StaticString, StaticString) = ("µg/day", "mg/day")
            guard let nutrient = f.pick(0, QuickValues.nutrients), case .read(let sex) = f.sex(1),
                let minimum = f.decimal(2), f.equals(5, nutrient == .vitaminD ? micrograms : milligrams),
                let verification = ["read-primary", "read-secondary", "not-found"].first(where: { f.equals(8, $0) })
            else { return nil }
            let maximum = f.isEmpty(3) ? nil : f.decimal(3)
            let sd = f.isEmpty(4) ? nil : f.decimal(4)
            guard maximum != nil || f.isEmpty(3), sd.map({ $0 > 0 }) ?? f.isEmpty(4),
                (sd == nil) == (verification == "not-found")
            else { return nil }
            return WithinPersonSD(
                nutrient: nutrient, sex: sex, ageMinimum: minimum, ageMaximum: maximum, sd: sd, source: f.text(6),
                table: f.text(7), verification: verification, line: line)
        }
    }

    /// The rows of `targets.csv` read and checked as ``parseTargets(_:)`` checks them, straight from its bytes, with
    /// no text made but the group names (source and notes are left empty); `nil` at the first thing this reader does
    /// not expect (a doubled quote in a checked field, a number `Double` reads that it does not, a bad value).
    static func targetKeys(_ bytes: UnsafeBufferPointer<UInt8>) -> [(row: TargetRow, bytes: Range<Int>)]? {
        quickRows(bytes, file: "targets.csv", header: targetsHeader) { line, range, f in
            let (micrograms, milligrams): (StaticString, StaticString) = ("ug/day", "mg/day")
            guard let standard = f.pick(0, QuickValues.standards), let nutrient = f.pick(1, QuickValues.nutrients),
                !f.fields[2].doubledQuotes, case .read(let sex) = f.sex(3), let minimum = f.decimal(4),
                let kind = f.pick(6, QuickValues.kinds), let amount = f.decimal(7), amount > 0,
                f.equals(8, nutrient == .vitaminD ? micrograms : milligrams),
                let verification = f.pick(11, QuickValues.verifications)
            else { return nil }
            let maximum = f.isEmpty(5) ? nil : f.decimal(5)
            guard maximum != nil || f.isEmpty(5) else { return nil }
            return (
                TargetRow(
                    standard: standard, nutrient: nutrient, group: f.text(2), sex: sex, ageMinimum: minimum,
                    ageMaximum: maximum, kind: kind, amount: amount, source: "", notes: "", verification: verification,
                    line: line),
                range
            )
        }
    }

    /// The rows of a CSV table read by `row` from their bytes, after a header that must be `header` (every row as
    /// many fields); `nil` when the header or a row is not as expected (`row` gives `nil`) or the CSV does not read.
    private static func quickRows<Row>(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, header: [String],
        row: (_ line: Int, _ bytes: Range<Int>, _ fields: QuickFields) -> Row?
    ) -> [Row]? {
        var result: [Row] = []
        var inHeader = true
        var failed = false
        let scanned: ()? = try? CSV.scan(bytes, file: file) { (line, range, fields) throws(MineralIntakeError) in
            guard !failed else { return }
            guard fields.count == header.count else { return failed = true }
            if inHeader {
                inHeader = false
                failed = !zip(fields, header).allSatisfy { $0.equals($1, in: bytes) }
                return
            }
            guard let read = row(line, range, QuickFields(fields: fields, bytes: bytes)) else { return failed = true }
            result.append(read)
        }
        return scanned == nil || failed || inHeader ? nil : result
    }

    /// A row's fields as the quick readers look at them, in place.
    struct QuickFields {
        let fields: [CSV.Field]
        let bytes: UnsafeBufferPointer<UInt8>

        func isEmpty(_ field: Int) -> Bool { fields[field].range.isEmpty }
        func equals(_ field: Int, _ text: StaticString) -> Bool { fields[field].equals(text, in: bytes) }
        func equals(_ field: Int, _ text: String) -> Bool { fields[field].equals(text, in: bytes) }
        func text(_ field: Int) -> String { fields[field].text(in: bytes) }

        /// The field as a plain decimal, read as `Double` reads it; `nil` for anything else.
        func decimal(_ field: Int) -> Double? {
            fields[field].doubledQuotes
                ? nil : TSVReader.decimal(UnsafeBufferPointer(rebasing: bytes[fields[field].range]))
        }

        /// The value whose text the field is, among `cases`.
        func pick<T>(_ field: Int, _ cases: [(text: StaticString, value: T)]) -> T? {
            cases.first { equals(field, $0.text) }?.value
        }

        /// The sex in the field: `both` is a row for either sex (`nil`); a word that is neither is `unknown`.
        func sex(_ field: Int) -> QuickValues.SexField {
            if equals(field, "both" as StaticString) { return .read(nil) }
            return pick(field, QuickValues.sexes).map { .read($0) } ?? .unknown
        }
    }

    /// The values ``targetKeys(_:)`` matches, as their texts in `targets.csv` (their raw values: a test checks
    /// each), kept as static strings so matching counts no references. A value not listed makes the quick reader
    /// leave the table to the full one.
    enum QuickValues {
        static let standards: [(text: StaticString, value: ReferenceStandard)] = [("NASEM", .nasem), ("EFSA", .efsa)]
        static let nutrients: [(text: StaticString, value: Nutrient)] = [
            ("potassium", .potassium), ("magnesium", .magnesium), ("calcium", .calcium), ("sodium", .sodium),
            ("vitamin_d", .vitaminD),
        ]
        static let sexes: [(text: StaticString, value: Sex)] = [("female", .female), ("male", .male)]

        /// A sex field as read: a sex, `nil` for the rows of both (`both`), or not one of these.
        enum SexField: Equatable {
            case read(Sex?)
            case unknown
        }

        static let kinds: [(text: StaticString, value: TargetKind)] = [
            ("RDA", .rda), ("AI", .ai), ("EAR", .ear), ("UL", .ul), ("CDRR", .cdrr), ("PRI", .pri), ("AR", .ar),
        ]
        static let verifications: [(text: StaticString, value: Verification)] = [
            ("read-primary", .readPrimary), ("read-secondary", .readSecondary),
            ("memory-unverified", .memoryUnverified),
        ]
    }

    /// Tables from the text of `targets.csv`, `sweat.csv` and `within-person-sd.csv` (empty for none).
    /// - Throws: ``MineralIntakeError/invalidData(file:line:reason:)`` naming the file and line that is wrong.
    public init(targetsCSV: String, sweatCSV: String, withinPersonSDCSV: String = "") throws(MineralIntakeError) {
        let rows = try Self.parseTargets(CSV.parse(targetsCSV, file: "targets.csv")).map(\.row)
        keys = rows
        embeddedRanges = nil
        wholeRows = OnDemand(rows)
        sweatTable = OnDemand(try Self.parseSweat(sweatCSV))
        withinPersonSDTable = OnDemand(try Self.parseWithinPersonSD(withinPersonSDCSV))
    }

    private init(
        keys: [TargetRow], embeddedRanges: [Range<Int>]?, wholeRows: OnDemand<[TargetRow]>,
        sweat: OnDemand<SweatDefaults>, withinPersonSDs: OnDemand<[WithinPersonSD]>
    ) {
        self.keys = keys
        self.embeddedRanges = embeddedRanges
        self.wholeRows = wholeRows
        self.sweatTable = sweat
        self.withinPersonSDTable = withinPersonSDs
    }

    /// Two sets of tables are equal when their rows, sweat figures and SDs are.
    public static func == (lhs: ReferenceTables, rhs: ReferenceTables) -> Bool {
        lhs.rows == rhs.rows && lhs.sweat == rhs.sweat && lhs.withinPersonSDs == rhs.withinPersonSDs
    }

    /// The rows, checked, as choosing rows reads them: for the built-in tables without source and notes.
    var rowKeys: [TargetRow] { keys }

    /// The whole row at `index` of ``rowKeys``.
    func row(at index: Int) -> TargetRow {
        guard let embeddedRanges else { return keys[index] }
        return Self.embeddedRow(keys[index], at: embeddedRanges[index])
    }

    /// `key` with its source and notes read from its bytes in the built-in `targets.csv` (the same bytes, and the
    /// same reader, that checked the row: tests check every row reads whole).
    private static func embeddedRow(_ key: TargetRow, at range: Range<Int>) -> TargetRow {
        var text = EmbeddedReferenceData.targets
        return text.withUTF8 { bytes in
            var row = key
            if let fields =
                (try? CSV.parse(
                    UnsafeBufferPointer(rebasing: bytes[range]), file: "targets.csv", firstLine: key.line))?.first?
                .fields,
                fields.count == targetsHeader.count
            {
                row.source = fields[sourceField]
                row.notes = fields[notesField]
            }
            return row
        }
    }

    static let withinPersonSDHeader = [
        "nutrient", "sex", "age_min", "age_max", "within_person_sd", "unit", "source", "table", "verification", "notes",
    ]

    static func parseWithinPersonSD(_ text: String) throws(MineralIntakeError) -> [WithinPersonSD] {
        guard !text.isEmpty else { return [] }
        let file = "within-person-sd.csv"
        let rows = try CSV.parse(text, file: file)
        guard let header = rows.first, header.fields == withinPersonSDHeader else {
            throw .invalidData(
                file: file, line: 1, reason: "header must be " + withinPersonSDHeader.joined(separator: ","))
        }
        var result: [WithinPersonSD] = []
        for row in rows.dropFirst() {
            let f = row.fields
            func fail(_ reason: String) -> MineralIntakeError {
                .invalidData(file: file, line: row.line, reason: reason)
            }
            guard f.count == withinPersonSDHeader.count else {
                throw fail("\(f.count) fields, expected \(withinPersonSDHeader.count)")
            }
            guard let nutrient = Nutrient(rawValue: f[0]), nutrient != .energy else {
                throw fail("unknown nutrient \"\(f[0])\"")
            }
            let sex: Sex? = f[1] == "both" ? nil : Sex(rawValue: f[1])
            guard f[1] == "both" || sex != nil else { throw fail("unknown sex \"\(f[1])\"") }
            guard let minimum = Double(f[2]), f[3].isEmpty || Double(f[3]) != nil else {
                throw fail("ages must be numbers")
            }
            let expectedUnit = nutrient == .vitaminD ? "µg/day" : "mg/day"
            guard f[5] == expectedUnit else {
                throw fail("unit \"\(f[5])\" for \(nutrient.rawValue), expected \(expectedUnit)")
            }
            let sd = f[4].isEmpty ? nil : Double(f[4])
            guard f[4].isEmpty || (sd.map { $0 > 0 } ?? false) else {
                throw fail("within_person_sd \"\(f[4])\" is not a positive number")
            }
            guard ["read-primary", "read-secondary", "not-found"].contains(f[8]), (sd == nil) == (f[8] == "not-found")
            else {
                throw fail("verification \"\(f[8])\": read-primary or read-secondary with a value, not-found without")
            }
            result.append(
                WithinPersonSD(
                    nutrient: nutrient, sex: sex, ageMinimum: minimum, ageMaximum: f[3].isEmpty ? nil : Double(f[3]),
                    sd: sd, source: f[6], table: f[7], verification: f[8], line: row.line))
        }
        return result
    }

    /// The within-person SD row for `nutrient`, `sex` and `age` (a sex-specific row before a both-sexes one).
    public func withinPersonSD(_ nutrient: Nutrient, sex: Sex, age: Int) -> WithinPersonSD? {
        let fitting = withinPersonSDs.filter {
            $0.nutrient == nutrient && ($0.sex == nil || $0.sex == sex) && Double(age) >= $0.ageMinimum
                && $0.ageMaximum.map { Double(age) <= $0 } ?? true
        }
        return fitting.first { $0.sex != nil } ?? fitting.first
    }

    static let targetsHeader = [
        "standard", "nutrient", "group", "sex", "age_min_years", "age_max_years", "kind", "value", "unit", "source",
        "notes", "verification",
    ]

    /// The positions of the long texts in a row of `targets.csv`.
    static let sourceField = 9
    static let notesField = 10

    /// The rows of `targets.csv` as CSV read them (header first), each checked, with where it lies in the text.
    static func parseTargets(_ rows: [CSV.Row]) throws(MineralIntakeError) -> [(row: TargetRow, bytes: Range<Int>)] {
        let file = "targets.csv"
        guard let header = rows.first, header.fields == targetsHeader else {
            throw .invalidData(file: file, line: 1, reason: "header must be " + targetsHeader.joined(separator: ","))
        }
        var result: [(row: TargetRow, bytes: Range<Int>)] = []
        result.reserveCapacity(rows.count)
        for row in rows.dropFirst() {
            let f = row.fields
            func fail(_ reason: String) -> MineralIntakeError {
                .invalidData(file: file, line: row.line, reason: reason)
            }
            guard f.count == targetsHeader.count else {
                throw fail("\(f.count) fields, expected \(targetsHeader.count)")
            }
            guard let standard = ReferenceStandard(rawValue: f[0]) else { throw fail("unknown standard \"\(f[0])\"") }
            guard let nutrient = Nutrient(rawValue: f[1]), nutrient != .energy else {
                throw fail("unknown nutrient \"\(f[1])\"")
            }
            let sex: Sex?
            switch f[3] {
            case "both": sex = nil
            default:
                guard let parsed = Sex(rawValue: f[3]) else { throw fail("unknown sex \"\(f[3])\"") }
                sex = parsed
            }
            guard let minimum = Double(f[4]) else { throw fail("age_min_years \"\(f[4])\" is not a number") }
            let maximum = f[5].isEmpty ? nil : Double(f[5])
            guard f[5].isEmpty || maximum != nil else { throw fail("age_max_years \"\(f[5])\" is not a number") }
            guard let kind = TargetKind(rawValue: f[6]), kind != .custom else { throw fail("unknown kind \"\(f[6])\"") }
            guard let amount = Double(f[7]), amount > 0 else {
                throw fail("value \"\(f[7])\" is not a positive number")
            }
            let expectedUnit = nutrient == .vitaminD ? "ug/day" : "mg/day"
            guard f[8] == expectedUnit else {
                throw fail("unit \"\(f[8])\" for \(nutrient.rawValue), expected \(expectedUnit)")
            }
            guard let verification = Verification(rawValue: f[11]) else {
                throw fail("unknown verification \"\(f[11])\"")
            }
            result.append(
                (
                    TargetRow(
                        standard: standard, nutrient: nutrient, group: f[2], sex: sex, ageMinimum: minimum,
                        ageMaximum: maximum, kind: kind, amount: amount, source: f[sourceField],
                        notes: f[notesField], verification: verification, line: row.line),
                    row.bytes
                ))
        }
        return result
    }

    /// The sweat rows used as defaults: whole-body figures from read sources (see `FoodData/reference/README`).
    static let sweatChoices: [(nutrient: Nutrient?, quantity: String, contextPrefix: String)] = [
        (nil, "sweat_rate", "athletes, team/skill + endurance"),  // Baker et al. 2016, n = 506
        (.sodium, "sweat_concentration", "same cohort, predicted whole-body"),  // Baker et al. 2016
        (.potassium, "sweat_concentration", "marathon runners, all groups"),  // Lara et al. 2016, n = 157
        // Baker 2011
        (.calcium, "sweat_concentration", "trained athletes cycling 90 min in heat, whole-body wash-down"),
        (.magnesium, "sweat_concentration", "trained athletes cycling 90 min in heat, whole-body wash-down"),
    ]

    static func parseSweat(_ text: String) throws(MineralIntakeError) -> SweatDefaults {
        let file = "sweat.csv"
        let rows = try CSV.parse(text, file: file)
        guard let header = rows.first?.fields,
            let quantity = header.firstIndex(of: "quantity"), let electrolyte = header.firstIndex(of: "electrolyte"),
            let context = header.firstIndex(of: "context"), let typical = header.firstIndex(of: "typical"),
            let typicalMgL = header.firstIndex(of: "typical_mg_L"), let source = header.firstIndex(of: "source"),
            let verification = header.firstIndex(of: "verification")
        else {
            throw .invalidData(
                file: file, line: 1,
                reason: "header lacks quantity, electrolyte, context, typical, typical_mg_L, source or verification")
        }
        var rate: SweatDefaults.Figure?
        var concentrations: [Nutrient: SweatDefaults.Figure] = [:]
        for choice in sweatChoices {
            let electrolyteName = choice.nutrient?.rawValue ?? "water"
            guard
                let row = rows.dropFirst().first(where: {
                    $0.fields.count == header.count && $0.fields[quantity] == choice.quantity
                        && $0.fields[electrolyte] == electrolyteName
                        && $0.fields[context].hasPrefix(choice.contextPrefix)
                })
            else {
                throw .invalidData(
                    file: file, line: 0,
                    reason: "no \(choice.quantity) row for \(electrolyteName) with context \"\(choice.contextPrefix)…\""
                )
            }
            guard row.fields[verification] == Verification.readPrimary.rawValue else {
                throw .invalidData(
                    file: file, line: row.line, reason: "default figures must come from read-primary rows")
            }
            let column = choice.nutrient == nil ? typical : typicalMgL
            guard let value = Double(row.fields[column]), value > 0 else {
                throw .invalidData(
                    file: file, line: row.line, reason: "\"\(row.fields[column])\" is not a positive number")
            }
            let figure = SweatDefaults.Figure(
                value: value, source: row.fields[source], context: row.fields[context], line: row.line)
            if let nutrient = choice.nutrient { concentrations[nutrient] = figure } else { rate = figure }
        }
        return SweatDefaults(sweatRate: rate!, concentrations: concentrations)
    }
}

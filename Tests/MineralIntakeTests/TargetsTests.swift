import Foundation
import Testing
@testable import MineralIntake

let tables: ReferenceTables = {
    do { return try ReferenceTables.builtIn() } catch { fatalError("reference tables do not load: \(error)") }
}()
let today = CalendarDate(year: 2026, month: 11, day: 25)!

/// Ages inside a row's band to test it with: its first year, its last (or first + 20 when open-ended).
func agesToTest(_ row: TargetRow) -> [Int] {
    let low = Int(row.ageMinimum.rounded(.up))
    let high = row.ageMaximum.map { Int($0) } ?? low + 20
    return Array(Set([low, high, (low + high) / 2])).sorted()
}

@Suite("Targets: every row of targets.csv")
struct TargetRowTests {
    static let adultRows = tables.rows.filter { $0.ageMinimum >= 1 }

    @Test("the built-in rows, read lazily (sources and notes when a row is used), are the rows of a full read")
    func lazyRowsAreWhole() throws {
        let full = try ReferenceTables(
            targetsCSV: EmbeddedReferenceData.targets, sweatCSV: EmbeddedReferenceData.sweat,
            withinPersonSDCSV: EmbeddedReferenceData.withinPersonSD)
        let lazy = try ReferenceTables.builtIn()
        #expect(lazy.rowKeys.allSatisfy { $0.source.isEmpty && $0.notes.isEmpty })
        #expect(lazy.rowKeys.indices.map { lazy.row(at: $0) } == full.rows)
        #expect(lazy.rows == full.rows)
        #expect(full.rows.allSatisfy { !$0.source.isEmpty })
        #expect(lazy.rowKeys.count == full.rowKeys.count)
    }

    @Test(
        "the built-in table's quick reader reads what the full reader reads, and leaves the rest to it"
    )
    func quickReader() throws {
        let full = try ReferenceTables.parseTargets(CSV.parse(EmbeddedReferenceData.targets, file: "targets.csv"))
        var blank = full.map(\.row)
        for index in blank.indices { (blank[index].source, blank[index].notes) = ("", "") }
        func quick(_ text: String) -> [(row: TargetRow, bytes: Range<Int>)]? {
            var text = text
            return text.withUTF8 { ReferenceTables.targetKeys($0) }
        }
        let read = try #require(quick(EmbeddedReferenceData.targets))
        #expect(read.map(\.row) == blank)
        #expect(read.map(\.bytes) == full.map(\.bytes))
        // Each change is one the full reader refuses or reads another way: the quick one leaves it to it.
        let firstRow = "NASEM,potassium,infants,both,0,0.5,AI,400,mg/day,"
        for damaged in [
            "NASEM,potassium,infants,both,0,0.5,AI,400,mg/day,", "NASEM,iron,infants,both,0,0.5,AI,400,mg/day,",
            "NASEM,potassium,infants,both,0,0.5,AI,-400,mg/day,", "NASEM,potassium,infants,both,0,0.5,AI,4e2,mg/day,",
            "NASEM,potassium,infants,both,0,x,AI,400,mg/day,", "NASEM,potassium,infants,either,0,0.5,AI,400,mg/day,",
            "NASEM,potassium,infants,both,0,0.5,custom,400,mg/day,",
            "NASEM,potassium,infants,both,0,0.5,AI,400,ug/day,",
            "NASEM,potassium,\"inf\"\"ants\",both,0,0.5,AI,400,mg/day,",
        ].dropFirst() {
            #expect(
                quick(EmbeddedReferenceData.targets.replacingOccurrences(of: firstRow, with: damaged)) == nil,
                "\(damaged)")
        }
        #expect(quick("standard,nutrient\n") == nil)
        // The within-person SD table's quick reader too.
        func quickSD(_ text: String) -> [WithinPersonSD]? {
            var text = text
            return text.withUTF8 { ReferenceTables.quickWithinPersonSD($0) }
        }
        let sds = try ReferenceTables.parseWithinPersonSD(EmbeddedReferenceData.withinPersonSD)
        #expect(quickSD(EmbeddedReferenceData.withinPersonSD) == sds && sds.count > 40)
        #expect(try ReferenceTables.builtIn().withinPersonSDs == sds)
        let firstSD = "potassium,female,4,8,,mg/day,"
        for damaged in [
            "energy,female,4,8,,mg/day,", "potassium,woman,4,8,,mg/day,", "potassium,female,four,8,,mg/day,",
            "potassium,female,4,8,-3,mg/day,", "potassium,female,4,8,,µg/day,", "potassium,female,4,8,12,mg/day,",
        ] {
            #expect(
                quickSD(EmbeddedReferenceData.withinPersonSD.replacingOccurrences(of: firstSD, with: damaged)) == nil,
                "\(damaged)")
        }
        // The quick reader's values are the enumerations' raw values.
        typealias Q = ReferenceTables.QuickValues
        #expect(Q.standards.allSatisfy { "\($0.text)" == $0.value.rawValue } && Q.standards.count == 2)
        #expect(
            Q.nutrients.allSatisfy { "\($0.text)" == $0.value.rawValue } && Q.nutrients.map(\.value) == Nutrient.tracked
        )
        #expect(Q.sexes.allSatisfy { "\($0.text)" == $0.value.rawValue } && Q.sexes.count == Sex.allCases.count)
        #expect(Q.kinds.allSatisfy { "\($0.text)" == $0.value.rawValue } && Q.kinds.count == 7)
        #expect(Q.verifications.allSatisfy { "\($0.text)" == $0.value.rawValue } && Q.verifications.count == 3)
        #expect(
            quick(EmbeddedReferenceData.targets.replacingOccurrences(of: ",read-primary\r\n", with: ",read\r\n")) == nil
        )
    }

    @Test("the table has all 313 rows; rows for infants are the only ones left out of profiles")
    func rowCount() {
        #expect(tables.rows.count == 313)
        // The rows left out are exactly the infant rows (21: 0–6 and 7–12 months), none of them for anyone a year
        // or older.
        let leftOut = tables.rows.filter { !Self.adultRows.contains($0) }
        #expect(leftOut.count == 21)
        #expect(leftOut.allSatisfy { $0.group == "infants" && ($0.ageMaximum ?? .infinity) <= 1 })
        #expect(!Self.adultRows.contains { $0.group == "infants" })
    }

    @Test(arguments: adultRows)
    func rowIsUsed(row: TargetRow) throws {
        let sexes: [Sex] = row.sex.map { [$0] } ?? (row.state == .none ? [.female, .male] : [.female])
        for sex in sexes {
            for age in agesToTest(row) {
                // A both-sexes row gives way to a sex-specific row of the same kind covering the same age.
                let shadowed =
                    row.sex == nil
                    && tables.rows.contains {
                        $0.standard == row.standard && $0.nutrient == row.nutrient && $0.kind == row.kind
                            && $0.state == row.state && $0.sex == sex && $0.covers(age: age)
                    }
                if shadowed { continue }
                let profile = Profile(sex: sex, ageYears: age, state: row.state, standard: row.standard)
                let targets = try tables.targets(for: profile, on: today)
                let target = try #require(targets[row.nutrient][row.kind.role], "line \(row.line), \(sex) \(age)")
                #expect(target.amount == row.amount, "line \(row.line) (\(row.bandLabel)), \(sex) age \(age)")
                #expect(target.kind == row.kind)
                #expect(target.sourceLine == row.line)
                #expect(target.source == row.source)
            }
        }
    }
}

@Suite("Targets: age boundaries, pregnancy, lactation, EFSA")
struct TargetLookupTests {
    @Test(arguments: [
        (18, "males 14–18"), (19, "males 19–30"), (30, "males 19–30"), (31, "males 31–50"),
        (50, "males 31–50"), (51, "males 51–70"), (70, "males 51–70"), (71, "males 71+"), (130, "males 71+"),
        (13, "males 9–13"), (14, "males 14–18"), (9, "males 9–13"), (8, "children 4–8"), (4, "children 4–8"),
        (3, "children 1–3"), (1, "children 1–3"),
    ])
    func nasemBoundaries(age: Int, band: String) throws {
        let targets = try tables.targets(for: Profile(sex: .male, ageYears: age), on: today)
        #expect(targets[.magnesium].goal?.row == band)
        #expect(targets.lifeStage == band)
    }

    @Test("a 31-year-old woman, NASEM")
    func adultWoman() throws {
        let targets = try tables.targets(for: Profile(sex: .female, ageYears: 31), on: today)
        #expect(targets[.potassium].goal?.amount == 2600)
        #expect(targets[.potassium].goal?.kind == .ai)
        #expect(targets[.magnesium].goal?.amount == 320)
        #expect(targets[.magnesium].averageRequirement?.amount == 265)
        #expect(targets[.magnesium].upperLimit?.amount == 350)
        #expect(targets[.magnesium].upperLimit?.supplementsOnly == true)
        #expect(targets[.calcium].goal?.amount == 1000)
        #expect(targets[.calcium].upperLimit?.supplementsOnly == false)
        #expect(targets[.sodium].goal?.amount == 1500)
        #expect(targets[.sodium].reduceAbove?.amount == 2300)
        #expect(targets[.sodium].upperLimit == nil)
        #expect(targets[.vitaminD].goal?.amount == 15)
        #expect(targets[.vitaminD].unit == .micrograms)
        #expect(targets.groupNotes.isEmpty)
    }

    @Test("pregnancy at 25 raises magnesium to 350 mg and says what changed")
    func pregnancy() throws {
        let targets = try tables.targets(for: Profile(sex: .female, ageYears: 25, state: .pregnant), on: today)
        #expect(targets[.magnesium].goal?.amount == 350)
        #expect(targets.lifeStage == "pregnancy 19–30")
        let note = try #require(targets.groupNotes.first { $0.group == "pregnant" })
        #expect(
            note.changes.contains(
                TargetChange(nutrient: .magnesium, role: .goal, from: 310, to: 350, unit: .milligrams)))
        #expect(
            note.changes.contains(
                TargetChange(nutrient: .potassium, role: .goal, from: 2600, to: 2900, unit: .milligrams)))
    }

    @Test("lactation at 17 uses the 14–18 lactation rows")
    func lactation() throws {
        let targets = try tables.targets(for: Profile(sex: .female, ageYears: 17, state: .lactating), on: today)
        #expect(targets.lifeStage == "lactation 14–18")
        #expect(targets[.calcium].goal?.amount == 1300)
        #expect(targets[.sodium].reduceAbove?.verification == .memoryUnverified)
        #expect(targets.notes.contains { $0.contains("not confirmed in a read source") })
    }

    @Test("pregnancy outside the table's ages uses the nearest pregnancy row, and says so")
    func pregnancyNearestRow() throws {
        let late = try tables.targets(for: Profile(sex: .female, ageYears: 52, state: .pregnant), on: today)
        #expect(late.lifeStage == "pregnancy 31–50")
        #expect(late[.magnesium].goal?.amount == 360)
        #expect(
            late.notes.contains {
                $0.contains(
                    "pregnancy values for ages 14–50; for 52 the nearest pregnancy row (pregnancy 31–50) is used")
            })
        let young = try tables.targets(for: Profile(sex: .female, ageYears: 13, state: .pregnant), on: today)
        #expect(young.lifeStage == "pregnancy 14–18")
        #expect(young[.magnesium].goal?.amount == 400)  // not the non-pregnant 13-year-old's 240
        #expect(young.notes.contains { $0.contains("which the 1997 tables label \"≤ 18 y\"") })
        let efsa = try tables.targets(
            for: Profile(sex: .female, ageYears: 16, state: .pregnant, standard: .efsa), on: today)
        #expect(
            efsa.notes.contains {
                $0.contains("EFSA gives pregnancy values for ages 18+; for 16 the nearest pregnancy row")
            })
    }

    @Test("EFSA: sex-specific magnesium, calcium AR carried into pregnancy, supplemental magnesium UL 250")
    func efsa() throws {
        let man = try tables.targets(for: Profile(sex: .male, ageYears: 40, standard: .efsa), on: today)
        #expect(man[.magnesium].goal?.amount == 350)
        #expect(man[.magnesium].goal?.kind == .ai)
        #expect(man[.magnesium].upperLimit?.amount == 250)
        #expect(man[.calcium].goal?.kind == .pri)
        #expect(man[.calcium].averageRequirement?.amount == 750)
        let pregnant = try tables.targets(
            for: Profile(sex: .female, ageYears: 25, state: .pregnant, standard: .efsa), on: today)
        #expect(pregnant[.calcium].averageRequirement?.amount == 750)
        #expect(pregnant.notes.contains { $0.contains("EFSA gives no calcium AR for pregnancy") })
    }

    @Test("a birth date counts the age on the given day")
    func birthDate() throws {
        let profile = Profile(sex: .male, birthDate: CalendarDate(year: 2007, month: 11, day: 26)!)
        #expect(try tables.targets(for: profile, on: today).ageYears == 18)
        #expect(try tables.targets(for: profile, on: CalendarDate(year: 2026, month: 11, day: 26)!).ageYears == 19)
    }
}

@Suite("Targets: refusals")
struct TargetRefusalTests {
    @Test(arguments: [
        (
            Profile(sex: .female, ageYears: 0),
            "age 0: infants under 1 year are not covered (their intake is breast milk or formula, which this tool "
                + "does not model); give an age from 1 to 130 years"
        ),
        (Profile(sex: .female, ageYears: -1), "age -1 is negative; give an age from 1 to 130 years"),
        (Profile(sex: .female, ageYears: 131), "age 131 is over 130; give an age from 1 to 130 years"),
        (
            Profile(sex: .male, ageYears: 30, state: .pregnant),
            "a male profile cannot be pregnant; pregnancy and lactation are for female profiles"
        ),
        (
            Profile(sex: .male, ageYears: 30, state: .lactating),
            "a male profile cannot be lactating; pregnancy and lactation are for female profiles"
        ),
        (Profile(sex: .female, ageYears: 5, state: .pregnant), "age 5 cannot be pregnant; check the age"),
        (
            Profile(sex: .female, ageYears: 30, birthDate: CalendarDate(year: 1996, month: 1, day: 1)),
            "give either an age or a birth date, not both"
        ),
        (
            Profile(sex: .female, birthDate: CalendarDate(year: 2027, month: 1, day: 1)),
            "birth date 2027-01-01 is after 2026-11-25; give the date you were born"
        ),
        (
            Profile(sex: .female, ageYears: 35, groups: [.teenager]),
            "group teenager is for ages 13 to 19, but the age is 35"
        ),
        (
            Profile(sex: .female, ageYears: 35, groups: [.elderly]),
            "group elderly starts at 51 (the tables' older-adult rows), but the age is 35"
        ),
        (Profile(sex: .male, ageYears: 35, groups: [.youngMother]), "group young-mother is for female profiles"),
        (
            Profile(sex: .male, ageYears: 35, training: Training(hours: 1, per: .day, sweatRateLitresPerHour: 9)),
            "sweat rate 9 L/h is outside 0.1–6 L/h (athletes measured 0.26–5.73)"
        ),
    ])
    func refused(profile: Profile, message: String) {
        // The field says where the problem is, so a program can point at it; the message says what and why.
        let field: ProfileField =
            message.hasPrefix("birth date")
            ? .birthDate
            : message.hasPrefix("group")
                ? .groups
                : message.hasPrefix("sweat rate") ? .training : message.contains("cannot be") ? .state : .age
        #expect(throws: MineralIntakeError.invalidProfile(field, message)) {
            try tables.targets(for: profile, on: today)
        }
    }

    @Test("a profile with neither age nor birth date is its own error case, its message free of command-line words")
    func withoutAge() {
        #expect(throws: MineralIntakeError.profileWithoutAge) {
            try tables.targets(for: Profile(sex: .female), on: today)
        }
        #expect(
            MineralIntakeError.profileWithoutAge.description
                == "the profile has no age; give an age in years or a birth date")
    }
}

@Suite("Targets: overrides and the athlete addition")
struct TargetAdjustmentTests {
    @Test("an override replaces the value, keeps the official one, and is marked")
    func override() throws {
        let profile = Profile(
            sex: .female, ageYears: 31,
            overrides: [
                TargetOverride(nutrient: .magnesium, amount: 400),
                TargetOverride(nutrient: .sodium, role: .reduceAbove, amount: 2000),
                TargetOverride(nutrient: .potassium, role: .averageRequirement, amount: 2000),
            ])
        let targets = try tables.targets(for: profile, on: today)
        let goal = try #require(targets[.magnesium].goal)
        #expect(goal.amount == 400)
        #expect(goal.overridden)
        #expect(goal.officialAmount == 320)
        #expect(goal.kind == .rda)
        #expect(targets[.sodium].reduceAbove?.amount == 2000)
        #expect(targets[.sodium].reduceAbove?.officialAmount == 2300)
        let custom = try #require(targets[.potassium].averageRequirement)
        #expect(custom.kind == .custom)
        #expect(custom.officialAmount == nil)
        #expect(targets[.calcium].goal?.overridden == false)
    }

    @Test("training adds hours × sweat rate × concentration, apart from the goal, from sweat.csv")
    func athlete() throws {
        let profile = Profile(sex: .male, ageYears: 25, groups: [.athlete], training: Training(hours: 7, per: .week))
        let targets = try tables.targets(for: profile, on: today)
        let potassium = try #require(targets[.potassium].sweatLoss)
        #expect(potassium.hoursPerDay == 1)
        #expect(potassium.sweatRateLitresPerHour == 1.21)
        #expect(potassium.concentrationMgPerLitre == 230.7)
        #expect(potassium.amountPerDay == 1 * 1.21 * 230.7)
        #expect(targets[.potassium].goal?.amount == 3400)
        #expect(targets[.potassium].goalWithSweatLoss == 3400 + 1.21 * 230.7)
        #expect(targets[.sodium].sweatLoss?.concentrationMgPerLitre == 825.3)
        #expect(targets[.calcium].sweatLoss?.concentrationMgPerLitre == 44.6)
        #expect(targets[.magnesium].sweatLoss?.concentrationMgPerLitre == 9.8)
        #expect(targets[.vitaminD].sweatLoss == nil)
        #expect(potassium.sweatRateSource.contains("Baker"))
        let own = Profile(
            sex: .male, ageYears: 25, training: Training(hours: 2, per: .day, sweatRateLitresPerHour: 1.6))
        #expect(try tables.targets(for: own, on: today)[.sodium].sweatLoss?.amountPerDay == 2 * 1.6 * 825.3)
    }

    @Test("groups that change no number say so plainly")
    func plainGroups() throws {
        let profile = Profile(sex: .female, ageYears: 40, groups: [.officeWorker, .driver, .seller, .athlete])
        let targets = try tables.targets(for: profile, on: today)
        #expect(targets.groupNotes.map(\.group) == ["athlete", "office-worker", "driver", "seller"])
        #expect(targets.groupNotes.allSatisfy { $0.changes.isEmpty })
        #expect(targets.groupNotes[1].note.contains("set no different target"))
        let reordered = try tables.targets(
            for: Profile(sex: .female, ageYears: 40, groups: [.athlete, .driver, .seller, .officeWorker]), on: today)
        #expect(targets.groupNotes == reordered.groupNotes)
        #expect(
            targets.nutrients == (try tables.targets(for: Profile(sex: .female, ageYears: 40), on: today)).nutrients)
    }

    @Test("targets encode as JSON and decode back unchanged")
    func codable() throws {
        let profile = Profile(
            sex: .female, ageYears: 25, state: .pregnant, groups: [.athlete], training: Training(hours: 1, per: .day),
            overrides: [TargetOverride(nutrient: .calcium, amount: 1200)])
        let targets = try tables.targets(for: profile, on: today)
        let data = try JSONEncoder().encode(targets)
        #expect(try JSONDecoder().decode(Targets.self, from: data) == targets)
    }
}

@Suite("Parsing profile fields")
struct ProfileParsingTests {
    @Test(arguments: [
        ("1.5/day", 1.5, Training.Period.day), ("8/week", 8, .week), ("8h/week", 8, .week), ("8 h per week", 8, .week),
    ])
    func training(text: String, hours: Double, period: Training.Period) throws {
        let training = try Training(parsing: text)
        #expect(training.hours == hours)
        #expect(training.period == period)
    }

    @Test(arguments: ["", "8", "8/month", "-1/day", "25/day", "x/day", "nan/day"])
    func badTraining(text: String) {
        #expect(throws: MineralIntakeError.self) { try Training(parsing: text) }
    }

    @Test(arguments: [
        ("magnesium=400", Nutrient.magnesium, TargetRole.goal, 400.0), ("Mg.ul=300", .magnesium, .upperLimit, 300),
        ("sodium.cdrr=2000", .sodium, .reduceAbove, 2000), ("vitamin_d.ear=12.5", .vitaminD, .averageRequirement, 12.5),
    ])
    func override(text: String, nutrient: Nutrient, role: TargetRole, amount: Double) throws {
        #expect(try TargetOverride(parsing: text) == TargetOverride(nutrient: nutrient, role: role, amount: amount))
    }

    @Test(arguments: ["magnesium", "iron=4", "magnesium.max=4", "magnesium=-4", "magnesium=lots", "energy=2000", "=4"])
    func badOverride(text: String) {
        #expect(throws: MineralIntakeError.self) { try TargetOverride(parsing: text) }
    }

    @Test(arguments: [
        ("2026-11-24", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-02-30", false), ("2026-13-01", false),
        ("0000-01-01", false), ("26-11-24", false), ("2026-1-24", false), ("tomorrow", false), ("", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect(((try? CalendarDate(parsing: text)) != nil) == valid)
    }

    @Test("day arithmetic round-trips through the epoch count")
    func dayArithmetic() throws {
        let date = try CalendarDate(parsing: "2026-11-24")
        #expect(date.adding(days: 7)?.description == "2026-12-01")
        #expect(date.adding(days: -365)?.description == "2025-11-24")
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
    }
}

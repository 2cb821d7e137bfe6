// An example consumer of the MineralIntake library, using only its public API:
// reads a week of meals from a CSV file (date,amount,food) and prints each nutrient's verdict.
//
//     swift run mineral-example-verdicts Examples/WeekVerdicts/week.csv --sex female --age 31
import Foundation
import MineralIntake

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("mineral-example-verdicts: \(message)\n".utf8))
    exit(64)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else { fail("usage: mineral-example-verdicts FILE.csv --sex female|male --age YEARS") }
arguments.removeFirst()
var sex = Sex.female
var age = 31
while arguments.count >= 2 {
    let (flag, value) = (arguments.removeFirst(), arguments.removeFirst())
    switch flag {
    case "--sex":
        guard let parsed = try? Sex(parsing: value) else { fail("--sex takes female or male") }
        sex = parsed
    case "--age":
        guard let parsed = Int(value) else { fail("--age takes whole years") }
        age = parsed
    default: fail("unknown option \(flag)")
    }
}

do {
    let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    let catalog = FoodCatalog(database: try FoodDatabase.builtIn())
    var entries: [JournalEntry] = []
    // A plain CSV without quotes: header date,amount,food, then one meal a line.
    for (index, line) in text.components(separatedBy: "\n").enumerated().dropFirst() {
        let fields = line.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: ",")
        if fields == [""] { continue }
        guard fields.count == 3 else { fail("\(path):\(index + 1): expected date,amount,food") }
        let date = try CalendarDate(parsing: fields[0])
        let item = try catalog.parseItem("\(fields[1]) \(fields[2])")
        entries.append(
            JournalEntry(
                id: entries.count + 1, date: date, meal: .lunch, amount: item.amount, unit: item.unit,
                grams: item.grams, food: item.food, text: item.text))
    }
    guard let first = entries.map(\.date).min() else { fail("\(path) has no meals") }
    let period = ReportPeriod(weekOf: first)
    let targets = try ReferenceTables.builtIn().targets(for: Profile(sex: sex, ageYears: age), on: period.to)
    let report = catalog.weeklyReport(period: period, entries: entries, targets: targets)
    print("\(period.label): \(report.loggedDays) days logged")
    for nutrient in report.nutrients {
        print("\(nutrient.nutrient.displayName): \(nutrient.verdict.rawValue)")
    }
} catch let error as MineralIntakeError {
    fail(error.description)
} catch {
    fail("\(error)")
}

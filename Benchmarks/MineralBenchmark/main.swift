// Speed goals of MineralIntake, measured. Build everything in release, and the shipped form, first, then run:
//
//     swift build -c release && scripts/build-release.sh && swift run -c release mineral-benchmark
//
// Prints one line per measurement with the goal beside it. Timings are wall-clock medians on this machine.
import Foundation
import MineralIntake

let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func report(_ name: String, _ value: String, goal: String, met: Bool) {
    let padded = name.padding(toLength: 70, withPad: " ", startingAt: 0)
    print(
        "\(padded) \(value.padding(toLength: 20, withPad: " ", startingAt: 0)) goal \(goal)  \(met ? "met" : "NOT MET")"
    )
}

/// Runs a program to the end with posix_spawn (Foundation's Process adds tens of ms of its own) and returns its wall
/// time in ms. Its output goes to /dev/null.
func timeProcess(_ url: URL, _ arguments: [String]) throws -> Double {
    try runProcess(url, arguments).milliseconds
}

/// The peak resident memory of a run of a program, in KiB, as GNU time (`/usr/bin/time`, Debian's `time`) reports
/// it; `nil` without it. (The kernel's own figure for a child spawned from this large process would be this process's:
/// a vfork child inherits its parent's high-water mark until exec.)
func peakMemory(_ url: URL, _ arguments: [String]) throws -> Int? {
    let gnuTime = URL(fileURLWithPath: "/usr/bin/time")
    guard FileManager.default.isExecutableFile(atPath: gnuTime.path) else { return nil }
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("mineral-benchmark-rss-\(getpid())")
    defer { try? FileManager.default.removeItem(at: output) }
    _ = try runProcess(gnuTime, ["-f", "%M", "-o", output.path, url.path] + arguments)
    return Int(try String(contentsOf: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
}

/// Runs a program to the end and returns its wall time in ms.
func runProcess(_ url: URL, _ arguments: [String]) throws -> (milliseconds: Double, Void) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([url.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = clock.now
    let spawned = posix_spawn(&pid, url.path, &actions, nil, argv, environ)
    guard spawned == 0 else { throw BenchmarkError("cannot start \(url.path): error \(spawned)") }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let elapsed = milliseconds(clock.now - start)
    guard status == 0 else {
        throw BenchmarkError("\(url.lastPathComponent) \(arguments.joined(separator: " ")) failed (status \(status))")
    }
    return (elapsed, ())
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

let arguments = CommandLine.arguments
// Child mode: load the built-in database once in this fresh process and print how long it took, in ms.
if arguments.count > 1, arguments[1] == "--child-load" {
    let start = clock.now
    let database = try FoodDatabase.builtIn()
    let elapsed = milliseconds(clock.now - start)
    precondition(database.foods.count == 8789)
    print(elapsed)
    exit(0)
}

let binDirectory = URL(fileURLWithPath: arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let mineral = binDirectory.appendingPathComponent("mineral")
let printOnly = binDirectory.appendingPathComponent("print-only")
let itself = binDirectory.appendingPathComponent("mineral-benchmark")
for needed in [mineral, printOnly] where !FileManager.default.isExecutableFile(atPath: needed.path) {
    FileHandle.standardError.write(
        Data("mineral-benchmark: \(needed.path) is missing; run `swift build -c release` first\n".utf8))
    exit(66)
}

print("MineralIntake benchmark (\(ProcessInfo.processInfo.processorCount) cores)")

// 1. Loading the built-in database in a fresh process.
var loads: [Double] = []
for _ in 0..<21 {
    let process = Process()
    process.executableURL = itself
    process.arguments = ["--child-load"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    loads.append(Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan)
}
let loadMedian = median(loads)
report(
    "open built-in database, first use in a fresh process (median of 21)", String(format: "%.2f ms", loadMedian),
    goal: "< 5 ms", met: loadMedian < 5)
// Opening again in this process: what opening costs once the program and its data pages are in memory.
var opens: [Double] = []
for _ in 0..<5 {
    let start = clock.now
    for _ in 0..<1000 { _ = try FoodDatabase.builtIn() }
    opens.append(milliseconds(clock.now - start) / 1000)
}
let openMedian = median(opens)
report(
    "open built-in database, in-process (mean of 1,000, median of 5)", String(format: "%.3f ms", openMedian),
    goal: "< 0.2 ms", met: openMedian < 0.2)

// 2. Searches, on one loaded database.
let foods = try FoodDatabase.builtIn()
let querySets: [(String, [String])] = [
    (
        "everyday names",
        [
            "raisins", "dried apricots", "almonds", "walnuts", "pumpkin seeds", "wheat bran", "buckwheat", "soy milk",
            "banana", "milk",
        ]
    ),
    (
        "several words",
        [
            "almonds dry roasted", "rice brown long grain cooked", "cheese cheddar", "chicken breast roasted",
            "beans black boiled",
        ]
    ),
    ("with a typo", ["rasins", "almnods", "buckweat", "pumkin seeds", "yoghurt"]),
]
for (name, queries) in querySets {
    var perSearch: [Double] = []
    for _ in 0..<5 {
        let rounds = 200
        let start = clock.now
        for _ in 0..<rounds { for query in queries { _ = try foods.search(query) } }
        perSearch.append(milliseconds(clock.now - start) / Double(rounds * queries.count))
    }
    let value = median(perSearch)
    report(
        "search, \(name) (mean per search, median of 5 runs)", String(format: "%.4f ms", value), goal: "< 0.05 ms",
        met: value < 0.05)
}

// 2b. Reading everyday phrases (issue 10): grammar, resolution and weight, on one loaded catalog.
let phraseCatalog = FoodCatalog(database: foods)
let phrases = [
    "salmon 150g", "a glass of milk", "a handful of almonds", "1 medium potato", "2 scrambled eggs",
    "half a cup of rice",
    "1 avocado", "3 prunes", "200 ml kefir", "coffee with milk", "1 cup cooked lentils", "a can of tuna", "hummus",
]
var perPhrase: [Double] = []
for _ in 0..<5 {
    let rounds = 50
    let start = clock.now
    for _ in 0..<rounds { for phrase in phrases { _ = try phraseCatalog.parseItems(phrase) } }
    perPhrase.append(milliseconds(clock.now - start) / Double(rounds * phrases.count))
}
let phraseMedian = median(perPhrase)
report(
    "read an everyday phrase (mean of \(phrases.count), median of 5 runs)", String(format: "%.4f ms", phraseMedian),
    goal: "< 0.2 ms", met: phraseMedian < 0.2)

// 3. The whole `mineral foods search apricot` process against a Swift program that only prints a line.
var commandTimes: [Double] = []
var printTimes: [Double] = []
for _ in 0..<21 {
    commandTimes.append(try timeProcess(mineral, ["foods", "search", "apricot"]))
    printTimes.append(try timeProcess(printOnly, []))
}
var versionTimes: [Double] = []
for _ in 0..<21 { versionTimes.append(try timeProcess(mineral, ["--version"])) }
let commandMedian = median(commandTimes)
let printMedian = median(printTimes)
report(
    "`mineral --version` (start-up with Foundation, no data; median of 21)",
    String(format: "%.2f ms", median(versionTimes)), goal: "floor", met: true)
report(
    "`mineral foods search apricot`, whole process (median of 21)", String(format: "%.2f ms", commandMedian),
    goal: "see ratio", met: true)
report(
    "print-only Swift program, whole process (median of 21)", String(format: "%.2f ms", printMedian), goal: "baseline",
    met: true)
report(
    "ratio search command / print-only (.build/release, dynamic)", String(format: "%.2f×", commandMedian / printMedian),
    goal: "information; as shipped below", met: true)

// 4. A ten-year journal: parse it and total every day.
let catalog = FoodCatalog(database: foods)
let sampleFoods = ["09032", "09298", "12061", "20010", "09040", "20077", "16120", "01077", "16609", "18075"]
let startDay = CalendarDate(year: 2016, month: 11, day: 25)!
var journalText = JournalFormat.header
var id = 0
for day in 0..<3650 {
    let date = startDay.adding(days: day)!
    for slot in 0..<82 {
        id += 1
        let ndb = sampleFoods[(day * 7 + slot) % sampleFoods.count]
        journalText +=
            "\(id)\t\(date)\t\(Meal.allCases[slot % 4].rawValue)\t\(slot % 9 + 1)0\tg\t\(slot % 9 + 1)0\t\(ndb)\t\(slot % 9 + 1)0 g food\n"
    }
}
var parseTimes: [Double] = []
var entryCount = 0
for _ in 0..<5 {
    let start = clock.now
    let journal = JournalFormat.parse(journalText)
    let totals = catalog.dailyTotals(journal.entries)
    parseTimes.append(milliseconds(clock.now - start))
    entryCount = journal.entries.count
    precondition(totals.count == 3650 && journal.problems.isEmpty)
}
let parseMedian = median(parseTimes)
report(
    "parse + total a \(entryCount / 1000)k-entry journal (\(journalText.utf8.count / 1_000_000) MB, median of 5)",
    String(format: "%.0f ms", parseMedian), goal: "< 300 ms", met: parseMedian < 300)

// 5. `mineral log` of one item, whole process, into a fresh data directory, against the print-only program.
let home = FileManager.default.temporaryDirectory.appendingPathComponent("mineral-benchmark-\(getpid())")
setenv("MINERAL_HOME", home.path, 1)
defer { try? FileManager.default.removeItem(at: home) }
var logTimes: [Double] = []
for _ in 0..<21 { logTimes.append(try timeProcess(mineral, ["log", "50 g dried apricots", "--date", "2026-11-24"])) }
let logMedian = median(logTimes)
report(
    "`mineral log \"50 g dried apricots\"`, whole process (median of 21)", String(format: "%.2f ms", logMedian),
    goal: "see ratio", met: true)
report(
    "ratio log command / print-only (.build/release, dynamic)", String(format: "%.2f×", logMedian / printMedian),
    goal: "information; as shipped below", met: true)

// 6. A week's report from the ten-year journal against one from a one-week journal: its cost must not grow with
//    the journal's length (lines of other weeks are skipped after a look at their date).
let tables = try ReferenceTables.builtIn()
let reportTargets = try tables.targets(for: SampleWeek.profile, on: startDay)
let lastWeek = ReportPeriod(weekOf: startDay.adding(days: 3640)!)
var weekText = JournalFormat.header
for line in journalText.split(separator: "\n") where line.contains("\t\(lastWeek.from.description.prefix(7))") {
    let date = try CalendarDate(parsing: String(line.split(separator: "\t")[1]))
    if date >= lastWeek.from && date <= lastWeek.to { weekText += line + "\n" }
}
func reportTime(_ text: String) -> Double {
    var times: [Double] = []
    for _ in 0..<9 {
        let start = clock.now
        let journal = JournalFormat.parse(text, dates: lastWeek.from...lastWeek.to)
        let report = catalog.weeklyReport(period: lastWeek, entries: journal.entries, targets: reportTargets)
        times.append(milliseconds(clock.now - start))
        precondition(report.loggedDays == 7)
    }
    return median(times)
}
let weekReport = reportTime(weekText)
let decadeReport = reportTime(journalText)
report(
    "weekly report from a one-week journal (median of 9)", String(format: "%.2f ms", weekReport), goal: "baseline",
    met: true)
report(
    "weekly report from the ten-year journal (median of 9)", String(format: "%.2f ms", decadeReport), goal: "see ratio",
    met: true)
report(
    "  in-process part: ten-year / one-week (scan of 14 MB)", String(format: "%.2f×", decadeReport / weekReport),
    goal: "information", met: true)

// The same as whole `mineral report` processes, reading the journal from disk: what a person waits for.
let weekHome = FileManager.default.temporaryDirectory.appendingPathComponent("mineral-benchmark-week-\(getpid())")
let decadeHome = FileManager.default.temporaryDirectory.appendingPathComponent("mineral-benchmark-decade-\(getpid())")
defer {
    try? FileManager.default.removeItem(at: weekHome)
    try? FileManager.default.removeItem(at: decadeHome)
}
let profileJSON = try JSONEncoder().encode(SampleWeek.profile)
for (directory, text) in [(weekHome, weekText), (decadeHome, journalText)] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: directory.appendingPathComponent("journal.tsv"))
    try profileJSON.write(to: directory.appendingPathComponent("profile.json"))
}
func reportProcess(_ directory: URL) throws -> Double {
    var times: [Double] = []
    for _ in 0..<15 {
        times.append(try timeProcess(mineral, ["report", "--week", lastWeek.label, "--data-dir", directory.path]))
    }
    return median(times)
}
let weekProcess = try reportProcess(weekHome)
let decadeProcess = try reportProcess(decadeHome)
report(
    "`mineral report`, one-week journal, whole process (median of 15)", String(format: "%.2f ms", weekProcess),
    goal: "baseline", met: true)
report(
    "`mineral report`, ten-year journal, whole process (median of 15)", String(format: "%.2f ms", decadeProcess),
    goal: "see ratio", met: true)
report(
    "ratio ten-year / one-week report process", String(format: "%.2f×", decadeProcess / weekProcess), goal: "< 2×",
    met: decadeProcess / weekProcess < 2)

// 6b. Costs that must not grow with the journal (issue 12): `log` and `day` on a ten-year journal of 8 entries a
//     day (29,200 entries) against a one-week journal, and a ten-year CSV `export` against `check` of the same file;
//     runs paired (A B A B …) so a noisy machine does not decide the verdict.
let usualHome = FileManager.default.temporaryDirectory.appendingPathComponent("mineral-benchmark-usual-\(getpid())")
let usualWeek = FileManager.default.temporaryDirectory.appendingPathComponent(
    "mineral-benchmark-usual-week-\(getpid())")
defer {
    try? FileManager.default.removeItem(at: usualHome)
    try? FileManager.default.removeItem(at: usualWeek)
}
var usualText = JournalFormat.header
var usualWeekText = JournalFormat.header
var usualID = 0
for day in 0..<3650 {
    let date = startDay.adding(days: day)!
    for slot in 0..<8 {
        usualID += 1
        let line =
            "\(usualID)\t\(date)\t\(Meal.allCases[slot % 4].rawValue)\t50\tg\t50\t\(sampleFoods[(day + slot) % sampleFoods.count])\t50 g food\n"
        usualText += line
        if day >= 3643 { usualWeekText += line }
    }
}
for (directory, text) in [(usualHome, usualText), (usualWeek, usualWeekText)] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: directory.appendingPathComponent("journal.tsv"))
    try profileJSON.write(to: directory.appendingPathComponent("profile.json"))
}
let lastDay = startDay.adding(days: 3649)!.description
func paired(_ a: [String], _ b: [String], rounds: Int = 15) throws -> (Double, Double) {
    var first: [Double] = []
    var second: [Double] = []
    for _ in 0..<rounds {
        first.append(try timeProcess(mineral, a))
        second.append(try timeProcess(mineral, b))
    }
    return (median(first), median(second))
}
// The first log writes journal.ids; the measured ones then find the next id without a scan.
_ = try timeProcess(mineral, ["log", "1 g almonds", "--date", lastDay, "--data-dir", usualHome.path])
_ = try timeProcess(mineral, ["log", "1 g almonds", "--date", lastDay, "--data-dir", usualWeek.path])
let (decadeLog, weekLog) = try paired(
    ["log", "50 g almonds", "--date", lastDay, "--data-dir", usualHome.path],
    ["log", "50 g almonds", "--date", lastDay, "--data-dir", usualWeek.path])
report(
    "`mineral log`, ten-year (29,200 entries) / one-week journal", String(format: "%.2f×", decadeLog / weekLog),
    goal: "≤ 1.2×", met: decadeLog / weekLog <= 1.2)
let (decadeDay, weekDay) = try paired(
    ["day", lastDay, "--data-dir", usualHome.path], ["day", lastDay, "--data-dir", usualWeek.path])
report(
    "`mineral day`, ten-year / one-week journal", String(format: "%.2f×", decadeDay / weekDay), goal: "≤ 1.2×",
    met: decadeDay / weekDay <= 1.2)
let (export, check) = try paired(
    ["export", "--data-dir", usualHome.path], ["check", "--data-dir", usualHome.path], rounds: 7)
report(
    "ten-year CSV `export` / `check` of the same journal", String(format: "%.2f× (%.0f ms)", export / check, export),
    goal: "≤ 3×", met: export / check <= 3)

// The binary as shipped (scripts/build-release.sh), for what follows.
let shippedDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
    ".build-static/release")
let shippedMineral = shippedDirectory.appendingPathComponent("mineral")
let shippedPrintOnly = shippedDirectory.appendingPathComponent("print-only")
let haveShipped = [shippedMineral, shippedPrintOnly].allSatisfy {
    FileManager.default.isExecutableFile(atPath: $0.path)
}
if !haveShipped {
    print(
        "  (the shipped build is missing: run scripts/build-release.sh from the package root; measuring .build/release)"
    )
}
let measured = haveShipped ? shippedMineral : mineral

// 6b'. Any period can be reported (issue 12): a ten-year `report --from … --to …` on the 29,200-entry journal against
//      `wc -l` over the same file; and export's memory on the ten-year journal against the one-week one.
let wc = URL(fileURLWithPath: "/usr/bin/wc")
let firstDay = startDay.description
var decadeAll: [Double] = []
var counting: [Double] = []
for _ in 0..<9 {
    decadeAll.append(
        try timeProcess(measured, ["report", "--from", firstDay, "--to", lastDay, "--data-dir", usualHome.path]))
    counting.append(try timeProcess(wc, ["-l", usualHome.appendingPathComponent("journal.tsv").path]))
}
let allRatio = median(decadeAll) / median(counting)
report(
    "ten-year `report --from --to` / `wc -l` of the same journal",
    String(format: "%.2f× (%.0f ms)", allRatio, median(decadeAll)),
    goal: "≤ 5×", met: allRatio <= 5)
let exportDecade = try (0..<3).compactMap { _ in try peakMemory(measured, ["export", "--data-dir", usualHome.path]) }
let exportWeek = try (0..<3).compactMap { _ in try peakMemory(measured, ["export", "--data-dir", usualWeek.path]) }
if !exportDecade.isEmpty, !exportWeek.isEmpty {
    let memoryRatio = median(exportDecade.map(Double.init)) / median(exportWeek.map(Double.init))
    report(
        "`export` peak memory, ten-year / one-week journal",
        String(format: "%.2f× (%d KiB)", memoryRatio, Int(median(exportDecade.map(Double.init)))),
        goal: "≤ 1.2× (streams)", met: memoryRatio <= 1.2)
}

// 6c. Every everyday command as a whole process, as shipped (scripts/build-release.sh: static Swift libraries), against
//     the print-only program built the ordinary way (goal ≤ 2×) and built the same way as the shipped binary (goal
//     ≤ 3×), runs paired (A B C A B C …), 15 rounds; and peak memory against the ordinary print-only (goal ≤ 2×).
let everydayHome = FileManager.default.temporaryDirectory.appendingPathComponent(
    "mineral-benchmark-everyday-\(getpid())")
defer { try? FileManager.default.removeItem(at: everydayHome) }
try FileManager.default.createDirectory(at: everydayHome, withIntermediateDirectories: true)
try Data(usualWeekText.utf8).write(to: everydayHome.appendingPathComponent("journal.tsv"))
try profileJSON.write(to: everydayHome.appendingPathComponent("profile.json"))
setenv("MINERAL_HOME", everydayHome.path, 1)
let everydayWeek = ReportPeriod(weekOf: startDay.adding(days: 3646)!).label
let everyday: [(String, [String])] = [
    ("--version", ["--version"]),
    ("foods search apricot", ["foods", "search", "apricot"]),
    ("foods show 09032", ["foods", "show", "09032"]),
    ("foods rich-in potassium", ["foods", "rich-in", "potassium"]),
    ("log \"50 g dried apricots\"", ["log", "50 g dried apricots", "--date", lastDay]),
    ("day", ["day", lastDay]),
    ("targets", ["targets"]),
    ("report (a week)", ["report", "--week", everydayWeek]),
]
var worst = (ordinary: 0.0, shipped: 0.0, memory: 0.0)
let plainMemory = try (0..<5).compactMap { _ in try peakMemory(printOnly, []) }
print(
    "as shipped (\(haveShipped ? ".build-static" : ".build")): time / print-only, time / print-only built alike, peak "
        + "memory / print-only"
)
for (name, arguments) in everyday {
    var mine: [Double] = []
    var plain: [Double] = []
    var alike: [Double] = []
    for _ in 0..<15 {
        mine.append(try timeProcess(measured, arguments))
        plain.append(try timeProcess(printOnly, []))
        alike.append(try timeProcess(haveShipped ? shippedPrintOnly : printOnly, []))
    }
    let ordinary = median(mine) / median(plain)
    let shipped = median(mine) / median(alike)
    let memories = try (0..<5).compactMap { _ in try peakMemory(measured, arguments) }
    let memory =
        memories.isEmpty || plainMemory.isEmpty
        ? .nan : median(memories.map(Double.init)) / median(plainMemory.map(Double.init))
    worst = (max(worst.ordinary, ordinary), max(worst.shipped, shipped), max(worst.memory, memory.isNaN ? 0 : memory))
    report(
        "  `mineral \(name)` (\(String(format: "%.2f ms", median(mine))))",
        String(format: "%.2f×  %.2f×  %.2f×", ordinary, shipped, memory),
        goal: "≤ 2×, ≤ 3×, ≤ 2×", met: ordinary <= 2 && shipped <= 3 && (memory.isNaN || memory <= 2))
}
report(
    "every everyday command, the worst",
    String(format: "%.2f×  %.2f×  %.2f×", worst.ordinary, worst.shipped, worst.memory),
    goal: "≤ 2×, ≤ 3×, ≤ 2×", met: worst.ordinary <= 2 && worst.shipped <= 3 && worst.memory <= 2)
if plainMemory.isEmpty { print("  (peak memory not measured: install Debian's `time` for /usr/bin/time)") }
let shippedSize = (try? FileManager.default.attributesOfItem(atPath: measured.path)[.size] as? Int) ?? 0
print("  shipped binary: \(shippedSize / 1_000_000) MB (no ICU data; scripts/install.sh strips its symbol tables)")

// 7. Batch use from concurrent tasks: targets, every day's totals and a weekly report for 10,000 profiles with
//    1,000 meals each (10 million entries), on all cores.
let batchStart = clock.now
let batchFoods = sampleFoods.compactMap { NDBNumber(rawValue: $0) }
let batchVerdicts = try await withThrowingTaskGroup(of: Int.self) { group in
    let workers = ProcessInfo.processInfo.activeProcessorCount
    for worker in 0..<workers {
        group.addTask {
            var likelyDeficiencies = 0
            for person in stride(from: worker, to: 10_000, by: workers) {
                let profile = Profile(
                    sex: person % 2 == 0 ? .female : .male, ageYears: 1 + person % 100,
                    state: person % 7 == 0 && person % 2 == 0 && (14...50).contains(1 + person % 100)
                        ? .pregnant : .none)
                let targets = try tables.targets(for: profile, on: startDay)
                var meals: [JournalEntry] = []
                meals.reserveCapacity(1000)
                for meal in 0..<1000 {
                    let grams = Double(20 + (person * 31 + meal * 17) % 200)
                    meals.append(
                        JournalEntry(
                            id: meal + 1, date: startDay.adding(days: meal / 7)!, meal: Meal.allCases[meal % 4],
                            amount: grams, unit: "g", grams: grams,
                            food: .usda(batchFoods[(person + meal) % batchFoods.count]), text: ""))
                }
                let days = catalog.dailyTotals(meals)
                precondition(days.count == 143)
                let week = ReportPeriod(weekOf: startDay.adding(days: 140)!)
                let report = catalog.weeklyReport(period: week, entries: meals, targets: targets)
                likelyDeficiencies += report.nutrients.filter { $0.verdict == .likelyDeficiency }.count
            }
            return likelyDeficiencies
        }
    }
    var total = 0
    for try await count in group { total += count }
    return total
}
let batchSeconds = milliseconds(clock.now - batchStart) / 1000
report(
    "batch: 10,000 profiles × 1,000 meals (targets, daily totals, a week's report)",
    String(format: "%.1f s", batchSeconds), goal: "works, measured", met: batchVerdicts >= 0)

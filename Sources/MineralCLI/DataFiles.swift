import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif
import MineralIntake

/// The files of a data directory and how commands read them.
struct DataFiles {
    let context: MineralCommandLine
    let directory: String

    init(_ context: MineralCommandLine, _ parsed: ParsedArguments) throws(CLIError) {
        self.context = context
        self.directory = try DataDirectory.resolve(flag: parsed[.dataDir], environment: context.environment)
    }

    var journalPath: String { directory + "/" + JournalStore.journalName }

    /// The journal store of this data directory: every journal write goes through it.
    var store: JournalStore { JournalStore(files: DataDirectoryFiles(store: context.files, directory: directory)) }
    var lockPath: String { directory + "/journal.lock" }
    /// The journal's day sums, saved by reports of long periods: a shortcut, checked against the journal.
    var sumsIndexPath: String { directory + "/journal.sums" }
    var customFoodsPath: String { directory + "/custom-foods.json" }
    var profilePath: String { directory + "/profile.json" }
    var personalNamesPath: String { directory + "/personal-names.tsv" }
    var completeDaysPath: String { directory + "/complete-days.txt" }

    /// The days marked complete (`complete-days.txt`: one `YYYY-MM-DD` a line; other lines are left out).
    func completeDays() throws(CLIError) -> Set<CalendarDate> {
        guard let data = try context.files.read(completeDaysPath) else { return [] }
        return Set(
            TextLines.lines(String(decoding: data, as: UTF8.self)).compactMap {
                try? CalendarDate(parsing: $0.trimmedWhitespace())
            })
    }

    /// Marks `date` complete or takes the mark back, under the data directory's lock.
    func setComplete(_ date: CalendarDate, _ complete: Bool) throws {
        try setComplete([date], complete)
    }

    /// Marks `dates` complete or takes their marks back, in one write under the data directory's lock.
    func setComplete(_ dates: [CalendarDate], _ complete: Bool) throws {
        try context.files.withLock(lockPath) {
            var days = try completeDays()
            if complete { days.formUnion(dates) } else { days.subtract(dates) }
            let text =
                "# Days marked complete (mineral day --complete DATE): reports average these days. One date a line.\n"
                + days.sorted().map { "\($0)\n" }.joined()
            try context.files.replace(completeDaysPath, with: Data(text.utf8))
        }
    }

    /// The names this person chose foods for from pick lists (`personal-names.tsv`; lines that cannot be read
    /// are left out, never guessed).
    func personalNames() throws(CLIError) -> PersonalNames {
        guard let data = try context.files.read(personalNamesPath) else { return PersonalNames() }
        return PersonalNames(text: String(decoding: data, as: UTF8.self))
    }

    /// The journal as it is on disk now (empty when there is none yet), and a warning for each line that could
    /// not be read (those lines are left out; the rest count).
    func journal(dates: ClosedRange<CalendarDate>? = nil) throws(CLIError) -> (journal: Journal, warnings: String) {
        guard let data = try context.files.read(journalPath) else { return (Journal(), "") }
        let journal = JournalFormat.parse(data: data, dates: dates)
        return (journal, Self.warnings(journal, path: journalPath))
    }

    static func warnings(_ journal: Journal, path: String) -> String {
        warnings(journal.problems, entryCount: journal.entries.count, path: path)
    }

    /// A warning for each of the first three `problems`, and how many entries still count.
    static func warnings(_ problems: [JournalProblem], entryCount: Int, path: String) -> String {
        guard !problems.isEmpty else { return "" }
        var text = problems.prefix(3).map { "mineral: \(path):\($0.line): \($0.reason); line left out\n" }.joined()
        if problems.count > 3 { text += "mineral: … and \(problems.count - 3) more lines left out\n" }
        return text + "mineral: the other \(entryCount) entries count; `mineral check` lists every problem\n"
    }

    func customFoods() throws(CLIError) -> [CustomFood] {
        guard let data = try context.files.read(customFoodsPath) else { return [] }
        let foods: [CustomFood]
        do { foods = try JSONDecoder().decode([CustomFood].self, from: data) } catch {
            throw .data("\(customFoodsPath) is not readable (\(ProfileCommands.describe(error))); fix it in an editor")
        }
        for food in foods {
            do { try food.validated() } catch {
                throw .data("\(customFoodsPath): \(error.description); fix it in an editor")
            }
        }
        return foods
    }

    func saveCustomFoods(_ foods: [CustomFood]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try context.files.replace(customFoodsPath, with: try encoder.encode(foods) + Data("\n".utf8))
    }

    /// The foods this person can log. A damaged `custom-foods.json` does not stop the rest: its foods are left out
    /// with a note on stderr (`mineral custom add` sets the file aside).
    func catalog() throws -> FoodCatalog {
        let custom: [CustomFood]
        do { custom = try customFoods() } catch {
            context.notes.add(
                "mineral: \(error.description); its custom foods are left out, the other foods work as usual\n")
            custom = []
        }
        return FoodCatalog(database: try context.loadFoods(), customFoods: custom, personalNames: try personalNames())
    }

    /// Writes a command's output to `--output PATH` all at once, and says what it did: a data directory file is
    /// refused (an export onto the journal would wipe it); an existing file is replaced, and the message says so; a
    /// device or pipe (`/dev/null`, `/dev/stdout`) is written through.
    func writeOutput(_ path: String, _ text: String, what: String) throws -> String {
        try writeOutput(path, what: { what }, writing: { write in try write(Data(text.utf8)) })
    }

    /// Writes `--output FILE` with the bytes `body` writes piece by piece (never into the data directory); what was
    /// written is said with `what`, asked once the writing is done.
    func writeOutput(_ path: String, what: () -> String, writing body: (_ write: (Data) throws -> Void) throws -> Void)
        throws -> String
    {
        guard !path.isEmpty else { throw CLIError.usage("--output needs a file name") }
        let target = context.files.resolved(path)
        let directory = context.files.resolved(self.directory)
        if target == directory || target.hasPrefix(directory + "/") || path.hasPrefix(self.directory + "/") {
            throw CLIError.usage(
                "--output \(path) is in the data directory \(self.directory), whose files only mineral writes; choose "
                    + "a file elsewhere"
            )
        }
        let existed = context.files.exists(path)
        try context.files.replace(path, writing: body)
        return "Wrote \(what()) to \(path)"
            + (existed && !path.hasPrefix("/dev/") ? " (it replaced the file that was there)" : "") + "\n"
    }

    /// The stored profile's targets on `date`, or `nil` without a profile.
    func targets(on date: CalendarDate) throws -> Targets? {
        guard let data = try context.files.read(profilePath) else { return nil }
        let profile: Profile
        do { profile = try Profile(json: data) } catch {
            throw CLIError.data("\(profilePath) is not a readable profile (\(ProfileCommands.describe(error)))")
        }
        do { _ = try profile.validated(on: date) } catch {
            throw CLIError.data(
                "\(profilePath): \(error.description); fix it in an editor or with `mineral profile set`")
        }
        return try context.loadTables().targets(for: profile, on: date)
    }

    /// Reads `today`, `yesterday` or `YYYY-MM-DD`.
    static func date(_ text: String?, today: CalendarDate) throws(MineralIntakeError) -> CalendarDate {
        switch text?.lowercased() {
        case nil, "today": return today
        case "yesterday":
            guard let yesterday = today.adding(days: -1) else { throw .invalidDate("yesterday (before 0001-01-01)") }
            return yesterday
        default: return try CalendarDate(parsing: text!)
        }
    }
}

/// A data directory's files as the library's journal store uses them, over the command line's file store.
struct DataDirectoryFiles: JournalFiles {
    let store: any FileStore
    let directory: String

    func path(_ name: String) -> String { directory + "/" + name }

    func read(_ name: String) throws(MineralIntakeError) -> Data? {
        do { return try store.read(path(name)) } catch { throw Self.libraryError(error) }
    }

    func replace(_ name: String, with data: Data) throws(MineralIntakeError) {
        do { try store.replace(path(name), with: data) } catch { throw Self.libraryError(error) }
    }

    func append(_ data: Data, to name: String) throws(MineralIntakeError) {
        do { try store.append(data, to: path(name), header: Data()) } catch { throw Self.libraryError(error) }
    }

    func stamp(_ name: String) -> String? { store.stamp(path(name)) }

    /// The journal store's rebuildable file is the highest-id record, read only under the lock: written in place.
    func replaceRebuildable(_ name: String, with data: Data) throws(MineralIntakeError) {
        do { try store.overwriteRecord(path(name), with: data) } catch { throw Self.libraryError(error) }
    }

    func withLock<T>(_ body: () throws -> T) throws -> T {
        try store.withLock(path("journal.lock"), body)
    }

    static func libraryError(_ error: CLIError) -> MineralIntakeError {
        switch error {
        case .busy(let message): .busy(message)
        default: .fileAccess(error.description)
        }
    }
}

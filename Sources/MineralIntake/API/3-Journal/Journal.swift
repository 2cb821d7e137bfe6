import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#endif

/// A problem found reading a journal: the line, what it holds, and what is wrong. The other lines still count.
public struct JournalProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The 1-based line number in the file.
    public var line: Int
    /// The line as it stands.
    public var content: String
    /// What is wrong with it, and what would be accepted.
    public var reason: String

    public var description: String { "line \(line): \(reason): \(content)" }
}

/// A journal as read: the entries that parsed, and a problem for each line that did not.
public struct Journal: Sendable, Codable, Equatable {
    /// The entries read, in file order.
    public var entries: [JournalEntry]
    /// One problem for each line that could not be read.
    public var problems: [JournalProblem]

    /// A journal of these entries and problems.
    public init(entries: [JournalEntry] = [], problems: [JournalProblem] = []) {
        self.entries = entries
        self.problems = problems
    }

    /// The number the next entry gets: one more than the highest in use.
    public var nextID: Int { (entries.map(\.id).max() ?? 0) + 1 }

    /// Entries on `date`, by meal then id.
    public func entries(on date: CalendarDate) -> [JournalEntry] {
        entries.filter { $0.date == date }.sorted { ($0.meal, $0.id) < ($1.meal, $1.id) }
    }
}

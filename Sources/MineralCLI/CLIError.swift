import MineralIntake

/// What the command line reports on failure, with the exit code it maps to (sysexits).
public enum CLIError: Error, Equatable, CustomStringConvertible {
    /// The command was used wrongly: unknown command or option, missing or bad argument. Exit 64.
    case usage(String)
    /// The input data was wrong: unknown food, broken file. Exit 65.
    case data(String)
    /// A file could not be read or written. Exit 74.
    case io(String)
    /// A file the command needs does not exist yet (no profile). Exit 66.
    case noInput(String)
    /// Another writer held the lock too long; try again. Exit 75.
    case busy(String)

    public var description: String {
        switch self {
        case .usage(let message), .data(let message), .io(let message), .noInput(let message), .busy(let message):
            message
        }
    }

    public var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case .data: .dataError
        case .io: .ioError
        case .noInput: .noInput
        case .busy: .tryAgain
        }
    }

    /// The library's error, sorted by the command line's policy: how a call was made (a name, option or date the
    /// person typed: exit 64) or what the data holds (exit 65); files and locks apart.
    init(_ error: MineralIntakeError) {
        switch error {
        case .fileAccess(let message): self = .io(message)
        case .busy(let message): self = .busy(message)
        case .unknownNutrient, .emptyQuery, .unknownFoodGroup, .ambiguousFoodGroup, .unknownRankingBasis, .invalidDate,
            .invalidProfile, .invalidWeek, .invalidPeriod:
            self = .usage(error.description)
        case .profileWithoutAge:
            self = .usage(
                error.description.replacing(
                    "give an age in years or a birth date", with: "give --age YEARS or --born YYYY-MM-DD"))
        case .unknownEntryID:
            self = .data(error.description + "; see `mineral entries` for ids")
        case .unknownNDBNumber:
            self = .data(
                error.description.replacing(
                    "a search by name finds the numbers", with: "find numbers with `mineral foods search NAME`"))
        case .ambiguousFood:
            self = .data(
                error.description.replacing("(name one by its NDB number)", with: "(name one with --food NDB)"))
        case .unknownFood, .invalidData, .invalidEntry, .unknownUnit, .invalidRows:
            self = .data(error.description)
        }
    }
}

/// Process exit codes, from BSD sysexits.
public enum ExitCode: Int32, Sendable, Equatable {
    case success = 0
    /// Something went wrong that is not covered below.
    case failure = 1
    /// EX_USAGE: bad command line.
    case usage = 64
    /// EX_DATAERR: bad input data.
    case dataError = 65
    /// EX_NOINPUT: a needed input file does not exist.
    case noInput = 66
    /// EX_SOFTWARE: an internal error.
    case software = 70
    /// EX_IOERR: reading or writing a file failed.
    case ioError = 74
    /// EX_TEMPFAIL: a lock was held too long; the same command may work later.
    case tryAgain = 75
}

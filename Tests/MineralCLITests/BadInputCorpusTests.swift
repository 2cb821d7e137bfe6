import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

/// One malformed input: the command line, what stdin holds, the exit code it must get, and a piece of the message
/// (the bad input itself, or what names it).
struct BadInput: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var standardInput: String?
    var code: ExitCode
    var message: String

    var testDescription: String {
        let shown = arguments.map { $0.count > 40 ? String($0.prefix(40)) + "…(\($0.utf8.count) bytes)" : $0 }
        return shown.joined(separator: " ")
            + (standardInput.map { " < \(String($0.prefix(30)).debugDescription)" } ?? "")
    }
}

/// The bad-input corpus: malformed quantities, dates, foods, units, profiles and files, across every command.
/// Each must get a clear message naming the input, the right non-zero exit, and leave every file byte for byte.
enum BadInputCorpus {
    static let tenMegabytes = String(repeating: "a", count: 10 * 1024 * 1024)

    /// Items that cannot be read, with what the message must hold.
    static let items: [(text: String, message: String)] = [
        ("-5 g raisins", "\"-5 g raisins\": the amount must be more than 0"),
        ("−5 g raisins", "the amount must be more than 0"),
        ("0 g raisins", "\"0 g raisins\": the amount must be more than 0"),
        ("1e308 g raisins", "\"1e308 g raisins\" does not start with an amount"),
        ("NaN cups raisins", "\"NaN cups raisins\" does not start with an amount"),
        ("inf g raisins", "\"inf g raisins\" does not start with an amount"),
        ("1//2 cup raisins", "\"1//2\" is not a fraction"),
        ("1/0 cup raisins", "\"1/0\" divides by zero"),
        ("1/2/3 cup raisins", "\"1/2/3\" is not a fraction"),
        ("1.2.3 g raisins", "\"1.2.3 g raisins\" does not start with an amount"),
        (
            "9999999999 g raisins",
            "\"9999999999 g raisins\" comes to 9999999999 g, over the 10000 g one entry may weigh"
        ),
        ("99999999999 g raisins", "\"99999999999 g raisins\" does not start with an amount"),
        ("20 kg raisins", "over the 10000 g one entry may weigh"),
        ("50 g", "\"50 g\" names no food"),
        ("50", "\"50\" names no food"),
        ("g raisins", "\"g raisins\" does not start with an amount"),
        ("2 cupz raisins", "unknown unit \"cupz\" in \"2 cupz raisins\""),
        ("a fistful of walnuts", "unknown unit \"fistful\" in \"a fistful of walnuts\""),
        ("3 scoops almonds", "unknown unit \"scoops\" in \"3 scoops almonds\""),
        ("100 ml salmon", "unknown unit \"ml\" in \"100 ml salmon\""),
        ("1 wheat bran", "\"1 wheat bran\" gives no unit"),
        ("50 g qqqzzzxx", "no food matches \"qqqzzzxx\""),
        ("50 g almonds dry roasted", "\"almonds dry roasted\" is not the exact name of one food"),
        ("1/2 cup rasins", "\"rasins\" is not the exact name of one food"),
        ("50 g raisins\u{7}", "holds control characters"),
        ("50 g raisins\u{0}", "holds control characters"),
        ("50 g \u{1B}[31mraisins", "holds control characters"),
        ("50 g \u{202E}sniasir", "sniasir"),
        ("50 g زبيب", "no food matches \"زبيب\"; food names are searched in English"),
        ("50 g 🍇", "no food matches \"🍇\"; food names are searched in English"),
        ("🍇🍇🍇", "no food matches \"🍇🍇🍇\""),
        ("50 g " + tenMegabytes, "…\" is 10485765 bytes long, over 500"),
        (tenMegabytes, "bytes long, over 500"),
    ]
    static let emptyItems = ["", "   ", "\t"]

    static let dates = [
        "2026-02-30", "tomorrow+1", "0000-01-01", "99999-01-01", "2026-13-01", "2026-1-1", "26-11-24",
        "2026/11/24", "yesterday-1", "2026-00-10", "2025-02-29", " 2026-11-24",
    ]
    static let weeks = [
        "2026-W54", "2025-W53", "W48", "2026-W4", "2026-W00", "2026W48", "2026-w4x", "2026-W+1", "+2026-W48",
        "9999-W53",
    ]

    static var all: [BadInput] {
        var corpus: [BadInput] = []
        for (text, message) in items {
            corpus.append(BadInput(arguments: ["log", text], code: .dataError, message: message))
            corpus.append(
                BadInput(
                    arguments: ["log", "--meal", "lunch", "--date", "2026-11-24", text], code: .dataError,
                    message: message))
            corpus.append(
                BadInput(
                    arguments: ["log"], standardInput: "50 g raisins\n" + text + "\n", code: .dataError,
                    message: message))
            corpus.append(BadInput(arguments: ["edit", "1", text], code: .dataError, message: message))
            corpus.append(
                BadInput(
                    arguments: ["custom", "recipe", "mix", "--item", "50 g raisins", "--item", text], code: .dataError,
                    message: message))
        }
        for text in emptyItems {
            corpus.append(BadInput(arguments: ["log", text], code: .dataError, message: "empty item"))
            corpus.append(
                BadInput(arguments: ["log"], standardInput: text + "\n", code: .usage, message: "no items on stdin"))
            corpus.append(BadInput(arguments: ["foods", "search", text], code: .usage, message: "empty food search"))
        }
        for date in dates {
            let shown = "\"\(date)\" is not a date"
            corpus.append(BadInput(arguments: ["log", "50 g raisins", "--date", date], code: .usage, message: shown))
            corpus.append(BadInput(arguments: ["day", date], code: .usage, message: shown))
            corpus.append(BadInput(arguments: ["entries", "--from", date], code: .usage, message: shown))
            corpus.append(
                BadInput(arguments: ["report", "--from", date, "--to", "2026-11-25"], code: .usage, message: shown))
            corpus.append(BadInput(arguments: ["edit", "1", "--date", date], code: .usage, message: shown))
            corpus.append(BadInput(arguments: ["profile", "set", "--born", date], code: .usage, message: shown))
            corpus.append(
                BadInput(arguments: ["targets", "--sex", "female", "--born", date], code: .usage, message: shown))
        }
        for week in weeks {
            corpus.append(
                BadInput(
                    arguments: ["report", "--week", week], code: .usage, message: "\"\(week)\" is not an ISO week"))
        }
        let profiles: [([String], String)] = [
            (["--age", "-1"], "age -1 is negative"), (["--age", "200"], "age 200 is over 130"),
            (["--age", "0"], "age 0: infants"),
            (["--age", "131"], "age 131 is over 130"), (["--age", "abc"], "--age \"abc\" is not accepted"),
            (["--age", ""], "--age \"\" is not accepted"), (["--age", "30.5"], "--age \"30.5\" is not accepted"),
            (["--age", "99999999999999999999"], "is not accepted"),
            (["--sex", "male", "--pregnant"], "a male profile cannot be pregnant"),
            (["--sex", "male", "--lactating"], "a male profile cannot be lactating"),
            (["--sex", "other"], "--sex \"other\" is not accepted"),
            (["--standard", "who"], "--standard \"who\" is not accepted"),
            (["--group", "pilot"], "unknown group \"pilot\""),
            (["--group", "teenager"], "group teenager is for ages 13 to 19"),
            (["--training", "30/day"], "training \"30/day\" is not possible"),
            (["--training", "lots"], "training \"lots\" is not understood"),
            (["--sweat-rate", "9", "--training", "1/day"], "--sweat-rate \"9\" is not accepted"),
            (["--override", "iron=4"], "unknown nutrient \"iron\""),
            (["--override", "magnesium=-4"], "\"-4\" is not a positive amount"),
            (["--override", "magnesium"], "override \"magnesium\" is not understood"),
            (["--pregnant", "--lactating"], "choose one of --pregnant, --lactating and --state"),
            (["--age", "30", "--born", "1990-01-01"], "give --age or --born, not both"),
        ]
        for (flags, message) in profiles {
            corpus.append(
                BadInput(
                    arguments: ["profile", "set", "--sex", "female", "--age", "40"] + flags, code: .usage,
                    message: message))
            corpus.append(
                BadInput(
                    arguments: ["targets", "--sex", "female", "--age", "40"] + flags, code: .usage, message: message))
        }
        let commands: [([String], ExitCode, String)] = [
            (["foods", "show", "99999"], .dataError, "no food with NDB number 99999"),
            (["foods", "show", "qqqzzzxx"], .dataError, "no food matches \"qqqzzzxx\""),
            (["foods", "rich-in", "iron"], .usage, "unknown nutrient \"iron\""),
            (["foods", "rich-in", "K", "--per", "cup"], .usage, "--per \"cup\""),
            (["foods", "rich-in", "K", "--group", "candy bars"], .usage, "unknown food group \"candy bars\""),
            (["foods", "search", "x", "--limit", "-1"], .usage, "--limit \"-1\""),
            (["foods", "search", "x", "--limit", "1e9"], .usage, "--limit \"1e9\""),
            (["log", "--food", "99999", "50 g"], .dataError, "no food with NDB number 99999"),
            (["log", "--food", "abc", "50 g"], .usage, "--food \"abc\" is not an NDB number"),
            (["log", "--food", "custom:none", "50 g"], .dataError, "no custom food \"none\""),
            (["log", "--supplement", "iron 5 mg"], .dataError, "unknown nutrient \"iron\""),
            (
                ["log", "--supplement", "magnesium -5 mg"], .dataError,
                "supplement \"magnesium -5 mg\" has no positive amount"
            ),
            (
                ["log", "--supplement", "magnesium lots"], .dataError,
                "supplement \"magnesium lots\" has no positive amount"
            ),
            (["log", "--supplement", "magnesium 5 IU"], .dataError, "unit \"iu\" does not fit magnesium"),
            (["log", "--supplement", "vitamin D 50000 mg"], .dataError, "over 10000 µg a dose"),
            (["log", "--meal", "brunch", "50 g raisins"], .usage, "--meal \"brunch\" is not accepted"),
            (["remove", "x"], .usage, "\"x\" is not an entry id"),
            (["remove", "-3"], .usage, "\"-3\" is not an entry id"),
            (["remove", "999"], .dataError, "no entry with id 999"),
            (["edit", "999", "50 g raisins"], .dataError, "no entry with id 999"),
            (["edit", "x"], .usage, "\"x\" is not an entry id"),
            (["import", "/missing.csv"], .noInput, "/missing.csv does not exist"),
            (["import", "/bad.csv"], .dataError, "/bad.csv:2"),
            (["import", "/bad.json"], .dataError, "/bad.json is not a JSON list of entries"),
            (["custom", "add", "12345", "--per-100g", "K=1"], .usage, "custom food name \"12345\" is not accepted"),
            (["custom", "add", "x", "--per-100g", "K=lots"], .usage, "\"lots\" is not an amount"),
            (["custom", "add", "x", "--per-100g", "iron=1"], .usage, "unknown nutrient \"iron\""),
            (
                ["custom", "add", "x", "--per-100g", "K=1", "--measure", "bar"], .usage,
                "--measure \"bar\" is not accepted"
            ),
            (["custom", "remove", "nothing"], .dataError, "no custom food \"nothing\""),
            (["report", "--from", "2026-11-20"], .usage, "give both --from and --to"),
            (["report", "--from", "1900-01-01", "--to", "2027-06-01"], .usage, "longer than a hundred years"),
            (["report", "--last", "0"], .usage, "--last \"0\" is not accepted"),
            (["report", "--weeks", "x"], .usage, "--weeks \"x\" is not accepted"),
            (["report", "--month", "2026-13"], .usage, "\"2026-13\" is not a month"),
            (["report", "--week", "last", "--month", "2026-11"], .usage, "give one period"),
            (["report", "--format", "pdf"], .usage, "--format \"pdf\" is not accepted"),
            (["frobnicate"], .usage, "unknown command \"frobnicate\""),
            (["log", "--frobnicate"], .usage, "unknown option --frobnicate"),
            (["day", "2026-11-24", "2026-11-25"], .usage, "takes at most 1 argument"),
            // Issue 11: writes that went wrong.
            (["log", "1/9999999999 mg almonds"], .dataError, "under the 1 mg an entry may weigh"),
            (["edit", "1", "--food", "00000"], .dataError, "no food with NDB number 00000"),
            (["edit", "1", "--food", "custom:ghost"], .dataError, "no custom food \"ghost\""),
            (["edit", "1", "--food", "supplement:magnesium"], .usage, "is not an NDB number (09032) or custom:NAME"),
            (["remove", "4"], .dataError, "id 4 stands on lines"),
            (["edit", "4", "--meal", "dinner"], .dataError, "id 4 stands on lines"),
            (
                ["log", "1 cup pasta", "1 cup tomato sauce", "--food", "11549"], .usage,
                "--food names the food of one item"
            ),
            (["export", "--output", "/data/journal.tsv"], .usage, "is in the data directory"),
            (["report", "--output", "/data/profile.json"], .usage, "is in the data directory"),
            (["custom", "add", "banana", "--per-100g", "K=1"], .dataError, "already names Bananas, raw (09040)"),
            (["custom", "add", "x", "--per-100g", "K=-5"], .usage, "\"-5\" is not an amount"),
            (
                ["custom", "add", "x", "--per-100g", "K=1", "--measure", "bar=0"], .usage,
                "--measure \"bar=0\" is not accepted"
            ),
            (
                ["profile", "set", "--sweat-rate", "1e-300", "--training", "1/day"], .usage,
                "--sweat-rate \"1e-300\" is not accepted"
            ),
            (["profile", "set", "--training", "1e308/week"], .usage, "is not possible"),
            (["profile", "set", "--override", "magnesium=0"], .usage, "\"0\" is not a positive amount"),
            (["import", "/forged.json"], .dataError, "is outside 0.001–10000 µg a dose"),
            (["import", "/tiny.csv"], .dataError, "grams 0.0000001 is outside"),
            (["import", "/huge.csv"], .dataError, "grams 1e+308 is outside"),
            (["import", "/again.csv"], .dataError, "already in the journal"),
        ]
        for (arguments, code, message) in commands {
            corpus.append(BadInput(arguments: arguments, code: code, message: message))
        }
        return corpus
    }

    /// A data directory with a profile, a journal (one line of it broken by hand) and a custom food.
    static func files() -> MemoryFileStore {
        MemoryFileStore(files: [
            "/data/profile.json": Data("{\"sex\": \"female\", \"age_years\": 31}\n".utf8),
            "/data/journal.tsv": Data(
                (JournalFormat.header
                    + "1\t2026-11-24\tbreakfast\t50\tg\t50\t09032\t50 g dried apricots\n"
                    + "2\t2026-11-24\tlunch\tmuch\tg\t50\t09032\tbroken by hand\n"
                    + "3\t2026-11-25\tdinner\t200\tmg\t\tsupplement:magnesium\tmagnesium 200 mg\n"
                    + "4\t2026-11-25\tdinner\t5\tg\t5\t12061\ta twin\n4\t2026-11-25\tdinner\t6\tg\t6\t12061\tits "
                    + "twin, added by hand\n")
                    .utf8),
            "/forged.json": Data(
                #"[{"date": "2026-11-24", "meal": "dinner", "food": "supplement:vitamin_d", "amount": 100000, "unit": "µg\n999\t2026-11-24\tdinner\t9000\tg\t9000\t02047\tforged"}]"#
                    .utf8),
            "/tiny.csv": Data("date,meal,food,grams\n2026-11-24,lunch,09032,0.0000001\n".utf8),
            "/huge.csv": Data("date,meal,food,grams\n2026-11-24,lunch,09032,1e308\n".utf8),
            "/again.csv": Data("date,meal,food,grams,text\n2026-11-24,breakfast,09032,50,50 g dried apricots\n".utf8),
            "/bad.csv": Data("date,meal,food,grams\n2026-02-30,lunch,09032,50\n".utf8),
            "/bad.json": Data("{\"not\": \"a list\"}".utf8),
        ])
    }
}

@Suite("Bad input: clear message, right exit code, nothing changed")
struct BadInputCorpusTests {
    @Test("the corpus has at least 200 inputs")
    func size() {
        #expect(BadInputCorpus.all.count >= 200)
    }

    @Test(arguments: BadInputCorpus.all)
    func refused(input: BadInput) {
        let files = BadInputCorpus.files()
        let before = files.contents
        let cli = MineralCommandLine(
            environment: ["MINERAL_HOME": "/data"], files: files, today: testToday, defaultMeal: .lunch,
            readStandardInput: { input.standardInput })
        let result = cli.run(input.arguments)
        #expect(result.exitCode == input.code, "\(result.standardError.prefix(300))")
        #expect(result.standardError.hasPrefix("mineral: "))
        #expect(result.standardError.contains(input.message), "\(result.standardError.prefix(400))")
        #expect(result.standardError.utf8.count < 20_000, "the message should name the input, not repeat 10 MB of it")
        #expect(files.contents == before, "a refused command changed a file")
    }

    @Test("a broken profile or custom-foods file is named, with its problem, and changes nothing")
    func brokenFiles() {
        for (path, text, command) in [
            ("/data/profile.json", "{\"sex\": 3}", ["targets"]), ("/data/profile.json", "not json", ["report"]),
            ("/data/custom-foods.json", "[{\"name\": 1}]", ["custom", "remove", "x"]),
            (
                "/data/custom-foods.json", "[{\"name\": \"x\", \"per100g\": {\"potassium\": -5}, \"measures\": []}]",
                ["custom", "list"]
            ),
            (
                "/data/profile.json",
                "{\"sex\": \"female\", \"age_years\": 31, \"training\": {\"hours\": 1e308, \"period\": \"week\"}}",
                ["day"]
            ),
            ("/data/profile.json", "{\"sex\": \"female\", \"age_years\": 500}", ["day"]),
        ] {
            let files = BadInputCorpus.files()
            _ = try? files.replace(path, with: Data(text.utf8))
            let before = files.contents
            let result = MineralCommandLine(environment: ["MINERAL_HOME": "/data"], files: files, today: testToday).run(
                command)
            #expect(result.exitCode != .success, "\(command)")
            #expect(
                result.standardError.contains(path) || result.standardError.contains("age 500"),
                "\(result.standardError)")
            #expect(files.contents == before)
        }
    }

    @Test("a damaged custom-foods file does not stop logging other foods; custom add keeps it aside and starts anew")
    func damagedCustomFoods() throws {
        let files = BadInputCorpus.files()
        try files.replace("/data/custom-foods.json", with: Data("[{\"name\": 1}]".utf8))
        let cli = MineralCommandLine(environment: ["MINERAL_HOME": "/data"], files: files, today: testToday)
        let logged = cli.run(["log", "50 g raisins"])
        #expect(logged.exitCode == .success)
        #expect(
            logged.standardError.contains("/data/custom-foods.json is not readable")
                && logged.standardError.contains("left out"))
        let added = cli.run(["custom", "add", "oat brick", "--per-100g", "K=1"])
        #expect(added.exitCode == .success)
        #expect(files.contents["/data/custom-foods.json.unreadable"] == "[{\"name\": 1}]")
        #expect(added.standardError.contains("kept as /data/custom-foods.json.unreadable"))
    }
}

import Foundation
import MineralIntake
import Testing
@testable import MineralCLI

@Suite("mineral profile and mineral targets, in memory")
struct ProfileCommandTests {
    @Test("profile set stores JSON in the data directory; profile show prints it; set merges")
    func setAndShow() throws {
        let files = MemoryFileStore()
        let cli = commandLine(files)
        let saved = cli.run([
            "profile", "set", "--sex", "female", "--age", "31", "--pregnant", "--group", "athlete,office-worker",
        ])
        #expect(saved.exitCode == .success)
        #expect(saved.standardOutput.hasPrefix("Saved /data/profile.json\n"))
        let stored = try JSONDecoder().decode(
            Profile.self, from: Data(try #require(files.contents["/data/profile.json"]).utf8))
        #expect(stored == Profile(sex: .female, ageYears: 31, state: .pregnant, groups: [.athlete, .officeWorker]))
        _ = cli.run(["profile", "set", "--training", "8/week", "--override", "magnesium=400", "--standard", "efsa"])
        let merged = try JSONDecoder().decode(
            Profile.self, from: Data(try #require(files.contents["/data/profile.json"]).utf8))
        #expect(merged.state == .pregnant)
        #expect(merged.standard == .efsa)
        #expect(merged.training == Training(hours: 8, per: .week))
        #expect(merged.overrides == [TargetOverride(nutrient: .magnesium, amount: 400)])
        let shown = cli.run(["profile", "show"])
        #expect(shown.standardOutput.contains("groups:                 athlete, office-worker"))
        #expect(shown.standardOutput.contains("training:               8 h/week (1.143 h/day), sweat rate default"))
        #expect(shown.standardOutput.contains("your own targets:       magnesium goal 400 mg"))
        _ = cli.run(["profile", "set", "--group", "none", "--override", "magnesium=default", "--state", "none"])
        let cleared = try JSONDecoder().decode(
            Profile.self, from: Data(try #require(files.contents["/data/profile.json"]).utf8))
        #expect(cleared.groups.isEmpty && cleared.overrides.isEmpty && cleared.state == .none)
    }

    @Test("targets for the stored profile and for a one-off profile")
    func targets() throws {
        let files = MemoryFileStore()
        let cli = commandLine(files)
        _ = cli.run(["profile", "set", "--sex", "male", "--age", "19"])
        let stored = cli.run(["targets", "--format", "json"])
        let decoded = try JSONDecoder().decode(VersionedOutput<Targets>.self, from: Data(stored.standardOutput.utf8))
        #expect(decoded.kind == "targets")
        #expect(decoded.data.lifeStage == "males 19–30")
        let oneOff = cli.run(["targets", "--sex", "female", "--age", "31", "--pregnant"])
        #expect(oneOff.exitCode == .success)
        #expect(
            oneOff.standardOutput.hasPrefix(
                "Daily targets for a 31-year-old pregnant female · NASEM (U.S./Canada Dietary Reference Intakes) · "
                    + "rows: pregnancy 31–50\n"
            ))
        #expect(
            oneOff.standardOutput.contains("magnesium  360 mg RDA   300 mg EAR           350 mg UL, supplements only"))
        #expect(oneOff.standardOutput.contains("Changed: potassium goal 2600 → 2900 mg; magnesium goal 320 → 360 mg"))
        #expect(!oneOff.standardOutput.contains("[20] NASEM 2019 DRI for Sodium and Potassium, Table S-1"))
        #expect(oneOff.standardOutput.contains("`mineral targets --sources` lists the"))
        let sources = cli.run(["targets", "--sex", "female", "--age", "31", "--pregnant", "--sources"])
        #expect(sources.standardOutput.contains("[20] NASEM 2019 DRI for Sodium and Potassium, Table S-1"))
    }

    @Test("the athlete addition is shown apart from the goal, as an estimate, with its source")
    func athlete() {
        let result = mineral(
            "targets", "--sex", "male", "--age", "25", "--group", "athlete", "--training", "1/day", "--sweat-rate",
            "1.6")
        #expect(result.standardOutput.contains("sweat loss (estimate)"))
        #expect(result.standardOutput.contains("+369.1 mg"))  // 1 h × 1.6 L/h × 230.7 mg/L
        #expect(result.standardOutput.contains("Sweat loss (an estimate, not an official value) = 1 h/day × 1.6 L/h"))
        #expect(result.standardOutput.contains("sweat.csv line 30: Lara B et al."))
    }

    @Test("an override is marked as yours, with the official value beside it")
    func override() {
        let result = mineral("targets", "--sex", "female", "--age", "40", "--override", "magnesium=400")
        #expect(result.standardOutput.contains("400 mg (yours; official 320 RDA)"))
    }

    @Test(arguments: [
        (["targets", "--sex", "female", "--age", "0"], ExitCode.usage, "age 0: infants under 1 year are not covered"),
        (["targets", "--sex", "female", "--age", "-1"], .usage, "age -1 is negative"),
        (["targets", "--sex", "female", "--age", "200"], .usage, "age 200 is over 130"),
        (["targets", "--sex", "male", "--age", "30", "--pregnant"], .usage, "a male profile cannot be pregnant"),
        (["targets", "--sex", "female", "--age", "31.5"], .usage, "--age \"31.5\" is not accepted; give whole years"),
        (
            ["targets", "--sex", "female", "--age", "30", "--pregnant", "--lactating"], .usage,
            "choose one of --pregnant, --lactating and --state"
        ),
        (["targets", "--sex", "female"], .usage, "a one-off profile needs an age"),
        (["targets", "--age", "30"], .usage, "the profile needs --sex female or --sex male"),
        (["targets", "--sex", "female", "--age", "30", "--group", "pilot"], .usage, "unknown group \"pilot\""),
        (["targets", "--sex", "female", "--age", "30", "--group", "athlet"], .usage, "did you mean \"athlete\"?"),
        (["targets", "--sex", "female", "--born", "2026-02-30"], .usage, "\"2026-02-30\" is not a date"),
        (
            ["targets", "--sex", "female", "--age", "30", "--standard", "who"], .usage,
            "--standard \"who\" is not accepted"
        ),
        (
            ["targets", "--sex", "female", "--age", "30", "--sweat-rate", "1.5"], .usage,
            "--sweat-rate needs training hours"
        ),
        (
            ["targets", "--sex", "female", "--age", "30", "--training", "30/day"], .usage,
            "training \"30/day\" is not possible"
        ),
        (["targets", "--sex", "female", "--age", "30", "--override", "iron=3"], .usage, "unknown nutrient \"iron\""),
        (["targets"], .noInput, "no profile yet (/data/profile.json)"),
        (["profile", "show"], .noInput, "no profile yet (/data/profile.json)"),
        (["profile", "set"], .usage, "`mineral profile set` needs at least one field"),
        (["profile", "set", "--sex", "female"], .usage, "the profile needs an age"),
    ])
    func refused(arguments: [String], code: ExitCode, message: String) {
        expectRefused(arguments, code: code, message: message)
    }

    @Test("a refused profile set leaves the stored profile as it was")
    func refusedSetChangesNothing() throws {
        let files = MemoryFileStore()
        let cli = commandLine(files)
        _ = cli.run(["profile", "set", "--sex", "female", "--age", "31"])
        let before = files.contents
        #expect(cli.run(["profile", "set", "--age", "500"]).exitCode == .usage)
        #expect(cli.run(["profile", "set", "--sex", "male", "--pregnant"]).exitCode == .usage)
        #expect(files.contents == before)
    }

    @Test("a broken profile file is named, with what is wrong")
    func brokenProfile() {
        let files = MemoryFileStore(files: ["/data/profile.json": Data("{\"sex\": \"femal\"}".utf8)])
        let result = commandLine(files).run(["targets"])
        #expect(result.exitCode == .dataError)
        #expect(result.standardError.hasPrefix("mineral: /data/profile.json is not a readable profile ("))
    }

    @Test(arguments: [
        (["--data-dir", "/d"], [String: String](), "/d/profile.json"),
        ([], ["MINERAL_HOME": "/m", "XDG_DATA_HOME": "/x", "HOME": "/h"], "/m/profile.json"),
        ([], ["XDG_DATA_HOME": "/x", "HOME": "/h"], "/x/mineral/profile.json"),
        ([], ["HOME": "/h"], "/h/.local/share/mineral/profile.json"),
    ])
    func dataDirectory(flags: [String], environment: [String: String], path: String) {
        let files = MemoryFileStore()
        let cli = MineralCommandLine(environment: environment, files: files, today: testToday)
        let result = cli.run(["profile", "set", "--sex", "female", "--age", "31"] + flags)
        #expect(result.exitCode == .success)
        #expect(Array(files.contents.keys) == [path])
    }
}

import FoundationEssentials
import Testing
@testable import MineralIntake

@Suite("Reading profile.json: the plain form directly, anything else as JSONDecoder reads it")
struct ProfileJSONTests {
    /// A reading: the profile, or the error's description.
    enum Outcome: Equatable {
        case success(Profile)
        case failure(String)
    }

    static func decoded(_ text: String) -> Outcome {
        do { return .success(try JSONDecoder().decode(Profile.self, from: Data(text.utf8))) } catch {
            return .failure("\(error)")
        }
    }

    static func read(_ text: String) -> Outcome {
        do { return .success(try Profile(json: Data(text.utf8))) } catch { return .failure("\(error)") }
    }

    static func plain(_ text: String) -> Profile? {
        Data(text.utf8).withUnsafeBytes { Profile(plainJSON: $0) }
    }

    @Test("random profiles as the tool writes them: read directly when plain, and always as JSONDecoder reads them")
    func writtenProfiles() throws {
        var generator = SeededGenerator(seed: 2026_1126)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var plainCount = 0
        for round in 0..<500 {
            var profile = Profile(sex: pick(Sex.allCases))
            if generator.next() % 3 == 0 {
                profile.birthDate = CalendarDate(
                    year: 1930 + Int(generator.next() % 90), month: 1 + Int(generator.next() % 12),
                    day: 1 + Int(generator.next() % 28))
            } else {
                profile.ageYears = Int(generator.next() % 140) - 5
            }
            profile.state = pick(PhysiologicalState.allCases)
            profile.standard = pick(ReferenceStandard.allCases)
            profile.groups = RiskGroup.allCases.filter { _ in generator.next() % 4 == 0 }
            if generator.next() % 4 == 0 { profile.training = Training(hours: 1.5, per: .day) }
            if generator.next() % 4 == 0 { profile.overrides = [TargetOverride(nutrient: .magnesium, amount: 400)] }
            let text = String(decoding: try encoder.encode(profile), as: UTF8.self)
            #expect(Self.read(text) == .success(profile), "round \(round): \(text)")
            if profile.training == nil, profile.overrides.isEmpty {
                #expect(Self.plain(text) == profile, "round \(round): the plain form is read directly")
                plainCount += 1
            } else {
                #expect(Self.plain(text) == nil, "round \(round): left to JSONDecoder")
            }
        }
        #expect(plainCount > 100)
    }

    @Test(
        "hand-edited files: the direct reader reads one as JSONDecoder does, or leaves it to it",
        arguments: [
            #"{"sex":"female","age_years":35}"#,
            #" { "sex" : "male" , "age_years" : 70 , "groups" : [ "elderly" , "driver" ] } "#,
            "{\r\n\t\"sex\": \"female\",\n\"birth_date\": \"1990-02-28\"}\n",
            #"{"sex":"female","age_years":35,"age_years":36}"#,
            #"{"sex":"female","age_years":35.0}"#,
            #"{"sex":"female","age_years":3.5e1}"#,
            #"{"sex":"female","age_years":035}"#,
            #"{"sex":"female","age_years":-1}"#,
            #"{"sex":"female","age_years":null,"birth_date":null,"state":null,"groups":null}"#,
            #"{"sex":null,"age_years":35}"#,
            #"{"sex":"fe\u006dale","age_years":35}"#,
            #"{"sex":"female","age_years":35,"colour":"blue"}"#,
            #"{"sex":"female","age_years":35,"groups":["teenager","nobody"]}"#,
            #"{"sex":"female","age_years":35,"state":"pregnant","standard":"EFSA"}"#,
            #"{"sex":"female","age_years":35,"standard":"efsa"}"#,
            #"{"sex":"female","birth_date":"1990-2-28"}"#,
            #"{"sex":"female","age_years":35,"training":{"hours":2,"period":"day"}}"#,
            #"{"sex":"female","age_years":35,"overrides":[]}"#,
            #"{"sex":"female","age_years":35,"overrides":[{"nutrient":"magnesium","role":"goal","amount":400}]}"#,
            #"{"sex":"female","age_years":35}x"#,
            #"{"sex":"female","age_years":35"#,
            #"{"sex":"female","age_years":99999999999999999999}"#,
            #"{}"#, "", "[]", "\u{FEFF}{\"sex\":\"female\",\"age_years\":35}",
            #"{"sex":"female","age_years":35,}"#,
            #"{"sex":"fémale","age_years":35}"#,
        ])
    func handEdited(text: String) {
        #expect(Self.read(text) == Self.decoded(text), "\(text)")
        if let plain = Self.plain(text) { #expect(Self.decoded(text) == .success(plain), "\(text)") }
    }

    @Test("the plain form of the common files is read directly (no JSONDecoder in a short command)")
    func commonFilesArePlain() {
        #expect(Self.plain(#"{"sex":"female","age_years":35}"#) == Profile(sex: .female, ageYears: 35))
        #expect(
            Self.plain(
                #"{"age_years":70,"groups":["elderly"],"overrides":[],"sex":"male","standard":"EFSA","state":"none"}"#)
                == Profile(sex: .male, ageYears: 70, standard: .efsa, groups: [.elderly]))
    }
}

// libFuzzer target: reading a profile file and computing its targets must never crash.
import Foundation

let fuzzTables = try! ReferenceTables.builtIn()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let profile = try? JSONDecoder().decode(Profile.self, from: bytes) {
        _ = try? fuzzTables.targets(for: profile, on: CalendarDate(year: 2026, month: 11, day: 25)!)
    }
    return 0
}

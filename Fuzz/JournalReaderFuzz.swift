// libFuzzer target: the journal reader must never crash, and what it reads must write back and read the same.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let journal = JournalFormat.parse(data: bytes)
    let rewritten = journal.entries.map(JournalFormat.line).joined()
    let again = JournalFormat.parse(rewritten)
    precondition(again.problems.isEmpty, "a line the writer wrote does not read back: \(again.problems)")
    precondition(again.entries.count == journal.entries.count, "entries lost on the round trip")
    _ = JournalFormat.maxID(in: bytes)
    _ = JournalFormat.parse(data: bytes, dates: CalendarDate(year: 2026, month: 1, day: 1)!...CalendarDate(year: 2026, month: 12, day: 31)!)
    return 0
}

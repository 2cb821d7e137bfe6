/// Gives each distinct token (a short byte string) a dense id, without making a `String` per occurrence:
/// an open-addressing hash table over a byte arena, FNV-1a hashed. Used to build the search index at start-up.
struct TokenInterner {
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    private var table: [Int32]
    private var mask: Int

    init(capacity: Int = 8192) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        table = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    /// How many distinct tokens have been seen.
    var count: Int { starts.count }

    /// The id of the token `bytes[range]`, adding it if new.
    mutating func id(of bytes: [UInt8], _ range: Range<Int>) -> Int {
        let token = bytes[range]
        var slot = Int(truncatingIfNeeded: FNV1a.hash(token)) & mask
        while true {
            let entry = table[slot]
            if entry < 0 { break }
            let start = Int(starts[Int(entry)])
            let end = Int(ends[Int(entry)])
            if end - start == token.count, arena[start..<end].elementsEqual(token) { return Int(entry) }
            slot = (slot + 1) & mask
        }
        let id = starts.count
        starts.append(Int32(arena.count))
        arena.append(contentsOf: token)
        ends.append(Int32(arena.count))
        table[slot] = Int32(id)
        if starts.count * 2 > table.count { grow() }
        return id
    }

    /// The text of token `id`.
    func token(_ id: Int) -> String {
        String(decoding: arena[Int(starts[id])..<Int(ends[id])], as: UTF8.self)
    }

    private mutating func grow() {
        let size = table.count * 2
        var bigger = [Int32](repeating: -1, count: size)
        let biggerMask = size - 1
        for id in 0..<starts.count {
            var slot = Int(truncatingIfNeeded: FNV1a.hash(arena[Int(starts[id])..<Int(ends[id])])) & biggerMask
            while bigger[slot] >= 0 { slot = (slot + 1) & biggerMask }
            bigger[slot] = Int32(id)
        }
        table = bigger
        mask = biggerMask
    }
}

/// The 64-bit FNV-1a hash of some bytes: the token table's hash and `mineral --version`'s data fingerprints.
package enum FNV1a {
    @inlinable
    package static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

extension FNV1a {
    /// A short fingerprint of `text`: the high 32 bits of its FNV-1a hash, as 8 hexadecimal digits. What
    /// `mineral --version` shows for each data file (compiled in with the data, so it is not computed at start-up).
    package static func fingerprint(_ text: String) -> String {
        var text = text
        let hash: UInt64 = text.withUTF8 { FNV1a.hash($0) }
        let hex = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// The 64-bit FNV-1a hash of some bytes: the token table's hash and `mineral --version`'s data fingerprints.
package enum FNV1a {
    @inlinable
    package static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

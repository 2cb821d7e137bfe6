import Testing
@testable import MineralIntake

@Suite("XXH64 gives the reference implementation's hashes")
struct XXH64Tests {
    /// Each text, its hash with seed 0 and with seed 2026, from the reference implementation (Python's `xxhash`
    /// 3.x, `xxh64(text, seed)`): short texts take the tail paths, the long one the 32-byte stripes.
    static let cases: [([UInt8], UInt64, UInt64)] = [
        ([], 0xEF46_DB37_51D8_E999, 0xF6CF_42B7_7638_25C2),
        (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B, 0x8B3D_1B70_FA99_B5B2),
        (Array("abc".utf8), 0x44BC_2CF5_AD77_0999, 0xB64E_CC80_FBA7_034C),
        (Array("MineralIntake".utf8), 0xAE6D_94EE_1209_119A, 0x87EA_B676_E060_181C),
        (
            Array((0...255).map(UInt8.init)) + Array((0...255).map(UInt8.init)) + Array((0...255).map(UInt8.init))
                + Array("xyz".utf8), 0xE921_A1B4_5BD7_79F8, 0x6BFA_0E76_42C0_C524
        ),
    ]

    @Test("five texts from 0 to 771 bytes, two seeds")
    func referenceHashes() {
        for (bytes, plain, seeded) in Self.cases {
            bytes.withUnsafeBytes { raw in
                #expect(XXH64.hash(raw) == plain, "\(bytes.count) bytes")
                #expect(XXH64.hash(raw, seed: 2026) == seeded, "\(bytes.count) bytes, seed 2026")
            }
        }
    }
}

internal import Crypto
import Foundation

/// The scenario hash recorded in every result: SHA-256 (FIPS 180-4) of the file's bytes,
/// as 64 lowercase hex digits, computed by swift-crypto (BoringSSL on Linux, CryptoKit on
/// Apple platforms) rather than by hand.
enum ScenarioHash {
    /// The SHA-256 digest of `bytes` as 64 lowercase hex digits.
    static func sha256Hex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let digest = SHA256.hash(data: Array(bytes))
        return digest.map { b in
            let s = String(b, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}

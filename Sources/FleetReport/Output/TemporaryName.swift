import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names of fleetwatt's temporary files and folders, and how a later run recognises
/// the ones a killed run left behind.
///
/// A temporary file for target `NAME` is `.STEM.PID-HEX.tmp` beside it; a report's staging
/// folder is `.fleetwatt.PID-HEX.staging` inside the report folder. STEM is NAME when it is
/// short enough, otherwise a prefix of NAME plus `~` and a 64-bit hash of the whole name,
/// so that no temporary name exceeds 255 bytes (the file-name limit of ext4, APFS, XFS).
enum TemporaryName {
    static let fileSuffix = "tmp"
    static let stagingSuffix = "staging"
    static let stagingStem = "fleetwatt"

    /// A fresh temporary name for a file named `name`.
    static func file(for name: String) -> String { make(stem: stem(for: name), suffix: fileSuffix) }

    /// A fresh staging folder name.
    static func staging() -> String { make(stem: stagingStem, suffix: stagingSuffix) }

    private static func make(stem: String, suffix: String) -> String {
        let hex = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return ".\(stem).\(getpid())-\(String(repeating: "0", count: 8 - hex.count))\(hex).\(suffix)"
    }

    /// NAME, or for a long name its first bytes (whole characters), `~` and a hash of it.
    static func stem(for name: String) -> String {
        let limit = 200
        guard name.utf8.count > limit else { return name }
        var prefix = ""
        for scalar in name.unicodeScalars {
            if prefix.utf8.count + String(scalar).utf8.count > 180 { break }
            prefix.unicodeScalars.append(scalar)
        }
        let hash = String(fnv1a(name), radix: 16)
        return prefix + "~" + String(repeating: "0", count: 16 - hash.count) + hash
    }

    /// The process id in `entry` when it is a temporary of this naming pattern for `stem`
    /// with `suffix` (`.STEM.PID-HEX.SUFFIX`), else nil.
    static func writer(of entry: String, stem: String, suffix: String) -> pid_t? {
        let head = ".\(stem).", tail = ".\(suffix)"
        guard entry.hasPrefix(head), entry.hasSuffix(tail),
              entry.utf8.count > head.utf8.count + tail.utf8.count else { return nil }
        let middle = entry.dropFirst(head.count).dropLast(tail.count)
        let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0,
              (1...16).contains(parts[1].count),
              parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return pid
    }

    /// True when `pid` names no running process (its temporaries are leftovers), or names
    /// this process but `path` is not one of its temporaries in flight.
    static func isAbandoned(_ path: String, writer pid: pid_t) -> Bool {
        if pid == getpid() { return !OutputJournal.shared.isTemporary(path) }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the leftovers of killed runs in `folder` that match the pattern for `stem`
    /// and `suffix`; nothing else is touched. Returns the names removed.
    @discardableResult
    static func removeLeftovers(in folder: String, stem: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = writer(of: name, stem: stem, suffix: suffix) else { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, isAbandoned(path, writer: pid) else { continue }
            let kind = info.st_mode & S_IFMT
            // A temporary file is a regular file; a staging folder a folder. Anything else
            // (a link, a device) with a matching name is not ours.
            guard kind == (suffix == stagingSuffix ? S_IFDIR : S_IFREG) else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(name) }
        }
        return removed
    }

    /// 64-bit FNV-1a of the name's UTF-8 bytes: short, stable across runs and platforms.
    private static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}

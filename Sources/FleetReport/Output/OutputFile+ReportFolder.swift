import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFile {
    /// Refuses an output that is the report folder, lies inside it or would hold it (`--out`
    /// with `--report`): one would replace the other's files, or fail after all the work.
    /// Paths are compared with their links and `..` resolved, as far as they exist.
    public func checkApart(from folder: ReportFolder?) throws(ReportError) {
        guard let folder, let path, kind != .standardOutput else { return }
        let out = Self.canonical(resolved), report = Self.canonical(folder.absolute)
        let reason: String
        if out == report {
            reason = "it is the --report folder \(folder.path)"
        } else if out.hasPrefix(report == "/" ? "/" : report + "/") {
            reason = "it is inside the --report folder \(folder.path), which holds only the report's files"
        } else if report.hasPrefix(out + "/") {
            reason = "the --report folder \(folder.path) would be inside it"
        } else {
            return
        }
        throw .unusableOutput(path: path, reason: reason + "; give --out a path outside it")
    }

    /// The absolute `path` with links, `.` and `..` resolved in the part that exists; the
    /// missing rest (folders `mkdir -p` would make) follows as written, `.` and `..` applied.
    static func canonical(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        var base = "/"
        while true {
            if let real = realpath(existing, nil) {
                base = String(cString: real)
                free(real)
                break
            }
            let parent = (existing as NSString).deletingLastPathComponent
            guard parent != existing, !parent.isEmpty else { break }
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = parent
        }
        var parts = base.split(separator: "/").map(String.init)
        for part in rest where part != "." && !part.isEmpty {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

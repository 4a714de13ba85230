import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files and folders so that a reader never sees a partial output.
///
/// A file is written to a temporary name in its own folder, flushed, then
/// renamed over the target (rename(2) is atomic within one file system). A
/// folder of outputs is staged in a temporary sibling folder and swapped in
/// at the end. On any failure the temporaries are removed and what was there
/// before is left untouched.
public enum AtomicWriter {
    /// Writes `data` to `url` atomically, creating or replacing the file (mode 0644).
    /// The parent folder must exist.
    public static func write(_ data: Data, to url: URL) throws(ReportError) {
        let target = url.standardizedFileURL
        let folder = target.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(target.lastPathComponent).\(uniqueSuffix()).tmp")
        TemporaryPaths.shared.insert(temp.path)
        defer { TemporaryPaths.shared.remove(temp.path) }
        do {
            try writeAndSync(data, to: temp.path)
        } catch {
            unlink(temp.path)
            throw error
        }
        if rename(temp.path, target.path) != 0 {
            let reason = errnoText()
            unlink(temp.path)
            throw .io(path: target.path, operation: "rename into place", reason: reason)
        }
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws(ReportError) {
        try write(Data(text.utf8), to: url)
    }

    /// Writes a whole folder of files atomically.
    ///
    /// - Parameters:
    ///   - files: relative path (may contain `/`) → contents.
    ///   - folder: the output folder. If it exists and holds anything, it is replaced
    ///     only when `force` is true; otherwise nothing is written.
    /// The files are staged in a hidden sibling folder, which is then renamed over
    /// `folder`; the old folder, if any, is moved aside first and removed last.
    public static func writeFolder(_ files: [String: Data], to folder: URL, force: Bool) throws(ReportError) {
        let target = folder.standardizedFileURL
        for name in files.keys { try checkRelative(name) }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDir)
        if exists {
            guard isDir.boolValue else {
                throw .io(path: target.path, operation: "use as output folder", reason: "it is a file")
            }
            let contents = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            if !contents.isEmpty && !force { throw .folderNotEmpty(path: target.path) }
        }
        let parent = target.deletingLastPathComponent()
        guard fm.fileExists(atPath: parent.path) else {
            throw .io(path: target.path, operation: "create the output folder",
                      reason: "its parent folder \(parent.path) does not exist")
        }
        let suffix = uniqueSuffix()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).\(suffix).staging")
        TemporaryPaths.shared.insert(staging.path)
        defer { TemporaryPaths.shared.remove(staging.path) }
        do {
            try makeFolder(staging)
            for name in files.keys.sorted() {
                let file = staging.appendingPathComponent(name)
                try makeFolder(file.deletingLastPathComponent())
                try writeAndSync(files[name]!, to: file.path)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        if !exists {
            if rename(staging.path, target.path) != 0 {
                let reason = errnoText()
                try? fm.removeItem(at: staging)
                throw .io(path: target.path, operation: "move the staged output into place", reason: reason)
            }
            return
        }
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).\(suffix).old")
        TemporaryPaths.shared.insert(old.path)
        defer { TemporaryPaths.shared.remove(old.path) }
        if rename(target.path, old.path) != 0 {
            let reason = errnoText()
            try? fm.removeItem(at: staging)
            throw .io(path: target.path, operation: "move the previous output aside", reason: reason)
        }
        if rename(staging.path, target.path) != 0 {
            let reason = errnoText()
            rename(old.path, target.path)
            try? fm.removeItem(at: staging)
            throw .io(path: target.path, operation: "move the staged output into place", reason: reason)
        }
        try? fm.removeItem(at: old)
    }

    /// Removes every temporary file or folder this process has in flight (only those
    /// under `folder`, when given); for a SIGINT/SIGTERM handler before it exits.
    /// Returns the paths removed.
    @discardableResult
    public static func removeTemporaries(under folder: URL? = nil) -> [String] {
        let prefix = folder.map { $0.standardizedFileURL.path + "/" }
        let paths = TemporaryPaths.shared.all().filter { prefix == nil || $0.hasPrefix(prefix!) }
        for p in paths {
            try? FileManager.default.removeItem(atPath: p)
            TemporaryPaths.shared.remove(p)
        }
        return paths
    }

    // MARK: - Helpers

    static func checkRelative(_ name: String) throws(ReportError) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"),
              !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw .badRelativePath(name)
        }
    }

    private static func makeFolder(_ url: URL) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .io(path: url.path, operation: "create folder", reason: error.localizedDescription)
        }
    }

    private static func writeAndSync(_ data: Data, to path: String) throws(ReportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "create", reason: errnoText()) }
        defer { close(fd) }
        var failure: String?
        data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buf.count {
                let n = systemWrite(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText(); return
                }
                offset += n
            }
        }
        if let failure {
            unlink(path)
            throw .io(path: path, operation: "write", reason: failure)
        }
        if fsync(fd) != 0 {
            let reason = errnoText()
            unlink(path)
            throw .io(path: path, operation: "flush to disk", reason: reason)
        }
    }

    private static func uniqueSuffix() -> String {
        "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// write(2), named apart from `AtomicWriter.write`.
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, p, n)
    #else
    Darwin.write(fd, p, n)
    #endif
}

/// The temporary paths in flight, so that an interrupted run can remove them.
final class TemporaryPaths: @unchecked Sendable {
    static let shared = TemporaryPaths()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func insert(_ p: String) { lock.lock(); paths.insert(p); lock.unlock() }
    func remove(_ p: String) { lock.lock(); paths.remove(p); lock.unlock() }
    func all() -> [String] { lock.lock(); defer { lock.unlock() }; return Array(paths) }
}

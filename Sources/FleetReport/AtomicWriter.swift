import Foundation
import FleetModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system steps every output shares: write a temporary file completely and flush
/// it, make missing folders as `mkdir -p` does, and report a failure by the user's target.
///
/// A reader never sees a partial output: files are written to a temporary name beside the
/// target (`TemporaryName`), flushed, then renamed over it (rename(2) is atomic within one
/// file system). `OutputFile` uses this for `--out FILE`, `ReportFolder` for a report.
public enum AtomicWriter {
    /// Writes `data` to `url` atomically, creating or replacing the file: the same as
    /// `OutputFile.check(url.path).write(data)`.
    public static func write(_ data: Data, to url: URL) throws(ReportError) {
        try OutputFile.check(url.path).write(data)
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws(ReportError) {
        try write(Data(text.utf8), to: url)
    }

    // MARK: - Shared steps

    /// Creates `path` (which must not exist), writes `data`, applies `mode` (and `owner` when
    /// running as root) and flushes it to disk. Errors name `target`, the user's path.
    static func writeNewFile(_ data: Data, at path: String, target: String,
                             mode: mode_t? = nil, owner: (uid_t, gid_t)? = nil) throws(ReportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: target, operation: "create a file beside it", reason: errnoText()) }
        var failure: (String, String)?
        if let mode, fchmod(fd, mode) != 0 { failure = ("keep its permissions", errnoText()) }
        if failure == nil, let owner, geteuid() == 0, fchown(fd, owner.0, owner.1) != 0 {
            failure = ("keep its owner", errnoText())
        }
        if failure == nil, let reason = writeAll(fd, data) { failure = ("write", reason) }
        if failure == nil, fsync(fd) != 0 { failure = ("flush to disk", errnoText()) }
        if close(fd) != 0, failure == nil { failure = ("close", errnoText()) }
        if let (operation, reason) = failure {
            unlink(path)
            throw .io(path: target, operation: operation, reason: reason)
        }
    }

    /// Writes all of `data` to `fd`, retrying short writes and EINTR; the error text on failure.
    static func writeAll(_ fd: Int32, _ data: Data) -> String? {
        data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < buf.count {
                let n = systemWrite(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errnoText()
                }
                offset += n
            }
            return nil
        }
    }

    /// Makes `folder` and its missing parents, recording each one made under output `id`
    /// (so that a failed or interrupted run removes them again).
    static func makeFolders(_ folder: String, for id: Int, target: String) throws(ReportError) {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", FileStatus.of(current) == nil {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() {
            if mkdir(path, 0o777) != 0 && errno != EEXIST {
                throw .io(path: target, operation: "create the folder \(path)", reason: errnoText())
            }
            OutputJournal.shared.addCreatedFolder(path, for: id)
        }
    }

    /// Flushes a folder's entries (a rename is durable once its folder is flushed); best effort.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// write(2), named apart from `AtomicWriter.write`.
func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, p, n)
    #else
    Darwin.write(fd, p, n)
    #endif
}

/// stat(2)/lstat(2) of a path, as the few facts the writers need.
struct FileStatus {
    enum Kind: Equatable { case file, folder, characterDevice, fifo, link, blockDevice, socket, other }
    var kind: Kind
    /// The whole st_mode (type and permission bits).
    var mode: mode_t
    /// Permission bits (no set-id or sticky bits).
    var permissions: mode_t
    var owner: uid_t
    var group: gid_t
    var device: UInt64
    var inode: UInt64

    /// The status of `path`, following links; nil when it does not exist or cannot be read.
    static func of(_ path: String) -> FileStatus? {
        var info = stat()
        return stat(path, &info) == 0 ? FileStatus(info) : nil
    }

    /// The status of `path`, following links, or the errno that stat(2) gave.
    static func lookup(_ path: String) -> (FileStatus?, Int32) {
        var info = stat()
        if stat(path, &info) == 0 { return (FileStatus(info), 0) }
        return (nil, errno)
    }

    /// The status of `path` itself (a link is a link); nil when it does not exist.
    static func ofLink(_ path: String) -> FileStatus? {
        lookupLink(path).0
    }

    /// The status of `path` itself, or the errno that lstat(2) gave.
    static func lookupLink(_ path: String) -> (FileStatus?, Int32) {
        var info = stat()
        if lstat(path, &info) == 0 { return (FileStatus(info), 0) }
        return (nil, errno)
    }

    /// True when both name one file (the same device and inode): a link, a hard link or the path itself.
    func isSameFile(as other: FileStatus) -> Bool { device == other.device && inode == other.inode }

    /// The permission bits in octal, as ls and chmod write them: "0444".
    var modeText: String {
        let digits = String(permissions, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    init(_ info: stat) {
        switch info.st_mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG): kind = .file
        case mode_t(S_IFDIR): kind = .folder
        case mode_t(S_IFCHR): kind = .characterDevice
        case mode_t(S_IFIFO): kind = .fifo
        case mode_t(S_IFLNK): kind = .link
        case mode_t(S_IFBLK): kind = .blockDevice
        case mode_t(S_IFSOCK): kind = .socket
        default: kind = .other
        }
        mode = info.st_mode
        permissions = info.st_mode & 0o777
        owner = info.st_uid
        group = info.st_gid
        device = UInt64(truncatingIfNeeded: Int64(info.st_dev))
        inode = UInt64(info.st_ino)
    }

    /// How the kind reads in a message ("a folder", "a block device"), as input paths say it.
    var kindText: String { InputFile.kindText(mode) }
}

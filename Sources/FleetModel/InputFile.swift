import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path the user gave for fleetwatt to read (a scenario, a weather file, a part file),
/// checked before it is opened: only a regular file (after following symbolic links) is read,
/// so a FIFO or a device never blocks a command, and each refusal says why.
public enum InputFile {
    /// Why a path cannot be read as a regular file.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case emptyPath
        case missing
        case linkLoop
        case folder
        /// Something other than a regular file or a folder: its kind, such as "a FIFO".
        case notRegular(String)
        case permissionDenied
        /// Any other failure of stat(2) or open(2): the system's text.
        case other(String)

        /// The reason, to follow `path: ` in a message; a folder is "a folder, not a `what`".
        public func text(expecting what: String) -> String {
            switch self {
            case .emptyPath: "the path is empty"
            case .missing: "no such file"
            case .linkLoop: "a symbolic link loop"
            case .folder: "a folder, not a \(what)"
            case let .notRegular(kind): "not a regular file (\(kind))"
            case .permissionDenied: "permission denied"
            case let .other(reason): reason
            }
        }

        public var description: String { text(expecting: "file") }
    }

    /// Why `path` cannot be read, or nil when it is a regular file this process may open.
    /// Nothing is read: a FIFO is found by stat(2) and opened, if at all, without blocking.
    public static func problem(_ path: String) -> Problem? {
        guard !path.isEmpty else { return .emptyPath }
        var info = stat()
        guard stat(path, &info) == 0 else { return problem(errno: errno) }
        if let problem = problem(mode: info.st_mode) { return problem }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return problem(errno: errno) }
        defer { close(fd) }
        // Replaced by something else between stat and open: check what was opened.
        guard fstat(fd, &info) == 0 else { return problem(errno: errno) }
        return problem(mode: info.st_mode)
    }

    /// How the kind of file with stat(2) mode `mode` reads in a message ("a FIFO", "a folder");
    /// shared with the output checks.
    package static func kindText(_ mode: mode_t) -> String {
        switch mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG): "a file"
        case mode_t(S_IFDIR): "a folder"
        case mode_t(S_IFIFO): "a FIFO"
        case mode_t(S_IFCHR): "a character device"
        case mode_t(S_IFLNK): "a symbolic link"
        case mode_t(S_IFBLK): "a block device"
        case mode_t(S_IFSOCK): "a socket"
        default: "a special file"
        }
    }

    /// nil for a regular file; otherwise a folder, or what else it is.
    private static func problem(mode: mode_t) -> Problem? {
        switch mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG): nil
        case mode_t(S_IFDIR): .folder
        default: .notRegular(kindText(mode))
        }
    }

    private static func problem(errno code: Int32) -> Problem {
        switch code {
        case ENOENT, ENOTDIR: .missing
        case ELOOP: .linkLoop
        case EACCES, EPERM: .permissionDenied
        default: .other(String(cString: strerror(code)))
        }
    }
}

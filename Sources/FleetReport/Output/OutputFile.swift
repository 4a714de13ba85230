import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one command's output goes: standard output, or `--out PATH`. Checked before any
/// evaluation (`check`), so that a bad path is refused in milliseconds, not after the Monte Carlo.
///
/// - standard output (no `--out`, or `/dev/stdout`): written in place, every write checked.
/// - a character device or FIFO (`/dev/null`, a named pipe; also `/dev/fd/N`): written in place,
///   never replaced: no temporary file, no rename.
/// - a regular file, new or existing: written to a temporary file beside it, flushed, then
///   renamed over it; a replaced file keeps its permissions (and, as root, its owner). A
///   symbolic link is followed: its target is replaced and the link stays.
/// - refused: a folder, block device or socket; a read-only file (by its mode too, as root);
///   a file the command reads; a link to a missing file or a path under a link to a missing
///   folder (nothing is made where a link points); `/dev/fd/N` of a closed descriptor.
public struct OutputFile: Sendable {
    public enum Kind: Sendable, Equatable { case standardOutput, stream, file }

    /// The path as the user gave it; nil for standard output.
    public let path: String?
    public let kind: Kind
    /// The absolute path written: the link's final target for a link.
    let resolved: String
    /// The journal entry of a file or stream.
    let entry: Int?

    /// How the output is named in messages: the user's path, or "standard output".
    public var name: String { path ?? "standard output" }

    /// Checks `path` (nil: standard output) before any work; `inputs` are files the command
    /// reads (the scenario, its weather files), which the output must not replace.
    public static func check(_ path: String?, avoiding inputs: [String] = []) throws(ReportError) -> OutputFile {
        guard let path else { return OutputFile(path: nil, kind: .standardOutput, resolved: "", entry: nil) }
        guard !path.isEmpty else { throw .unusableOutput(path: "''", reason: "the path is empty") }
        if ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(path) {
            return OutputFile(path: path, kind: .standardOutput, resolved: path, entry: nil)
        }
        guard !path.hasSuffix("/") else {
            throw .unusableOutput(path: path, reason: "it ends in '/', so it names a folder; give a file name")
        }
        let (resolved, viaDescriptor) = try resolveLinks(absolute(path), display: path)
        let status = FileStatus.of(resolved)
        if status == nil, viaDescriptor {
            let number = (resolved as NSString).lastPathComponent
            throw .unusableOutput(path: path, reason: "descriptor \(number) is not open")
        }
        if let status {
            switch status.kind {
            case .characterDevice, .fifo:
                try requireAccess(resolved, W_OK, display: path, "it is not writable")
                return OutputFile(path: path, kind: .stream, resolved: resolved,
                                  entry: OutputJournal.shared.plan(path, existed: true))
            case .file where viaDescriptor:
                // An open descriptor (/dev/fd/N) of a file: append to it, never replace it.
                try requireAccess(resolved, W_OK, display: path, "it is not writable")
                return OutputFile(path: path, kind: .stream, resolved: resolved,
                                  entry: OutputJournal.shared.plan(path, existed: true))
            case .file:
                try requireAccess(resolved, W_OK, display: path, "the file is read-only")
                // access(2) lets root write any file: the mode bits say whether it is meant to be written.
                guard status.permissions & 0o222 != 0 else {
                    throw .unusableOutput(path: path, reason: "the file is read-only (mode \(status.modeText))")
                }
                if let input = inputs.first(where: { FileStatus.of($0)?.isSameFile(as: status) == true }) {
                    throw .unusableOutput(path: path, reason: "it is \(input), which this command reads; "
                                          + "writing there would replace it")
                }
            case .folder:
                throw .unusableOutput(path: path, reason: "it is a folder; give a file name")
            default:
                throw .unusableOutput(path: path, reason: "it is \(status.kindText); fleetwatt writes to regular "
                                      + "files, character devices and FIFOs")
            }
        }
        let folder = (resolved as NSString).deletingLastPathComponent
        let name = (resolved as NSString).lastPathComponent
        guard name.utf8.count <= 255 else {
            throw .unusableOutput(path: path, reason: "the file name is \(name.utf8.count) bytes long; the limit is 255")
        }
        try checkFolderCanHold(folder, display: path)
        if FileStatus.of(folder)?.kind == .folder {
            TemporaryName.removeLeftovers(in: folder, stem: TemporaryName.stem(for: name), suffix: TemporaryName.fileSuffix)
        }
        return OutputFile(path: path, kind: .file, resolved: resolved,
                          entry: OutputJournal.shared.plan(path, existed: status != nil))
    }

    /// Writes `data` to the output: in place for standard output and streams, atomically for a file.
    public func write(_ data: Data) throws(ReportError) {
        switch kind {
        case .standardOutput: try StandardOutput.write(data, name: name)
        case .stream: try stream(data)
        case .file: try replace(with: data)
        }
    }

    private func stream(_ data: Data) throws(ReportError) {
        let journal = OutputJournal.shared
        let id = entry ?? journal.plan(name, existed: true)
        journal.set(id, .streaming)
        let isFile = FileStatus.of(resolved)?.kind == .file
        let fd = open(resolved, O_WRONLY | O_NOCTTY | O_CLOEXEC | (isFile ? O_APPEND : 0))
        guard fd >= 0 else { throw .io(path: name, operation: "open", reason: AtomicWriter.errnoText()) }
        var failure = AtomicWriter.writeAll(fd, data).map { ("write", $0) }
        if close(fd) != 0, failure == nil { failure = ("close", AtomicWriter.errnoText()) }
        if let (operation, reason) = failure { throw .io(path: name, operation: operation, reason: reason) }
        journal.set(id, .done)
    }

    private func replace(with data: Data) throws(ReportError) {
        let journal = OutputJournal.shared
        let id = entry ?? journal.plan(name, existed: FileStatus.of(resolved) != nil)
        let folder = (resolved as NSString).deletingLastPathComponent
        let fileName = (resolved as NSString).lastPathComponent
        let earlier = FileStatus.of(resolved)
        if let earlier, earlier.kind != .file {
            journal.abandon(id)
            throw .unusableOutput(path: name, reason: "it became \(earlier.kindText) while the command ran")
        }
        journal.set(id, .staging)
        let temp = folder + "/" + TemporaryName.file(for: fileName)
        do throws(ReportError) {
            try AtomicWriter.makeFolders(folder, for: id, target: name)
            journal.addTemporary(temp)
            defer { journal.removeTemporary(temp) }
            try AtomicWriter.writeNewFile(data, at: temp, target: name, mode: earlier?.permissions,
                                          owner: earlier.map { ($0.owner, $0.group) })
            OutputJournal.pause(at: "staged")
            try journal.commit(id) { () throws(ReportError) in
                guard rename(temp, resolved) == 0 else {
                    let reason = AtomicWriter.errnoText()
                    unlink(temp)
                    throw .io(path: name, operation: "move the new file into place", reason: reason)
                }
            }
        } catch {
            journal.abandon(id)
            throw error
        }
        AtomicWriter.syncFolder(folder)
        OutputJournal.pause(at: "committed")
    }

    // MARK: - Checks

    /// `path` made absolute against the working folder, without resolving links.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Follows symbolic links at the end of `path` to the file they name. Returns that path
    /// and whether it went through an open-descriptor link (/dev/fd/N, /proc/self/fd/N), which
    /// must be written in place. A link to a missing file is refused: writing there would make
    /// a file, and its missing folders, wherever the link points.
    static func resolveLinks(_ path: String, display: String) throws(ReportError) -> (String, Bool) {
        var current = path
        var lastLink: String?
        for _ in 0..<40 {
            if isDescriptorLink(current) { return (current, true) }
            let (found, error) = FileStatus.lookupLink(current)
            guard let found, found.kind == .link else {
                if let lastLink, found == nil, error == ENOENT {
                    throw .unusableOutput(path: display, reason: "it is a symbolic link to a missing file (\(lastLink))")
                }
                return (current, false)
            }
            let target = try linkText(current, display: display)
            lastLink = target
            current = target.hasPrefix("/") ? target : (current as NSString).deletingLastPathComponent + "/" + target
        }
        throw .unusableOutput(path: display, reason: "too many levels of symbolic links")
    }

    /// The text of the symbolic link at `path`.
    static func linkText(_ path: String, display: String) throws(ReportError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else {
            throw .unusableOutput(path: display, reason: "cannot read the link: \(AtomicWriter.errnoText())")
        }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True for /dev/fd/N and /proc/PID/fd/N: links to a process's open descriptors.
    static func isDescriptorLink(_ path: String) -> Bool {
        if path.hasPrefix("/dev/fd/") { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[0].isEmpty && parts[1] == "proc" && parts[3] == "fd"
    }

    /// Checks that `folder` exists as a writable folder, or that its nearest existing
    /// ancestor is one (the missing folders are made when writing, as `mkdir -p` does).
    static func checkFolderCanHold(_ folder: String, display: String) throws(ReportError) {
        var current = folder
        while true {
            let (found, error) = FileStatus.lookup(current)
            if let status = found {
                guard status.kind == .folder else {
                    throw .unusableOutput(path: display, reason: "\(current) is \(status.kindText), not a folder")
                }
                let what = current == folder ? "its folder \(current) is not writable"
                                             : "the folder \(current), where the missing folders would be made, is not writable"
                try requireAccess(current, W_OK | X_OK, display: display, what)
                return
            }
            if error != ENOENT {
                throw .unusableOutput(path: display, reason: "\(current): \(String(cString: strerror(error)))")
            }
            // mkdir -p would fail here, or make the folder wherever the link points.
            if FileStatus.ofLink(current)?.kind == .link {
                throw .unusableOutput(path: display, reason: "\(current) is a symbolic link to a missing folder "
                                      + "(\(try linkText(current, display: display)))")
            }
            let parent = (current as NSString).deletingLastPathComponent
            guard parent != current, !parent.isEmpty else {
                throw .unusableOutput(path: display, reason: "no folder of it exists")
            }
            current = parent
        }
    }

    static func requireAccess(_ path: String, _ mode: Int32, display: String, _ what: String) throws(ReportError) {
        guard access(path, mode) == 0 else {
            throw .unusableOutput(path: display, reason: "\(what) (\(AtomicWriter.errnoText()))")
        }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report's output folder: checked before any evaluation, then written so that no file
/// is ever missing or half-written and no file fleetwatt did not write is ever touched.
///
/// The folder keeps a manifest (`.fleetwatt-report`, one relative path a line) of the files
/// the last report wrote. Without `force` the folder must be empty (or missing: it is made,
/// with its missing parents, as `mkdir -p` does). With `force` it may hold only the files
/// of its manifest (and leftovers of killed runs, which are removed); anything else is
/// refused, naming the first such file, and nothing is changed. A file the command reads
/// (the scenario, a weather file) among the files a report replaces or removes is refused too,
/// as is a link to a missing folder (the report would be made wherever it points, or fail).
///
/// Writing: every file is staged in `.fleetwatt.PID-HEX.staging` inside the folder (so the
/// renames never cross file systems, even when the folder is a mount point or a link), then
/// renamed over its counterpart one by one, each rename atomic; files of the earlier report
/// that the new one lacks are removed last. The folder itself is never moved or replaced,
/// so its permissions, owner and identity (a shell's working folder, a link to it) stay.
/// A SIGINT/SIGTERM waits for the renames (see `OutputJournal`), so a reader sees the
/// earlier report or the new one; a SIGKILL between two renames can leave a mix, but the
/// manifest, written first with both reports' files, still lets `--force` replace it.
public struct ReportFolder: Sendable {
    /// The manifest's file name, inside the report folder.
    public static let manifestName = ".fleetwatt-report"
    static let manifestHeader = "# Files written by `fleetwatt report`; `report --force` replaces only these."

    /// The folder as the user gave it.
    public let path: String
    public let force: Bool
    let absolute: String
    let entry: Int

    /// Checks the folder before any work (see the type's documentation); `inputs` are files
    /// the command reads, which the report must not replace or remove.
    public static func check(_ path: String, force: Bool, avoiding inputs: [String] = []) throws(ReportError) -> ReportFolder {
        guard !path.isEmpty else { throw .unusableOutput(path: "''", reason: "the path is empty") }
        let absolute = OutputFile.absolute(path)
        let existed = try checkContents(absolute, display: path, force: force)
        if existed { try checkInputs(inputs, in: absolute, display: path) }
        return ReportFolder(path: path, force: force, absolute: absolute,
                            entry: OutputJournal.shared.plan(path, existed: existed))
    }

    /// Writes `files` (relative path → contents) into the folder.
    public func write(_ files: [String: Data]) throws(ReportError) {
        for name in files.keys { try Self.checkRelative(name) }
        let journal = OutputJournal.shared
        _ = try Self.checkContents(absolute, display: path, force: force)
        journal.set(entry, .staging)
        let staging = absolute + "/" + TemporaryName.staging()
        do throws(ReportError) {
            try AtomicWriter.makeFolders(absolute, for: entry, target: path)
            journal.addTemporary(staging)
            defer {
                try? FileManager.default.removeItem(atPath: staging)
                journal.removeTemporary(staging)
            }
            try AtomicWriter.makeFolders(staging, for: entry, target: path)
            for name in files.keys.sorted() {
                let file = staging + "/" + name
                try AtomicWriter.makeFolders((file as NSString).deletingLastPathComponent, for: entry, target: path)
                try AtomicWriter.writeNewFile(files[name]!, at: file, target: path + "/" + name)
            }
            OutputJournal.pause(at: "staged")
            let earlier = try Self.manifest(in: absolute, display: path)
            try journal.commit(entry) { () throws(ReportError) in
                try commit(files.keys.sorted(), from: staging, replacing: earlier)
            }
        } catch {
            journal.abandon(entry)
            throw error
        }
        AtomicWriter.syncFolder(absolute)
        OutputJournal.pause(at: "committed")
    }

    /// The renames: manifest of both reports first, then each new file over its counterpart,
    /// then the earlier report's other files, then the manifest of the new report.
    private func commit(_ names: [String], from staging: String, replacing earlier: Set<String>) throws(ReportError) {
        try writeManifest(earlier.union(names))
        for name in names {
            let destination = absolute + "/" + name
            let folder = (destination as NSString).deletingLastPathComponent
            if FileStatus.of(folder) == nil, mkdir(folder, 0o777) != 0 {
                throw .io(path: path + "/" + name, operation: "create its folder", reason: AtomicWriter.errnoText())
            }
            let source = staging + "/" + name
            if let previous = FileStatus.ofLink(destination), previous.kind == .file {
                chmod(source, previous.permissions)
            }
            guard rename(source, destination) == 0 else {
                throw .io(path: path + "/" + name, operation: "move the new file into place (the folder now holds "
                          + "part of the earlier report and part of the new one)", reason: AtomicWriter.errnoText())
            }
        }
        let stale = earlier.subtracting(names)
        for name in stale.sorted() where FileStatus.ofLink(absolute + "/" + name)?.kind == .file {
            unlink(absolute + "/" + name)
        }
        // Folders only the earlier report used, deepest first; rmdir(2) keeps any that are not empty.
        let kept = Set(names.flatMap(Self.folders(of:)))
        for folder in Set(stale.flatMap(Self.folders(of:))).subtracting(kept).sorted(by: >) {
            rmdir(absolute + "/" + folder)
        }
        try writeManifest(Set(names))
    }

    private func writeManifest(_ names: Set<String>) throws(ReportError) {
        let text = ([Self.manifestHeader] + names.sorted()).joined(separator: "\n") + "\n"
        let target = absolute + "/" + Self.manifestName
        let temp = absolute + "/" + TemporaryName.file(for: Self.manifestName)
        try AtomicWriter.writeNewFile(Data(text.utf8), at: temp, target: path + "/" + Self.manifestName)
        guard rename(temp, target) == 0 else {
            let reason = AtomicWriter.errnoText()
            unlink(temp)
            throw .io(path: path + "/" + Self.manifestName, operation: "move into place", reason: reason)
        }
    }

    // MARK: - Checks

    /// Checks that the folder can take a report; returns whether it exists. Removes the
    /// leftovers of killed runs (staging folders and temporary manifests) first.
    static func checkContents(_ absolute: String, display: String, force: Bool) throws(ReportError) -> Bool {
        let (found, error) = FileStatus.lookup(absolute)
        guard let status = found else {
            guard error == ENOENT else {
                throw .unusableOutput(path: display, reason: String(cString: strerror(error)))
            }
            if FileStatus.ofLink(absolute)?.kind == .link {
                throw .unusableOutput(path: display, reason: "it is a symbolic link to a missing folder "
                                      + "(\(try OutputFile.linkText(absolute, display: display)))")
            }
            try OutputFile.checkFolderCanHold((absolute as NSString).deletingLastPathComponent, display: display)
            return false
        }
        guard status.kind == .folder else {
            throw .unusableOutput(path: display, reason: "it is \(status.kindText); give a folder name")
        }
        try OutputFile.requireAccess(absolute, W_OK | X_OK, display: display, "the folder is not writable")
        TemporaryName.removeLeftovers(in: absolute, stem: TemporaryName.stagingStem, suffix: TemporaryName.stagingSuffix)
        TemporaryName.removeLeftovers(in: absolute, stem: TemporaryName.stem(for: manifestName),
                                      suffix: TemporaryName.fileSuffix)
        let contents = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? [])
            .filter { $0 != manifestName }
        guard !contents.isEmpty else { return true }
        // Leftovers are gone: a staging folder still there belongs to a run in progress.
        if let writer = contents.lazy.compactMap({
            TemporaryName.writer(of: $0, stem: TemporaryName.stagingStem, suffix: TemporaryName.stagingSuffix)
        }).first {
            throw .unusableOutput(path: display, reason: "another fleetwatt (process \(writer)) is writing a report "
                                  + "into it; wait for it to finish")
        }
        guard force else { throw .folderNotEmpty(path: display) }
        let owned = try manifest(in: absolute, display: display)
        if let foreign = firstForeign(in: absolute, under: "", owned: owned,
                                      folders: Set(owned.flatMap(folders(of:)))) {
            throw .foreignFile(folder: display, file: foreign)
        }
        return true
    }

    /// Refuses a folder in which a file the command reads is one a report replaces or removes:
    /// the manifest or a file it lists (after `checkContents`, the folder holds no other file).
    static func checkInputs(_ inputs: [String], in absolute: String, display: String) throws(ReportError) {
        let read = inputs.compactMap { FileStatus.of($0) }
        guard !read.isEmpty else { return }
        for name in [manifestName] + (try manifest(in: absolute, display: display)).sorted() {
            guard let status = FileStatus.ofLink(absolute + "/" + name), status.kind == .file,
                  read.contains(where: { $0.isSameFile(as: status) }) else { continue }
            throw .unusableOutput(path: display, reason: "it holds \(name), which this command reads; "
                                  + "the report would replace or remove it")
        }
    }

    /// The first entry (in name order, depth first) that is neither a regular file the
    /// manifest lists nor a real folder holding such files.
    private static func firstForeign(in absolute: String, under prefix: String, owned: Set<String>,
                                     folders: Set<String>) -> String? {
        let folder = prefix.isEmpty ? absolute : absolute + "/" + prefix
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            if prefix.isEmpty && name == manifestName { continue }
            switch FileStatus.ofLink(folder + "/" + name)?.kind {
            case .file? where owned.contains(relative): continue
            case .folder? where folders.contains(relative):
                if let inner = firstForeign(in: absolute, under: relative, owned: owned, folders: folders) { return inner }
            default: return relative
            }
        }
        return nil
    }

    /// The files the manifest in `absolute` lists (empty when there is none).
    static func manifest(in absolute: String, display: String) throws(ReportError) -> Set<String> {
        let file = absolute + "/" + manifestName
        guard FileStatus.ofLink(file) != nil else { return [] }
        guard FileStatus.ofLink(file)?.kind == .file, let data = FileManager.default.contents(atPath: file) else {
            throw .unusableOutput(path: display, reason: "its \(manifestName) is not a readable file")
        }
        var names: Set<String> = []
        for (i, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
            where !line.hasPrefix("#") {
            do throws(ReportError) {
                try checkRelative(String(line))
            } catch {
                throw .unusableOutput(path: display, reason: "its \(manifestName), line \(i + 1), is not a "
                                      + "relative path inside the folder: '\(line)'")
            }
            names.insert(String(line))
        }
        return names
    }

    /// The folders a relative path lies in: "figures/a/b.svg" → ["figures", "figures/a"].
    static func folders(of name: String) -> [String] {
        let parts = name.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }

    static func checkRelative(_ name: String) throws(ReportError) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"),
              !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw .badRelativePath(name)
        }
    }
}

import FleetTestSupport
import Foundation
import Testing
@testable import FleetReport

/// A report folder: made when missing, refused when it holds anything but an earlier
/// report, and replaced file by file without ever touching a file no report wrote.
@Suite("ReportFolder")
struct ReportFolderTests {
    let fm = FileManager.default

    func listing(_ folder: URL) -> [String] { TestSupport.listing(folder) }
    func read(_ url: URL) -> String? { TestSupport.text(url) }

    func write(_ files: [String: String], to folder: URL, force: Bool) throws {
        try ReportFolder.check(folder.path, force: force).write(files.mapValues { Data($0.utf8) })
    }

    func manifest(_ folder: URL) -> [String] {
        (read(folder.appendingPathComponent(ReportFolder.manifestName)) ?? "")
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    @Test func writesFilesWithSubfoldersAndAManifest() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("new/report")
        try write(["report.md": "# R\n", "figures/a.svg": "<svg/>"], to: out, force: false)
        #expect(read(out.appendingPathComponent("report.md")) == "# R\n")
        #expect(read(out.appendingPathComponent("figures/a.svg")) == "<svg/>")
        #expect(listing(out) == [ReportFolder.manifestName, "figures", "report.md"])
        #expect(manifest(out) == ["figures/a.svg", "report.md"])
        #expect(listing(dir) == ["new"])
    }

    @Test func emptyExistingFolderIsUsedWithoutForce() throws {
        let dir = try TestSupport.tempFolder()
        try write(["a.txt": "a"], to: dir, force: false)
        #expect(listing(dir) == [ReportFolder.manifestName, "a.txt"])
    }

    @Test func refusesNonEmptyFolderWithoutForceAndTouchesNothing() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try write(["old.txt": "old"], to: out, force: false)
        #expect(throws: ReportError.folderNotEmpty(path: out.path)) {
            try write(["new.txt": "new"], to: out, force: false)
        }
        #expect(listing(out) == [ReportFolder.manifestName, "old.txt"])
        #expect(ReportError.folderNotEmpty(path: "x").description.contains("--force"))
    }

    /// --force replaces the earlier report's files (removing those the new one lacks), in the
    /// same folder: its identity and permissions stay.
    @Test func forceReplacesOnlyTheEarlierReportsFiles() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try write(["old.txt": "old", "same.md": "1", "figures/old.svg": "o", "keep/x.txt": "x"], to: out, force: false)
        try fm.setAttributes([.posixPermissions: 0o750], ofItemAtPath: out.path)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out.appendingPathComponent("same.md").path)
        let inode = try fm.attributesOfItem(atPath: out.path)[.systemFileNumber] as? Int
        try write(["same.md": "2", "keep/y.txt": "y"], to: out, force: true)
        #expect(listing(out) == [ReportFolder.manifestName, "keep", "same.md"])
        #expect(listing(out.appendingPathComponent("keep")) == ["y.txt"])
        #expect(read(out.appendingPathComponent("same.md")) == "2")
        #expect(manifest(out) == ["keep/y.txt", "same.md"])
        #expect(try fm.attributesOfItem(atPath: out.path)[.systemFileNumber] as? Int == inode, "the folder itself stays")
        #expect(try fm.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int == 0o750)
        #expect(try fm.attributesOfItem(atPath: out.appendingPathComponent("same.md").path)[.posixPermissions] as? Int == 0o600)
    }

    /// The class of `--out . --force` deleting the sources: a folder holding anything no
    /// report wrote is refused, the first such file named, and nothing changes.
    @Test(arguments: [["main.c"], ["figures/notes.txt"], ["a/b/c"], ["figures"]])
    func forceRefusesAFolderHoldingAForeignFile(_ foreign: [String]) throws {
        let dir = try TestSupport.tempFolder()
        try write(["report.md": "r", "figures/a.svg": "a"], to: dir, force: false)
        let path = foreign[0]
        if path == "figures" {
            // figures replaced by a link: not the folder the report made.
            try fm.removeItem(at: dir.appendingPathComponent("figures"))
            try fm.createSymbolicLink(atPath: dir.appendingPathComponent("figures").path, withDestinationPath: "/tmp")
        } else {
            let file = dir.appendingPathComponent(path)
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: file)
        }
        let first = path == "a/b/c" ? "a" : path
        #expect(throws: ReportError.foreignFile(folder: dir.path, file: first)) {
            try write(["report.md": "new"], to: dir, force: true)
        }
        #expect(read(dir.appendingPathComponent("report.md")) == "r")
        if path != "figures" { #expect(read(dir.appendingPathComponent(path)) == "mine") }
    }

    @Test func aManifestThatPointsOutsideTheFolderIsRefused() throws {
        let dir = try TestSupport.tempFolder()
        try write(["report.md": "r"], to: dir, force: false)
        try Data("report.md\n../../etc/passwd\n".utf8).write(to: dir.appendingPathComponent(ReportFolder.manifestName))
        #expect(throws: ReportError.self) { try write(["report.md": "new"], to: dir, force: true) }
        #expect(read(dir.appendingPathComponent("report.md")) == "r")
    }

    @Test func failureWhileStagingLeavesEarlierOutputUntouched() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try write(["report.md": "earlier"], to: out, force: false)
        // "figures" as a file and as a folder: the second write fails half-way through staging.
        #expect(throws: ReportError.self) {
            try write(["report.md": "later", "figures": "f", "figures/a.svg": "a"], to: out, force: true)
        }
        #expect(read(out.appendingPathComponent("report.md")) == "earlier")
        #expect(listing(out) == [ReportFolder.manifestName, "report.md"], "no staging folder remains")
    }

    @Test func aKilledRunsStagingFolderIsRemovedByTheNextRun() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try write(["report.md": "earlier"], to: out, force: false)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exit 0"]
        try p.run()
        p.waitUntilExit()
        let stale = out.appendingPathComponent(".fleetwatt.\(p.processIdentifier)-00c0ffee.staging")
        try fm.createDirectory(at: stale.appendingPathComponent("figures"), withIntermediateDirectories: true)
        try write(["report.md": "later"], to: out, force: true)
        #expect(listing(out) == [ReportFolder.manifestName, "report.md"])
    }

    /// A staging folder of a process that is still running is not removed: the folder is busy.
    @Test func aRunInProgressIsNotDisturbed() throws {
        let dir = try TestSupport.tempFolder()
        try write(["report.md": "earlier"], to: dir, force: false)
        // Process 1 always runs: its staging folder stands for a concurrent fleetwatt.
        let busy = dir.appendingPathComponent(".fleetwatt.1-0000beef.staging")
        try fm.createDirectory(at: busy, withIntermediateDirectories: false)
        #expect(throws: ReportError.unusableOutput(path: dir.path, reason: "another fleetwatt (process 1) is writing "
                                                   + "a report into it; wait for it to finish")) {
            try write(["report.md": "later"], to: dir, force: true)
        }
        #expect(listing(dir) == [ReportFolder.manifestName, ".fleetwatt.1-0000beef.staging", "report.md"])
        #expect(read(dir.appendingPathComponent("report.md")) == "earlier")
    }

    @Test(arguments: ["", "/abs.txt", "../escape.txt", "a/../../b", "a//b", "./a"])
    func rejectsPathsOutsideTheFolder(_ name: String) throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        #expect(throws: ReportError.badRelativePath(name)) { try write([name: ""], to: out, force: false) }
        #expect(listing(dir).isEmpty)
    }

    /// A link to a missing folder (or a path under one) is refused at the check: the report was
    /// evaluated, then failed naming its hidden staging folder.
    @Test func aLinkToAMissingFolderIsRefused() throws {
        let dir = try TestSupport.tempFolder()
        let link = dir.appendingPathComponent("report")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "nowhere")
        #expect(throws: ReportError.unusableOutput(path: link.path, reason: "it is a symbolic link to a missing folder (nowhere)")) {
            try ReportFolder.check(link.path, force: false)
        }
        #expect(throws: ReportError.unusableOutput(
            path: link.path + "/sub", reason: "\(link.path) is a symbolic link to a missing folder (nowhere)")) {
            try ReportFolder.check(link.path + "/sub", force: true)
        }
        #expect(listing(dir) == ["report"])
    }

    /// With --force, a file the command reads among those a report replaces or removes (the
    /// manifest or a file it lists; reached through a link too) refuses the folder; nothing changes.
    @Test func forceNeverReplacesAFileTheCommandReads() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try write(["report.md": "# R\n", "s.yaml": "id: s\n"], to: out, force: false)
        let link = dir.appendingPathComponent("s.yaml")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "report/s.yaml")
        let reason = ", which this command reads; the report would replace or remove it"
        #expect(throws: ReportError.unusableOutput(path: out.path, reason: "it holds s.yaml" + reason)) {
            try ReportFolder.check(out.path, force: true, avoiding: [link.path])
        }
        #expect(throws: ReportError.unusableOutput(path: out.path, reason: "it holds report.md" + reason)) {
            try ReportFolder.check(out.path, force: true, avoiding: [out.appendingPathComponent("report.md").path])
        }
        // Inputs elsewhere (or missing) leave the folder usable.
        _ = try ReportFolder.check(out.path, force: true, avoiding: [dir.appendingPathComponent("other.yaml").path])
        #expect(read(out.appendingPathComponent("s.yaml")) == "id: s\n")
        #expect(listing(out) == [ReportFolder.manifestName, "report.md", "s.yaml"])
    }

    /// `--out` and `--report`: the same path, one inside the other (through a link or `..`
    /// too) are refused; side by side, even with a common prefix, they are fine.
    @Test func anOutAndAReportFolderMustBeApart() throws {
        let dir = try TestSupport.tempFolder()
        try fm.createDirectory(at: dir.appendingPathComponent("r"), withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("alias").path, withDestinationPath: "r")
        func apart(_ out: String, _ report: String) throws {
            let folder = try ReportFolder.check(dir.appendingPathComponent(report).path, force: false)
            try OutputFile.check(dir.appendingPathComponent(out).path).checkApart(from: folder)
        }
        let tail = "; give --out a path outside it"
        for (out, report) in [("r/compare.md", "r"), ("alias/compare.md", "r"), ("r/../r/sub/x.md", "alias")] {
            #expect(throws: ReportError.unusableOutput(path: dir.appendingPathComponent(out).path, reason:
                "it is inside the --report folder \(dir.appendingPathComponent(report).path), which holds only the report's files"
                + tail)) { try apart(out, report) }
        }
        #expect(throws: ReportError.unusableOutput(path: dir.appendingPathComponent("c3").path,
                                                   reason: "it is the --report folder \(dir.appendingPathComponent("c3").path)" + tail)) {
            try apart("c3", "c3")
        }
        #expect(throws: ReportError.unusableOutput(path: dir.appendingPathComponent("new").path,
            reason: "the --report folder \(dir.appendingPathComponent("new/inner").path) would be inside it" + tail)) {
            try apart("new", "new/inner")
        }
        try apart("r.md", "r")
        try apart("rx/compare.md", "r")
        try OutputFile.check(nil).checkApart(from: ReportFolder.check(dir.appendingPathComponent("r").path, force: false))
        #expect(listing(dir) == ["alias", "r"])
    }

    @Test func aFileIsNotAReportFolder() throws {
        let dir = try TestSupport.tempFolder()
        let file = dir.appendingPathComponent("report")
        try Data("x".utf8).write(to: file)
        #expect(throws: ReportError.unusableOutput(path: file.path, reason: "it is a file; give a folder name")) {
            try ReportFolder.check(file.path, force: true)
        }
        #expect(read(file) == "x")
    }
}

import FleetTestSupport
import Foundation
import Testing
@testable import FleetReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing one file: atomically, beside the target, named by the user's path on failure.
@Suite("AtomicWriter and OutputFile")
struct AtomicWriterTests {
    let fm = FileManager.default

    func listing(_ folder: URL) -> [String] { TestSupport.listing(folder) }
    func read(_ url: URL) -> String? { TestSupport.text(url) }

    func mode(_ url: URL) throws -> Int? {
        try fm.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }

    @Test func writesNewFileAndReplacesExistingWithoutLeftovers() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent("result.json")
        try AtomicWriter.write("first\n", to: target)
        #expect(read(target) == "first\n")
        try AtomicWriter.write("second\n", to: target)
        #expect(read(target) == "second\n")
        #expect(listing(dir) == ["result.json"])
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent("private.json")
        try Data("old".utf8).write(to: target)
        try fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        try AtomicWriter.write("new", to: target)
        #expect(read(target) == "new")
        #expect(try mode(target) == 0o640)
    }

    @Test func missingParentFoldersAreMadeAsMkdirPDoes() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent("a/b/result.json")
        try AtomicWriter.write("x", to: target)
        #expect(read(target) == "x")
        #expect(listing(dir.appendingPathComponent("a/b")) == ["result.json"])
    }

    @Test func aFolderOrAFileInThePathIsRefusedAtTheCheck() throws {
        let dir = try TestSupport.tempFolder()
        let folder = dir.appendingPathComponent("taken")
        try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        try AtomicWriter.write("keep", to: folder.appendingPathComponent("inner.txt"))
        #expect(throws: ReportError.unusableOutput(path: folder.path, reason: "it is a folder; give a file name")) {
            try OutputFile.check(folder.path)
        }
        let file = folder.appendingPathComponent("inner.txt")
        #expect(throws: ReportError.unusableOutput(path: file.path + "/x.json",
                                                   reason: "\(file.path) is a file, not a folder")) {
            try OutputFile.check(file.path + "/x.json")
        }
        let slash = dir.appendingPathComponent("new").path + "/"
        #expect(throws: ReportError.unusableOutput(path: slash, reason: "it ends in '/', so it names a folder; give a file name")) {
            try OutputFile.check(slash)
        }
        #expect(listing(dir) == ["taken"])
        #expect(read(file) == "keep")
    }

    @Test func theScenarioBeingReadCannotBeTheOutput() throws {
        let dir = try TestSupport.tempFolder()
        let input = dir.appendingPathComponent("s.yaml")
        try Data("id: s\n".utf8).write(to: input)
        let link = dir.appendingPathComponent("alias.yaml")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "s.yaml")
        #expect(throws: ReportError.self) { try OutputFile.check(link.path, avoiding: [input.path]) }
        #expect(read(input) == "id: s\n")
    }

    /// The temporary name stays within 255 bytes whatever the target's name (up to the limit).
    @Test(arguments: [1, 200, 201, 240, 255])
    func longFileNamesWork(length: Int) throws {
        let dir = try TestSupport.tempFolder()
        let name = String(repeating: "é", count: length / 2) + String(repeating: "a", count: length % 2)
        #expect(name.utf8.count == length)
        let stem = TemporaryName.stem(for: name)
        #expect(TemporaryName.file(for: name).utf8.count <= 255, "stem \(stem.utf8.count) bytes")
        #expect(length <= 200 ? stem == name : stem.utf8.count < 200)
        let target = dir.appendingPathComponent(name)
        try AtomicWriter.write("x", to: target)
        #expect(listing(dir) == [name])
    }

    @Test func aNameLongerThan255BytesIsRefusedByName() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent(String(repeating: "a", count: 256)).path
        #expect(throws: ReportError.unusableOutput(path: target, reason: "the file name is 256 bytes long; the limit is 255")) {
            try OutputFile.check(target)
        }
    }

    /// A failure while writing names the user's target, never the hidden temporary file.
    @Test func aWriteFailureNamesTheTargetNotTheTemporary() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent("sub/result.json")
        let output = try OutputFile.check(target.path)
        // After the check, "sub" becomes a file: the temporary beside the target cannot be made.
        try Data("in the way".utf8).write(to: dir.appendingPathComponent("sub"))
        do {
            try output.write(Data("x".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(target.path + ": "), "\(error)")
            #expect(!error.description.contains(".tmp"), "\(error)")
            #expect(!error.isBadUsage, "a failed write is a failed run (exit 1)")
        }
        #expect(listing(dir) == ["sub"])
    }

    @Test func aSymlinkIsFollowedAndStays() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent("real.json")
        try Data("old".utf8).write(to: target)
        let link = dir.appendingPathComponent("link.json")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "real.json")
        try AtomicWriter.write("new", to: link)
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path) == "real.json")
        #expect(read(target) == "new")
        #expect(listing(dir) == ["link.json", "real.json"])
    }

    /// A link to a missing file, or a path under a link to a missing folder, is refused at the
    /// check: following it made the missing folders wherever the link pointed (even at /).
    @Test func aLinkToSomethingMissingIsRefusedAndNothingIsMade() throws {
        let dir = try TestSupport.tempFolder()
        let link = dir.appendingPathComponent("out.json")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "elsewhere/deep/x.json")
        #expect(throws: ReportError.unusableOutput(
            path: link.path, reason: "it is a symbolic link to a missing file (elsewhere/deep/x.json)")) {
            try OutputFile.check(link.path)
        }
        let folder = dir.appendingPathComponent("dangling")
        try fm.createSymbolicLink(atPath: folder.path, withDestinationPath: "nowhere")
        #expect(throws: ReportError.unusableOutput(
            path: folder.path + "/x.json", reason: "\(folder.path) is a symbolic link to a missing folder (nowhere)")) {
            try OutputFile.check(folder.path + "/x.json")
        }
        #expect(listing(dir) == ["dangling", "out.json"])
    }

    /// A read-only file is refused by its mode bits too: access(2) lets root write anything.
    @Test func aReadOnlyFileIsRefusedEvenForRoot() throws {
        let dir = try TestSupport.tempFolder()
        let target = dir.appendingPathComponent("other.txt")
        try Data("keep".utf8).write(to: target)
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: target.path)
        if geteuid() == 0 {
            #expect(throws: ReportError.unusableOutput(path: target.path, reason: "the file is read-only (mode 0444)")) {
                try OutputFile.check(target.path)
            }
        } else {
            #expect(throws: ReportError.self) { try OutputFile.check(target.path) }
        }
        #expect(read(target) == "keep")
    }

    /// /dev/fd/N of a descriptor that is not open is refused at the check, not after the work.
    @Test func aClosedDescriptorIsRefused() throws {
        var fd: Int32 = 900
        while fcntl(fd, F_GETFD) != -1 { fd += 1 }
        #expect(throws: ReportError.unusableOutput(path: "/dev/fd/\(fd)", reason: "descriptor \(fd) is not open")) {
            try OutputFile.check("/dev/fd/\(fd)")
        }
    }

    @Test func descriptorLinksAreRecognised() {
        #expect(OutputFile.isDescriptorLink("/dev/fd/3"))
        #expect(OutputFile.isDescriptorLink("/proc/self/fd/2"))
        #expect(OutputFile.isDescriptorLink("/proc/123/fd/4"))
        #expect(!OutputFile.isDescriptorLink("/proc/version"))
        #expect(!OutputFile.isDescriptorLink("/tmp/fd/1"))
    }
}

/// Leftovers of killed runs: recognised by fleetwatt's own pattern only, and only when
/// the process that made them is gone.
@Suite("Temporary names")
struct TemporaryNameTests {
    /// The id of a process that has exited (and been reaped): no process has it now.
    func deadProcessID() throws -> pid_t {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exit 0"]
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func thePatternIsRecognisedExactly() {
        #expect(TemporaryName.writer(of: ".r.json.123-0a1b2c3d.tmp", stem: "r.json", suffix: "tmp") == 123)
        #expect(TemporaryName.writer(of: ".r.json.123-4294967295.tmp", stem: "r.json", suffix: "tmp") == 123,
                "the decimal suffix of earlier versions")
        for other in [".r.json.backup.tmp", ".r.json.123-.tmp", ".r.json.-1-ab.tmp", ".r.json.12-ABCD.tmp",
                      "r.json.123-ab.tmp", ".r.json.123-ab.staging", ".q.json.123-ab.tmp", ".r.json.123-ab-cd.tmp"] {
            #expect(TemporaryName.writer(of: other, stem: "r.json", suffix: "tmp") == nil, "\(other)")
        }
        let fresh = TemporaryName.file(for: "r.json")
        #expect(TemporaryName.writer(of: fresh, stem: "r.json", suffix: "tmp") == getpid())
    }

    @Test func onlyDeadRunsLeftoversOfTheRightNameAndKindAreRemoved() throws {
        let dir = try TestSupport.tempFolder()
        let dead = try deadProcessID()
        let fm = FileManager.default
        let names = [".r.json.\(dead)-0000beef.tmp",        // a killed run's: removed
                     ".r.json.1-0000beef.tmp",              // pid 1 is alive: kept
                     ".r.json.backup.tmp",                  // not the pattern: kept
                     ".other.json.\(dead)-0000beef.tmp",    // another target: kept
                     "r.json"]
        for n in names { try Data("x".utf8).write(to: dir.appendingPathComponent(n)) }
        // A folder with a temporary file's name is not one.
        try fm.createDirectory(at: dir.appendingPathComponent(".r.json.\(dead)-0000cafe.tmp"), withIntermediateDirectories: false)
        let removed = TemporaryName.removeLeftovers(in: dir.path, stem: "r.json", suffix: "tmp")
        #expect(removed == [".r.json.\(dead)-0000beef.tmp"])
        #expect(try fm.contentsOfDirectory(atPath: dir.path).count == names.count)
    }

    @Test func theJournalSaysWhatIsOnDisk() {
        let journal = OutputJournal()
        let a = journal.plan("a.json", existed: true)
        let b = journal.plan("b.json", existed: false)
        let c = journal.plan("/dev/null", existed: true)
        let d = journal.plan("d.json", existed: true)
        journal.set(b, .staging)
        journal.set(c, .streaming)
        try? journal.commit(d) {}
        _ = a
        #expect(journal.interrupted() == "fleetwatt: interrupted; a.json is unchanged; b.json was not created; "
                + "/dev/null received incomplete output; d.json was written in full")
        #expect(OutputJournal().interrupted() == "fleetwatt: interrupted; nothing was written")
    }
}

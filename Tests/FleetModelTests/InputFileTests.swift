import Foundation
import Testing
import FleetTestSupport
import FleetModel
#if canImport(Glibc)
import Glibc
#endif

/// Paths given to read are checked without opening anything that could block, and each
/// refusal names its cause.
@Suite("Input files: only regular files are read")
struct InputFileTests {
    @Test func eachKindOfPathGetsItsReason() throws {
        let folder = try TestSupport.tempFolder()
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        #expect(mkfifo(path("fifo"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: path("loop"), withDestinationPath: "loop")
        try FileManager.default.createSymbolicLink(atPath: path("to-fifo"), withDestinationPath: "fifo")
        try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
        try FileManager.default.createSymbolicLink(atPath: path("to-file"), withDestinationPath: "file")

        #expect(InputFile.problem(path("file")) == nil)
        #expect(InputFile.problem(path("to-file")) == nil)
        #expect(InputFile.problem(path("fifo")) == .notRegular("a FIFO"))
        #expect(InputFile.problem(path("to-fifo")) == .notRegular("a FIFO"), "links are followed")
        #expect(InputFile.problem(path("loop")) == .linkLoop)
        #expect(InputFile.problem(path("missing")) == .missing)
        #expect(InputFile.problem(path("file") + "/below") == .missing)
        #expect(InputFile.problem(folder.path) == .folder)
        #expect(InputFile.problem("") == .emptyPath)
        #expect(InputFile.problem("/dev/null") == .notRegular("a character device"))
        #expect(InputFile.Problem.folder.text(expecting: "part file") == "a folder, not a part file")
        #expect(InputFile.Problem.notRegular("a FIFO").text(expecting: "weather file") == "not a regular file (a FIFO)")
        // root reads a mode-000 file, so the refusal is checked only for other users.
        if geteuid() != 0 {
            try Data("x".utf8).write(to: folder.appendingPathComponent("secret"))
            #expect(chmod(path("secret"), 0) == 0)
            #expect(InputFile.problem(path("secret")) == .permissionDenied)
        }
    }
}

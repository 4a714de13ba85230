import Foundation
import Testing
import FleetTestSupport

@Suite("Command-line usage and exit codes")
struct UsageTests {
    @Test func versionAndHelpExitZero() throws {
        let version = try TestSupport.fleetwatt(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try TestSupport.fleetwatt(["--help"])
        #expect(help.status == 0)
        for command in ["run", "report", "sweep", "sensitivity", "estimate", "power", "params",
                        "catalog", "validate", "schema", "export-notebook"] {
            #expect(help.stdout.contains("  \(command) "), "help lists \(command)")
        }
    }

    /// End to end through the process (exit status, streams); ParsingTests covers parsing in process.
    @Test(arguments: [
        ["run", "--bogus"],
        ["run", "--threads", "0"],
        ["estimate", "--gpu", "h100-sxm"],
        ["no-such-command"],
    ])
    func badUsageExitsTwoWithOneClearMessage(arguments: [String]) throws {
        let r = try TestSupport.fleetwatt(arguments)
        #expect(r.status == 2, "\(arguments) exited \(r.status)")
        #expect(r.stdout.isEmpty, "nothing on stdout for bad usage")
        #expect(r.stderr.hasPrefix("Error: "), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }
}

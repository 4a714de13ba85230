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

    @Test(arguments: [
        ["run", "--bogus"],
        ["run", "--samples", "x"],
        ["run", "--sampler", "quantum"],
        ["run", "--threads", "0"],
        ["estimate", "--gpu", "h100-sxm"],
        ["estimate", "--gpu", "h100-sxm", "--gpu-hours", "10", "--count", "2", "--hours", "3"],
        ["sweep"],
        ["sensitivity", "--method", "morris"],
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

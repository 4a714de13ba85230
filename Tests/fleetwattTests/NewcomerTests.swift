import Foundation
import Testing
import FleetTestSupport

/// What a new user meets first: help that tells the truth, shipped scenarios by id,
/// suggestions for abbreviated ids, the output format taken from the file name.
@Suite("The CLI as a newcomer meets it")
struct NewcomerTests {
    static let commands = ["run", "report", "sweep", "sensitivity", "compare", "estimate", "power", "params",
                           "catalog", "validate", "schema", "export-notebook", "bench", "merge"]

    /// The entries of a help text's OPTIONS section: each starts at a line "  -…" and runs
    /// until the next such line or a blank line.
    static func optionEntries(_ help: String) -> [String] {
        var entries: [String] = [], current: String?
        var inOptions = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("OPTIONS:") { inOptions = true; continue }
            guard inOptions else { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if let c = current { entries.append(c) }; current = nil
            } else if line.hasPrefix("  -") {
                if let c = current { entries.append(c) }
                current = String(line)
            } else {
                current = (current ?? "") + " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        if let c = current { entries.append(c) }
        return entries
    }

    /// No option states its default twice, and every example command is one unwrapped line.
    @Test(arguments: NewcomerTests.commands)
    func helpStatesEachDefaultOnceAndKeepsExamplesWhole(command: String) throws {
        let r = try TestSupport.fleetwatt([command, "--help"])
        #expect(r.status == 0)
        let entries = Self.optionEntries(r.stdout)
        #expect(!entries.isEmpty, "no OPTIONS section in \(command) --help")
        for entry in entries {
            let defaults = entry.components(separatedBy: "default").count - 1
            #expect(defaults <= 1, "\(command): default given \(defaults) times: \(entry)")
        }
        // After "Example:" or "Examples:", every line up to the next blank one is a whole command.
        var inExamples = false
        for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text == "Example:" || text == "Examples:" { inExamples = true; continue }
            if text.isEmpty { inExamples = false; continue }
            if inExamples {
                #expect(text.hasPrefix("fleetwatt ") || text.hasPrefix(".build/release/fleetwatt "),
                        "\(command) --help: an example was wrapped: '\(text)'")
                #expect(line.count <= 80, "\(command) --help: example longer than 80 columns: '\(text)'")
            }
        }
    }

    /// `sweep` is deterministic unless --samples is given, as its help says.
    @Test func sweepIsDeterministicByDefault() throws {
        let help = try TestSupport.fleetwatt(["sweep", "--help"])
        let samples = try #require(Self.optionEntries(help.stdout).first { $0.contains("--samples") })
        #expect(samples.contains("sweep: 0"), "\(samples)")
        let r = try TestSupport.fleetwatt(["sweep", "h100-training-100k", "--vary", "sites.us-tx.cooling.approach_c=3,6",
                                           "--metric", "pue", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((doc["run"] as? [String: Any])?["samples"] as? Int == 0)
    }

    /// The sweep's CSV gives the grid values as written (-0.02, not the binary
    /// -0.08 + 0.06 = -0.020000000000000004), and `--out x.csv` alone makes it CSV.
    @Test func sweepCSVHasNoBinaryFloatNoise() throws {
        let folder = try TestSupport.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sweep.csv")
        let r = try TestSupport.fleetwatt(["sweep", "h100-training-100k", "--vary", "grids.erct.carbon_intensity.annual_change=-0.08:0:5",
                                           "--metric", "pue", "--out", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = (TestSupport.text(file) ?? "").split(separator: "\r\n").map(String.init)
        #expect(lines.first == "grids.erct.carbon_intensity.annual_change,pue.base")
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == ["-0.08", "-0.06", "-0.04", "-0.02", "0"])
    }

    /// A shipped scenario runs by id from a folder that has no models/ and no scenario file.
    @Test func shippedScenarioByIdFromAnyFolder() throws {
        let folder = try TestSupport.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let byId = try TestSupport.fleetwatt(["run", "h100-training-100k", "--samples", "0", "--format", "json"], in: folder)
        #expect(byId.status == 0, "\(byId.stderr)")
        let byFile = try TestSupport.fleetwatt(["run", "models/scenarios/h100-training-100k.yaml", "--samples", "0", "--format", "json"])
        let scenario = { (text: String) in
            (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["scenario"] as? [String: Any]
        }
        // The embedded copy is byte-identical to the file: same id, same hash.
        #expect(scenario(byId.stdout)?["id"] as? String == "h100-training-100k")
        #expect(scenario(byId.stdout)?["sha256"] as? String == scenario(byFile.stdout)?["sha256"] as? String)
        // A file of that name comes first.
        try "not: [valid".write(to: folder.appendingPathComponent("h100-training-100k"), atomically: true, encoding: .utf8)
        let shadowed = try TestSupport.fleetwatt(["validate", "h100-training-100k"], in: folder)
        #expect(shadowed.status == 2 && shadowed.stderr.hasPrefix("h100-training-100k:"), "\(shadowed.stderr)")
        // A missing file says so and lists the shipped ids.
        let missing = try TestSupport.fleetwatt(["run", "nowhere.yaml"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.yaml: no such file")
                && missing.stderr.contains("h100-training-100k, inference-phoenix-air, openai-aws-2025"), "\(missing.stderr)")
    }

    /// `power --gpu h100` suggests the id it abbreviates, not the one a single edit away.
    @Test func abbreviatedGpuIdSuggestsTheFullId() throws {
        let r = try TestSupport.fleetwatt(["power", "--gpu", "h100", "--utilization", "0.5"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("'h100-sxm'") && !r.stderr.contains("'v100"), "\(r.stderr)")
    }

    /// `--out x.json|x.csv|x.md` writes that format unless --format says otherwise.
    @Test func outputFormatFollowsTheFileExtension() throws {
        let folder = try TestSupport.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func written(_ name: String, _ extra: [String] = []) throws -> String {
            let file = folder.appendingPathComponent(name)
            let r = try TestSupport.fleetwatt(["power", "--gpu", "h100-sxm", "--utilization", "0,1", "--out", file.path] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return TestSupport.text(file) ?? ""
        }
        #expect((try? JSONSerialization.jsonObject(with: Data(try written("p.json").utf8))) != nil)
        #expect(try written("p.csv").hasPrefix("Utilization,"))
        #expect(try written("p.MD").hasPrefix("| Utilization |"))
        #expect(try written("p.txt").hasPrefix("Utilization  "))
        #expect(try written("p.out").hasPrefix("Utilization  "))
        // --format wins over the extension.
        #expect(try written("q.json", ["--format", "csv"]).hasPrefix("Utilization,"))
        let help = try TestSupport.fleetwatt(["run", "--help"])
        let format = try #require(Self.optionEntries(help.stdout).first { $0.contains("--format") })
        #expect(format.contains(".json, .csv, .long.csv or .md"), "\(format)")
    }
}

import Foundation
import Testing
import FleetTestSupport

/// `--shard I/N` and `merge` through the real CLI on a shipped scenario: the merged parts
/// give the unsharded command's output byte for byte (with the same --threads), for run,
/// report, sweep, compare, tornado and Sobol; bad parts exit 2 naming the file. The shell test of the Slurm
/// job array is scripts/slurm/test-slurm (run by scripts/test).
@Suite("Shard and merge end to end", .serialized)
struct ShardCommandTests {
    static let scenario = "inference-phoenix-air"

    /// `fleetwatt` with SOURCE_DATE_EPOCH fixed, so the unsharded and merged results carry the
    /// same `run.timestamp` and can be compared byte for byte.
    static func fleetwatt(_ arguments: [String]) throws -> TestSupport.Run {
        try TestSupport.fleetwatt(arguments, environment: TestSupport.reproducible)
    }

    /// Runs `command` unsharded and as `shards` parts merged; returns (unsharded, merged) stdout.
    func unshardedAndMerged(_ command: [String], shards: Int, folder: URL) throws -> (String, String) {
        let common = command + ["--threads", "2", "--progress", "never"]
        let whole = try Self.fleetwatt(common + ["--format", "json"])
        #expect(whole.status == 0, "\(whole.stderr)")
        var parts: [String] = []
        // Shards in reverse order: merge sorts them.
        for i in (0..<shards).reversed() {
            let part = folder.appendingPathComponent("part-\(i).fwpart").path
            let r = try Self.fleetwatt(common + ["--shard", "\(i)/\(shards)", "--out", part])
            #expect(r.status == 0, "shard \(i): \(r.stderr)")
            parts.append(part)
        }
        let merged = try Self.fleetwatt(["merge"] + parts + ["--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        return (whole.stdout, merged.stdout)
    }

    @Test func monteCarloRunMergesByteForByte() throws {
        // 1,100 samples: two blocks of 1,024 samples; shard 1 lays its year and month bins from
        // the pilot it evaluates first, shard 2 holds nothing.
        let folder = try TestSupport.tempFolder()
        let (whole, merged) = try unshardedAndMerged(["run", Self.scenario, "--samples", "1100", "--sampler", "lhs"],
                                                     shards: 3, folder: folder)
        #expect(!whole.isEmpty && merged == whole)
    }

    @Test func sweepMergesByteForByte() throws {
        let folder = try TestSupport.tempFolder()
        let (whole, merged) = try unshardedAndMerged(
            ["sweep", Self.scenario, "--vary", "fleet.cohorts.h200-phx.count=12000:24000:5", "--metric", "pue,water_onsite_m3"],
            shards: 3, folder: folder)
        #expect(!whole.isEmpty && merged == whole)
    }

    @Test func sobolMergesByteForByte() throws {
        let folder = try TestSupport.tempFolder()
        let (whole, merged) = try unshardedAndMerged(
            ["sensitivity", Self.scenario, "--method", "sobol", "--base-samples", "8", "--bootstrap", "20",
             "--metric", "facility_energy_mwh"], shards: 3, folder: folder)
        #expect(!whole.isEmpty && merged == whole)
    }

    @Test func tornadoMergesByteForByte() throws {
        let folder = try TestSupport.tempFolder()
        let (whole, merged) = try unshardedAndMerged(
            ["sensitivity", Self.scenario, "--method", "tornado", "--metric", "pue,facility_energy_mwh"], shards: 3,
            folder: folder)
        #expect(whole.contains("\"method\" : \"tornado\"") && merged == whole)
    }

    /// compare's JSON, table, CSV, Markdown and report folder from 3 merged parts are the
    /// unsharded comparison's, byte for byte (1,100 samples: two blocks, the third shard empty).
    @Test func compareMergesByteForByte() throws {
        let folder = try TestSupport.tempFolder()
        let common = ["compare", Self.scenario, "--variant", "more:fleet.cohorts.h200-phx.count=30000", "--samples", "1100",
                      "--sampler", "lhs", "--metric", "pue,facility_energy_mwh,water_onsite_m3", "--threads", "2",
                      "--progress", "never"]
        let wholeReport = folder.appendingPathComponent("whole")
        let table = try Self.fleetwatt(common + ["--format", "table", "--report", wholeReport.path, "--quiet"])
        #expect(table.status == 0, "\(table.stderr)")
        let markdown = try Self.fleetwatt(common + ["--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let parts = try (0..<3).reversed().map { i in
            let part = folder.appendingPathComponent("compare-\(i).fwpart").path
            let r = try Self.fleetwatt(common + ["--shard", "\(i)/3", "--out", part])
            #expect(r.status == 0, "shard \(i): \(r.stderr)")
            return part
        }
        func merged(_ format: String) throws -> String {
            let r = try Self.fleetwatt(["merge"] + parts + ["--format", format])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        let (mergedTable, mergedMarkdown) = (try merged("table"), try merged("markdown"))
        let (mergedJSON, mergedCSV) = (try merged("json"), try merged("csv"))
        #expect(!table.stdout.isEmpty && mergedTable == table.stdout)
        #expect(!markdown.stdout.isEmpty && mergedMarkdown == markdown.stdout)
        #expect(mergedJSON == TestSupport.text(wholeReport.appendingPathComponent("compare.json")))
        #expect(mergedCSV == TestSupport.text(wholeReport.appendingPathComponent("compare.csv")))
        let mergedReport = folder.appendingPathComponent("merged")
        let r = try Self.fleetwatt(["merge"] + parts + ["--report", mergedReport.path])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        #expect(TestSupport.listing(mergedReport) == TestSupport.listing(wholeReport))
        for file in ["compare.md", "compare.json", "compare.csv", "figures/compare-differences.svg"] {
            let a = TestSupport.text(wholeReport.appendingPathComponent(file))
            let b = TestSupport.text(mergedReport.appendingPathComponent(file))
            #expect(a != nil && a == b, "\(file) differs")
        }
    }

    /// A compare part joins only the parts of the same comparison: not a run's, not one of
    /// other variants; and --shard writes a part, not a report.
    @Test func compareRefusesForeignParts() throws {
        let folder = try TestSupport.tempFolder()
        let common = ["--samples", "40", "--threads", "1", "--progress", "never"]
        func part(_ name: String, _ arguments: [String]) throws -> String {
            let file = folder.appendingPathComponent(name).path
            let r = try Self.fleetwatt(arguments + common + ["--out", file])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            return file
        }
        let compare = ["compare", Self.scenario, "--variant", "more:fleet.cohorts.h200-phx.count=30000"]
        let c0 = try part("c0.fwpart", compare + ["--shard", "0/2"])
        let c1 = try part("c1.fwpart", compare + ["--shard", "1/2"])
        let run1 = try part("r1.fwpart", ["run", Self.scenario, "--shard", "1/2"])
        let other1 = try part("o1.fwpart", ["compare", Self.scenario, "--variant", "more:fleet.cohorts.h200-phx.count=31000",
                                            "--shard", "1/2"])
        #expect(try Self.fleetwatt(["merge", c0, c1, "--format", "json"]).status == 0)
        let withRun = try Self.fleetwatt(["merge", c0, run1])
        #expect(withRun.status == 2 && withRun.stderr.contains("\(run1): cannot merge with \(c0): different kind"),
                "\(withRun.stderr)")
        let otherVariant = try Self.fleetwatt(["merge", c0, other1])
        #expect(otherVariant.status == 2 && otherVariant.stderr.contains("\(other1): cannot merge with \(c0): different variants")
                && otherVariant.stderr.contains("count=31000"), "\(otherVariant.stderr)")
        let report = try Self.fleetwatt(compare + common + ["--shard", "0/2", "--out", folder.appendingPathComponent("x").path,
                                                            "--report", folder.appendingPathComponent("rep").path])
        #expect(report.status == 2 && report.stderr.contains("--report to fleetwatt merge"), "\(report.stderr)")
    }

    @Test func reportMergesIntoTheSameReport() throws {
        let folder = try TestSupport.tempFolder()
        let common = ["report", Self.scenario, "--samples", "1100", "--threads", "2", "--progress", "never"]
        let whole = try Self.fleetwatt(common + ["--out", folder.appendingPathComponent("whole").path])
        #expect(whole.status == 0, "\(whole.stderr)")
        let parts = try (0..<2).map { i in
            let part = folder.appendingPathComponent("report-\(i).fwpart").path
            let r = try Self.fleetwatt(common + ["--shard", "\(i)/2", "--out", part])
            #expect(r.status == 0, "\(r.stderr)")
            return part
        }
        let merged = try Self.fleetwatt(["merge"] + parts + ["--report", folder.appendingPathComponent("merged").path])
        #expect(merged.status == 0, "\(merged.stderr)")
        for file in ["result.json", "report.md", "series.csv", "assumptions.csv"] {
            let a = TestSupport.text(folder.appendingPathComponent("whole/\(file)"))
            let b = TestSupport.text(folder.appendingPathComponent("merged/\(file)"))
            #expect(a != nil && a == b, "\(file) differs")
        }
    }

    @Test func badPartsExitTwoNamingTheFile() throws {
        let folder = try TestSupport.tempFolder()
        let common = ["run", Self.scenario, "--samples", "40", "--threads", "1", "--progress", "never"]
        var parts: [String] = []
        for i in 0..<2 {
            let part = folder.appendingPathComponent("p\(i).fwpart").path
            #expect(try Self.fleetwatt(common + ["--shard", "\(i)/2", "--out", part]).status == 0)
            parts.append(part)
        }
        let otherSeed = folder.appendingPathComponent("seed.fwpart").path
        #expect(try Self.fleetwatt(common + ["--seed", "5", "--shard", "1/2", "--out", otherSeed]).status == 0)

        let mismatched = try Self.fleetwatt(["merge", parts[0], otherSeed])
        #expect(mismatched.status == 2 && mismatched.stderr.contains("\(otherSeed): cannot merge") && mismatched.stderr.contains("seed"),
                "\(mismatched.stderr)")
        let missing = try Self.fleetwatt(["merge", parts[1]])
        #expect(missing.status == 2 && missing.stderr.contains("missing: 0/2"), "\(missing.stderr)")
        let twice = try Self.fleetwatt(["merge", parts[0], parts[1], parts[1]])
        #expect(twice.status == 2 && twice.stderr.contains("given twice"), "\(twice.stderr)")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: parts[1]))
        bytes[bytes.count - 80] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: parts[1]))
        let corrupted = try Self.fleetwatt(["merge", parts[0], parts[1], "--out", folder.appendingPathComponent("r.json").path])
        #expect(corrupted.status == 2 && corrupted.stderr.contains("\(parts[1]): corrupted"), "\(corrupted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.json").path))

        // Usage: a shard needs a file to write, and a sensible I/N.
        let noOut = try Self.fleetwatt(common + ["--shard", "0/2"])
        #expect(noOut.status == 2 && noOut.stderr.contains("--out FILE"), "\(noOut.stderr)")
        let badShard = try Self.fleetwatt(common + ["--shard", "2/2", "--out", folder.appendingPathComponent("x").path])
        #expect(badShard.status == 2 && badShard.stderr.contains("0 to 1"), "\(badShard.stderr)")
        let noSamples = try Self.fleetwatt(["compare", Self.scenario, "--variant", "x:fleet.cohorts.h200-phx.count=1000",
                                            "--samples", "0", "--shard", "0/2", "--out", folder.appendingPathComponent("y").path])
        #expect(noSamples.status == 2 && noSamples.stderr.contains("--samples of 1 or more"), "\(noSamples.stderr)")
    }
}

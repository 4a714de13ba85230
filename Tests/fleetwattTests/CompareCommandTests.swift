import Foundation
import Testing
import FleetTestSupport

/// `fleetwatt compare` end to end, and `sweep` with text values and sampled CSV.
@Suite("compare and text sweeps from the command line")
struct CompareCommandTests {
    /// A bad variant exits 2 naming the flag and the path, before any sample is evaluated
    /// (a run of a million samples would take hours; the refusal takes seconds).
    @Test(arguments: [
        ("bad:fleet.cohorts.h100-tx.cuont=5", "--variant bad: fleet.cohorts.h100-tx.cuont"),
        ("neg:fleet.cohorts.h100-tx.count=-5", "--variant neg: fleet.cohorts.h100-tx.count"),
        ("hw:fleet.cohorts.h100-tx.hardware=h100-sxn", "--variant hw: fleet.cohorts.h100-tx.hardware"),
        ("options.expansion-2O27", "options.expansion-2O27"),
        ("nochange:", "--variant nochange:"),
    ])
    func badVariantExitsTwoBeforeComputing(flag: String, expected: String) throws {
        let started = Date()
        let r = try TestSupport.fleetwatt(["compare", "h100-training-100k", "--variant", flag, "--samples", "1000000",
                                           "--threads", "1", "--progress", "never"])
        #expect(r.status == 2, "\(flag): \(r.stderr)")
        #expect(r.stderr.contains(expected), "\(flag): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(Date().timeIntervalSince(started) < 60)
    }

    /// JSON with every variant and the difference, and a report folder with its chart.
    @Test func jsonAndReport() throws {
        let folder = try TestSupport.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("cmp")
        let r = try TestSupport.fleetwatt(["compare", "h100-training-100k", "--variant", "warm:sites.us-tx.cooling.approach_c=8",
                                           "--samples", "8", "--metric", "facility_energy_mwh,pue", "--format", "json",
                                           "--report", report.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        // What compare writes validates against the schema it documents (each variant's
        // scenario carries its models), on stdout and in the report's compare.json.
        try TestSupport.expectValid(r.stdout, schema: "docs/schemas/compare.schema.json", "compare-stdout")
        let written = try String(contentsOf: report.appendingPathComponent("compare.json"), encoding: .utf8)
        try TestSupport.expectValid(written, schema: "docs/schemas/compare.schema.json", "compare-report")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["schema_version"] as? String == "fleetwatt.compare/1")
        let scenario = try #require((doc["variants"] as? [[String: Any]])?.first?["scenario"] as? [String: Any])
        #expect((scenario["models"] as? [Any])?.isEmpty == false)
        #expect((doc["variants"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["h100-training-100k", "warm"])
        let difference = try #require((doc["differences"] as? [[String: Any]])?.first)
        let pue = try #require((difference["totals"] as? [String: Any])?["pue"] as? [String: Any])
        #expect(try #require(pue["p50"] as? Double) > 0, "a warmer approach raises PUE")
        #expect(TestSupport.listing(report).contains("compare.md"))
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("figures/compare-differences.svg").path))
    }

    /// `sweep --format csv` with samples carries the sampled statistics, and a text axis
    /// writes its values as given.
    @Test func sweepCSVWithTextAndSamples() throws {
        let r = try TestSupport.fleetwatt(["sweep", "h100-training-100k", "--vary", "sites.us-tx.cooling.type=liquid-tower,liquid-dry-cooler",
                                           "--metric", "pue", "--samples", "8", "--format", "csv", "--progress", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "sites.us-tx.cooling.type,pue.base,pue.mean,pue.sd,pue.p05,pue.p50,pue.p95")
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == ["liquid-tower", "liquid-dry-cooler"])
        let bad = try TestSupport.fleetwatt(["sweep", "h100-training-100k", "--vary", "sites.us-tx.grid=erct,ercot"])
        #expect(bad.status == 2 && bad.stderr.contains("sites.us-tx.grid") && bad.stderr.contains("choices: "), "\(bad.stderr)")
    }
}

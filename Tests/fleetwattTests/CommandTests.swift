import Foundation
import Testing
import FleetTestSupport

/// The commands end to end on the shipped scenarios: what they print, what they write,
/// and that every JSON output validates against its schema.
@Suite("Commands end to end", .serialized)
struct CommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func runDeterministicJSONFollowsTheContract() throws {
        let r = try TestSupport.fleetwatt(["run", "--samples", "0", "--format", "json", "--progress", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        try TestSupport.expectValid(r.stdout, schema: "docs/result.schema.json", "run-deterministic")
        let doc = try json(r.stdout)
        #expect(doc["schema_version"] as? String == "fleetwatt.result/1")
        let scenario = try #require(doc["scenario"] as? [String: Any])
        #expect(scenario["id"] as? String == "openai-aws-2025")
        #expect((scenario["sha256"] as? String)?.count == 64)
        // The embedded default is byte-identical to the file, so both give the same hash.
        let file = try TestSupport.fleetwatt(["run", "models/scenarios/openai-aws-2025.yaml", "--samples", "0", "--format", "json"])
        let fileScenario = try #require(try json(file.stdout)["scenario"] as? [String: Any])
        #expect(fileScenario["sha256"] as? String == scenario["sha256"] as? String)
        // The printed totals are the sums of the printed years and of the printed months, and
        // PUE is energy-weighted: E_fac / E_IT.
        let totals = try #require(doc["totals"] as? [String: [String: Double]])
        let it = try #require(totals["it_energy_mwh"]?["base"]), fac = try #require(totals["facility_energy_mwh"]?["base"])
        for key in ["it_energy_mwh", "facility_energy_mwh", "cooling_energy_mwh", "auxiliary_energy_mwh", "power_delivery_loss_mwh"] {
            let total = try #require(totals[key]?["base"])
            for kind in ["monthly", "annual"] {
                let periods = try #require(doc[kind] as? [[String: Any]])
                let sum = periods.compactMap { ($0[key] as? [String: Double])?["base"] }.reduce(0, +)
                expectClose(sum, total, relative: 1e-9, "\(key): Σ \(kind)")
            }
        }
        expectClose(try #require(totals["pue"]?["base"]), fac / it, relative: 1e-9)
        let diagnostics = try #require(doc["diagnostics"] as? [String: Any])
        expectClose(try #require(diagnostics["quadrature_vs_timestep_rel_diff"] as? Double), 0, absolute: 1e-3)
        #expect((doc["monthly"] as? [Any])?.count == 84)
        #expect((doc["annual"] as? [Any])?.count == 8)
    }

    @Test func runSampledGivesPercentilesAndRepeatsWithTheSeedWhateverTheThreads() throws {
        let args = ["run", "models/scenarios/h100-training-100k.yaml", "--samples", "64", "--format", "json", "--seed", "7"]
        let one = try TestSupport.fleetwatt(args + ["--threads", "1"])
        let two = try TestSupport.fleetwatt(args + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        try TestSupport.expectValid(one.stdout, schema: "docs/result.schema.json", "run-sampled")
        let a = try #require(try json(one.stdout)["totals"] as? [String: [String: Double]])
        let b = try #require(try json(two.stdout)["totals"] as? [String: [String: Double]])
        #expect(a == b, "identical totals for --threads 1 and 2")
        for (metric, stats) in a where metric != "gpus_installed_peak" {
            let p05 = try #require(stats["p05"]), p50 = try #require(stats["p50"]), p95 = try #require(stats["p95"])
            #expect(p05 <= p50 && p50 <= p95, "\(metric) percentiles in order")
        }
    }

    @Test func tableFitsEightyColumns() throws {
        let r = try TestSupport.fleetwatt(["run", "models/scenarios/inference-phoenix-air.yaml", "--samples", "32"])
        #expect(r.status == 0, "\(r.stderr)")
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(r.stdout.contains("P95"))
    }

    @Test func runWritesAtomicallyToOut() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("result.csv")
        let r = try TestSupport.fleetwatt(["run", "--samples", "0", "--format", "csv", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("metric,"), "\(text.prefix(80))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["result.csv"], "no temporary left")
    }

    @Test func setOverridesAreRecordedAndMoveTheResult() throws {
        let base = try TestSupport.fleetwatt(["run", "--samples", "0", "--format", "json"])
        let more = try TestSupport.fleetwatt(["run", "--samples", "0", "--format", "json",
                                              "--set", "fleet.cohorts.gb300-use1.count=200000"])
        #expect(more.status == 0, "\(more.stderr)")
        let run = try #require(try json(more.stdout)["run"] as? [String: Any])
        #expect(run["overrides"] as? [String] == ["fleet.cohorts.gb300-use1.count=200000"])
        let e0 = try #require((try json(base.stdout)["totals"] as? [String: [String: Double]])?["it_energy_mwh"]?["base"])
        let e1 = try #require((try json(more.stdout)["totals"] as? [String: [String: Double]])?["it_energy_mwh"]?["base"])
        #expect(e1 > e0)
    }

    @Test func sweepHasOneRowPerGridPoint() throws {
        let r = try TestSupport.fleetwatt(["sweep", "models/scenarios/h100-training-100k.yaml",
                                           "--vary", "fleet.cohorts.h100-tx.count=50000:150000:3",
                                           "--vary", "sites.us-tx.cooling.approach_c=3,6",
                                           "--metric", "facility_energy_mwh,pue", "--format", "json", "--samples", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        try TestSupport.expectValid(r.stdout, schema: "docs/result.schema.json", "sweep")
        let sweep = try #require(try json(r.stdout)["sweep"] as? [String: Any])
        let rows = try #require(sweep["rows"] as? [[String: Any]])
        #expect(rows.count == 6)
        let energies = rows.compactMap { (($0["totals"] as? [String: Any])?["facility_energy_mwh"] as? [String: Double])?["base"] }
        #expect(energies.count == 6)
        // More GPUs never lower energy: rows 0–1, 2–3, 4–5 share a count (the last --vary varies fastest).
        #expect(energies[0] < energies[2] && energies[2] < energies[4])
    }

    @Test func tornadoRanksInputsForEveryMetric() throws {
        let r = try TestSupport.fleetwatt(["sensitivity", "models/scenarios/inference-phoenix-air.yaml", "--method", "tornado",
                                           "--metric", "facility_energy_mwh", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        try TestSupport.expectValid(r.stdout, schema: "docs/result.schema.json", "tornado")
        let s = try #require(try json(r.stdout)["sensitivity"] as? [String: Any])
        let ranking = try #require((s["rankings"] as? [String: [[String: Any]]])?["facility_energy_mwh"])
        #expect(!ranking.isEmpty)
        let swings = ranking.compactMap { $0["swing"] as? Double }
        #expect(swings == swings.sorted(by: >), "ranked by swing")
    }

    /// A sampled sweep validates against the result schema: GPU counts are whole numbers.
    @Test func sampledSweepValidates() throws {
        let r = try TestSupport.fleetwatt(["sweep", "h100-training-100k", "--vary", "fleet.cohorts.h100-tx.count=50000,100000",
                                           "--metric", "gpus_installed_peak,pue", "--samples", "5", "--threads", "2",
                                           "--format", "json", "--progress", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        try TestSupport.expectValid(r.stdout, schema: "docs/result.schema.json", "sweep-sampled")
    }

    /// `sensitivity --format csv` is the ranking of the metric asked for (not the base totals).
    @Test func tornadoCSVIsTheRankingOfTheChosenMetric() throws {
        let r = try TestSupport.fleetwatt(["sensitivity", "models/scenarios/inference-phoenix-air.yaml", "--method", "tornado",
                                           "--metric", "pue", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "metric,unit,rank,input,low_input,high_input,low_value,high_value,swing")
        #expect(lines.count > 2 && lines.dropFirst().allSatisfy { $0.hasPrefix("pue,1,") }, "\(r.stdout)")
        #expect(lines.dropFirst().first?.split(separator: ",")[2] == "1")
    }

    /// Sobol's warnings (N = 8 is imprecise) go to standard error, and into the JSON's warnings,
    /// never into the data: not in the CSV on stdout, not in the file written with --out.
    @Test func sobolWarningsGoToStandardError() throws {
        let sobol = ["sensitivity", "h100-training-100k", "--method", "sobol", "--base-samples", "8", "--bootstrap", "20",
                     "--metric", "pue", "--threads", "2", "--progress", "never"]
        let csv = try TestSupport.fleetwatt(sobol + ["--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("metric,rank,input,first_order,") && !csv.stdout.contains("warning"), "\(csv.stdout)")
        #expect(csv.stderr.contains("warning: "), "\(csv.stderr)")
        let folder = try TestSupport.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sobol.json")
        let toFile = try TestSupport.fleetwatt(sobol + ["--out", file.path])
        #expect(toFile.status == 0 && toFile.stdout.isEmpty, "\(toFile.stderr)")
        let doc = try json(try String(contentsOf: file, encoding: .utf8))
        let warnings = try #require((doc["diagnostics"] as? [String: Any])?["warnings"] as? [String])
        #expect(!warnings.isEmpty)
        for w in warnings { #expect(toFile.stderr.contains("warning: \(w)\n"), "\(w) not on stderr: \(toFile.stderr)") }
        let quiet = try TestSupport.fleetwatt(sobol + ["--format", "csv", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    /// `power` and `estimate` CSV are plain numbers; a board power below idle is used at idle
    /// with a warning on standard error, not in the output.
    @Test func powerAndEstimateCSVAndBoardPowerWarning() throws {
        let power = try TestSupport.fleetwatt(["power", "--gpu", "gb200", "--utilization", "0.5,1", "--format", "csv"])
        #expect(power.status == 0, "\(power.stderr)")
        let rows = power.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 2 && rows.allSatisfy { $0.count == 2 && Double($0[1]) != nil }, "\(power.stdout)")
        let estimate = try TestSupport.fleetwatt(["estimate", "--gpu", "h100-sxm", "--board-power-fraction", "0.05",
                                                  "--gpu-hours", "1000", "--format", "csv"])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        #expect(!estimate.stdout.contains("\"") && !estimate.stdout.contains("warning"), "\(estimate.stdout)")
        #expect(estimate.stderr.hasPrefix("warning: --board-power-fraction 0.05 (35.0 W) raised to "), "\(estimate.stderr)")
    }

    @Test(arguments: [
        (["estimate", "--gpu", "h100-sxm", "--gpu-hours", "1000", "--format", "json"], "docs/schemas/estimate.schema.json"),
        (["power", "--gpu", "gb200", "--utilization", "0,0.5,1", "--format", "json"], "docs/schemas/power.schema.json"),
        (["params", "--format", "json"], "docs/schemas/params.schema.json"),
        (["catalog", "--format", "json"], "docs/schemas/catalog.schema.json"),
    ])
    func smallCommandsPrintValidJSON(arguments: [String], schema: String) throws {
        let r = try TestSupport.fleetwatt(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        try TestSupport.expectValid(r.stdout, schema: schema, arguments[0])
    }

    @Test func estimateMatchesHandArithmeticForLlama31() throws {
        // Llama 3.1 405B: 30.84M H100-80GB GPU-hours at 700 W TDP (Meta's model card) → 21,588 MWh.
        let r = try TestSupport.fleetwatt(["estimate", "--gpu", "h100-sxm", "--gpu-hours", "30840000", "--power-w", "700",
                                           "--pue", "1", "--carbon-intensity", "0.4137", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try json(r.stdout)
        let energy = try #require(doc["energy_mwh"] as? Double)
        expectClose(energy, 30_840_000 * 700 / 1e6, absolute: 1e-6)
        // 21,588 MWh × 0.4137 t/MWh ≈ 8,931 t, the card's 8,930 t location-based.
        expectClose(try #require(doc["carbon_tco2e"] as? Double), 8_930, absolute: 5)
    }

    @Test func schemaCommandPrintsTheRepositorysSchema() throws {
        let r = try TestSupport.fleetwatt(["schema"])
        let file = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("docs/result.schema.json"), encoding: .utf8)
        #expect(r.status == 0)
        #expect(r.stdout == file)
    }

    @Test func reportWritesEveryFileAndRefusesANonEmptyFolder() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        let r = try TestSupport.fleetwatt(["report", "models/scenarios/inference-phoenix-air.yaml", "--samples", "16",
                                           "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let fm = FileManager.default
        for name in ["report.md", "report.css", "result.json", "series.csv"] {
            #expect(fm.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let figures = try fm.contentsOfDirectory(atPath: out.appendingPathComponent("figures").path)
        #expect(figures.filter { $0.hasSuffix(".svg") }.count >= 6)
        let again = try TestSupport.fleetwatt(["report", "models/scenarios/inference-phoenix-air.yaml", "--samples", "0",
                                               "--out", out.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--force"))
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["report"], "nothing staged is left behind")
    }

    @Test func exportedNotebookValidates() throws {
        guard TestSupport.requirePython(["nbformat"]) else { return }
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("n.ipynb")
        let r = try TestSupport.fleetwatt(["export-notebook", "models/scenarios/inference-phoenix-air.yaml", "--samples", "0",
                                           "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let check = try TestSupport.run([TestSupport.python,
                                         TestSupport.repoRoot.appendingPathComponent("scripts/check-notebook.py").path, out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}

import FleetTestSupport
import Foundation
import Testing
import FleetModel
@testable import FleetReport

@Suite("JSON schema")
struct ResultSchemaTests {
    @Test(arguments: ResultSchema.Kind.allCases)
    func embeddedSchemaIsTheRepositoryFile(_ kind: ResultSchema.Kind) throws {
        let file = TestSupport.repoRoot.appendingPathComponent(ResultSchema.repositoryPath(of: kind))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(ResultSchema.text(of: kind) == text,
                "\(file.path) and ResultSchema differ: run scripts/generate")
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func schemaListsEveryMetric() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(ResultSchema.text.utf8)) as! [String: Any]
        let defs = schema["$defs"] as! [String: Any]
        let metric = (defs["metric"] as! [String: Any])["enum"] as! [String]
        #expect(metric == Metric.allCases.map(\.rawValue))
    }

    /// A compare variant's `scenario` is the result's `scenario` object (with `models` and
    /// `weather_files`), so the two schemas describe it identically.
    @Test func compareScenarioIsTheResultScenario() throws {
        func defs(_ kind: ResultSchema.Kind) throws -> NSDictionary {
            let schema = try #require(try JSONSerialization.jsonObject(with: Data(ResultSchema.text(of: kind).utf8)) as? [String: Any])
            return try #require(schema["$defs"] as? NSDictionary)
        }
        let result = try defs(.result), compare = try defs(.compare)
        for name in ["scenario", "dataFile"] {
            let r = try #require(result[name] as? NSDictionary), c = try #require(compare[name] as? NSDictionary, "compare has no \(name)")
            #expect(r == c, "$defs.\(name) differs between the result and compare schemas")
        }
    }

    @Test func nonFiniteNumberIsAClearError() {
        var r = Fixtures.result(sampled: false, sensitivity: nil)
        r.totals[.pue] = Stats(base: .nan)
        #expect(throws: ReportError.nonFiniteNumber(path: "totals.pue.base", value: "nan")) {
            try ResultJSON.data(r)
        }
        r = Fixtures.result(sampled: false, sensitivity: nil)
        r.monthly[3].values[.itEnergy] = Stats(base: .infinity)
        do {
            _ = try ResultJSON.data(r)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("monthly[3].it_energy_mwh.base"))
            #expect(error.description.contains("nothing was written"))
        }
    }

    @Test func resultJSONRoundTripsAndIsSorted() throws {
        let r = Fixtures.result(sensitivity: "sobol", sweep: true)
        let data = try ResultJSON.data(r)
        #expect(data.last == 0x0A)
        let back = try JSONDecoder().decode(FleetResult.self, from: data)
        #expect(back.totals == r.totals)
        #expect(back.monthly == r.monthly)
        #expect(back.sensitivity == r.sensitivity)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.range(of: "\"annual\"")!.lowerBound < text.range(of: "\"totals\"")!.lowerBound)
    }

    /// Writes realistic outputs of every kind and validates them with scripts/check-schema.py.
    @Test func outputsValidateAgainstTheSchemasWithJsonschema() throws {
        guard TestSupport.requirePython(["jsonschema"]) else { return }
        let dir = try TestSupport.tempFolder()
        let docs: [(ResultSchema.Kind, String, Data)] = [
            (.result, "deterministic.json", try ResultJSON.data(Fixtures.result(sampled: false, sensitivity: nil))),
            (.result, "sampled.json", try ResultJSON.data(Fixtures.result())),
            (.result, "sensitivity-tornado.json", try ResultJSON.data(Fixtures.result(sensitivity: "tornado"))),
            (.result, "sensitivity-sobol.json", try ResultJSON.data(Fixtures.result(sensitivity: "sobol"))),
            (.result, "sweep.json", try ResultJSON.data(Fixtures.result(sampled: false, sensitivity: nil, sweep: true))),
            (.compare, "compare.json", try ResultJSON.encode(Fixtures.comparison())),
            (.compare, "compare-deterministic.json", try ResultJSON.encode(Fixtures.comparison(sampled: false))),
            (.estimate, "estimate.json", try ResultJSON.encode(Estimate.run(
                EstimateInput(gpu: "h100-sxm", gpuHours: 2_000_000), hardware: hardware("h100-sxm")))),
            (.estimate, "estimate-given-power.json", try ResultJSON.encode(Estimate.run(
                EstimateInput(gpu: "a100-80gb", powerW: 300, count: 64, hours: 100, pue: 1.1), hardware: hardware("a100-80gb")))),
            (.power, "power.json", try ResultJSON.encode(PowerCurveResult.compute(
                hardware: hardware("gb200"), utilizations: [0, 0.5, 1]))),
            (.params, "params.json", try ResultJSON.encode(ParamsOutput(
                scenario: Fixtures.result().scenario, inputs: Fixtures.inputs))),
            (.catalog, "catalog.json", try ResultJSON.encode(CatalogOutput(
                hardware: [.init(id: "gb200", name: "NVIDIA GB200 NVL72 (per GPU)", kind: "gpu",
                                 properties: ["tdp_w": 1200, "embodied_kg": 1600], source: "NVIDIA GB200 NVL72 datasheet")],
                sites: [.init(id: "us-east-1", name: "Northern Virginia", kind: "liquid-tower", source: "NOAA 1991–2020 normals")],
                coolingTypes: [.init(id: "fixed-pue", name: "Constant PUE and WUE", source: "assumption: simple option")],
                grids: [.init(id: "srvc", name: "SERC Virginia/Carolina", properties: ["carbon_intensity_kg_per_kwh": 0.33],
                              source: "EPA eGRID2022")]))),
        ]
        for (kind, name, data) in docs {
            let file = dir.appendingPathComponent(name)
            try AtomicWriter.write(data, to: file)
            let schema = dir.appendingPathComponent("\(kind.rawValue).schema.json")
            try AtomicWriter.write(ResultSchema.text(of: kind), to: schema)
            let run = try TestSupport.run([TestSupport.python, TestSupport.repoRoot.appendingPathComponent("scripts/check-schema.py").path,
                                           schema.path, file.path, "--sorted-keys"])
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
    }

    /// The validator is not a rubber stamp: a result with a wrong key or a missing metric fails.
    @Test func invalidResultsAreRejected() throws {
        guard TestSupport.requirePython(["jsonschema"]) else { return }
        let dir = try TestSupport.tempFolder()
        let schema = dir.appendingPathComponent("result.schema.json")
        try AtomicWriter.write(ResultSchema.text, to: schema)
        var r = Fixtures.result(sampled: false, sensitivity: nil)
        r.totals[.pue] = nil
        var bad = [("missing-metric.json", try ResultJSON.data(r))]
        r = Fixtures.result()
        r.totals[.pue] = Stats(base: 1.2, mean: 1.21)  // sampled stats must come together
        bad.append(("partial-stats.json", try ResultJSON.data(r)))
        bad.append(("nan.json", Data(String(decoding: try ResultJSON.data(Fixtures.result(sampled: false, sensitivity: nil)),
                                            as: UTF8.self).replacingOccurrences(of: "\"quadrature_vs_timestep_rel_diff\" : 0.00023",
                                                                               with: "\"quadrature_vs_timestep_rel_diff\" : NaN").utf8)))
        for (name, data) in bad {
            let file = dir.appendingPathComponent(name)
            try AtomicWriter.write(data, to: file)
            let run = try TestSupport.run([TestSupport.python, TestSupport.repoRoot.appendingPathComponent("scripts/check-schema.py").path,
                                           schema.path, file.path])
            #expect(run.status == 1, "\(name) should be rejected")
            #expect(!run.stderr.isEmpty)
        }
    }

    private func hardware(_ id: String) throws -> HardwareSpec {
        try Catalog.embedded().decode(HardwareSpec.self, .hardware, id: id)
    }
}

import Foundation
import Testing
@testable import FleetModel
import FleetTestSupport

@Suite("EngineScenario")
struct EngineScenarioTests {
    static let scenarios = ["openai-aws-2025", "h100-training-100k", "inference-phoenix-air"]

    @Test("Shipped scenarios end to end through the loader: IT energy is the sum of the cohorts, PUE ≥ 1, hourly vs quadrature < 0.1 %",
          arguments: scenarios)
    func shippedScenario(name: String) throws {
        let path = FacilityFixtures.repoRoot.appendingPathComponent("models/scenarios/\(name).yaml").path
        let doc = try ScenarioDocument.load(path: path)
        #expect(doc.check(FleetSpec.self, semanticIssues: { $0.facilityIssues() }).isEmpty)
        var spec = try doc.decode(FleetSpec.self)
        // The first 14 months (ramps and a summer) keep the test fast; `fleetwatt run` covers the term.
        spec.term.months = min(spec.term.months, 14)
        let e = try FleetEvaluator(spec: spec)
        let r = try e.deterministicResult(scenario: .init(id: spec.id, title: spec.title, source: path, sha256: ""),
                                          inputs: [], run: .init(samples: 0, seed: 0, sampler: "random", threads: 1))
        func v(_ m: Metric) -> Double { r.totals[m]!.base }
        #expect(v(.itEnergy) > 0)
        // (facility = IT + cooling + delivery holds by construction; CoolingTests checks it hour by hour.)
        // The IT energy of the term is the sum of its cohorts' (computed cohort by cohort).
        let cohorts = try #require(r.breakdown?.cohorts).map(\.itEnergyMWh).reduce(0, +)
        expectClose(cohorts, v(.itEnergy), relative: 1e-12, "\(name): Σ cohorts of IT energy")
        #expect(v(.pue) >= 1)
        for month in r.monthly where month.values[.itEnergy]!.base > 0 { #expect(month.values[.pue]!.base >= 1) }
        #expect(abs(r.diagnostics.quadratureVsTimestepRelDiff) < 1e-3)
        #expect(r.breakdown?.cohorts.count == spec.fleet.cohorts.count)
    }
}

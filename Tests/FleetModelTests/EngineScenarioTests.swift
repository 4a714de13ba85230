import Foundation
import Testing
@testable import FleetModel

@Suite("EngineScenario")
struct EngineScenarioTests {
    @Test("The default scenario end to end: energy balance, PUE ≥ 1, hourly vs quadrature < 0.1 %")
    func defaultScenario() throws {
        var spec = try FacilityFixtures.scenarioSpec("openai-aws-2025")
        // The ramp and the first summer (14 months) keep the test fast; `fleetwatt run` covers the term.
        spec.term.months = 14
        #expect(spec.facilityIssues().isEmpty, "\(spec.facilityIssues())")
        let e = try FleetEvaluator(spec: spec)
        let r = try e.deterministicResult(scenario: .init(id: spec.id, title: spec.title, source: "test", sha256: ""),
                                          inputs: [], run: .init(samples: 0, seed: 0, sampler: "random", threads: 1))
        func v(_ m: Metric) -> Double { r.totals[m]!.base }
        #expect(abs(v(.facilityEnergy) - v(.itEnergy) - v(.coolingEnergy) - v(.powerDeliveryLoss)) < 1e-9 * v(.facilityEnergy))
        #expect(v(.pue) > 1 && v(.pue) < 1.5)
        for month in r.monthly where month.values[.itEnergy]!.base > 0 { #expect(month.values[.pue]!.base >= 1) }
        #expect(abs(r.diagnostics.quadratureVsTimestepRelDiff) < 1e-3)
        #expect(r.breakdown?.sites.count == 3 && r.breakdown?.cohorts.count == spec.fleet.cohorts.count)
    }
}

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
        expectClose(r.diagnostics.quadratureVsTimestepRelDiff, 0, absolute: 1e-3)
        #expect(r.breakdown?.cohorts.count == spec.fleet.cohorts.count)
    }
}

@Suite("Continuous-time cross-check months")
struct CrossCheckMonthsTests {
    @Test("Every 7th month of 84, every 5th of 56 to 83, every 11th of 132, all of a term under 56 months")
    func strides() {
        #expect(FacilityModel.crossCheckMonths(count: 84) == Array(stride(from: 0, to: 84, by: 7)))
        #expect(FacilityModel.crossCheckMonths(count: 60) == Array(stride(from: 0, to: 60, by: 5)))
        #expect(FacilityModel.crossCheckMonths(count: 132) == Array(stride(from: 0, to: 132, by: 11)))
        #expect(FacilityModel.crossCheckMonths(count: 56) == Array(stride(from: 0, to: 56, by: 5)))
        #expect(FacilityModel.crossCheckMonths(count: 55) == Array(0..<55))
        #expect(FacilityModel.crossCheckMonths(count: 3) == [0, 1, 2])
    }

    @Test("At least 12 months, and every calendar month among them, for any term of 12 months or more",
          arguments: [12, 24, 55, 56, 59, 60, 77, 83, 84, 85, 120, 131, 132, 200, 360])
    func everyCalendarMonth(n: Int) {
        let months = FacilityModel.crossCheckMonths(count: n)
        #expect(months.count >= 12 && months.allSatisfy { (0..<n).contains($0) })
        #expect(Set(months.map { $0 % 12 }).count == 12)
    }

    /// The subset measures the time step's error as the whole term does: on the default scenario's
    /// first 36 months (its ramps and three summers), every 7th month gives a relative difference
    /// within 1e-5 of the whole span's, two orders below the 0.1 % the check allows.
    @Test func subsetAgreesWithTheWholeTerm() throws {
        let path = FacilityFixtures.repoRoot.appendingPathComponent("models/scenarios/openai-aws-2025.yaml").path
        var spec = try ScenarioDocument.load(path: path).decode(FleetSpec.self)
        spec.term.months = 36
        let e = try FleetEvaluator(spec: spec)
        let loads = e.loads()
        let hourly = try e.facility.evaluate(loads)
        let whole = try e.facility.quadratureVsTimestep(loads, hourly: hourly, power: e.continuousPower())
        let some = try e.facility.quadratureVsTimestep(loads, hourly: hourly, power: e.continuousPower(),
                                                       months: Array(stride(from: 0, to: 36, by: 7)))
        #expect(abs(whole) < 1e-3 && abs(some) < 1e-3)
        expectClose(some, whole, absolute: 1e-5, "every 7th month \(some), whole span \(whole)")
    }
}

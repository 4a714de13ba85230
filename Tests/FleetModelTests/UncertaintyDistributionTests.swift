import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

@Suite("Scenario distributions as inputs")
struct UncertaintyDistributionTests {
    /// Known quantiles of each family (closed forms or symmetric medians).
    @Test func quantilesOfEachFamily() {
        let close = { (a: Double, b: Double) in abs(a - b) <= 1e-9 * max(1, abs(b)) }
        #expect(close(Distribution.uniform(min: 2, max: 6).quantile(0.25), 3))
        // Triangular(0, 1, 4): F(mode) = (1 − 0)/(4 − 0) = 0.25.
        #expect(close(Distribution.triangular(min: 0, mode: 1, max: 4).quantile(0.25), 1))
        #expect(close(Distribution.pert(min: 0, mode: 2, max: 4).quantile(0.5), 2))
        expectClose(Distribution.normal(mean: 10, sd: 2).quantile(0.975), (10 + 2 * 1.959963984540054), absolute: 1e-9)
        #expect(close(Distribution.truncnormal(mean: 0, sd: 1, min: -1, max: 1).quantile(0.5), 0))
        #expect(close(Distribution.lognormal(median: 5, sigma: 0.5).quantile(0.5), 5))
        // Beta(1, 1) is uniform on [min, max].
        #expect(close(Distribution.beta(alpha: 1, beta: 1, min: 10, max: 20).quantile(0.3), 13))
        let truncated = Distribution.truncnormal(mean: 0, sd: 1, min: -1, max: 1)
        #expect(truncated.quantile(0.999) <= 1 && truncated.quantile(0.001) >= -1)
    }

    /// A choice inverts its step CDF over the values in ascending order.
    @Test func choiceQuantileIsMonotoneStep() {
        let d = Distribution.choice(values: [3, 1, 2], weights: [1, 2, 1])
        #expect([0.1, 0.4, 0.5, 0.6, 0.75, 0.9].map(d.quantile) == [1, 1, 1, 2, 2, 3])
    }

    /// A scenario's uncertain inputs and correlations form a valid input space whose base
    /// values are the parameters' bases and whose samples respect each support.
    @Test(arguments: ["h100-training-100k", "inference-phoenix-air"])
    func scenarioInputSpace(name: String) throws {
        let doc = try ScenarioDocument.embedded(name: name)
        let space = try InputSpace(document: doc)
        let params = doc.uncertainParameters
        #expect(space.dimension == params.count && space.dimension > 0)
        #expect(space.base == params.map(\.base))
        #expect(space.correlations.count == doc.correlations.count)
        let sampler = LatinHypercubeSampler(dimension: space.dimension, samples: 200, seed: 1)
        var c = sampler.makeCursor(); var u = [Double](repeating: 0, count: space.dimension)
        for i in 0..<200 {
            sampler.point(i, cursor: &c, into: &u)
            let x = space.values(at: u)
            for (j, p) in params.enumerated() { #expect(p.distribution!.support.contains(x[j]), "\(p.path) = \(x[j])") }
        }
    }
}

extension UncertaintyDistributionTests {
    /// Correlations that cannot hold together are reported at their entries in the file:
    /// `file:line:col: correlations.<i>: …`, one line per entry at fault.
    @Test func inconsistentCorrelationsArePlacedInTheFile() throws {
        let text = try #require(EmbeddedModels.files["scenarios/h100-training-100k.yaml"])
        let u = "fleet.cohorts.h100-tx.workload.training_utilization_fraction"
        let i = "fleet.cohorts.h100-tx.workload.training_intensity_fraction"
        let f = "fleet.cohorts.h100-tx.workload.inference_utilization_fraction"
        let extra = """
          - {paths: [\(u), \(f)], rho: 0.9, source: "test"}
          - {paths: [\(i), \(f)], rho: -0.9, source: "test"}

        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("uncertainty-corr-\(getpid()).yaml").path
        try (text.hasSuffix("\n") ? text : text + "\n").appending(extra).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let doc = try ScenarioDocument.load(path: path)
        #expect(doc.correlations.count == 3)
        #expect(throws: UncertaintyError.self) { try InputSpace(document: doc) }
        let issues = InputSpace.issues(in: doc)
        #expect(issues.map(\.path) == ["correlations.0", "correlations.1", "correlations.2"])
        #expect(issues.allSatisfy { $0.file == path && $0.line > 0 && $0.message.contains("not positive definite") })
        #expect(throws: ScenarioErrors.self) { try PreparedScenario(document: doc) }
        #expect(InputSpace.issues(in: try ScenarioDocument.embedded(name: "h100-training-100k")).isEmpty)
    }
}

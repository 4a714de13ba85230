import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

@Suite("Correlated inputs")
struct UncertaintyCopulaTests {
    /// Spearman's rank correlation of paired values.
    static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        func ranks(_ x: [Double]) -> [Double] {
            var r = [Double](repeating: 0, count: x.count)
            for (rank, i) in x.indices.sorted(by: { x[$0] < x[$1] }).enumerated() { r[i] = Double(rank) }
            return r
        }
        let ra = ranks(a), rb = ranks(b), n = Double(a.count), m = (n - 1) / 2
        let cov = zip(ra, rb).map { ($0 - m) * ($1 - m) }.reduce(0, +)
        let va = ra.map { ($0 - m) * ($0 - m) }.reduce(0, +)
        return cov / va
    }

    /// The copula induces the requested rank correlation (within 0.03 ≈ 3 standard errors
    /// of Spearman's ρ at n = 5,000) and leaves the marginals alone.
    @Test(arguments: [0.6, -0.4])
    func inducedRankCorrelationMatchesTarget(rho: Double) throws {
        let inputs = [TestDistribution.exponential(1).input("a"), TestDistribution.triangular(0, 2, 3).input("b"),
                      TestDistribution.uniform(0, 1).input("c")]
        let space = try InputSpace(inputs: inputs, correlations: [RankCorrelation("a", "b", rho: rho)])
        let n = 5_000
        let sampler = LatinHypercubeSampler(dimension: 3, samples: n, seed: 4)
        var cur = sampler.makeCursor(); var u = [0.0, 0, 0]
        var xs = [[Double]](repeating: [], count: 3)
        for i in 0..<n {
            sampler.point(i, cursor: &cur, into: &u)
            let x = space.values(at: u)
            for d in 0..<3 { xs[d].append(x[d]) }
        }
        expectClose(Self.spearman(xs[0], xs[1]), rho, absolute: 0.03)
        expectClose(Self.spearman(xs[0], xs[2]), 0, absolute: 0.05)
        // Marginal of a is still Exp(1): mean 1 within 5 standard errors.
        expectClose(xs[0].reduce(0, +), Double(n), relative: 5 / Double(n).squareRoot())
        // The uncorrelated input is mapped straight through its inverse CDF.
        #expect(xs[2] == (0..<n).map { i in sampler.point(i, cursor: &cur, into: &u); return u[2] })
    }

    @Test func spearmanToPearsonConversion() {
        expectClose(RankCorrelation("a", "b", rho: 0.5).copulaPearson, 2 * sin(Double.pi / 12), absolute: 1e-15)
        #expect(RankCorrelation("a", "b", rho: 0).copulaPearson == 0)
    }

    @Test func notPositiveDefiniteNamesTheCorrelations() {
        let inputs = ["a", "b", "c"].map { TestDistribution.uniform(0, 1).input($0) }
        let bad = [RankCorrelation("a", "b", rho: 0.9), RankCorrelation("b", "c", rho: 0.9),
                   RankCorrelation("a", "c", rho: -0.9)]
        #expect {
            try InputSpace(inputs: inputs, correlations: bad)
        } throws: { error in
            let text = "\(error)"
            return text.contains("a ~ b") && text.contains("b ~ c") && text.contains("a ~ c")
                && text.contains("not positive definite")
        }
    }

    @Test func invalidCorrelationEntriesAreErrors() {
        let inputs = ["a", "b"].map { TestDistribution.uniform(0, 1).input($0) }
        for c in [RankCorrelation("a", "z", rho: 0.1), RankCorrelation("a", "a", rho: 0.1),
                  RankCorrelation("a", "b", rho: 1)] {
            #expect(throws: UncertaintyError.self) { try InputSpace(inputs: inputs, correlations: [c]) }
        }
        #expect(throws: UncertaintyError.self) {
            try InputSpace(inputs: inputs, correlations: [RankCorrelation("a", "b", rho: 0.1),
                                                          RankCorrelation("b", "a", rho: 0.2)])
        }
    }
}

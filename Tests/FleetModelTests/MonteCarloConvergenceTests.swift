import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

/// The Monte Carlo error of the runner shrinks as 1/√n on a model whose mean is known, and
/// the standard error it reports is the sample SD over √n.
@Suite("Monte Carlo convergence")
struct MonteCarloConvergenceTests {
    /// Y = X with X ~ exponential(1): mean 1, SD 1, skewed (so the test is not a symmetric special case).
    static let model = FunctionModel(metric: .facilityEnergy) { $0[0] }
    static let sizes = [250, 1_000, 4_000, 16_000]
    static let seeds: [UInt64] = Array(1...24)

    /// RMS error of the mean over 24 seeds at each n. For random sampling it is σ/√n = 1/√n:
    /// rms·√n must lie in [0.6, 1.5] (the RMS of 24 errors has a relative spread of
    /// 1/√48 ≈ 14 %, so that is ≈ 3 spreads either side), and the least-squares slope of
    /// ln rms against ln n must be −0.5 ± 0.15 (its spread over these four sizes is ≈ 0.05).
    @Test func errorShrinksAsOneOverRootN() throws {
        let space = try InputSpace(inputs: [TestDistribution.exponential(1).input("x")])
        var logN: [Double] = [], logRMS: [Double] = []
        for n in Self.sizes {
            var squared = 0.0
            for seed in Self.seeds {
                let s = try MonteCarloRunner(samples: n, seed: seed, threads: 1).run(model: Self.model, inputs: space)
                let mean = try #require(s.totals[.facilityEnergy]?.mean)
                squared += (mean - 1) * (mean - 1)
            }
            let rms = (squared / Double(Self.seeds.count)).squareRoot()
            let scaled = rms * Double(n).squareRoot()
            #expect(scaled >= 0.6 && scaled <= 1.5, "n = \(n): rms error \(rms), × √n = \(scaled), expected ≈ 1")
            logN.append(log(Double(n))); logRMS.append(log(rms))
        }
        let count = Double(logN.count)
        let mx: Double = logN.reduce(0, +) / count
        let my: Double = logRMS.reduce(0, +) / count
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(logN, logRMS) {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
        }
        let slope = sxy / sxx
        expectClose(slope, -0.5, absolute: 0.15, "slope of ln(rms error) against ln(n)")
    }

    /// `mc_standard_error` is sd/√n for every metric of a period model, recomputed here from
    /// the reported SD and sample count; and it shrinks by 2 when n grows by 4 (±15 %).
    @Test func reportedStandardErrorIsSDOverRootN() throws {
        let model = periodModel { $0[0] * $0[1] }
        let space = try InputSpace(inputs: [TestDistribution.uniform(0, 2).input("a"),
                                            TestDistribution.triangular(0, 1, 4).input("b")])
        var errors: [Int: Double] = [:]
        for n in [2_000, 8_000] {
            let s = try MonteCarloRunner(samples: n, seed: 9, threads: 2).run(model: model, inputs: space)
            #expect(s.validSamples == n)
            #expect(Set(s.mcStandardError.keys) == [.itEnergy, .pue])
            for (metric, se) in s.mcStandardError {
                let sd = try #require(s.totals[metric]?.sd)
                expectClose(se, sd / Double(n).squareRoot(), relative: 1e-12, "\(metric)")
            }
            errors[n] = s.mcStandardError[.itEnergy]
        }
        expectClose(try #require(errors[2_000]) / (try #require(errors[8_000])), 2, relative: 0.15)
    }
}

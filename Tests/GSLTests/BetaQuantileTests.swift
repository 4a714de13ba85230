import FleetTestSupport
import Testing
import Foundation
@testable import GSL

/// The beta quantile where GSL's Newton inverse fails: small shapes gave NaN (beta(0.1, 50)),
/// and shapes whose CDF is NaN looped forever (beta(1e-320, 1e-320)).
@Suite("Beta quantile: small shapes, bisection fallback, bounded")
struct BetaQuantileTests {
    /// Beta(a, 1) has CDF x^a, so its u-quantile is u^(1/a): at a = 0.05 the median is 0.5^20.
    @Test func smallAlphaMatchesTheClosedForm() {
        for u in [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999] {
            let expected = pow(u, 1 / 0.05)
            let x = Distributions.betaQuantile(u, a: 0.05, b: 1)
            expectClose(x, expected, absolute: abs(1e-12 * expected + 1e-300), "u = \(u): \(x) vs \(expected)")
        }
        // 0.5^20 = 1 / 1,048,576.
        expectClose(Distributions.betaQuantile(0.5, a: 0.05, b: 1), 1.0 / 1_048_576, absolute: 1e-18)
    }

    /// Beta(1, b) has CDF 1 − (1 − x)^b: at b = 0.5 the 0.3-quantile is 1 − 0.7² = 0.51.
    @Test func smallBetaMatchesTheClosedForm() {
        expectClose(Distributions.betaQuantile(0.3, a: 1, b: 0.5), 0.51, absolute: 1e-12)
        for u in [0.001, 0.2, 0.75, 0.99] {
            let expected = 1 - pow(1 - u, 2)
            expectClose(Distributions.betaQuantile(u, a: 1, b: 0.5), expected, absolute: 1e-12)
        }
    }

    /// The shapes: finite, inside the support, non-decreasing in u, and the CDF of the
    /// quantile gives back u.
    @Test(arguments: [(0.1, 50.0), (0.05, 0.5), (0.01, 0.01), (0.01, 10_000), (10_000, 10_000)])
    func quantileInvertsTheCDF(_ a: Double, _ b: Double) {
        var previous = 0.0
        for u in stride(from: 0.001, through: 0.999, by: 0.0415) {
            let x = Distributions.betaQuantile(u, a: a, b: b)
            #expect(x.isFinite && x >= 0 && x <= 1, "beta(\(a), \(b)) at \(u): \(x)")
            #expect(x >= previous)
            previous = x
            if x > 1 - 1e-9 {
                // Beyond double precision near 1 (beta(0.01, 0.01)'s 0.7-quantile is 1 − 1e-40):
                // the exact quantile must lie that close to 1.
                #expect(Distributions.betaCDF(1 - 1e-9, a: a, b: b) <= u, "beta(\(a), \(b)) at \(u): \(x)")
                continue
            }
            let back = Distributions.betaCDF(x, a: a, b: b)
            expectClose(back, u, absolute: 1e-6, "beta(\(a), \(b)): CDF(Q(\(u)) = \(x)) = \(back)")
        }
    }

    /// Shapes outside any sensible domain (refused by the scenario checks) still return a
    /// number in [0, 1] at once instead of looping: bisection takes at most 64 steps.
    @Test func absurdShapesReturnAtOnce() {
        let start = Date()
        let denormal = Double.leastNormalMagnitude / 1e12  // ≈ 2e-320
        for (a, b) in [(denormal, denormal), (1e300, 1e300), (denormal, 1e300)] {
            for u in [0.001, 0.5, 0.999] {
                let x = Distributions.betaQuantile(u, a: a, b: b)
                #expect(x.isFinite && x >= 0 && x <= 1, "beta(\(a), \(b)) at \(u): \(x)")
            }
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    /// Bisection finds the exact double where a step CDF jumps.
    @Test func bisectionFindsTheStep() {
        let x = Distributions.bisectedQuantile(0.5) { $0 < 0.25 ? 0 : 1 }
        #expect(x == 0.25)
        let lowest = Distributions.bisectedQuantile(0.5) { _ in .nan }
        #expect(lowest >= 0 && lowest < 1e-300, "a NaN CDF counts as reached: the smallest x")
    }
}

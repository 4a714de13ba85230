import Foundation
import Testing
import FleetTestSupport
import GSL

@Suite("Distributions")
struct DistributionsTests {
    /// Levels of u from deep in the lower tail to deep in the upper tail.
    static let levels = [1e-9, 1e-6, 1e-3, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-6]

    /// Checks cdf(quantile(u)) = u to `tolerance` (absolute, in u) and that the quantile
    /// increases with u. 1e-10 is still finer than the 2⁻³² grid of the generators' draws.
    func roundTrip(_ name: String, tolerance: Double = 1e-12,
                   _ quantile: (Double) -> Double, _ cdf: (Double) -> Double) {
        var previous = -Double.infinity
        for u in Self.levels {
            let x = quantile(u)
            #expect(x.isFinite, "\(name): quantile(\(u)) = \(x)")
            #expect(x >= previous, "\(name): quantile not increasing at u = \(u)")
            expectClose(cdf(x), u, absolute: tolerance,
                    "\(name): cdf(quantile(\(u))) = \(cdf(x))")
            previous = x
        }
    }

    @Test func normalKnownValues() {
        // Φ⁻¹(0.975) = 1.959963984540054 (standard tables, e.g. Abramowitz & Stegun 26.2).
        expectClose(Distributions.normalQuantile(0.975), 1.959963984540054, absolute: 1e-12)
        expectClose(Distributions.normalQuantile(0.975, mean: 10, sd: 2), (10 + 2 * 1.959963984540054), absolute: 1e-11)
        #expect(Distributions.normalQuantile(0.5, mean: 3, sd: 7) == 3)
        // Deep tail, against scipy 1.17.1's norm.ppf(1e-9).
        expectClose(Distributions.normalQuantile(1e-9), -5.9978070150076865, relative: 1e-13)
        expectClose(Distributions.normalCDF(1), (1 - normalQ(1)), absolute: 1e-15)
        roundTrip("normal", { Distributions.normalQuantile($0, mean: -2, sd: 0.5) },
                  { Distributions.normalCDF($0, mean: -2, sd: 0.5) })
    }

    @Test func uniformAndTriangularClosedForms() {
        #expect(Distributions.uniformQuantile(0.25, min: 2, max: 6) == 3)
        #expect(Distributions.uniformCDF(3, min: 2, max: 6) == 0.25)
        // The mode sits at cumulative share (mode − min)/(max − min).
        expectClose(Distributions.triangularQuantile(0.25, min: 1, mode: 2, max: 5), 2, absolute: 1e-15)
        expectClose(Distributions.triangularQuantile(0.5, min: 0, mode: 1, max: 2), 1, absolute: 1e-15)
        #expect(Distributions.triangularQuantile(0, min: 1, mode: 2, max: 5) == 1)
        #expect(Distributions.triangularQuantile(1, min: 1, mode: 2, max: 5) == 5)
        // Degenerate modes at either end.
        roundTrip("triangular", { Distributions.triangularQuantile($0, min: 1, mode: 2, max: 5) },
                  { Distributions.triangularCDF($0, min: 1, mode: 2, max: 5) })
        roundTrip("triangular mode=min", { Distributions.triangularQuantile($0, min: 0, mode: 0, max: 1) },
                  { Distributions.triangularCDF($0, min: 0, mode: 0, max: 1) })
        roundTrip("triangular mode=max", { Distributions.triangularQuantile($0, min: 0, mode: 1, max: 1) },
                  { Distributions.triangularCDF($0, min: 0, mode: 1, max: 1) })
    }

    @Test func lognormalParametrisation() {
        // Median at u = 1/2; median·e^σ at u = Φ(1).
        expectClose(Distributions.lognormalQuantile(0.5, median: 40, sigma: 0.3), 40, absolute: 1e-12)
        let u1 = 1 - normalQ(1)
        expectClose(Distributions.lognormalQuantile(u1, median: 40, sigma: 0.3), 40 * exp(0.3), absolute: 1e-9)
        roundTrip("lognormal", { Distributions.lognormalQuantile($0, median: 40, sigma: 0.3) },
                  { Distributions.lognormalCDF($0, median: 40, sigma: 0.3) })
    }

    @Test func betaAndPert() {
        // Beta(1, 1) is uniform; Beta(2, 1) has CDF x², so quantile √u.
        expectClose(Distributions.betaQuantile(0.3, a: 1, b: 1), 0.3, absolute: 1e-12)
        expectClose(Distributions.betaQuantile(0.3, a: 2, b: 1, min: 10, max: 20), (10 + 10 * 0.3.squareRoot()), absolute: 1e-10)
        // Against scipy 1.17.1: beta.ppf(0.3, 0.6, 2.5).
        expectClose(Distributions.betaQuantile(0.3, a: 0.6, b: 2.5), 0.05057089857257105, relative: 1e-10)
        // PERT is a scaled beta with α = 1 + 4(mode − min)/(max − min).
        let shape = Distributions.pertShape(min: 0, mode: 3, max: 10)
        #expect(abs(shape.alpha - 2.2) < 1e-15 && abs(shape.beta - 3.8) < 1e-15)
        expectClose(Distributions.pertQuantile(0.5, min: 0, mode: 5, max: 10), 5, absolute: 1e-10)
        #expect(abs(Distributions.pertQuantile(0.37, min: 0, mode: 3, max: 10)
                    - Distributions.betaQuantile(0.37, a: 2.2, b: 3.8, min: 0, max: 10)) < 1e-12)
        roundTrip("beta", tolerance: 1e-10, { Distributions.betaQuantile($0, a: 0.6, b: 2.5, min: -1, max: 1) },
                  { Distributions.betaCDF($0, a: 0.6, b: 2.5, min: -1, max: 1) })
        for mode in [0.0, 0.5, 2, 9.5, 10] {
            roundTrip("pert mode \(mode)", tolerance: 1e-10, { Distributions.pertQuantile($0, min: 0, mode: mode, max: 10) },
                      { Distributions.pertCDF($0, min: 0, mode: mode, max: 10) })
        }
    }

    @Test func truncatedNormalStraddlingTheMean() {
        // Symmetric window: the median is the mean; the ends map to the bounds.
        expectClose(Distributions.truncatedNormalQuantile(0.5, mean: 3, sd: 2, lower: 1, upper: 5), 3, absolute: 1e-12)
        #expect(Distributions.truncatedNormalQuantile(0, mean: 3, sd: 2, lower: 1, upper: 5) == 1)
        #expect(Distributions.truncatedNormalQuantile(1, mean: 3, sd: 2, lower: 1, upper: 5) == 5)
        roundTrip("truncnormal", { Distributions.truncatedNormalQuantile($0, mean: 1, sd: 2, lower: 0, upper: 4) },
                  { Distributions.truncatedNormalCDF($0, mean: 1, sd: 2, lower: 0, upper: 4) })
    }

    @Test func truncatedNormalStableInTheTails() {
        // [8, ∞) of the standard normal: the median z solves Q(z) = Q(8)/2 (checked with libm's erfc).
        let median = Distributions.truncatedNormalQuantile(0.5, mean: 0, sd: 1, lower: 8, upper: .infinity)
        expectClose(normalQ(median) / normalQ(8), 0.5, absolute: 1e-9)
        #expect(median > 8 && median < 8.2)
        // Mirrored: (−∞, −8].
        let mirrored = Distributions.truncatedNormalQuantile(0.5, mean: 0, sd: 1, lower: -.infinity, upper: -8)
        expectClose(mirrored + median, 0, absolute: 1e-12)
        roundTrip("truncnormal right tail",
                  { Distributions.truncatedNormalQuantile($0, mean: 10, sd: 2, lower: 26, upper: 30) },
                  { Distributions.truncatedNormalCDF($0, mean: 10, sd: 2, lower: 26, upper: 30) })
        roundTrip("truncnormal left tail",
                  { Distributions.truncatedNormalQuantile($0, mean: 10, sd: 2, lower: -.infinity, upper: -6) },
                  { Distributions.truncatedNormalCDF($0, mean: 10, sd: 2, lower: -.infinity, upper: -6) })
        // Beyond the underflow of Q (40 sd): the exponential tail, still inside the window and increasing.
        roundTrip("truncnormal 40 sd",
                  { Distributions.truncatedNormalQuantile($0, mean: 0, sd: 1, lower: 40, upper: 40.5) },
                  { Distributions.truncatedNormalCDF($0, mean: 0, sd: 1, lower: 40, upper: 40.5) })
        let far = Distributions.truncatedNormalQuantile(0.5, mean: 0, sd: 1, lower: 40, upper: .infinity)
        // Median of the exponential limit: 40 + ln 2 / 40.
        expectClose(far, (40 + log(2) / 40), absolute: 1e-3)
    }

}

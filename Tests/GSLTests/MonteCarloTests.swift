import Foundation
import Testing
import GSL
import FleetTestSupport

@Suite("MonteCarlo")
struct MonteCarloTests {
    struct IntegrandFailure: Error {}

    static let unitCube = (lower: [0.0, 0, 0], upper: [1.0, 1, 1])

    /// ∫ over [0,1]³ of e^(−(x + y + z)) = (1 − 1/e)³.
    static let exact = pow(1 - exp(-1.0), 3)
    static func f(_ x: Span<Double>) -> Double { exp(-(x[0] + x[1] + x[2])) }

    /// E[f²] over the cube = ((1 − e⁻²)/2)³, so σ_f² = ((1 − e⁻²)/2)³ − exact² ≈ 0.01701
    /// (σ_f ≈ 0.1304): the plain estimator's error σ_f/√n, known without running it.
    static let sigma = (pow((1 - exp(-2.0)) / 2, 3) - exact * exact).squareRoot()

    /// Plain Monte Carlo: the value is within 4 σ_f/√n (from the closed form, not from the
    /// run's own estimate), and the reported standard error is σ_f/√n within 5 % (the
    /// relative error of a sample SD at n = 50,000 is ≈ √((κ − 1)/4n) < 0.5 %).
    @Test func plainWithinFourClosedFormStandardErrors() throws {
        let n = 50_000.0
        let r = try MonteCarlo.plain(lower: Self.unitCube.lower, upper: Self.unitCube.upper, calls: Int(n),
                                     generator: RandomGenerator(seed: 31), Self.f)
        let se = Self.sigma / n.squareRoot()
        expectClose(r.value, Self.exact, absolute: 4 * se)
        expectClose(r.standardError, se, relative: 0.05)
        #expect(r.calls == 50_000)
        #expect(r.chiSquaredPerDegreeOfFreedom == nil)
    }

    /// MISER reduces the variance of plain sampling: its error and its reported standard
    /// error are both capped by plain's closed-form σ_f/√n at the same number of calls.
    @Test func miserNoWorseThanPlain() throws {
        let n = 50_000.0
        let r = try MonteCarlo.miser(lower: Self.unitCube.lower, upper: Self.unitCube.upper, calls: Int(n),
                                     generator: RandomGenerator(seed: 32), Self.f)
        let plainSE = Self.sigma / n.squareRoot()
        expectClose(r.value, Self.exact, absolute: min(4 * r.standardError, 4 * plainSE))
        #expect(r.standardError > 0 && r.standardError <= plainSE, "MISER SE \(r.standardError) vs plain \(plainSE)")
    }

    /// VEGAS, likewise capped by plain's σ_f/√n over all its calls (warm-up included).
    @Test func vegasNoWorseThanPlain() throws {
        let r = try MonteCarlo.vegas(lower: Self.unitCube.lower, upper: Self.unitCube.upper, calls: 20_000,
                                     generator: RandomGenerator(seed: 33), Self.f)
        let plainSE = Self.sigma / 20_000.0.squareRoot()
        expectClose(r.value, Self.exact, absolute: min(4 * r.standardError, 4 * plainSE))
        #expect(r.standardError > 0 && r.standardError <= plainSE, "VEGAS SE \(r.standardError) vs plain \(plainSE)")
        let chi2 = try #require(r.chiSquaredPerDegreeOfFreedom)
        #expect(chi2 >= 0 && chi2 < 3)
        #expect(r.calls >= 24_000)
    }

    @Test func vegasOnGSLsSingularExample() throws {
        // GSL manual: ∫ over [0, π]³ of 1/(π³(1 − cos x cos y cos z)) = Γ(1/4)⁴/(4π³) ≈ 1.3932039297.
        let exact = pow(tgamma(0.25), 4) / (4 * pow(Double.pi, 3))
        expectClose(exact, 1.3932039297, relative: 1e-10)
        let r = try MonteCarlo.vegas(lower: [0, 0, 0], upper: [.pi, .pi, .pi], calls: 100_000,
                                     warmUpCalls: 10_000, generator: RandomGenerator(seed: 34)) { x in
            1 / (pow(Double.pi, 3) * (1 - cos(x[0]) * cos(x[1]) * cos(x[2])))
        }
        // The manual's VEGAS run (500,000 calls) is within 0.03 % of the exact value; 100,000
        // calls must get within 0.5 % whatever error the run reports about itself.
        expectClose(r.value, exact, relative: 0.005)
        #expect(abs(r.value - exact) <= 4 * r.standardError)
        #expect(r.standardError < 0.01)
    }

    @Test func boxOtherThanTheUnitCube() throws {
        // ∫ over [0, 2] × [1, 3] of x·y dx dy = 2 · 4 = 8. With x, y uniform on the box,
        // E[x²y²] = (4/3)(13/3) = 52/9 and E[xy] = 2, so Var(xy) = 52/9 − 4 = 16/9 and the
        // plain estimator (area 4 × mean) has standard error 4 · (4/3)/√n.
        let n = 40_000.0
        let r = try MonteCarlo.plain(lower: [0, 1], upper: [2, 3], calls: Int(n), generator: RandomGenerator(seed: 35)) {
            $0[0] * $0[1]
        }
        let se = 4 * (4.0 / 3) / n.squareRoot()
        expectClose(r.value, 8, absolute: 4 * se)
        expectClose(r.standardError, se, relative: 0.05)
    }

    @Test func seededRunsRepeatExactly() throws {
        func run(_ seed: UInt64) throws -> MonteCarloEstimate {
            try MonteCarlo.miser(lower: [0, 0], upper: [1, 1], calls: 5_000, generator: RandomGenerator(seed: seed)) {
                $0[0] * $0[0] + $0[1]
            }
        }
        #expect(try run(7) == run(7))
        #expect(try run(7) != run(8))
    }

    @Test func errorsComeBackAsThrows() {
        let rng = RandomGenerator(seed: 36)
        #expect(throws: IntegrandFailure.self) {
            try MonteCarlo.plain(lower: [0], upper: [1], calls: 100, generator: rng) { x in
                if x[0] > 0.5 { throw IntegrandFailure() }
                return 1
            }
        }
        #expect(throws: IntegrandFailure.self) {
            try MonteCarlo.vegas(lower: [0], upper: [1], calls: 100, generator: rng) { _ in throw IntegrandFailure() }
        }
        #expect(throws: GSLError.self) {
            try MonteCarlo.miser(lower: [0, 0], upper: [1, 1], calls: 1000, generator: rng) { 1 / ($0[0] - $0[0]) }
        }
        #expect(throws: GSLError.self) { try MonteCarlo.plain(lower: [0, 1], upper: [1], calls: 10, generator: rng) { _ in 1 } }
        #expect(throws: GSLError.self) { try MonteCarlo.plain(lower: [1], upper: [0], calls: 10, generator: rng) { _ in 1 } }
        #expect(throws: GSLError.self) { try MonteCarlo.plain(lower: [0], upper: [1], calls: 0, generator: rng) { _ in 1 } }
    }
}

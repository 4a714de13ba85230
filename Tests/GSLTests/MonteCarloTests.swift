import Foundation
import Testing
import GSL

@Suite("MonteCarlo")
struct MonteCarloTests {
    struct IntegrandFailure: Error {}

    static let unitCube = (lower: [0.0, 0, 0], upper: [1.0, 1, 1])

    /// ∫ over [0,1]³ of e^(−(x + y + z)) = (1 − 1/e)³.
    static let exact = pow(1 - exp(-1.0), 3)
    static func f(_ x: Span<Double>) -> Double { exp(-(x[0] + x[1] + x[2])) }

    @Test func plainWithinFourStandardErrors() throws {
        let r = try MonteCarlo.plain(lower: Self.unitCube.lower, upper: Self.unitCube.upper, calls: 50_000,
                                     generator: RandomGenerator(seed: 31), Self.f)
        #expect(abs(r.value - Self.exact) <= 4 * r.standardError)
        // The error of 50 000 plain draws is σ_f/√n, with σ_f ≈ 0.11 for this integrand.
        #expect(r.standardError > 1e-4 && r.standardError < 1e-3)
        #expect(r.calls == 50_000)
        #expect(r.chiSquaredPerDegreeOfFreedom == nil)
    }

    @Test func miserWithinFourStandardErrors() throws {
        let r = try MonteCarlo.miser(lower: Self.unitCube.lower, upper: Self.unitCube.upper, calls: 50_000,
                                     generator: RandomGenerator(seed: 32), Self.f)
        #expect(abs(r.value - Self.exact) <= 4 * r.standardError)
        #expect(r.standardError > 0)
    }

    @Test func vegasWithinFourStandardErrors() throws {
        let r = try MonteCarlo.vegas(lower: Self.unitCube.lower, upper: Self.unitCube.upper, calls: 20_000,
                                     generator: RandomGenerator(seed: 33), Self.f)
        #expect(abs(r.value - Self.exact) <= 4 * r.standardError)
        let chi2 = try #require(r.chiSquaredPerDegreeOfFreedom)
        #expect(chi2 >= 0 && chi2 < 3)
        #expect(r.calls >= 24_000)
    }

    @Test func vegasOnGSLsSingularExample() throws {
        // GSL manual: ∫ over [0, π]³ of 1/(π³(1 − cos x cos y cos z)) = Γ(1/4)⁴/(4π³) ≈ 1.3932039297.
        let exact = pow(tgamma(0.25), 4) / (4 * pow(Double.pi, 3))
        let r = try MonteCarlo.vegas(lower: [0, 0, 0], upper: [.pi, .pi, .pi], calls: 100_000,
                                     warmUpCalls: 10_000, generator: RandomGenerator(seed: 34)) { x in
            1 / (pow(Double.pi, 3) * (1 - cos(x[0]) * cos(x[1]) * cos(x[2])))
        }
        #expect(abs(r.value - exact) <= 4 * r.standardError)
        #expect(r.standardError < 0.01)
    }

    @Test func boxOtherThanTheUnitCube() throws {
        // ∫ over [0, 2] × [1, 3] of x·y dx dy = 2 · 4 = 8.
        let r = try MonteCarlo.plain(lower: [0, 1], upper: [2, 3], calls: 40_000, generator: RandomGenerator(seed: 35)) {
            $0[0] * $0[1]
        }
        #expect(abs(r.value - 8) <= 4 * r.standardError)
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

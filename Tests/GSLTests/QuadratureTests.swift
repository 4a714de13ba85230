import Foundation
import Testing
import FleetTestSupport
import GSL

@Suite("Quadrature")
struct QuadratureTests {
    /// The integrand's own error, to check that it comes back out of GSL unchanged.
    struct IntegrandFailure: Error, Equatable { let x: Double }

    @Test func qagsEndPointSingularity() throws {
        // ∫₀¹ x^(-1/2) dx = 2 (GSL manual's QAGS example).
        let r = try Quadrature.qags(0, 1) { 1 / $0.squareRoot() }
        expectClose(r.value, 2, absolute: 1e-12)
        expectClose(r.value, 2, absolute: r.absoluteError + 1e-14)
        #expect(r.evaluations > 0)
    }

    @Test func qagsLogarithmicSingularity() throws {
        // ∫₀¹ ln(x)/√x dx = −4 (GSL manual, QAGS example).
        let r = try Quadrature.qags(0, 1) { log($0) / $0.squareRoot() }
        expectClose(r.value + 4, 0, absolute: 1e-10)
    }

    @Test func qagpWithBreakPoints() throws {
        // ∫₀³ x³ ln|(x² − 1)(x² − 2)| dx = 61 ln 2 + (77/4) ln 7 − 27, with logarithmic
        // singularities at 1 and √2 (GSL manual, QAGP; Piessens et al., QUADPACK).
        let exact = 61 * log(2.0) + 77.0 / 4 * log(7.0) - 27
        let r = try Quadrature.qagp(points: [0, 1, 2.0.squareRoot(), 3]) { x in
            x * x * x * log(abs((x * x - 1) * (x * x - 2)))
        }
        expectClose(r.value, exact, absolute: 1e-9 * abs(exact))
        expectClose(r.value, exact, absolute: r.absoluteError + 1e-12)
    }

    @Test func qagpRejectsUnorderedPoints() {
        #expect(throws: GSLError.self) { try Quadrature.qagp(points: [0, 2, 1]) { $0 } }
        #expect(throws: GSLError.self) { try Quadrature.qagp(points: [0]) { $0 } }
    }

    @Test func cquadSingularAndSmooth() throws {
        // ∫₀¹ ln x dx = −1 (−∞ at x = 0, which CQUAD evaluates) and ∫₀^π sin x dx = 2.
        let r1 = try Quadrature.cquad(0, 1) { log($0) }
        expectClose(r1.value + 1, 0, absolute: 1e-9)
        #expect(r1.evaluations > 0)
        let r2 = try Quadrature.cquad(0, Double.pi) { sin($0) }
        expectClose(r2.value, 2, absolute: 1e-12)
    }

    @Test(arguments: GaussKronrodRule.allCases)
    func qagEveryRule(rule: GaussKronrodRule) throws {
        // ∫₀^π sin x dx = 2; each subinterval costs 15, 21, …, 61 evaluations.
        let points = [15, 21, 31, 41, 51, 61][Int(rule.rawValue) - 1]
        let r = try Quadrature.qag(0, Double.pi, rule: rule) { sin($0) }
        expectClose(r.value, 2, absolute: 1e-12)
        #expect(r.evaluations % points == 0)
        // Oscillatory: ∫₀¹ cos(50x) dx = sin(50)/50.
        let r2 = try Quadrature.qag(0, 1, rule: rule) { cos(50 * $0) }
        expectClose(r2.value, sin(50) / 50, absolute: 1e-11)
    }

    @Test func divergentIntegralThrows() {
        #expect(throws: GSLError.self) { try Quadrature.qags(0, 1) { 1 / $0 } }
    }

    @Test func tooFewSubintervalsThrowsMaximumIterations() throws {
        let error = try #require(throws: GSLError.self) {
            try Quadrature.qag(0, 1, options: .init(relativeTolerance: 1e-12, limit: 2)) { sin(200 * $0) }
        }
        #expect(error == GSLError.maximumIterations)
        #expect(!error.reason.isEmpty)
        #expect(throws: GSLError.self) { try Quadrature.qags(0, 1, options: .init(limit: 0)) { $0 } }
    }

    @Test func integrandErrorIsRethrownAfterGSLReturns() throws {
        let error = try #require(throws: IntegrandFailure.self) {
            try Quadrature.qags(0, 1) { x in
                if x > 0.7 { throw IntegrandFailure(x: x) }
                return x
            }
        }
        #expect(error.x > 0.7)
        #expect(throws: IntegrandFailure.self) {
            try Quadrature.cquad(0, 1) { _ in throw IntegrandFailure(x: 0) }
        }
    }

    @Test func nonFiniteIntegrandThrows() {
        // ln(x − 0.5) is NaN below 0.5 and −∞ at 0.5.
        #expect(throws: GSLError.self) { try Quadrature.qag(0, 1) { log($0 - 0.5) } }
        // CQUAD accepts a non-finite value at the ends of its range only.
        #expect(throws: GSLError.self) { try Quadrature.cquad(0, 1) { _ in .infinity } }
        #expect(throws: GSLError.self) { try Quadrature.cquad(-1, 1) { 1 / $0 } }
        #expect(throws: GSLError.self) { try Quadrature.qags(0, 1) { _ in .nan } }
    }
}

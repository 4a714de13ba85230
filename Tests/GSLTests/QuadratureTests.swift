import Testing
import GSL

@Suite("Quadrature")
struct QuadratureTests {
    @Test func qagsEndPointSingularity() throws {
        // ∫₀¹ x^(-1/2) dx = 2 (GSL manual's QAGS example).
        let r = try Quadrature.qags(0, 1) { 1 / $0.squareRoot() }
        #expect(abs(r.value - 2) < 1e-12)
        #expect(r.evaluations > 0)
    }

    @Test func divergentIntegralThrows() {
        #expect(throws: GSLError.self) { try Quadrature.qags(0, 1) { 1 / $0 } }
    }
}

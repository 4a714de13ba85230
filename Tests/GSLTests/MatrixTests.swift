import Testing
import FleetTestSupport
import GSL

@Suite("Matrix and Cholesky")
struct MatrixTests {
    func maxDifference(_ a: Matrix, _ b: Matrix) -> Double {
        zip(a.elements, b.elements).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    @Test func storageIsRowMajor() {
        var m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m.elements == [1, 2, 3, 4, 5, 6])
        #expect(m[1, 0] == 4)
        m[0, 2] = 9
        #expect(m.elements[2] == 9)
        #expect(m.transposed.elements == [1, 4, 2, 5, 9, 6])
        #expect(m.multiply([1, 1, 1]) == [12, 15])
        #expect(Matrix.identity(2) * Matrix([[1, 2], [3, 4]]) == Matrix([[1, 2], [3, 4]]))
    }

    @Test func choleskyOfAKnownMatrix() throws {
        // [[4, 12, −16], [12, 37, −43], [−16, −43, 98]] = L·Lᵀ with L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
        let a = Matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let l = try cholesky(a)
        #expect(maxDifference(l, Matrix([[2, 0, 0], [6, 1, 0], [-8, 5, 3]])) < 1e-12)
        #expect(maxDifference(l * l.transposed, a) < 1e-12)
    }

    @Test func choleskyReproducesACorrelationMatrix() throws {
        let r = Matrix([[1, 0.6, -0.3, 0.1], [0.6, 1, 0.2, 0], [-0.3, 0.2, 1, 0.5], [0.1, 0, 0.5, 1]])
        let l = try cholesky(r)
        #expect(maxDifference(l * l.transposed, r) < 1e-14)
        for i in 0..<4 {
            #expect(l[i, i] > 0)
            for j in (i + 1)..<4 { #expect(l[i, j] == 0) }
        }
    }

    @Test func inconsistentCorrelationsAreNotPositiveDefinite() {
        // ρ₁₂ = ρ₂₃ = 0.9 but ρ₁₃ = −0.9 cannot hold together.
        let bad = Matrix([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]])
        let error = #expect(throws: GSLError.self) { try cholesky(bad) }
        #expect(error == GSLError.domain)
        #expect(throws: GSLError.self) { try cholesky(Matrix([[1, 0.5], [0.4, 1]])) }  // not symmetric
        #expect(throws: GSLError.self) { try cholesky(Matrix([[1, 0, 0], [0, 1, 0]])) }  // not square
    }

    @Test func correlatedNormalsHaveTheTargetCorrelation() throws {
        let rho = 0.7
        let l = try cholesky(Matrix([[1, rho], [rho, 1]]))
        let rng = RandomGenerator(seed: 21)
        var z = [0.0, 0.0], x: [Double] = []
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        let n = 100_000
        for _ in 0..<n {
            z[0] = rng.normal(); z[1] = rng.normal()
            l.multiplyLowerTriangular(z, into: &x)
            sxy += x[0] * x[1]; sxx += x[0] * x[0]; syy += x[1] * x[1]
        }
        let r = sxy / (sxx * syy).squareRoot()
        // Standard error of a sample correlation ≈ (1 − ρ²)/√n.
        expectClose(r, rho, absolute: 4 * (1 - rho * rho) / Double(n).squareRoot())
        #expect(l.multiply([1, 2]) == { var o: [Double] = []; l.multiplyLowerTriangular([1, 2], into: &o); return o }())
    }
}

import Testing
import FleetTestSupport
import GSL

@Suite("Interpolation")
struct InterpolationTests {
    @Test(arguments: [Interpolator.Method.steffen, .linear])
    func reproducesAStraightLine(method: Interpolator.Method) throws {
        // Both methods are exact for linear data: y = 3x − 1, dy/dx = 3.
        let x = [0.0, 1, 2.5, 4, 7]
        let f = try Interpolator(x: x, y: x.map { 3 * $0 - 1 }, method: method)
        for t in stride(from: 0.0, through: 7, by: 0.37) {
            expectClose(try f.value(at: t), (3 * t - 1), absolute: 1e-12)
            expectClose(try f.derivative(at: t), 3, absolute: 1e-12)
        }
        #expect(f.domain == 0...7)
    }

    @Test func steffenIsMonotoneWithoutOvershoot() throws {
        // A step-like power curve: a cubic spline would overshoot above 1 and dip below 0;
        // Steffen's method stays monotone and within the data's range (Steffen 1990).
        let x = [0.0, 1, 2, 3, 4, 5, 6]
        let y = [0.0, 0, 0.05, 0.9, 1, 1, 1]
        let f = try Interpolator(x: x, y: y)
        var previous = -1.0
        for t in stride(from: 0.0, through: 6, by: 0.01) {
            let v = try f.value(at: t)
            #expect(v >= previous - 1e-15 && v >= 0 && v <= 1)
            previous = v
        }
        for (xi, yi) in zip(x, y) { expectClose(try f.value(at: xi), yi, absolute: 1e-15) }
    }

    @Test func linearInterpolatesBetweenPoints() throws {
        let f = try Interpolator(x: [0, 10], y: [20, 30], method: .linear)
        expectClose(try f.value(at: 2.5), 22.5, absolute: 1e-12)
    }

    @Test func refusesBadDataAndPointsOutsideTheRange() throws {
        let f = try Interpolator(x: [0, 1, 2], y: [0, 1, 4])
        #expect(throws: GSLError.self) { try f.value(at: 2.0000001) }
        #expect(throws: GSLError.self) { try f.value(at: -1) }
        #expect(throws: GSLError.self) { try f.derivative(at: 3) }
        #expect(throws: GSLError.self) { try Interpolator(x: [0, 2, 1], y: [0, 1, 2]) }
        #expect(throws: GSLError.self) { try Interpolator(x: [0, 1, 2], y: [0, 1]) }
        #expect(throws: GSLError.self) { try Interpolator(x: [0, 1], y: [0, 1]) }  // Steffen needs 3 points
        #expect(throws: GSLError.self) { try Interpolator(x: [0, 1, 2], y: [0, .nan, 1]) }
    }
}

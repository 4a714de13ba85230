import Foundation
internal import GSL

/// E[S(U)] / TDP as a function of the mean utilization μ, for one curve shape
/// (the catalog's utilization points and power fractions) and one concentration κ:
/// QAGS at 33 means from 0.01 to 0.99, interpolated with Steffen's method.
///
/// The table depends on neither TDP nor intensity (both enter linearly when the
/// power cap does not bind), so it is computed once per process for each shape and κ
/// and shared by every spec and Monte Carlo sample that uses them.
enum ExpectedPowerTable {
    struct Key: Hashable {
        let utilization: [Double]
        let powerFraction: [Double]
        let concentration: Double
    }

    /// Means at which the expectation is integrated.
    static let means: [Double] = (0..<33).map { 0.01 + 0.98 * Double($0) / 32 }
    /// Tables kept before the cache is cleared (a sampled κ would otherwise grow it without bound).
    static let capacity = 256

    private static let lock = NSLock()
    nonisolated(unsafe) private static var tables: [Key: Interpolator] = [:]

    /// The table for this curve shape and κ, computed on first use.
    static func table(hardware: HardwareSpec, concentration: Double) throws -> Interpolator {
        let key = Key(utilization: hardware.curveUtilizationFraction, powerFraction: hardware.curvePowerFraction,
                      concentration: concentration)
        lock.lock()
        let cached = tables[key]
        lock.unlock()
        if let cached { return cached }
        let shape = try Interpolator(x: key.utilization, y: key.powerFraction, method: .steffen)
        let values = try means.map { mu in
            try UtilizationDistribution(mean: mu, concentration: concentration)
                .expectation { try shape.value(at: min(max($0, 0), 1)) }
        }
        let table = try Interpolator(x: means, y: values, method: .steffen)
        lock.lock()
        if tables.count >= capacity { tables.removeAll() }
        tables[key] = table
        lock.unlock()
        return table
    }

    /// E[S(U)] / TDP at mean μ (clamped to the table's range).
    @inline(__always)
    static func value(_ table: Interpolator, mean mu: Double) throws -> Double {
        try table.value(at: min(max(mu, means[0]), means[means.count - 1]))
    }
}

import Foundation

/// The sample mean and variance with their standard errors, the variance's from the
/// sample's own fourth central moment: SE(s²) ≈ √((m₄ − s⁴)/n).
struct SampleMoments {
    let count: Int
    let mean: Double
    let variance: Double
    let meanError: Double
    let varianceError: Double

    init(_ xs: [Double]) {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for x in xs {
            let d = (x - mean) * (x - mean)
            m2 += d
            m4 += d * d
        }
        let variance = m2 / (n - 1)
        self.count = xs.count
        self.mean = mean
        self.variance = variance
        self.meanError = (variance / n).squareRoot()
        self.varianceError = max(m4 / n - variance * variance, 0).squareRoot() / n.squareRoot()
    }

    /// True when mean and variance both lie within `k` standard errors of the expected values.
    func agrees(mean expectedMean: Double, variance expectedVariance: Double, k: Double = 4) -> Bool {
        abs(mean - expectedMean) <= k * meanError && abs(variance - expectedVariance) <= k * varianceError
    }
}

/// The Kolmogorov–Smirnov distance between the sample and a continuous CDF.
func ksDistance(_ xs: [Double], _ cdf: (Double) -> Double) -> Double {
    let sorted = xs.sorted()
    let n = Double(sorted.count)
    var d = 0.0
    for (i, x) in sorted.enumerated() {
        let f = cdf(x)
        d = max(d, f - Double(i) / n, Double(i + 1) / n - f)
    }
    return d
}

/// The KS critical distance at significance 0.001 for n draws (1.949/√n, asymptotic).
func ksCritical(_ n: Int) -> Double { 1.949 / Double(n).squareRoot() }

/// Upper-tail mass of the standard normal from libm, independent of GSL.
func normalQ(_ z: Double) -> Double { erfc(z / 2.0.squareRoot()) / 2 }

/// Density of the standard normal.
func normalPDF(_ z: Double) -> Double { exp(-z * z / 2) / (2 * Double.pi).squareRoot() }

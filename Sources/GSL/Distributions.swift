internal import CGSL

/// Inverse CDFs (quantile functions) and CDFs of the distributions the model samples from.
///
/// A quantile function maps a uniform u ∈ (0, 1) onto the distribution, so points from any
/// sampler (pseudo-random, Sobol, Latin hypercube) give draws of the same distributions as
/// `RandomGenerator`. All functions are pure and allocation-free, for the Monte Carlo hot path.
/// At u = 0 or 1 a quantile returns the end of the support (possibly ±∞); u outside [0, 1]
/// or invalid parameters stop the program (`precondition`): validate user input when parsing it.
/// Every value has the unit of the location/scale parameters (mean, median, min/max, scale).
public enum Distributions {

    // MARK: - Uniform

    /// The u-quantile of Uniform(min, max): min + u·(max − min).
    @inline(__always)
    public static func uniformQuantile(_ u: Double, min: Double, max: Double) -> Double {
        checkUnit(u)
        precondition(min <= max, "uniform needs min <= max, got \(min), \(max)")
        return min + u * (max - min)
    }

    /// P(X ≤ x) for Uniform(min, max).
    ///
    /// The corresponding GSL function is `gsl_cdf_flat_P`.
    public static func uniformCDF(_ x: Double, min: Double, max: Double) -> Double {
        precondition(min < max, "uniform CDF needs min < max, got \(min), \(max)")
        return gsl_cdf_flat_P(x, min, max)
    }

    // MARK: - Normal

    /// The u-quantile of Normal(mean, sd²): mean + sd·Φ⁻¹(u).
    ///
    /// The corresponding GSL function is `gsl_cdf_ugaussian_Pinv`.
    @inline(__always)
    public static func normalQuantile(_ u: Double, mean: Double = 0, sd: Double = 1) -> Double {
        checkUnit(u)
        precondition(sd >= 0 && sd.isFinite, "normal needs a finite sd >= 0, got \(sd)")
        return mean + sd * gsl_cdf_ugaussian_Pinv(u)
    }

    /// P(X ≤ x) for Normal(mean, sd²).
    ///
    /// The corresponding GSL function is `gsl_cdf_ugaussian_P`.
    public static func normalCDF(_ x: Double, mean: Double = 0, sd: Double = 1) -> Double {
        precondition(sd > 0 && sd.isFinite, "normal CDF needs a finite sd > 0, got \(sd)")
        return gsl_cdf_ugaussian_P((x - mean) / sd)
    }

    // MARK: - Truncated normal

    /// The u-quantile of Normal(mean, sd²) conditioned on [lower, upper] (lower < upper;
    /// either end may be infinite).
    ///
    /// Computed on the side of the mean where the window lies, with Φ for windows below the
    /// mean and the upper tail Q = 1 − Φ above it, so the result stays accurate far out in
    /// either tail (a window [μ + 8σ, ∞) still spreads draws across it). Beyond about 37 sd,
    /// where Q underflows, the tail's exponential limit (density ∝ exp(−a·(z − a))) is used.
    ///
    /// The corresponding GSL functions are `gsl_cdf_ugaussian_P`, `_Q`, `_Pinv` and `_Qinv`.
    public static func truncatedNormalQuantile(
        _ u: Double, mean: Double, sd: Double, lower: Double, upper: Double
    ) -> Double {
        checkUnit(u)
        checkTruncation(sd: sd, lower: lower, upper: upper)
        let a = (lower - mean) / sd, b = (upper - mean) / sd
        let z: Double
        if a >= 0 {
            z = rightTailQuantile(u, a, b, fromUpper: false)
        } else if b <= 0 {
            z = -rightTailQuantile(u, -b, -a, fromUpper: true)
        } else {
            let pa = gsl_cdf_ugaussian_P(a), pb = gsl_cdf_ugaussian_P(b)
            z = gsl_cdf_ugaussian_Pinv(pa + u * (pb - pa))
        }
        return Swift.min(Swift.max(mean + sd * z, lower), upper)
    }

    /// P(X ≤ x) for Normal(mean, sd²) conditioned on [lower, upper].
    public static func truncatedNormalCDF(
        _ x: Double, mean: Double, sd: Double, lower: Double, upper: Double
    ) -> Double {
        checkTruncation(sd: sd, lower: lower, upper: upper)
        if x <= lower { return 0 }
        if x >= upper { return 1 }
        let a = (lower - mean) / sd, b = (upper - mean) / sd, z = (x - mean) / sd
        if a >= 0 { return rightTailMass(a, z, b) }
        if b <= 0 { return 1 - rightTailMass(-b, -z, -a) }
        let pa = gsl_cdf_ugaussian_P(a), pb = gsl_cdf_ugaussian_P(b)
        return (gsl_cdf_ugaussian_P(z) - pa) / (pb - pa)
    }

    /// Below this upper-tail mass Q(a) (a ≳ 37.5) the exponential tail limit replaces Φ.
    private static let tailUnderflow = 1e-300

    /// The standard normal on [a, b] with 0 ≤ a < b: its quantile at u, measured from a
    /// (or from b when `fromUpper`, which the mirrored left-tail case needs).
    private static func rightTailQuantile(_ u: Double, _ a: Double, _ b: Double, fromUpper: Bool) -> Double {
        let qa = gsl_cdf_ugaussian_Q(a), qb = gsl_cdf_ugaussian_Q(b)
        if qa > tailUnderflow {
            let q = fromUpper ? qb + u * (qa - qb) : qa - u * (qa - qb)
            return gsl_cdf_ugaussian_Qinv(q)
        }
        let w = fromUpper ? 1 - u : u
        return a - log1p(w * expm1(-a * (b - a))) / a
    }

    /// P(a ≤ Z ≤ z | a ≤ Z ≤ b) for the standard normal, 0 ≤ a ≤ z ≤ b.
    private static func rightTailMass(_ a: Double, _ z: Double, _ b: Double) -> Double {
        let qa = gsl_cdf_ugaussian_Q(a)
        if qa > tailUnderflow {
            return (qa - gsl_cdf_ugaussian_Q(z)) / (qa - gsl_cdf_ugaussian_Q(b))
        }
        return expm1(-a * (z - a)) / expm1(-a * (b - a))
    }

    private static func checkTruncation(sd: Double, lower: Double, upper: Double) {
        precondition(sd > 0 && sd.isFinite, "truncated normal needs a finite sd > 0, got \(sd)")
        precondition(lower < upper && !lower.isNaN && !upper.isNaN,
                     "truncated normal needs lower < upper, got \(lower), \(upper)")
    }

    // MARK: - Lognormal

    /// The u-quantile of the lognormal with ln X ~ Normal(ln median, sigma²):
    /// median·exp(sigma·Φ⁻¹(u)). `sigma` is the standard deviation of ln X (dimensionless).
    ///
    /// The corresponding GSL function is `gsl_cdf_lognormal_Pinv`.
    public static func lognormalQuantile(_ u: Double, median: Double, sigma: Double) -> Double {
        checkUnit(u)
        checkLognormal(median, sigma, allowZeroSigma: true)
        return gsl_cdf_lognormal_Pinv(u, log(median), sigma)
    }

    /// P(X ≤ x) for the lognormal with the given median and sigma (sd of ln X).
    ///
    /// The corresponding GSL function is `gsl_cdf_lognormal_P`.
    public static func lognormalCDF(_ x: Double, median: Double, sigma: Double) -> Double {
        checkLognormal(median, sigma, allowZeroSigma: false)
        return x <= 0 ? 0 : gsl_cdf_lognormal_P(x, log(median), sigma)
    }

    private static func checkLognormal(_ median: Double, _ sigma: Double, allowZeroSigma: Bool) {
        precondition(median > 0 && median.isFinite && sigma.isFinite && (sigma > 0 || allowZeroSigma && sigma == 0),
                     "lognormal needs median > 0 and sigma > 0, got \(median), \(sigma)")
    }

    // MARK: - Beta and PERT

    /// The u-quantile of Beta(a, b) scaled from [0, 1] onto [min, max].
    ///
    /// The corresponding GSL function is `gsl_cdf_beta_Pinv`.
    public static func betaQuantile(_ u: Double, a: Double, b: Double, min: Double = 0, max: Double = 1) -> Double {
        checkUnit(u)
        checkBeta(a, b, min, max)
        return min + (max - min) * gsl_cdf_beta_Pinv(u, a, b)
    }

    /// P(X ≤ x) for Beta(a, b) scaled onto [min, max].
    ///
    /// The corresponding GSL function is `gsl_cdf_beta_P`.
    public static func betaCDF(_ x: Double, a: Double, b: Double, min: Double = 0, max: Double = 1) -> Double {
        checkBeta(a, b, min, max)
        return gsl_cdf_beta_P((x - min) / (max - min), a, b)
    }

    private static func checkBeta(_ a: Double, _ b: Double, _ min: Double, _ max: Double) {
        precondition(a > 0 && b > 0 && a.isFinite && b.isFinite, "beta needs a, b > 0, got \(a), \(b)")
        precondition(min < max, "beta needs min < max, got \(min), \(max)")
    }

    /// The beta shapes (α, β) of PERT(min, mode, max) with weight λ on the mode:
    /// α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min)
    /// (Vose, *Risk Analysis*, 3rd ed., 2008; λ = 4 is the classic PERT).
    public static func pertShape(min: Double, mode: Double, max: Double, lambda: Double = 4) -> (alpha: Double, beta: Double) {
        precondition(min < max && min <= mode && mode <= max,
                     "PERT needs min <= mode <= max and min < max, got \(min), \(mode), \(max)")
        precondition(lambda > 0 && lambda.isFinite, "PERT needs lambda > 0, got \(lambda)")
        let range = max - min
        return (1 + lambda * (mode - min) / range, 1 + lambda * (max - mode) / range)
    }

    /// The u-quantile of PERT(min, mode, max), λ as in `pertShape`.
    ///
    /// The corresponding GSL function is `gsl_cdf_beta_Pinv`.
    public static func pertQuantile(_ u: Double, min: Double, mode: Double, max: Double, lambda: Double = 4) -> Double {
        checkUnit(u)
        let (a, b) = pertShape(min: min, mode: mode, max: max, lambda: lambda)
        return min + (max - min) * gsl_cdf_beta_Pinv(u, a, b)
    }

    /// P(X ≤ x) for PERT(min, mode, max).
    ///
    /// The corresponding GSL function is `gsl_cdf_beta_P`.
    public static func pertCDF(_ x: Double, min: Double, mode: Double, max: Double, lambda: Double = 4) -> Double {
        let (a, b) = pertShape(min: min, mode: mode, max: max, lambda: lambda)
        return gsl_cdf_beta_P((x - min) / (max - min), a, b)
    }

    // MARK: - Triangular

    /// The u-quantile of Triangular(min, mode, max), in closed form:
    /// min + √(u(max − min)(mode − min)) below the mode's cumulative share, else
    /// max − √((1 − u)(max − min)(max − mode)).
    @inline(__always)
    public static func triangularQuantile(_ u: Double, min: Double, mode: Double, max: Double) -> Double {
        checkUnit(u)
        checkTriangular(min, mode, max)
        let range = max - min
        if u * range < mode - min {
            return min + (u * range * (mode - min)).squareRoot()
        }
        return max - ((1 - u) * range * (max - mode)).squareRoot()
    }

    /// P(X ≤ x) for Triangular(min, mode, max).
    public static func triangularCDF(_ x: Double, min: Double, mode: Double, max: Double) -> Double {
        checkTriangular(min, mode, max)
        if x <= min { return 0 }
        if x >= max { return 1 }
        let range = max - min
        if x < mode { return (x - min) * (x - min) / (range * (mode - min)) }
        return 1 - (max - x) * (max - x) / (range * (max - mode))
    }

    private static func checkTriangular(_ min: Double, _ mode: Double, _ max: Double) {
        precondition(min < max && min <= mode && mode <= max,
                     "triangular needs min <= mode <= max and min < max, got \(min), \(mode), \(max)")
    }

    // MARK: - Gamma

    // MARK: - Weibull

    // MARK: - Checks

    @inline(__always)
    private static func checkUnit(_ u: Double) {
        precondition(u >= 0 && u <= 1, "a quantile needs u in [0, 1], got \(u)")
    }

    private static func checkPositive(_ name: String, _ p: Double, _ q: Double) {
        precondition(p > 0 && q > 0 && p.isFinite && q.isFinite, "\(name) needs positive parameters, got \(p), \(q)")
    }
}

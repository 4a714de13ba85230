internal import CGSL

/// A seeded pseudo-random number generator and the distributions the model samples from.
///
/// Owns a GSL generator (`gsl_rng`) and frees it in `deinit`. The same seed gives the
/// same sequence of draws on every run and machine, so Monte Carlo results repeat exactly.
/// A generator is mutable state: use one per task (it is deliberately not `Sendable`);
/// give parallel tasks their own generators with distinct seeds.
///
/// Every distribution's parameters are checked with `precondition`: the caller validates
/// user input (for example a scenario's `dist:` string) when parsing it, so an invalid
/// parameter here is a programming error, not a recoverable condition.
///
/// The corresponding GSL functions are `gsl_rng_alloc`, `gsl_rng_set` and `gsl_rng_free`.
public final class RandomGenerator {
    /// The underlying algorithm.
    public enum Algorithm: Sendable, Hashable, CaseIterable {
        /// Mersenne Twister MT19937 (Matsumoto & Nishimura 1998): fast, period 2¹⁹⁹³⁷ − 1.
        case mt19937
        /// RANLUX at luxury level 2, double precision (Lüscher 1994): slower, with a
        /// proven decorrelation; for checking that a result does not depend on the generator.
        case ranlxd2
    }

    /// The algorithm in use.
    public let algorithm: Algorithm
    /// The seed this generator was created (or last reseeded) with.
    public private(set) var seed: UInt64
    let rng: UnsafeMutablePointer<gsl_rng>

    /// Creates a generator seeded with `seed`.
    ///
    /// GSL's generators take a 32-bit seed: a seed below 2³² is passed unchanged (so seed 42
    /// here gives the same stream as `GSL_RNG_SEED=42` in a C program; seed 0 selects GSL's
    /// default seed for the algorithm). A larger seed is mixed down to 32 bits (SplitMix64's
    /// finaliser) so that seeds differing only in their high bits still give different streams.
    public init(seed: UInt64, algorithm: Algorithm = .mt19937) {
        GSLRuntime.ensure()
        let type = algorithm == .mt19937 ? cgsl_rng_mt19937() : cgsl_rng_ranlxd2()
        guard let r = gsl_rng_alloc(type) else {
            preconditionFailure("Unable to allocate a GSL random number generator")
        }
        self.rng = r
        self.algorithm = algorithm
        self.seed = seed
        gsl_rng_set(r, UInt(Self.gslSeed(seed)))
    }

    deinit { gsl_rng_free(rng) }

    /// Restarts the sequence from `seed`, as if the generator had just been created with it.
    public func reseed(_ seed: UInt64) {
        self.seed = seed
        gsl_rng_set(rng, UInt(Self.gslSeed(seed)))
    }

    /// The 32-bit seed handed to `gsl_rng_set` (see `init(seed:algorithm:)`).
    static func gslSeed(_ seed: UInt64) -> UInt32 {
        if seed <= UInt64(UInt32.max) { return UInt32(seed) }
        let z = SplitMix64.mix(seed)
        return UInt32(truncatingIfNeeded: z ^ (z >> 32))
    }

    // MARK: - Uniform

    /// A uniform draw strictly inside (0, 1), never exactly 0 or 1, so it can go
    /// straight into an inverse CDF (see `Distributions`).
    ///
    /// The corresponding GSL function is `gsl_rng_uniform_pos`.
    @inline(__always)
    public func uniform() -> Double { gsl_rng_uniform_pos(rng) }

    /// A uniform draw in [range.lowerBound, range.upperBound).
    ///
    /// The corresponding GSL function is `gsl_ran_flat`.
    public func uniform(in range: ClosedRange<Double>) -> Double {
        precondition(range.lowerBound.isFinite && range.upperBound.isFinite,
                     "uniform range must be finite: \(range)")
        return gsl_ran_flat(rng, range.lowerBound, range.upperBound)
    }

    /// A uniform integer in 0..<n, every value equally likely (no modulo bias).
    /// `n` must lie in 1...2³² (the generators' output range).
    ///
    /// The corresponding GSL function is `gsl_rng_uniform_int`.
    public func uniformInt(below n: Int) -> Int {
        precondition(n >= 1 && UInt(n) - 1 <= gsl_rng_max(rng) - gsl_rng_min(rng),
                     "uniformInt(below:) needs 1 <= n <= 2^32, got \(n)")
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    // MARK: - Continuous distributions

    /// A normal (Gaussian) draw with the given mean and standard deviation (sd ≥ 0).
    ///
    /// The corresponding GSL function is `gsl_ran_gaussian_ziggurat` (Marsaglia–Tsang ziggurat).
    @inline(__always)
    public func normal(mean: Double = 0, sd: Double = 1) -> Double {
        precondition(sd >= 0 && sd.isFinite, "normal: sd must be finite and >= 0, got \(sd)")
        return mean + gsl_ran_gaussian_ziggurat(rng, sd)
    }

    /// A normal draw conditioned on lying in [lower, upper] (lower < upper; either may be infinite).
    ///
    /// Drawn by inversion, `Distributions.truncatedNormalQuantile(uniform(), …)`, which stays
    /// exact far in the tails (for example a window 10 sd above the mean) where rejection
    /// sampling would loop for ever.
    ///
    /// The corresponding GSL functions are `gsl_cdf_ugaussian_P`/`_Q` and their inverses.
    public func truncatedNormal(mean: Double, sd: Double, lower: Double, upper: Double) -> Double {
        Distributions.truncatedNormalQuantile(uniform(), mean: mean, sd: sd, lower: lower, upper: upper)
    }

    /// A lognormal draw parametrised by its median and `sigma`, the standard deviation of ln X:
    /// ln X ~ Normal(ln median, sigma²). Its mean is median·exp(sigma²/2), its mode
    /// median·exp(−sigma²). X has the unit of `median`.
    ///
    /// The corresponding GSL function is `gsl_ran_lognormal` (with ζ = ln median).
    public func lognormal(median: Double, sigma: Double) -> Double {
        precondition(median > 0 && median.isFinite && sigma >= 0 && sigma.isFinite,
                     "lognormal needs median > 0 and sigma >= 0, got \(median), \(sigma)")
        return gsl_ran_lognormal(rng, log(median), sigma)
    }

    /// A triangular draw on [min, max] with its peak at `mode` (min ≤ mode ≤ max, min < max).
    ///
    /// GSL has no triangular sampler; this inverts the closed-form CDF
    /// (`Distributions.triangularQuantile`) of a `gsl_rng_uniform_pos` draw.
    public func triangular(min: Double, mode: Double, max: Double) -> Double {
        Distributions.triangularQuantile(uniform(), min: min, mode: mode, max: max)
    }

    /// A PERT draw: min + (max − min)·Beta(α, β) with α = 1 + λ(mode − min)/(max − min) and
    /// β = 1 + λ(max − mode)/(max − min). Its mean is (min + λ·mode + max)/(λ + 2).
    /// λ = 4 is the classic PERT (Vose, *Risk Analysis*, 2008).
    ///
    /// The corresponding GSL function is `gsl_ran_beta`.
    public func pert(min: Double, mode: Double, max: Double, lambda: Double = 4) -> Double {
        let (a, b) = Distributions.pertShape(min: min, mode: mode, max: max, lambda: lambda)
        return min + (max - min) * gsl_ran_beta(rng, a, b)
    }

    /// A beta draw with shapes a, b > 0, scaled from [0, 1] onto [min, max].
    ///
    /// The corresponding GSL function is `gsl_ran_beta`.
    public func beta(a: Double, b: Double, min: Double = 0, max: Double = 1) -> Double {
        precondition(a > 0 && b > 0 && a.isFinite && b.isFinite, "beta needs a, b > 0, got \(a), \(b)")
        precondition(min < max, "beta needs min < max, got \(min), \(max)")
        return min + (max - min) * gsl_ran_beta(rng, a, b)
    }

}

@available(*, unavailable, message: "a RandomGenerator is mutable state: create one per task")
extension RandomGenerator: Sendable {}

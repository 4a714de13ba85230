import Foundation
import Testing
import FleetTestSupport
import GSL

@Suite("RandomGenerator")
struct RandomGeneratorTests {
    static let n = 100_000

    func draws(seed: UInt64, _ draw: (RandomGenerator) -> Double) -> [Double] {
        let rng = RandomGenerator(seed: seed)
        return (0..<Self.n).map { _ in draw(rng) }
    }

    // MARK: - Reproducibility

    @Test func mt19937MatchesGSLsPublishedValue() {
        // GSL's rng/test.c: the 1000th output of mt19937 seeded with 4357 is 1186927261;
        // gsl_rng_uniform_pos divides it by 2³².
        let rng = RandomGenerator(seed: 4357)
        for _ in 0..<999 { _ = rng.uniform() }
        #expect(rng.uniform() == 1_186_927_261 / 4_294_967_296.0)
    }

    @Test(arguments: RandomGenerator.Algorithm.allCases)
    func seededRunsRepeatExactly(algorithm: RandomGenerator.Algorithm) {
        func run(_ seed: UInt64) -> [Double] {
            let rng = RandomGenerator(seed: seed, algorithm: algorithm)
            return (0..<500).flatMap { _ in
                [rng.uniform(), rng.normal(mean: 1, sd: 2), rng.beta(a: 0.7, b: 2),
                 rng.pert(min: 0, mode: 1, max: 3),
                 rng.truncatedNormal(mean: 0, sd: 1, lower: 1, upper: 2), Double(rng.uniformInt(below: 10))]
            }
        }
        #expect(run(42) == run(42))
        #expect(run(42) != run(43))
        // Seeds beyond 32 bits are mixed, not truncated, so they give new streams.
        #expect(run(1) != run(1 + (1 << 32)))
    }

    @Test func reseedRestartsTheSequence() {
        let rng = RandomGenerator(seed: 7, algorithm: .ranlxd2)
        let first = (0..<10).map { _ in rng.uniform() }
        rng.reseed(7)
        #expect((0..<10).map { _ in rng.uniform() } == first)
        #expect(rng.seed == 7)
        let other = RandomGenerator(seed: 7, algorithm: .mt19937)
        #expect((0..<10).map { _ in other.uniform() } != first)
    }

    // MARK: - Moments (within 4 standard errors of n = 100 000 draws)

    @Test func uniformOpenInterval() {
        let xs = draws(seed: 1) { $0.uniform() }
        #expect(xs.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(SampleMoments(xs).agrees(mean: 0.5, variance: 1.0 / 12))
        let ys = draws(seed: 2) { $0.uniform(in: 2...5) }
        #expect(ys.allSatisfy { $0 >= 2 && $0 < 5 })
        #expect(SampleMoments(ys).agrees(mean: 3.5, variance: 9.0 / 12))
    }

    @Test func uniformIntIsUnbiased() {
        let rng = RandomGenerator(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<Self.n { counts[rng.uniformInt(below: 7)] += 1 }
        let p = 1.0 / 7, expected = Double(Self.n) * p
        let se = (Double(Self.n) * p * (1 - p)).squareRoot()
        #expect(counts.allSatisfy { abs(Double($0) - expected) <= 4 * se })
    }

    @Test func normalMoments() {
        let m = SampleMoments(draws(seed: 4) { $0.normal(mean: 3, sd: 2) })
        #expect(m.agrees(mean: 3, variance: 4))
    }

    @Test func truncatedNormalMoments() {
        // Mean μ + σ(φ(α) − φ(β))/Z, variance σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²].
        let (mu, sigma, lower, upper) = (1.0, 2.0, 0.0, 4.0)
        let a = (lower - mu) / sigma, b = (upper - mu) / sigma
        let z = normalQ(a) - normalQ(b)
        let ratio = (normalPDF(a) - normalPDF(b)) / z
        let variance = sigma * sigma * (1 + (a * normalPDF(a) - b * normalPDF(b)) / z - ratio * ratio)
        let xs = draws(seed: 5) { $0.truncatedNormal(mean: mu, sd: sigma, lower: lower, upper: upper) }
        #expect(xs.allSatisfy { $0 >= lower && $0 <= upper })
        #expect(SampleMoments(xs).agrees(mean: mu + sigma * ratio, variance: variance))
    }

    @Test func truncatedNormalFarTail() {
        // Window [μ + 8σ, ∞): the mean is μ + σ φ(8)/Q(8), about 8.12 sd above μ.
        let xs = draws(seed: 6) { $0.truncatedNormal(mean: 0, sd: 1, lower: 8, upper: .infinity) }
        #expect(xs.allSatisfy { $0 >= 8 && $0.isFinite })
        let m = SampleMoments(xs)
        let expected = normalPDF(8) / normalQ(8)
        expectClose(m.mean, expected, absolute: 4 * m.meanError)
    }

    @Test func lognormalMoments() {
        // ln X ~ N(ln 2, 0.5²): mean 2e^(σ²/2), variance (e^(σ²) − 1)·4e^(σ²).
        let s2 = 0.25
        let m = SampleMoments(draws(seed: 7) { $0.lognormal(median: 2, sigma: 0.5) })
        #expect(m.agrees(mean: 2 * exp(s2 / 2), variance: (exp(s2) - 1) * 4 * exp(s2)))
    }

    @Test func triangularMoments() {
        let (a, c, b) = (1.0, 2.0, 5.0)
        let xs = draws(seed: 8) { $0.triangular(min: a, mode: c, max: b) }
        #expect(xs.allSatisfy { $0 >= a && $0 <= b })
        #expect(SampleMoments(xs).agrees(mean: (a + b + c) / 3,
                                         variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18))
    }

    @Test func pertMoments() {
        // Mean (min + 4·mode + max)/6; variance (mean − min)(max − mean)/7 for λ = 4.
        let (a, c, b) = (1.0, 2.0, 5.0)
        let mean = (a + 4 * c + b) / 6
        let xs = draws(seed: 9) { $0.pert(min: a, mode: c, max: b) }
        #expect(xs.allSatisfy { $0 >= a && $0 <= b })
        #expect(SampleMoments(xs).agrees(mean: mean, variance: (mean - a) * (b - mean) / 7))
    }

    @Test func betaMoments() {
        let (p, q) = (2.0, 5.0)
        let mean = p / (p + q), variance = p * q / ((p + q) * (p + q) * (p + q + 1))
        #expect(SampleMoments(draws(seed: 10) { $0.beta(a: p, b: q) }).agrees(mean: mean, variance: variance))
        let scaled = draws(seed: 11) { $0.beta(a: p, b: q, min: 10, max: 30) }
        #expect(scaled.allSatisfy { $0 >= 10 && $0 <= 30 })
        #expect(SampleMoments(scaled).agrees(mean: 10 + 20 * mean, variance: 400 * variance))
    }

    // MARK: - Samplers against their CDFs (Kolmogorov–Smirnov at significance 0.001)

    @Test func samplersFollowTheirCDFs() {
        let n = 20_000
        let rng = RandomGenerator(seed: 16)
        func ks(_ draw: () -> Double, _ cdf: (Double) -> Double) -> Double {
            ksDistance((0..<n).map { _ in draw() }, cdf)
        }
        let cases: [(String, Double)] = [
            ("normal", ks({ rng.normal(mean: 1, sd: 3) }, { Distributions.normalCDF($0, mean: 1, sd: 3) })),
            ("lognormal", ks({ rng.lognormal(median: 5, sigma: 0.8) },
                             { Distributions.lognormalCDF($0, median: 5, sigma: 0.8) })),
            ("beta", ks({ rng.beta(a: 0.7, b: 3, min: -1, max: 2) },
                        { Distributions.betaCDF($0, a: 0.7, b: 3, min: -1, max: 2) })),
            ("pert", ks({ rng.pert(min: 0, mode: 8, max: 10) },
                        { Distributions.pertCDF($0, min: 0, mode: 8, max: 10) })),
            ("triangular", ks({ rng.triangular(min: 0, mode: 0, max: 4) },
                              { Distributions.triangularCDF($0, min: 0, mode: 0, max: 4) })),
        ]
        for (name, d) in cases {
            #expect(d < ksCritical(n), "\(name): KS distance \(d)")
        }
    }
}

@Suite("SplitMix64")
struct SplitMix64Tests {
    /// The first outputs of the reference SplitMix64 generator seeded with 0 (Vigna's splitmix64.c):
    /// the state steps by the increment and each output is `mix` of the state before the step.
    @Test func matchesTheReferenceSequence() {
        #expect(SplitMix64.mix(0) == 0xE220_A839_7B1D_CDAF)
        #expect(SplitMix64.mix(SplitMix64.increment) == 0x6E78_9E6A_A1B9_65F4)
    }
}

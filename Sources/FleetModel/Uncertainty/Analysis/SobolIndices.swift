internal import GSL

/// Variance-based sensitivity: first-order and total Sobol indices of every uncertain
/// input for the whole-term total of each metric.
///
/// Saltelli sampling (Saltelli et al. 2010, "Variance based sensitivity analysis of model
/// output", Comput. Phys. Commun. 181:259): base sample n draws a 2k-dimensional unit point;
/// its first k coordinates form row n of A, the last k row n of B, and A_B^(i) is A with
/// column i taken from B. The model runs at A, B and every A_B^(i): N·(k + 2) evaluations.
/// With V the variance of f over the rows of A and B together:
///
/// ```
/// S_i  = (1/N) Σ_n f(B)_n (f(A_B^(i))_n − f(A)_n) / V          (Saltelli 2010, table 2 (b))
/// S_Ti = (1/2N) Σ_n (f(A)_n − f(A_B^(i))_n)² / V              (Jansen 1999)
/// ```
///
/// 95 % intervals are percentile bootstrap intervals: the N base samples are resampled with
/// replacement `bootstrap` times (indices from the seed), the indices recomputed on each.
/// Inputs are ranked by S_T, then S_i. With correlated inputs the indices refer to the
/// independent copula coordinates, not to the correlated inputs themselves.
public struct SobolAnalysis: Sendable, Hashable {
    /// method "sobol", base samples, bootstrap count and the ranked entries.
    public var sensitivity: Sensitivity
    /// Model evaluations run, N·(k + 2).
    public var evaluations: Int
    /// Base samples left out because one of their k + 2 evaluations failed.
    public var droppedBaseSamples: Int
    public var warnings: [String]
}

extension SensitivityAnalysis {
    /// Base sample counts N the commands accept (`sensitivity --base-samples`, `report` and
    /// `bench --sobol-base-samples`): from 8, below which the bootstrap intervals mean little,
    /// to the Monte Carlo sample cap.
    public static let commandBaseSamples = 8...MonteCarloRunner.maximumSamples

    /// Runs Saltelli's design for `model` and estimates the Sobol indices of each metric.
    ///
    /// - Parameters:
    ///   - baseSamples: N, the rows of A and B (a power of two suits the Sobol sampler).
    ///   - bootstrap: resamples for the 95 % intervals.
    ///   - sampler: fills the 2k-dimensional base points (`random`, `lhs` or `sobol`).
    ///   - metrics: the metrics to analyse (all of the model's by default).
    public static func sobol<M: SampleModel>(
        model: M, inputs: InputSpace, baseSamples: Int, bootstrap: Int = 200, seed: UInt64 = 1,
        sampler: SamplerKind = .random, metrics: [Metric]? = nil,
        threads: Int = MonteCarloRunner.defaultThreads, progress: ((Int, Int) -> Void)? = nil
    ) throws -> SobolAnalysis {
        let part = try sobolPartial(model: model, inputs: inputs, baseSamples: baseSamples, bootstrap: bootstrap,
                                    seed: seed, sampler: sampler, range: 0..<baseSamples, threads: threads,
                                    progress: progress)
        return try sobolEstimate(part, layout: model.layout, paths: inputs.inputs.map(\.path), bootstrap: bootstrap,
                                 seed: seed, metrics: metrics, threads: threads)
    }

    /// The model's totals on base samples `range` of Saltelli's design (rows of A, B and every
    /// A_B^(i)): a Sobol shard's share, joined in order by `SobolPartial.append`.
    public static func sobolPartial<M: SampleModel>(
        model: M, inputs: InputSpace, baseSamples: Int, bootstrap: Int, seed: UInt64, sampler: SamplerKind,
        range: Range<Int>, threads: Int, progress: ((Int, Int) -> Void)? = nil
    ) throws -> SobolPartial {
        let k = inputs.dimension
        guard k > 0 else { throw UncertaintyError.invalidOption("sobol: the scenario has no uncertain inputs (no dist: anywhere)") }
        guard baseSamples >= 2 else { throw UncertaintyError.invalidOption("sobol: base samples must be at least 2, got \(baseSamples)") }
        guard bootstrap >= 0 else { throw UncertaintyError.invalidOption("sobol: bootstrap must be 0 or more, got \(bootstrap)") }
        let count = baseSamples * (k + 2)
        guard count <= MonteCarloRunner.maximumSamples * 10 else {
            throw UncertaintyError.invalidOption("sobol: \(count) evaluations is more than \(MonteCarloRunner.maximumSamples * 10)")
        }
        let points = range.lowerBound * (k + 2)..<range.upperBound * (k + 2)
        let totals: Totals
        var warnings: [String] = []
        switch sampler {
        case .random:
            totals = try evaluateTotals(model: model, points: SaltelliPoints(
                sampler: RandomSampler(dimension: 2 * k, seed: seed), space: inputs),
                range: points, threads: threads, progress: progress)
        case .lhs:
            totals = try evaluateTotals(model: model, points: SaltelliPoints(
                sampler: LatinHypercubeSampler(dimension: 2 * k, samples: baseSamples, seed: seed), space: inputs),
                range: points, threads: threads, progress: progress)
        case .sobol:
            let sobol = SobolSampler(dimension: 2 * k, seed: seed)
            if let note = sobol.paddingNote { warnings.append(note + " (Saltelli needs 2k)") }
            totals = try evaluateTotals(model: model, points: SaltelliPoints(sampler: sobol, space: inputs),
                                        range: points, threads: threads, progress: progress)
        }
        return SobolPartial(k: k, baseSamples: baseSamples, range: range, totals: totals, notes: warnings)
    }

    /// The indices from the totals of every base sample (a whole `SobolPartial`).
    public static func sobolEstimate(_ part: SobolPartial, layout: OutputLayout, paths: [String], bootstrap: Int,
                                     seed: UInt64, metrics: [Metric]?, threads: Int) throws -> SobolAnalysis {
        let k = part.k, baseSamples = part.baseSamples, totals = part.totals
        guard part.range == 0..<baseSamples else {
            throw UncertaintyError.invalidOption("sobol: base samples \(part.range) of 0..<\(baseSamples) evaluated")
        }
        let count = baseSamples * (k + 2)
        var warnings = part.notes

        // Base samples whose every evaluation succeeded.
        let valid = (0..<baseSamples).filter { n in !(0..<(k + 2)).contains { totals.failed[n * (k + 2) + $0] } }
        guard valid.count >= 2 else {
            let first = totals.failures.first.map { UncertaintySummary.describe($0, inputs: paths) }
            throw EvaluationFailure("sobol: fewer than two base samples evaluated; first failure: \(first ?? "none")")
        }
        let dropped = baseSamples - valid.count
        if dropped > 0 {
            warnings.append("sobol: \(dropped) of \(baseSamples) base samples left out because an evaluation failed")
        }

        let chosen = layout.metrics.enumerated().filter { metrics?.contains($0.element) ?? true }
        let results = DisjointBuffer<[SensitivityEntry]>(repeating: [], count: chosen.count)
        let constant = DisjointBuffer<Bool>(repeating: false, count: chosen.count)
        let workers = max(1, min(threads, chosen.count))
        let metricCount = layout.metrics.count
        let values = totals.values
        Parallel.forEachWorker(workers) { t in
            var c = t
            while c < chosen.count {
                let m = chosen[c].offset
                let f = { (n: Int, column: Int) in values[(valid[n] * (k + 2) + column) * metricCount + m] }
                let design = SaltelliDesign(k: k, n: valid.count, f: f)
                let estimate = design.indices(resample: nil)
                constant[c] = estimate.isConstant
                var s1 = [[Double]](repeating: [], count: k), st = [[Double]](repeating: [], count: k)
                let generator = RandomGenerator(seed: 1, algorithm: .mt19937)
                var idx = [Int](repeating: 0, count: valid.count)
                for r in 0..<bootstrap {
                    // Resample r draws from MT19937 seeded by (seed, r): the same for every metric.
                    let word = SeedHash.hash(seed, SeedHash.Tag.bootstrap.rawValue, UInt64(r))
                    generator.reseed(UInt64(UInt32(truncatingIfNeeded: word)))
                    for q in idx.indices { idx[q] = generator.uniformInt(below: valid.count) }
                    let e = design.indices(resample: idx)
                    for i in 0..<k { s1[i].append(e.first[i]); st[i].append(e.total[i]) }
                }
                func interval(_ xs: [Double], _ point: Double) -> [Double] {
                    guard !xs.isEmpty else { return [point, point] }
                    let sorted = xs.sorted()
                    return [Statistics.quantile(sorted: sorted, fraction: 0.025),
                            Statistics.quantile(sorted: sorted, fraction: 0.975)]
                }
                let entries = (0..<k).map { i in
                    SensitivityEntry(path: paths[i], rank: 0,
                                     firstOrder: estimate.first[i], firstOrderCI: interval(s1[i], estimate.first[i]),
                                     totalOrder: estimate.total[i], totalOrderCI: interval(st[i], estimate.total[i]))
                }
                results[c] = rank(entries) { ($0.totalOrder ?? 0, $0.firstOrder ?? 0) }
                c += workers
            }
        }
        var rankings: [Metric: [SensitivityEntry]] = [:]
        for (c, pair) in chosen.enumerated() {
            rankings[pair.element] = results[c]
            if constant[c] {
                warnings.append("sobol: \(pair.element.rawValue) does not vary over the samples; its indices are 0")
            } else if let note = precisionWarning(pair.element, results[c], baseSamples: baseSamples) {
                warnings.append(note)
            }
        }
        return SobolAnalysis(sensitivity: Sensitivity(method: "sobol", baseSamples: baseSamples, bootstrap: bootstrap,
                                                      rankings: rankings),
                             evaluations: count, droppedBaseSamples: dropped, warnings: warnings)
    }

    /// Indices below this are negligible: their intervals are not judged.
    static let negligibleIndex = 0.01
    /// The margin S1 may exceed ST by (estimation noise) when there are no bootstrap intervals.
    static let orderNoise = 0.05

    /// A warning when the ranking of `metric` is too noisy to read: an input that matters
    /// (ST at least `negligibleIndex`) whose 95 % bootstrap interval of ST is wider than ST, or
    /// of S1 wider than the larger of |S1| and ST (S1 is judged against ST too, since a small S1
    /// beside a large ST is normal), or whose S1 exceeds its ST beyond noise (S1 ≤ ST holds for
    /// the true indices: S1's interval lies wholly above ST's, or S1 > ST + `orderNoise` without
    /// intervals). The estimators' error falls as 1/√N, so the cure is a larger N.
    static func precisionWarning(_ metric: Metric, _ entries: [SensitivityEntry], baseSamples: Int) -> String? {
        func width(_ ci: [Double]?) -> Double? {
            guard let ci, ci.count == 2 else { return nil }
            return ci[1] - ci[0]
        }
        func wide(_ e: SensitivityEntry) -> Bool {
            guard let st = e.totalOrder, st >= negligibleIndex else { return false }
            if let w = width(e.totalOrderCI), w > st { return true }
            if let s1 = e.firstOrder, let w = width(e.firstOrderCI), w > max(abs(s1), st) { return true }
            return false
        }
        func inverted(_ e: SensitivityEntry) -> Bool {
            guard let s1 = e.firstOrder, let st = e.totalOrder, s1 >= negligibleIndex else { return false }
            if let a = e.firstOrderCI, let b = e.totalOrderCI, a.count == 2, b.count == 2, a != [s1, s1] {
                return a[0] > b[1]
            }
            return s1 > st + orderNoise
        }
        let wideOnes = entries.filter(wide)
        let invertedOnes = entries.filter(inverted)
        guard !wideOnes.isEmpty || !invertedOnes.isEmpty else { return nil }
        var problems: [String] = []
        if !wideOnes.isEmpty {
            problems.append("\(wideOnes.count) input(s) have a 95 % interval wider than the index (first: \(wideOnes[0].path))")
        }
        if !invertedOnes.isEmpty {
            problems.append("\(invertedOnes.count) input(s) have S1 > ST beyond noise (first: \(invertedOnes[0].path))")
        }
        return "sobol: \(metric.rawValue): the indices are imprecise: " + problems.joined(separator: "; ")
            + "; rerun with a larger --base-samples (now \(baseSamples); 4 times as many halve the intervals)"
    }
}

/// The totals of a stretch of a Sobol analysis's base samples: what a Sobol shard writes.
public struct SobolPartial: Sendable, Hashable {
    /// Uncertain inputs.
    public let k: Int
    /// N, the base samples of the whole analysis.
    public let baseSamples: Int
    /// The base samples held; evaluations n·(k + 2) ..< (n + 1)·(k + 2) for each.
    public private(set) var range: Range<Int>
    var totals: SensitivityAnalysis.Totals
    /// Notes for the warnings (the same in every part).
    let notes: [String]

    init(k: Int, baseSamples: Int, range: Range<Int>, totals: SensitivityAnalysis.Totals, notes: [String]) {
        self.k = k; self.baseSamples = baseSamples; self.range = range; self.totals = totals; self.notes = notes
    }

    /// Appends the part holding the base samples that follow this one's.
    mutating func append(_ later: SobolPartial) throws(UncertaintyError) {
        guard later.k == k, later.baseSamples == baseSamples, later.range.lowerBound == range.upperBound else {
            throw .invalidOption("sobol part holding base samples \(later.range) does not follow \(range)")
        }
        totals.append(later.totals)
        range = range.lowerBound..<later.range.upperBound
    }
}

/// The model's values on Saltelli's design for one metric, and the index estimators.
struct SaltelliDesign {
    let k: Int
    let n: Int
    /// f(A) and f(B) per base sample; f(A_B^(i)) at i · n + sample.
    var fa: [Double] = [], fb: [Double] = [], fab: [Double] = []

    /// - Parameter f: f(sample, column), column 0 is A, 1 is B, 2 + i is A_B^(i).
    init(k: Int, n: Int, f: (Int, Int) -> Double) {
        self.k = k
        self.n = n
        fa = (0..<n).map { f($0, 0) }
        fb = (0..<n).map { f($0, 1) }
        fab = [Double](repeating: 0, count: k * n)
        for i in 0..<k { for q in 0..<n { fab[i * n + q] = f(q, 2 + i) } }
    }

    struct Estimate {
        var first: [Double]
        var total: [Double]
        var isConstant: Bool
    }

    /// The indices over all base samples, or over the samples listed in `resample` (with repeats).
    func indices(resample: [Int]?) -> Estimate {
        let rows = resample ?? Array(0..<n)
        let m = Double(rows.count)
        // Variance of f over A and B together (divisor 2N), by two passes.
        var sum = 0.0
        for r in rows { sum += fa[r] + fb[r] }
        let mean = sum / (2 * m)
        var ss = 0.0
        for r in rows {
            let a = fa[r] - mean, b = fb[r] - mean
            ss += a * a + b * b
        }
        let v = ss / (2 * m)
        guard v > 0 else {
            return Estimate(first: .init(repeating: 0, count: k), total: .init(repeating: 0, count: k), isConstant: true)
        }
        var first = [Double](repeating: 0, count: k), total = [Double](repeating: 0, count: k)
        for i in 0..<k {
            let base = i * n
            var s = 0.0, t = 0.0
            for r in rows {
                let a = fa[r], d = fab[base + r] - a
                s += fb[r] * d
                t += d * d
            }
            first[i] = s / m / v
            total[i] = t / (2 * m) / v
        }
        return Estimate(first: first, total: total, isConstant: false)
    }
}

/// Saltelli's design as points: evaluation j = n·(k + 2) + c is base sample n at A (c = 0),
/// B (c = 1) or A_B^(c − 2).
struct SaltelliPoints<Sampler: UnitSampler>: PointSource {
    let sampler: Sampler
    let space: InputSpace

    struct Cursor {
        var inner: Sampler.Cursor
        var sample = -1
        var ab: [Double]
        var u: [Double]
    }

    var inputCount: Int { space.dimension }

    func makeCursor() -> Cursor {
        Cursor(inner: sampler.makeCursor(), ab: .init(repeating: 0.5, count: 2 * space.dimension),
               u: .init(repeating: 0.5, count: space.dimension))
    }

    func inputs(_ j: Int, cursor: inout Cursor, into x: inout [Double]) {
        let k = space.dimension
        let n = j / (k + 2), c = j % (k + 2)
        if cursor.sample != n {
            sampler.point(n, cursor: &cursor.inner, into: &cursor.ab)
            cursor.sample = n
        }
        for d in 0..<k { cursor.u[d] = cursor.ab[c == 1 ? k + d : d] }
        if c >= 2 { cursor.u[c - 2] = cursor.ab[k + c - 2] }
        space.map(cursor.u, into: &x)
    }
}

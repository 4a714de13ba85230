/// One-at-a-time sensitivity: each uncertain input at its P10 and at its P90 with every
/// other input at its base value; inputs ranked by the swing |f(P90) − f(P10)| of each
/// metric's whole-term total. Costs 2k + 1 evaluations (point 0 at base, then input j's low
/// and high at points 1 + 2j and 2 + 2j); correlations are not applied (each input moves
/// alone). A `--shard` evaluates a contiguous share of the points (`tornadoPartial`); the
/// shares appended in order rank exactly as the whole (`tornadoRanking`).
extension SensitivityAnalysis {
    public static func tornado<M: SampleModel>(
        model: M, inputs: InputSpace, metrics: [Metric]? = nil,
        lowQuantile: Double = 0.10, highQuantile: Double = 0.90,
        threads: Int = MonteCarloRunner.defaultThreads
    ) throws -> Sensitivity {
        let part = try tornadoPartial(model: model, inputs: inputs, metrics: metrics, lowQuantile: lowQuantile,
                                      highQuantile: highQuantile, range: 0..<(2 * inputs.dimension + 1), threads: threads)
        return try tornadoRanking(part)
    }

    /// The totals of every metric at the tornado's points `range` (of its 2k + 1).
    public static func tornadoPartial<M: SampleModel>(
        model: M, inputs: InputSpace, metrics: [Metric]? = nil,
        lowQuantile: Double = 0.10, highQuantile: Double = 0.90, range: Range<Int>,
        threads: Int = MonteCarloRunner.defaultThreads, progress: ((Int, Int) -> Void)? = nil
    ) throws -> TornadoPartial {
        guard lowQuantile > 0, highQuantile < 1, lowQuantile < highQuantile else {
            throw UncertaintyError.invalidOption("tornado quantiles must satisfy 0 < low < high < 1")
        }
        let k = inputs.dimension
        precondition(range.lowerBound >= 0 && range.upperBound <= 2 * k + 1, "points of the tornado")
        let base = inputs.base
        var points = [base]
        var lows: [Double] = [], highs: [Double] = []
        for j in 0..<k {
            let lo = inputs.inputs[j].quantile(lowQuantile), hi = inputs.inputs[j].quantile(highQuantile)
            lows.append(lo); highs.append(hi)
            var p = base; p[j] = lo; points.append(p)
            p[j] = hi; points.append(p)
        }
        let totals = try evaluateTotals(model: model, points: ListedPoints(points: points), range: range,
                                        threads: threads, progress: progress)
        return TornadoPartial(paths: inputs.inputs.map(\.path), lows: lows, highs: highs, metrics: model.layout.metrics,
                              chosen: metrics, range: range, totals: totals)
    }

    /// The inputs ranked by swing for each chosen metric, from the totals at all 2k + 1 points.
    /// - Throws: `EvaluationFailure` at the first point whose evaluation failed.
    static func tornadoRanking(_ part: TornadoPartial) throws -> Sensitivity {
        let k = part.paths.count
        guard part.range == 0..<(2 * k + 1) else {
            throw UncertaintyError.invalidOption("tornado: points \(part.range) of 0..<\(2 * k + 1) joined")
        }
        if let f = part.totals.failures.first {
            throw EvaluationFailure("tornado evaluation failed at " + UncertaintySummary.describe(f, inputs: part.paths))
        }
        let totals = part.totals.values, metricCount = part.metrics.count
        var rankings: [Metric: [SensitivityEntry]] = [:]
        for (m, metric) in part.metrics.enumerated() where part.chosen?.contains(metric) ?? true {
            var entries = (0..<k).map { j in
                let lowValue = totals[(1 + 2 * j) * metricCount + m]
                let highValue = totals[(2 + 2 * j) * metricCount + m]
                return SensitivityEntry(path: part.paths[j], rank: 0, lowInput: part.lows[j], highInput: part.highs[j],
                                        lowValue: lowValue, highValue: highValue, swing: abs(highValue - lowValue))
            }
            entries = rank(entries) { ($0.swing ?? 0, 0) }
            rankings[metric] = entries
        }
        return Sensitivity(method: "tornado", rankings: rankings)
    }
}

/// The totals of a stretch of a tornado's 2k + 1 points: what `sensitivity --method tornado
/// --shard I/N` writes; parts appended in point order make the whole.
public struct TornadoPartial: Sendable, Hashable {
    /// The uncertain inputs, by path, with their low and high values.
    public let paths: [String]
    let lows: [Double]
    let highs: [Double]
    /// Every metric of the model (the totals' columns), and those ranked (nil: all).
    let metrics: [Metric]
    let chosen: [Metric]?
    /// The points held.
    public private(set) var range: Range<Int>
    var totals: SensitivityAnalysis.Totals

    init(paths: [String], lows: [Double], highs: [Double], metrics: [Metric], chosen: [Metric]?, range: Range<Int>,
         totals: SensitivityAnalysis.Totals) {
        self.paths = paths; self.lows = lows; self.highs = highs; self.metrics = metrics; self.chosen = chosen
        self.range = range; self.totals = totals
    }

    /// Appends the part holding the points that follow this one's.
    mutating func append(_ later: TornadoPartial) throws(UncertaintyError) {
        guard later.paths == paths, later.lows == lows, later.highs == highs, later.metrics == metrics,
              later.chosen == chosen, later.range.lowerBound == range.upperBound else {
            throw .invalidOption("tornado part holding points \(later.range) does not follow \(range)")
        }
        totals.append(later.totals)
        range = range.lowerBound..<later.range.upperBound
    }
}

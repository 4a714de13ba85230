/// One-at-a-time sensitivity: each uncertain input at its P10 and at its P90 with every
/// other input at its base value; inputs ranked by the swing |f(P90) − f(P10)| of each
/// metric's whole-term total. Costs 2k + 1 evaluations; correlations are not applied
/// (each input moves alone).
extension SensitivityAnalysis {
    public static func tornado<M: SampleModel>(
        model: M, inputs: InputSpace, metrics: [Metric]? = nil,
        lowQuantile: Double = 0.10, highQuantile: Double = 0.90,
        threads: Int = MonteCarloRunner.defaultThreads
    ) throws -> Sensitivity {
        guard lowQuantile > 0, highQuantile < 1, lowQuantile < highQuantile else {
            throw UncertaintyError.invalidOption("tornado quantiles must satisfy 0 < low < high < 1")
        }
        let k = inputs.dimension
        let base = inputs.base
        var points = [base]
        var lows: [Double] = [], highs: [Double] = []
        for j in 0..<k {
            let lo = inputs.inputs[j].quantile(lowQuantile), hi = inputs.inputs[j].quantile(highQuantile)
            lows.append(lo); highs.append(hi)
            var p = base; p[j] = lo; points.append(p)
            p[j] = hi; points.append(p)
        }
        let result = try evaluateTotals(model: model, points: ListedPoints(points: points), count: points.count,
                                        threads: threads)
        if let f = result.failures.first {
            throw EvaluationFailure("tornado evaluation failed at "
                                    + UncertaintySummary.describe(f, inputs: inputs.inputs.map(\.path)))
        }
        let totals = result.values
        let layout = model.layout
        var rankings: [Metric: [SensitivityEntry]] = [:]
        for (m, metric) in layout.metrics.enumerated() where metrics?.contains(metric) ?? true {
            var entries = (0..<k).map { j in
                let lowValue = totals[(1 + 2 * j) * layout.metrics.count + m]
                let highValue = totals[(2 + 2 * j) * layout.metrics.count + m]
                return SensitivityEntry(path: inputs.inputs[j].path, rank: 0, lowInput: lows[j], highInput: highs[j],
                                        lowValue: lowValue, highValue: highValue, swing: abs(highValue - lowValue))
            }
            entries = rank(entries) { ($0.swing ?? 0, 0) }
            rankings[metric] = entries
        }
        return Sensitivity(method: "tornado", rankings: rankings)
    }
}

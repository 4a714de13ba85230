/// How the uncertain inputs are ranked (`sensitivity --method`, `report --sensitivity`).
public enum SensitivityMethod: String, Sendable, CaseIterable {
    /// One input at a time to its P10 and P90, the others at base: 2k + 1 evaluations.
    case tornado
    /// Variance-based first- and total-order indices (Saltelli design): N·(k + 2) evaluations.
    case sobol
}

extension PreparedScenario {
    /// Ranks the inputs by `method` for `metrics` (nil: all) and attaches the ranking to `result`,
    /// with the analysis's warnings added to its diagnostics.
    ///
    /// - Parameters:
    ///   - baseSamples, bootstrap: Sobol's base samples N and bootstrap resamples (unused by tornado).
    ///   - progress: (evaluations done, evaluations in all) of a Sobol analysis.
    public func rank(_ method: SensitivityMethod, into result: inout FleetResult, metrics: [Metric]? = nil,
                     baseSamples: Int, bootstrap: Int, options: UncertaintyOptions,
                     progress: ((Int, Int) -> Void)? = nil) throws {
        switch method {
        case .tornado:
            result.sensitivity = try tornado(metrics: metrics, threads: options.threads)
        case .sobol:
            let analysis = try sobol(baseSamples: baseSamples, bootstrap: bootstrap, metrics: metrics, options: options,
                                     progress: progress)
            result.sensitivity = analysis.sensitivity
            result.diagnostics.warnings += analysis.warnings
        }
    }
}

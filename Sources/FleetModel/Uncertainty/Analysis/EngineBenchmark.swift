import Foundation

/// Times deterministic evaluations of a scenario, the unit of work of one Monte Carlo
/// sample: decode the spec from the document's values, build a `FleetEvaluator` (reusing
/// the base run's through `previous:`), evaluate every metric per month.
///
/// Single-threaded; it reports times, it asserts nothing about them.
public enum EngineBenchmark {
    /// Figures of one benchmark run.
    public struct Report: Sendable {
        /// Evaluations timed (after one untimed base run).
        public var evaluations: Int
        /// Fastest and median wall time of one evaluation (decode + build + evaluate), ms.
        public var bestMs: Double
        public var medianMs: Double
        /// Fastest and median time of `evaluate()` alone (the evaluator already built), ms.
        public var evaluateBestMs: Double
        public var evaluateMedianMs: Double
        /// Hours of the term and sites evaluated.
        public var hours: Int
        public var sites: Int
        /// Site-hours per second at the median evaluation time.
        public var siteHoursPerSecond: Double
        /// Sum of every total metric of the last evaluation (to compare runs, and so the work is used).
        public var checksum: Double
    }

    /// Times `evaluations` evaluations of `document` at its base values.
    ///
    /// - Parameter reuse: pass the base run's evaluator as `previous:` (what Monte Carlo samples do).
    /// - Throws: the scenario's decoding errors or the engine's input errors.
    public static func run(document: ScenarioDocument, evaluations: Int, reuse: Bool = true) throws -> Report {
        let values = document.baseValues
        let base = try FleetEvaluator(spec: try document.decode(FleetSpec.self, values: values))
        _ = try base.evaluate()
        let clock = ContinuousClock()
        var whole: [Double] = [], evalOnly: [Double] = []
        whole.reserveCapacity(evaluations); evalOnly.reserveCapacity(evaluations)
        var checksum = 0.0
        for _ in 0..<max(evaluations, 1) {
            let t0 = clock.now
            let spec = try document.decode(FleetSpec.self, values: values)
            let evaluator = try FleetEvaluator(spec: spec, previous: reuse ? base : nil)
            let t1 = clock.now
            let ev = try evaluator.evaluate()
            let t2 = clock.now
            checksum = ev.total().reduce(0, +)
            whole.append(milliseconds(t2 - t0)); evalOnly.append(milliseconds(t2 - t1))
        }
        let median = Self.median(whole)
        let hours = base.calendar.hourCount, sites = base.facility.sites.count
        return Report(evaluations: whole.count, bestMs: whole.min() ?? 0, medianMs: median,
                      evaluateBestMs: evalOnly.min() ?? 0, evaluateMedianMs: Self.median(evalOnly),
                      hours: hours, sites: sites,
                      siteHoursPerSecond: median > 0 ? Double(hours * sites) / (median / 1000) : 0,
                      checksum: checksum)
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
    }

    static func median(_ v: [Double]) -> Double {
        guard !v.isEmpty else { return 0 }
        let s = v.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

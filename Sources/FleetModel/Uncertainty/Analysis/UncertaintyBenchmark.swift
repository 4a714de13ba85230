import Foundation

/// Times Monte Carlo runs and a Sobol analysis of a model: wall time, samples × hours per
/// second and the process's peak resident memory, for `fleetwatt bench`.
public enum UncertaintyBenchmark {
    /// One timed run.
    public struct Row: Sendable, Hashable, Codable {
        /// "monte-carlo" or "sobol".
        public var kind: String
        /// Samples (Monte Carlo) or evaluations N·(k + 2) (Sobol).
        public var evaluations: Int
        public var threads: Int
        public var seconds: Double
        /// Evaluations × simulated hours per evaluation / seconds.
        public var sampleHoursPerSecond: Double
        /// Peak resident set size of the process so far (getrusage `ru_maxrss`), MB. The peak
        /// only grows: a row's figure bounds that run's own peak from above.
        public var peakMemoryMB: Double

        enum CodingKeys: String, CodingKey {
            case kind, evaluations, threads, seconds
            case sampleHoursPerSecond = "sample_hours_per_second"
            case peakMemoryMB = "peak_memory_mb"
        }
    }

    /// Runs `samples × threads` Monte Carlo runs (each sample count with each thread count,
    /// in the given order), then, when `sobolBaseSamples > 0`, one Sobol analysis on the
    /// largest thread count.
    ///
    /// - Parameters:
    ///   - hoursPerEvaluation: simulated hours in one evaluation (term hours × sites), for the rate.
    ///   - report: called after each row (for printing as the benchmark goes).
    public static func run<M: SampleModel>(
        model: M, inputs: InputSpace, hoursPerEvaluation: Int, samples: [Int], threads: [Int],
        sampler: SamplerKind = .random, seed: UInt64 = 1, sobolBaseSamples: Int = 0,
        report: (Row) -> Void = { _ in }
    ) throws -> [Row] {
        var rows: [Row] = []
        for n in samples {
            for t in threads {
                let runner = MonteCarloRunner(samples: n, seed: seed, sampler: sampler, threads: t)
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try runner.run(model: model, inputs: inputs)
                let row = makeRow("monte-carlo", n, t, start, hoursPerEvaluation)
                rows.append(row)
                report(row)
            }
        }
        if sobolBaseSamples > 0, let t = threads.max() {
            let start = DispatchTime.now().uptimeNanoseconds
            let analysis = try SensitivityAnalysis.sobol(model: model, inputs: inputs, baseSamples: sobolBaseSamples,
                                                         seed: seed, sampler: sampler, threads: t)
            let row = makeRow("sobol", analysis.evaluations, t, start, hoursPerEvaluation)
            rows.append(row)
            report(row)
        }
        return rows
    }

    private static func makeRow(_ kind: String, _ n: Int, _ t: Int, _ start: UInt64, _ hours: Int) -> Row {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        return Row(kind: kind, evaluations: n, threads: t, seconds: seconds,
                   sampleHoursPerSecond: Double(n) * Double(hours) / max(seconds, 1e-9),
                   peakMemoryMB: peakResidentMemoryMB())
    }

    /// The process's peak resident set size so far, MB (Linux reports `ru_maxrss` in KiB).
    public static func peakResidentMemoryMB() -> Double {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return .nan }
        return Double(usage.ru_maxrss) / 1024
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return .nan }
        return Double(usage.ru_maxrss) / (1024 * 1024)
        #endif
    }
}

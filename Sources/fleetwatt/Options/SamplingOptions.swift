import ArgumentParser
import FleetModel

/// How many Monte Carlo samples to draw, and how.
struct SamplingOptions: ParsableArguments {
    /// Nil when not given: each command has its own default (`sweep` is deterministic).
    @Option(parsing: .unconditional, help: "Monte Carlo samples; 0 evaluates once with every input at its base value (default: 1000; sweep: 0).")
    var samples: Int?

    /// The sample count of `run`, `report` and `export-notebook` when --samples is not given.
    static let defaultSamples = 1000

    @OptionGroup var runner: RunnerOptions

    @Option(help: "Sampler: random (pseudo-random), sobol (quasi-random) or lhs (Latin hypercube).")
    var sampler: SamplerKind = .random

    func validate() throws {
        if let samples {
            guard samples >= 0 else { throw ValidationError("--samples must be 0 or more, got \(samples)") }
            guard samples <= MonteCarloRunner.maximumSamples else {
                throw ValidationError("--samples must be at most \(MonteCarloRunner.maximumSamples), got \(samples)")
            }
        }
    }

    /// The options of an uncertainty run:
    /// `samples` when given, else --samples, else `defaultSamples`.
    func options(samples: Int? = nil, defaultSamples: Int = Self.defaultSamples) -> UncertaintyOptions {
        UncertaintyOptions(samples: samples ?? self.samples ?? defaultSamples, seed: runner.seed, sampler: sampler,
                           threads: runner.threads)
    }
}

extension SamplerKind: ExpressibleByArgument {}

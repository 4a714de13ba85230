import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// How many Monte Carlo samples to draw, and how.
struct SamplingOptions: ParsableArguments {
    @Option(help: "Monte Carlo samples; 0 evaluates once with every input at its base value.")
    var samples: Int = 1000

    @Option(help: "Seed of the samplers: the same seed gives the same result, whatever --threads is.")
    var seed: UInt64 = 20251103

    @Option(help: "Worker threads (default: the machine's cores).")
    var threads: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    @Option(help: "Sampler: random (pseudo-random), sobol (quasi-random) or lhs (Latin hypercube).")
    var sampler: SamplerName = .random

    func validate() throws {
        guard samples >= 0 else { throw ValidationError("--samples must be 0 or more, got \(samples)") }
        guard samples <= 10_000_000 else { throw ValidationError("--samples must be at most 10,000,000, got \(samples)") }
        guard threads >= 1, threads <= 1024 else { throw ValidationError("--threads must be 1 to 1024, got \(threads)") }
    }
}

/// The samplers of the contract.
enum SamplerName: String, ExpressibleByArgument, CaseIterable {
    case random, sobol, lhs
}

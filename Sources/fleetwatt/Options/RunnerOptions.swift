import ArgumentParser
import FleetModel

/// The seed and worker threads of a Monte Carlo run, shared by every command that samples.
struct RunnerOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seed of the samplers: the same seed gives the same result, whatever --threads is.")
    var seed: UInt64 = UncertaintyOptions.defaultSeed

    @Option(name: .customLong("threads"), parsing: .unconditional,
            help: ArgumentHelp("Worker threads (default: the machine's cores).", valueName: "threads"))
    var threadsGiven: Int?
    /// --threads, else one per core.
    var threads: Int { threadsGiven ?? MonteCarloRunner.defaultThreads }

    func validate() throws {
        let limit = MonteCarloRunner.maximumThreads
        guard threads >= 1, threads <= limit else { throw ValidationError("--threads must be 1 to \(limit), got \(threads)") }
    }
}

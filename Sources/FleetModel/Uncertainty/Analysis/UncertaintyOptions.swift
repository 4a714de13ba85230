/// Settings of an uncertainty run, as the CLI's flags give them.
public struct UncertaintyOptions: Sendable {
    /// Monte Carlo samples (`--samples`); 0 evaluates the base values only.
    public var samples: Int
    public var seed: UInt64
    /// The seed when `--seed` is not given.
    public static let defaultSeed: UInt64 = 20_251_103
    public var sampler: SamplerKind
    public var threads: Int

    public init(samples: Int = 1_000, seed: UInt64 = UncertaintyOptions.defaultSeed, sampler: SamplerKind = .random,
                threads: Int = MonteCarloRunner.defaultThreads) {
        self.samples = samples
        self.seed = seed
        self.sampler = sampler
        self.threads = threads
    }

    var runner: MonteCarloRunner { MonteCarloRunner(samples: samples, seed: seed, sampler: sampler, threads: threads) }
}

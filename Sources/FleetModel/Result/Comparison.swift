/// Two or more scenario variants evaluated with common random numbers (`fleetwatt compare`):
/// the statistics of each variant's totals and of each variant's difference from the
/// baseline (the first variant), taken sample by sample. The `fleetwatt.compare/1` document
/// (docs/schemas/compare.schema.json).
public struct Comparison: Codable, Sendable, Hashable {
    public var schemaVersion = "fleetwatt.compare/1"
    public var tool = FleetResult.Tool.current
    /// Samples, seed, sampler, threads and the `--set` flags shared by every variant.
    public var run: FleetResult.RunInfo
    /// The metrics compared, in the order asked for.
    public var metrics: [Metric]
    /// The variant every difference is taken from: the first.
    public var baseline: String
    public var variants: [Variant]
    /// One per variant after the first: variant − baseline.
    public var differences: [Difference]
    /// Uncertain inputs (by path) that every variant has, so that they take the same
    /// sampled values in each.
    public var sharedInputs: [String]
    public var diagnostics: Diagnostics

    public init(run: FleetResult.RunInfo, metrics: [Metric], variants: [Variant], differences: [Difference],
                sharedInputs: [String], diagnostics: Diagnostics) {
        self.run = run
        self.metrics = metrics
        self.baseline = variants.first?.name ?? ""
        self.variants = variants
        self.differences = differences
        self.sharedInputs = sharedInputs
        self.diagnostics = diagnostics
    }

    public struct Variant: Codable, Sendable, Hashable {
        /// The name given with `--variant NAME:…`, or the scenario's id.
        public var name: String
        public var scenario: FleetResult.ScenarioInfo
        /// What this variant changes relative to its scenario, as PATH=VALUE.
        public var changes: [String]
        /// Its uncertain inputs, by path.
        public var uncertainInputs: Int
        /// Whole-term statistics of each compared metric.
        public var totals: [Metric: Stats]

        public init(name: String, scenario: FleetResult.ScenarioInfo, changes: [String], uncertainInputs: Int,
                    totals: [Metric: Stats]) {
            self.name = name; self.scenario = scenario; self.changes = changes
            self.uncertainInputs = uncertainInputs; self.totals = totals
        }

        enum CodingKeys: String, CodingKey {
            case name, scenario, changes, totals
            case uncertainInputs = "uncertain_inputs"
        }
    }

    public struct Difference: Codable, Sendable, Hashable {
        /// "B − A" with the two variants' names.
        public var name: String
        public var variant: String
        public var baseline: String
        /// Statistics of variant − baseline per sample (`base` is the difference of the base cases).
        public var totals: [Metric: Stats]
        /// The standard deviation the difference would have if the two were sampled
        /// independently, √(sd_A² + sd_B²): how much common random numbers narrowed it.
        public var sdIfIndependent: [Metric: Double]

        public init(variant: String, baseline: String, totals: [Metric: Stats], sdIfIndependent: [Metric: Double]) {
            self.name = "\(variant) − \(baseline)"
            self.variant = variant; self.baseline = baseline
            self.totals = totals; self.sdIfIndependent = sdIfIndependent
        }

        enum CodingKeys: String, CodingKey {
            case name, variant, baseline, totals
            case sdIfIndependent = "sd_if_independent"
        }
    }

    public struct Diagnostics: Codable, Sendable, Hashable {
        /// Samples left out of every variant because one of them failed there.
        public var failedSamples: Int
        public var warnings: [String]
        public init(failedSamples: Int = 0, warnings: [String] = []) {
            self.failedSamples = failedSamples; self.warnings = warnings
        }
        enum CodingKeys: String, CodingKey {
            case failedSamples = "failed_samples"
            case warnings
        }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case tool, run, metrics, baseline, variants, differences, diagnostics
        case sharedInputs = "shared_inputs"
    }
}

import FleetModel

extension ScenarioOptions {
    /// The named scenario with its `--set` values, opened but not yet validated or evaluated:
    /// the files it reads (`filesRead`) are known, so outputs are checked against them first.
    func opened() throws -> ScenarioDocument { try ScenarioDocument.open(path: scenario, sets: sets) }

    /// The named scenario with its `--set` values, validated and evaluated at base values.
    func prepared() throws -> PreparedScenario { try PreparedScenario(document: opened()) }
}

extension SamplingOptions {
    /// Evaluates a prepared scenario with these options, with a progress bar on stderr while
    /// sampling: the shared step of `run`, `report` and `export-notebook`.
    func evaluate(_ scenario: PreparedScenario, progress: ProgressMode, quiet: Bool) throws -> FleetResult {
        try ProgressBar.run(progress, quiet: quiet, label: "sampling") { tick in
            try scenario.evaluate(options(), progress: tick)
        }
    }
}

extension SamplingOptions {
    /// Opens each scenario with the shared `--set` values, applies each `--variant` to the
    /// first and checks them all: the variants of `compare`, whole or sharded.
    static func variants(scenarios: [String], sets: [String], variants: [String]) throws -> [ScenarioVariant] {
        let specs = try variants.map(VariantSpec.parse)
        let documents = try (scenarios.isEmpty ? [nil] : scenarios.map { Optional($0) })
            .map { try ScenarioDocument.open(path: $0, sets: sets) }
        return try ScenarioVariant.variants(scenarios: documents, specs: specs)
    }

    /// The variants evaluated with common random numbers: the glue of `compare`, in one place.
    func compare(_ chosen: [ScenarioVariant], sets: [String], metrics: [Metric],
                 progress: ProgressMode, quiet: Bool) throws -> Comparison {
        try ProgressBar.run(progress, quiet: quiet, label: "compare") { tick in
            try ScenarioVariant.compare(chosen, metrics: metrics, options: options(), sets: sets, progress: tick)
        }
    }
}

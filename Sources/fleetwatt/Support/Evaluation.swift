import FleetModel

extension SamplingOptions {
    /// Opens the scenario (with its `--set` values) and evaluates it, with a progress bar
    /// on stderr while sampling: the shared first step of `run`, `report` and `export-notebook`.
    func evaluate(_ scenario: ScenarioOptions, progress: ProgressMode, quiet: Bool)
        throws -> (document: ScenarioDocument, result: FleetResult) {
        let document = try ScenarioDocument.open(path: scenario.scenario, sets: scenario.sets)
        let result = try ProgressBar.run(progress, quiet: quiet, label: "sampling") { tick in
            try FleetUncertainty.evaluate(document: document, options: options(overrides: scenario.sets), progress: tick)
        }
        return (document, result)
    }
}

extension SamplingOptions {
    /// Opens each scenario with the shared `--set` values, applies each `--variant` to the
    /// first and checks them all, then evaluates them with common random numbers: the glue
    /// of `compare`, in one place.
    func compare(scenarios: [String], sets: [String], variants: [String], metrics: [Metric],
                 progress: ProgressMode, quiet: Bool) throws -> Comparison {
        let specs = try variants.map(VariantSpec.parse)
        let documents = try (scenarios.isEmpty ? [nil] : scenarios.map { Optional($0) })
            .map { try ScenarioDocument.open(path: $0, sets: sets) }
        let chosen = try ScenarioVariant.variants(scenarios: documents, specs: specs)
        return try ProgressBar.run(progress, quiet: quiet, label: "compare") { tick in
            try FleetUncertainty.compare(variants: chosen, metrics: metrics, options: options(overrides: sets), progress: tick)
        }
    }
}

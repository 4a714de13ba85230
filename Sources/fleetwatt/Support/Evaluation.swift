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

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

import FleetModel

extension ScenarioOptions {
    /// The named scenario with its `--set` values, validated and evaluated at base values:
    /// the one way in of every command that evaluates.
    func prepared() throws -> PreparedScenario { try PreparedScenario.open(scenario, sets: sets) }
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

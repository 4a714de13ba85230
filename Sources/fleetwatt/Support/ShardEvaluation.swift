import FleetModel

extension SamplingOptions {
    /// Shard `shard` of the Monte Carlo run `run` or `report` would make: shard 0 also
    /// carries the base result, with what `decorate` adds to it (report's tornado).
    func partial(_ scenario: ScenarioOptions, shard: Shard, command: String, progress: @escaping (Int, Int) -> Void,
                 decorate: (inout FleetResult, ScenarioDocument, UncertaintyOptions) throws -> Void = { _, _, _ in })
        throws -> PartialResult {
        let document = try ScenarioDocument.open(path: scenario.scenario, sets: scenario.sets)
        let options = options(overrides: scenario.sets)
        var head: FleetResult?
        if shard.index == 0 {
            var base = try FleetUncertainty.baseResult(document: document, options: options)
            try decorate(&base, document, options)
            head = base
        }
        return try FleetUncertainty.runPartial(document: document, options: options, shard: shard, command: command,
                                               head: head, progress: progress)
    }
}

import FleetModel

extension SamplingOptions {
    /// Shard `shard` of the Monte Carlo run `run` or `report` would make of `scenario`: shard 0
    /// also carries the base result, with what `decorate` adds to it (report's tornado).
    func partial(_ scenario: PreparedScenario, shard: Shard, command: String, progress: @escaping (Int, Int) -> Void,
                 decorate: (inout FleetResult, UncertaintyOptions) throws -> Void = { _, _ in })
        throws -> PartialResult {
        let options = options()
        var head = scenario.head(of: shard, options)
        if head != nil { try decorate(&head!, options) }
        return try scenario.runPartial(options: options, shard: shard, command: command, head: head, progress: progress)
    }
}

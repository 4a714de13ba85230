import Foundation

/// A stretch of a comparison's samples, as `compare --shard I/N` writes it: per variant, a
/// `MonteCarloPartial` of the compared metrics' whole-term totals (the samples that
/// succeeded in every variant, in sample order, with their block moments and the failed
/// samples); shard 0 also the comparison without its statistics (names, scenarios, changes,
/// shared inputs and the run block). `merge` joins the variants' parts in sample order and
/// takes the statistics and differences from the joined totals, as the unsharded comparison does.
public struct ComparePartial: Sendable {
    /// The comparison without statistics: shard 0 only.
    public var frame: Comparison?
    /// Per variant, in order; all over the same samples.
    public var variants: [MonteCarloPartial]

    public init(frame: Comparison?, variants: [MonteCarloPartial]) {
        self.frame = frame
        self.variants = variants
    }
}

extension ScenarioVariant {
    /// Shard `shard` of `compare(_:metrics:options:sets:)` (`options.samples > 0`): the
    /// variants at the samples of its whole blocks of `MonteCarloRunner.blockSize`, at common
    /// random numbers as the unsharded comparison draws them.
    public static func comparePartial(_ variants: [ScenarioVariant], metrics: [Metric] = Metric.allCases,
                                      options: UncertaintyOptions, sets: [String] = [], shard: Shard,
                                      progress: ((Int, Int) -> Void)? = nil) throws -> PartialResult {
        guard options.samples > 0 else { throw UncertaintyError.invalidOption("--shard: needs --samples of 1 or more") }
        let prepared = try variants.map { try PreparedScenario(document: $0.document) }
        let frame = shard.index == 0
            ? ComparisonEngine.frame(variants, prepared: prepared, metrics: metrics, options: options, sets: sets) : nil
        let range = options.runner.sampleRange(of: shard)
        let parts = try ComparisonEngine.evaluate(prepared, metrics: metrics, options: options, range: range,
                                                  progress: progress)
        var header = prepared[0].partialHeader(
            .compare, command: "compare", options: options,
            settings: ["block_size": "\(MonteCarloRunner.blockSize)", "metrics": metrics.map(\.rawValue).joined(separator: ",")],
            shard: shard, range: range)
        // Every variant's scenario file and resolved inputs, not only the baseline's.
        header.scenarioSHA256 = ScenarioHash.sha256Hex(Data(prepared.map(\.info.sha256).joined(separator: "\n").utf8))
        header.resolvedSHA256 = ScenarioHash.sha256Hex(Data(prepared.map(\.resolvedHash).joined(separator: "\n").utf8))
        header.variants = variants.map { $0.changes.isEmpty ? $0.name : "\($0.name): " + $0.changes.joined(separator: ",") }
        return PartialResult(header: header, head: nil, content: .compare(ComparePartial(frame: frame, variants: parts)))
    }
}

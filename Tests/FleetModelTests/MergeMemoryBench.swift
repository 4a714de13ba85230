import Foundation
import Testing
@testable import FleetModel

/// Writes the partial results of a sharded run of the default scenario's size, for measuring
/// `fleetwatt merge` (docs/SCALE-OUT.md). Only when FLEETWATT_MERGE_BENCH names a folder and
/// FLEETWATT_MERGE_BENCH_SAMPLES / _SHARDS give the run (default 1,000,000 and 100).
///
/// Evaluating 10⁶ samples of the real scenario takes about an hour on two cores, so the parts
/// come from a stand-in model with the scenario's exact output layout (every metric, year,
/// month and cohort value) whose outputs are the base values scaled by sampled factors: the
/// files, and so the merge's work and memory, have the real run's sizes. Shard 0 carries the
/// real base result.
@Suite("Merge memory benchmark")
struct MergeMemoryBench {
    static let folder = ProcessInfo.processInfo.environment["FLEETWATT_MERGE_BENCH"]

    @Test(.enabled(if: folder != nil, "set FLEETWATT_MERGE_BENCH=DIR to write the benchmark's parts"))
    func writeParts() throws {
        let env = ProcessInfo.processInfo.environment
        let samples = Int(env["FLEETWATT_MERGE_BENCH_SAMPLES"] ?? "") ?? 1_000_000
        let shards = Int(env["FLEETWATT_MERGE_BENCH_SHARDS"] ?? "") ?? 100
        let dir = URL(fileURLWithPath: try #require(Self.folder))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let scenario = try PreparedScenario.open()
        let options = UncertaintyOptions(samples: samples, threads: 2)
        let head = scenario.baseResult(options)
        let real = FleetSampleModel(scenario)
        let space = scenario.inputs, base = real.base
        let standIn = FunctionModel(layout: real.layout) { x, y in
            let f = 1 + 0.01 * (x[0] / max(1, abs(space.base[0])) - 1) + 0.001 * x[1].truncatingRemainder(dividingBy: 7)
            for s in y.indices { y[s] = base[s] * f }
        }
        for i in 0..<shards {
            let shard = try Shard(index: i, count: shards)
            let part = try options.runner.partial(model: standIn, inputs: space, shard: shard)
            let header = scenario.partialHeader(.run, command: "run", options: options,
                                                settings: ["block_size": "\(MonteCarloRunner.blockSize)",
                                                           "pilot_size": "\(options.runner.pilotSize)",
                                                           "quantile_bins": "\(options.runner.quantileBins)"],
                                                shard: shard, range: part.range)
            try PartialResult(header: header, head: i == 0 ? head : nil, content: .run(part)).encoded()
                .write(to: dir.appendingPathComponent(String(format: "part-%05d.fwpart", i)))
        }
    }
}

import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

/// `compare --shard I/N` and `sensitivity --method tornado --shard I/N` in the library: the
/// parts, written to the partial-result format and read back, join into exactly (bit for
/// bit) what the unsharded comparison and tornado give. The CLI's byte-for-byte checks are
/// in fleetwattTests/ShardCommandTests.swift.
@Suite("Shard and merge: compare and tornado")
struct CompareTornadoShardTests {
    struct Refused: Error {}

    /// Variant A: two inputs, two metrics.
    static let a = FunctionModel(layout: OutputLayout(metrics: [.itEnergy, .pue], years: [], months: [])) { x, y in
        y[0] = x[0] * x[0] + 3 * x[1]
        y[1] = 1.1 + 0.02 * x[0]
    }
    /// Variant B: A's inputs and one of its own (so the unit points span the union of both),
    /// failing where b > 1.97 (about 1.5 % of samples), so that failed samples, left out of
    /// both variants, cross shard boundaries.
    static let b = FunctionModel(layout: OutputLayout(metrics: [.itEnergy, .pue], years: [], months: [])) { x, y in
        if x[1] > 1.97 { throw Refused() }
        y[0] = x[0] * x[0] + 3 * x[1] + x[2]
        y[1] = 1.1 + 0.02 * x[0] + 0.01 * x[2]
    }
    static let spaces = [
        try! InputSpace(inputs: [TestDistribution.exponential(1).input("a"), TestDistribution.uniform(0, 2).input("b")]),
        try! InputSpace(inputs: [TestDistribution.exponential(1).input("a"), TestDistribution.uniform(0, 2).input("b"),
                                 TestDistribution.uniform(0, 1).input("c")]),
    ]
    static let metrics: [Metric] = [.itEnergy, .pue]

    static func frame(_ options: UncertaintyOptions) -> Comparison {
        let run = FleetResult.RunInfo(samples: options.samples, seed: options.seed, sampler: options.sampler.rawValue,
                                      threads: options.threads, timestamp: "2026-12-07T10:00:00Z")
        let variants = ["A", "B"].enumerated().map { k, name in
            Comparison.Variant(name: name, scenario: ScenarioInfo(id: name, title: name, source: "test",
                                                                  sha256: String(repeating: "a", count: 64)),
                               changes: [], uncertainInputs: spaces[k].dimension, totals: [:])
        }
        return Comparison(run: run, metrics: metrics, variants: variants, differences: [],
                          sharedInputs: ComparisonEngine.sharedInputs(spaces), diagnostics: .init())
    }

    static func evaluate(_ options: UncertaintyOptions, range: Range<Int>) throws -> [MonteCarloPartial] {
        let bases = try [MonteCarloRunner.evaluateBase(model: a, inputs: spaces[0]),
                         MonteCarloRunner.evaluateBase(model: b, inputs: spaces[1])]
        return try ComparisonEngine.evaluate(models: [a, b], spaces: spaces, bases: bases, metrics: metrics,
                                             options: options, range: range, progress: nil)
    }

    @Test(arguments: [1, 3, 7], SamplerKind.allCases)
    func compareMergesToTheUnshardedComparison(shards: Int, sampler: SamplerKind) throws {
        let samples = ShardMergeTests.samples
        let options = UncertaintyOptions(samples: samples, seed: 11, sampler: sampler, threads: 2)
        let parts = try Self.evaluate(options, range: 0..<samples)
        var whole = CompareMerge(first: parts)
        try whole.add(parts)
        let expected = try ComparisonEngine.summarize(try whole.paired(), frame: Self.frame(options))
        #expect(expected.diagnostics.failedSamples > 0 && expected.diagnostics.failedSamples < samples / 10)
        #expect(expected.sharedInputs == ["a", "b"])

        var merge: CompareMerge?, frame: Comparison?
        for i in 0..<shards {
            let shard = try Shard(index: i, count: shards)
            let sharded = UncertaintyOptions(samples: samples, seed: 11, sampler: sampler, threads: 1)
            let range = sharded.runner.sampleRange(of: shard)
            let part = ComparePartial(frame: i == 0 ? Self.frame(options) : nil,
                                      variants: try Self.evaluate(sharded, range: range))
            let read = try ShardMergeTests.roundTrip(PartialResult(
                header: ShardMergeTests.header(.compare, shard: shard, range: range), head: nil, content: .compare(part)))
            guard case .compare(let p) = read.content else { Issue.record("not a compare part"); return }
            #expect(p.variants == part.variants)
            if i == 0 { frame = p.frame }
            if merge == nil { merge = CompareMerge(first: p.variants) }
            try merge!.add(p.variants)
        }
        let merged = try ComparisonEngine.summarize(try #require(merge).paired(), frame: try #require(frame))
        #expect(merged == expected)
    }

    /// The paired statistics are those of the variants' totals sample by sample: each
    /// difference's mean is the difference of the means (to rounding), and the samples left
    /// out are the same in both variants.
    @Test func differencesArePairedSampleBySample() throws {
        let options = UncertaintyOptions(samples: 3_000, seed: 5, threads: 2)
        let parts = try Self.evaluate(options, range: 0..<3_000)
        #expect(parts[0].totals[0].count == parts[1].totals[0].count)
        #expect(parts[0].totals[0].count == 3_000 - parts[0].failedCount && parts[0].failedCount > 0)
        var merge = CompareMerge(first: parts)
        try merge.add(parts)
        let c = try ComparisonEngine.summarize(try merge.paired(), frame: Self.frame(options))
        let ma = try #require(c.variants[0].totals[.itEnergy]?.mean), mb = try #require(c.variants[1].totals[.itEnergy]?.mean)
        let d = try #require(c.differences[0].totals[.itEnergy])
        expectClose(try #require(d.mean), mb - ma, relative: 1e-12)
        // B − A is c alone, uniform on [0, 1]: mean ½, sd 1/√12.
        expectClose(try #require(d.mean), 0.5, absolute: 0.02)
        expectClose(try #require(d.sd), 1 / 12.0.squareRoot(), relative: 0.03)
    }

    @Test(arguments: [1, 3, 7])
    func tornadoMergesToTheUnshardedRanking(shards: Int) throws {
        let model = SobolIndicesTests.model, space = SobolIndicesTests.space
        let whole = try SensitivityAnalysis.tornado(model: model, inputs: space, threads: 2)
        #expect(whole.rankings[.facilityEnergy]?.count == 3)
        var joined: TornadoPartial?
        for i in 0..<shards {
            let shard = try Shard(index: i, count: shards)
            let range = shard.share(of: 2 * space.dimension + 1)
            let part = try SensitivityAnalysis.tornadoPartial(model: model, inputs: space, range: range, threads: 1)
            let read = try ShardMergeTests.roundTrip(PartialResult(
                header: ShardMergeTests.header(.tornado, shard: shard, range: range), head: nil, content: .tornado(part)))
            guard case .tornado(let p) = read.content else { Issue.record("not a tornado part"); return }
            #expect(p == part)
            if joined == nil { joined = p } else { try joined!.append(p) }
        }
        #expect(try SensitivityAnalysis.tornadoRanking(try #require(joined)) == whole)
    }

    /// A point that fails stops the merged tornado with the unsharded message: the first failed point.
    @Test func failedTornadoPointFailsTheMergeAsTheWhole() throws {
        // x2's P90 is −π + 0.9 · 2π ≈ 2.51: its high point fails.
        let model = FunctionModel(layout: OutputLayout(metrics: [.facilityEnergy], years: [], months: [])) { x, y in
            if x[1] > 2.5 { throw Refused() }
            y[0] = x[0] + x[1]
        }
        let space = SobolIndicesTests.space
        func message(_ body: () throws -> Sensitivity) -> String {
            do { _ = try body(); return "" } catch { return "\(error)" }
        }
        let whole = message { try SensitivityAnalysis.tornado(model: model, inputs: space, threads: 1) }
        #expect(whole.contains("tornado evaluation failed at sample 4"), "\(whole)")
        let merged = message {
            var joined: TornadoPartial?
            for i in 0..<3 {
                let range = try Shard(index: i, count: 3).share(of: 7)
                let p = try SensitivityAnalysis.tornadoPartial(model: model, inputs: space, range: range, threads: 1)
                if joined == nil { joined = p } else { try joined!.append(p) }
            }
            return try SensitivityAnalysis.tornadoRanking(try #require(joined))
        }
        #expect(merged == whole)
    }
}

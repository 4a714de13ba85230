import Foundation
import Testing
@testable import FleetModel

/// The Monte Carlo reduction's fast layout (`RunningStatistics`, `StoredTotals`) gives to the
/// bit what adding every sample's outputs, one value at a time, to a `MomentAccumulator`
/// and a `StreamingQuantiles` per slot gives, for whole runs and for shards.
@Suite("Running statistics")
struct RunningStatisticsTests {
    struct Refused: Error {}

    /// Five metrics over two years of 40 months plus three extras (218 slots, so the workers'
    /// shares span several tiles), failing where b > 1.97. `pue` is facility / IT energy
    /// except where b > 1.9 and `load_site_hours` is constant except where a > 3, so both
    /// predicted totals are stored part-way through a run.
    static let model: FunctionModel = {
        let months = (0..<40).map { "20\(26 + $0 / 12)-\(String(format: "%02d", $0 % 12 + 1))" }
        let layout = OutputLayout(metrics: [.itEnergy, .facilityEnergy, .pue, .loadSiteHours, .waterOnsite],
                                  years: ["2026", "2027"], months: months, extras: ["x", "y", "z"])
        return FunctionModel(layout: layout) { x, y in
            let (a, b) = (x[0], x[1])
            if b > 1.97 { throw Refused() }
            let it = 100 + a * a, facility = it * 1.1 + b
            y[0] = it
            y[1] = facility
            y[2] = facility / it + (b > 1.9 ? 1e-3 : 0)
            y[3] = a > 3 ? 8_000 : 8_760
            y[4] = b > 1 ? -0.0 : 0.0  // predicted constant only while the bits agree
            for m in 0..<5 {
                for k in 0..<2 { y[layout.annual(m, k)] = y[m] * (0.4 + 0.2 * Double(k)) + sin(a * Double(k + m)) }
                for k in 0..<40 { y[layout.monthly(m, k)] = y[m] / 40 + cos(b * Double(k + 1)) * Double(m + 1) }
            }
            for e in 0..<3 { y[layout.extra(e)] = a * Double(e) - b }
        }
    }()

    static let space = try! InputSpace(inputs: [TestDistribution.exponential(1).input("a"),
                                                TestDistribution.uniform(0, 2).input("b")])
    static let samples = 2_600
    static let seed: UInt64 = 5

    /// Sample j's outputs, or nil where the model refuses it.
    static func outputs(_ j: Int) -> [Double]? {
        let sampler = RandomSampler(dimension: 2, seed: seed)
        var cursor = sampler.makeCursor(), u = [0.5, 0.5], x = [0.0, 0.0]
        var y = [Double](repeating: .nan, count: model.layout.count)
        sampler.point(j, cursor: &cursor, into: &u)
        space.map(u, into: &x)
        return (try? model.function(x, &y)) == nil ? nil : y
    }

    /// The statistics of samples `range` added one value at a time, as the runner did before.
    static func reference(_ range: Range<Int>, all: [[Double]?], keepBlocks: Bool)
        -> (moments: [MomentAccumulator], totals: [[Double]], streams: [StreamingQuantiles]) {
        let layout = model.layout, slots = layout.count, metrics = layout.metrics.count
        let blockSize = MonteCarloRunner.blockSize, pilot = 1_000
        var streams = [StreamingQuantiles](repeating: StreamingQuantiles(pilotSize: pilot, bins: 1_024),
                                           count: slots - metrics)
        if range.lowerBound > 0, range.upperBound > pilot {
            for i in streams.indices {
                let pilotValues = all[0..<pilot].compactMap { $0?[metrics + i] }
                streams[i].layBins(pilotMinimum: pilotValues.min()!, pilotMaximum: pilotValues.max()!)
            }
        }
        var block = [MomentAccumulator](repeating: .init(), count: slots)
        var moments: [MomentAccumulator] = []
        var joined = [MomentAccumulator](repeating: .init(), count: slots)
        var totals = [[Double]](repeating: [], count: metrics)
        func finish() {
            if keepBlocks { moments += block } else { for s in 0..<slots { joined[s] = joined[s].combined(with: block[s]) } }
            block = [MomentAccumulator](repeating: .init(), count: slots)
        }
        for j in range {
            if j > range.lowerBound, j % blockSize == 0 { finish() }
            if j == pilot, range.lowerBound == 0 { for i in streams.indices { streams[i].layBins() } }
            guard let y = all[j] else { continue }
            for s in 0..<slots {
                block[s].add(y[s])
                if s < metrics { totals[s].append(y[s]) } else if j < pilot { streams[s - metrics].addPilot(y[s]) } else {
                    streams[s - metrics].addBinned(y[s])
                }
            }
        }
        finish()
        return (keepBlocks ? moments : joined, totals, streams)
    }

    static func bits(_ xs: [Double]) -> [UInt64] { xs.map(\.bitPattern) }

    @Test(arguments: [1, 2, 3])
    func shardsHoldWhatAddingEachValueGives(shards: Int) throws {
        let all = (0..<Self.samples).map(Self.outputs)
        #expect(all.contains { $0 == nil })
        for i in 0..<shards {
            var fast = MonteCarloRunner(samples: Self.samples, seed: Self.seed, threads: 3)
            fast.chunkSize = 16
            let part = try fast.partial(model: Self.model, inputs: Self.space, shard: try Shard(index: i, count: shards))
            let ref = Self.reference(part.range, all: all, keepBlocks: true)
            #expect(part.blockMoments == ref.moments)
            #expect(part.totals.map(Self.bits) == ref.totals.map(Self.bits))
            #expect(part.streams == ref.streams)
        }
    }

    @Test(arguments: [1, 2, 4])
    func aRunSummarisesWhatAddingEachValueGives(threads: Int) throws {
        let all = (0..<Self.samples).map(Self.outputs)
        let ref = Self.reference(0..<Self.samples, all: all, keepBlocks: false)
        let failed = all.indices.filter { all[$0] == nil }
        let base = [Double](repeating: 1, count: Self.model.layout.count)
        let expected = try UncertaintySummary.sampled(
            layout: Self.model.layout, samples: Self.samples, base: base, inputPaths: ["a", "b"],
            moments: ref.moments, totals: StoredTotals(columns: ref.totals), streams: ref.streams,
            failedCount: failed.count, failures: failed.prefix(20).map { SampleFailure(index: $0, inputs: [], reason: "") },
            notes: [])
        let run = try MonteCarloRunner(samples: Self.samples, seed: Self.seed, threads: threads)
            .run(model: Self.model, inputs: Self.space, base: base)
        #expect(run.totals == expected.totals)
        #expect(run.histograms == expected.histograms)
        #expect(run.annual == expected.annual)
        #expect(run.monthly == expected.monthly)
        #expect(run.extras == expected.extras)
    }

    @Test func storedTotalsGiveBackEveryValueToTheBit() {
        // Metrics 0 and 1 feed the ratio (pue); 2 is the ratio until row 300; 3 is constant +0
        // until row 500, then −0; 4 is constant throughout; 5 changes from row 1.
        let metrics: [Metric] = [.facilityEnergy, .itEnergy, .pue, .loadSiteHours, .gpusInstalledPeak, .waterOnsite]
        var stored = StoredTotals(metrics: metrics, capacity: 1_000)
        var expected = [[Double]](repeating: [], count: metrics.count)
        for i in 0..<1_000 {
            let fac = 1e6 + Double(i * i % 977), it = i % 7 == 0 ? 0 : 9e5 + Double(i)
            let row = [fac, it, i < 300 ? (it > 0 ? fac / it : 0) : Double(i), i < 500 ? 0.0 : -0.0, 42, Double(i)]
            row.withUnsafeBufferPointer { stored.append($0.baseAddress!) }
            for m in row.indices { expected[m].append(row[m]) }
        }
        #expect(stored.count == 1_000)
        for m in metrics.indices { #expect(Self.bits(stored.values(m)) == Self.bits(expected[m]), "\(metrics[m])") }
        #expect(stored.columnsInFull.map(Self.bits) == expected.map(Self.bits))
        #expect(StoredTotals(metrics: metrics, capacity: 0).values(2).isEmpty)
    }
}

import Foundation
import Testing
@testable import FleetModel

/// The engine wired to the scenario loader and the physics, on the embedded
/// `h100-training-100k` scenario (one Texas site, four years: quick in debug builds).
@Suite("Uncertainty on the fleet")
struct UncertaintyFleetTests {
    static let name = "h100-training-100k"

    /// The document with every uncertain input fixed at its base except `keep`.
    static func document(keeping keep: [String]) throws -> ScenarioDocument {
        var doc = try ScenarioDocument.embedded(name: name)
        for p in doc.uncertainParameters where !keep.contains(p.path) { try doc.set(p.path, to: "\(p.base)") }
        return doc
    }

    static func close(_ a: Double, _ b: Double, _ rel: Double = 1e-12) -> Bool {
        abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)
    }

    /// The sampled path (FleetSampleModel) at base values reproduces the deterministic result
    /// of every metric for the whole term, each year and each month; sampled statistics are
    /// ordered and identical for 2 threads (through `PreparedScenario`, its base read from the
    /// deterministic result) and 1 (the bare runner, evaluating the base again).
    @Test func sampledRunMatchesDeterministicAndThreads() throws {
        let scenario = try PreparedScenario(document: ScenarioDocument.embedded(name: Self.name))
        let deterministic = try scenario.evaluate(.init(samples: 0, threads: 1))
        let one = try scenario.evaluate(.init(samples: 4, seed: 3, threads: 2))
        let two = try MonteCarloRunner(samples: 4, seed: 3, threads: 1)
            .run(model: FleetSampleModel(scenario), inputs: try InputSpace(document: scenario.document))
        #expect(deterministic.breakdown != nil && one.breakdown != nil)
        for metric in Metric.allCases {
            let d = try #require(deterministic.totals[metric]), s = try #require(one.totals[metric])
            #expect(Self.close(d.base, s.base), "\(metric): \(d.base) vs \(s.base)")
            #expect(d.mean == nil && s.mean != nil)
            let p05 = try #require(s.p05), p50 = try #require(s.p50), p95 = try #require(s.p95)
            #expect(p05 <= p50 && p50 <= p95)
            #expect(one.diagnostics.mcStandardError[metric] != nil)
        }
        #expect(deterministic.annual.map(\.period) == one.annual.map(\.period))
        #expect(deterministic.monthly.map(\.period) == one.monthly.map(\.period))
        for (d, s) in zip(deterministic.annual + deterministic.monthly, one.annual + one.monthly) {
            for metric in Metric.allCases {
                #expect(Self.close(d.values[metric]!.base, s.values[metric]!.base), "\(s.period) \(metric)")
            }
        }
        // The bare runner's summary, written into the deterministic result as `PreparedScenario.evaluate` does.
        var applied = deterministic
        two.apply(to: &applied)
        #expect(one.totals == applied.totals && one.annual == applied.annual && one.monthly == applied.monthly)
        #expect(one.breakdown == applied.breakdown)
        #expect(one.diagnostics.mcStandardError == two.mcStandardError)
        #expect(one.histograms == two.histograms)
        #expect(try #require(one.totals[.itEnergy]?.sd) > 0)
        #expect(one.run.samples == 4 && one.run.sampler == "random")
    }

    /// Tornado on the physics: the grid's carbon intensity moves location-based carbon and
    /// leaves IT energy exactly unchanged; training utilization raises IT energy.
    @Test func tornadoFollowsThePhysics() throws {
        let carbon = "grids.erct.carbon_intensity.base_kg_per_kwh"
        let utilization = "fleet.cohorts.h100-tx.workload.training_utilization_fraction"
        let doc = try Self.document(keeping: [carbon, utilization])
        let s = try PreparedScenario(document: doc).tornado(metrics: [.itEnergy, .carbonLocation], threads: 2)
        let it = try #require(s.rankings[.itEnergy])
        #expect(it.map(\.path) == [utilization, carbon])
        #expect(it[1].swing == 0)
        #expect(try #require(it[0].highValue) > (try #require(it[0].lowValue)))
        let co2 = try #require(s.rankings[.carbonLocation]?.first { $0.path == carbon })
        #expect(try #require(co2.swing) > 0)
        #expect(s.rankings[.pue] == nil)
    }

    /// Sobol on the physics: an input that cannot touch a metric gets indices of exactly 0.
    @Test func sobolIndicesOfAnInertInputAreZero() throws {
        let carbon = "grids.erct.carbon_intensity.base_kg_per_kwh"
        let utilization = "fleet.cohorts.h100-tx.workload.training_utilization_fraction"
        let doc = try Self.document(keeping: [carbon, utilization])
        let r = try PreparedScenario(document: doc).sobol(baseSamples: 8, bootstrap: 10, metrics: [.itEnergy],
                                                          options: .init(seed: 4, sampler: .sobol, threads: 2))
        #expect(r.evaluations == 8 * 4)
        let entries = try #require(r.sensitivity.rankings[.itEnergy])
        let inert = try #require(entries.first { $0.path == carbon })
        #expect(inert.firstOrder == 0 && inert.totalOrder == 0 && inert.rank == 2)
        #expect(entries.first?.path == "fleet.cohorts.h100-tx.workload.training_utilization_fraction")
        #expect(try #require(entries.first?.totalOrder) > 0)
    }

    /// A sweep of the GPU count: IT energy is proportional to it; rows in grid order.
    @Test func sweepOfCountScalesITEnergy() throws {
        let scenario = try PreparedScenario(document: Self.document(keeping: []))
        let path = "fleet.cohorts.h100-tx.count"
        let spec = try SweepSpec.parse(["\(path)=50000,100000"])
        let sweep = try scenario.sweep(spec, metrics: [.itEnergy, .pue], options: .init(samples: 0, threads: 2))
        #expect(sweep.rows.map { $0.point[path] } == [50_000, 100_000])
        let e = sweep.rows.map { $0.totals[.itEnergy]!.base }
        #expect(Self.close(e[1], 2 * e[0], 1e-9))
        #expect(sweep.rows.allSatisfy { $0.totals.keys.sorted() == [.itEnergy, .pue] })
        #expect(throws: (any Error).self) {
            try scenario.sweep(try SweepSpec.parse(["fleet.cohorts.h100-tx.nope=1,2"]), metrics: [.pue],
                               options: .init(samples: 0))
        }
    }

    /// A sampled sweep reports counts as `run` does: the GPUs installed (count × (1 + sampled
    /// spare fraction)) have whole-number base and percentiles, while the mean stays fractional.
    @Test func sampledSweepReportsCountsAsWholeNumbers() throws {
        let scenario = try PreparedScenario(document: Self.document(keeping: ["fleet.cohorts.h100-tx.spare_fraction"]))
        let spec = try SweepSpec.parse(["fleet.cohorts.h100-tx.count=50000,100000"])
        let sweep = try scenario.sweep(spec, metrics: [.gpusInstalledPeak], options: .init(samples: 5, seed: 2, threads: 2))
        for row in sweep.rows {
            let s = try #require(row.totals[.gpusInstalledPeak])
            let mean = try #require(s.mean)
            #expect(mean != mean.rounded(), "the sampled counts are fractional before reporting: \(mean)")
            for v in [s.base, s.p05, s.p50, s.p95] {
                let v = try #require(v)
                #expect(v == v.rounded(), "\(row.point): \(s)")
            }
        }
    }
}

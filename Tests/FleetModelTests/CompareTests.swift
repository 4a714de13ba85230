import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

/// `ScenarioVariant.compare`: variants at common random numbers, on the embedded
/// `h100-training-100k` scenario (one Texas site, four years, seven uncertain inputs).
@Suite("Comparing scenarios with common random numbers")
struct CompareTests {
    static let name = "h100-training-100k"
    static let options = UncertaintyOptions(samples: 48, seed: 7, threads: 2)

    static func variants(_ flags: [String]) throws -> [ScenarioVariant] {
        let base = try ScenarioDocument.embedded(name: name)
        return try ScenarioVariant.variants(scenarios: [base], specs: try flags.map(VariantSpec.parse))
    }

    /// A variant that sets a value to what it already is evaluates the same physics at the
    /// same samples: every difference is exactly 0 in every sample (P5 = P50 = P95 = sd = 0).
    @Test func identicalVariantDiffersByExactlyZero() throws {
        let c = try ScenarioVariant.compare(try Self.variants(["same:fleet.cohorts.h100-tx.count=100000"]),
                                            options: Self.options)
        #expect(c.variants.map(\.name) == [Self.name, "same"])
        #expect(c.differences.map(\.name) == ["same − \(Self.name)"])
        #expect(c.sharedInputs.count == c.variants[0].uncertainInputs && c.sharedInputs.count > 0)
        for m in Metric.allCases {
            let d = try #require(c.differences[0].totals[m])
            #expect(d.base == 0 && d.p05 == 0 && d.p50 == 0 && d.p95 == 0 && d.sd == 0, "\(m): \(d)")
            #expect(c.variants[0].totals[m] == c.variants[1].totals[m], "\(m)")
        }
    }

    /// IT energy is linear in the GPU count (one cohort, count fixed): 120,000 GPUs instead of
    /// 100,000 give, sample by sample, B − A = 0.2·A, so every quantile of the difference is
    /// 0.2 × the baseline's; PUE (a ratio) is unchanged by the count to well under 1 %.
    @Test func linearInputGivesProportionalDifference() throws {
        let c = try ScenarioVariant.compare(try Self.variants(["more:fleet.cohorts.h100-tx.count=120000"]),
                                            metrics: [.itEnergy, .gpuHours], options: Self.options)
        for m in [Metric.itEnergy, .gpuHours] {
            let a = try #require(c.variants[0].totals[m]), d = try #require(c.differences[0].totals[m])
            expectClose(d.base, 0.2 * a.base, relative: 1e-9, "\(m) base")
            expectClose(try #require(d.p05), 0.2 * (try #require(a.p05)), relative: 1e-9, "\(m) P5")
            expectClose(try #require(d.p50), 0.2 * (try #require(a.p50)), relative: 1e-9, "\(m) P50")
            expectClose(try #require(d.p95), 0.2 * (try #require(a.p95)), relative: 1e-9, "\(m) P95")
            expectClose(try #require(d.sd), 0.2 * (try #require(a.sd)), relative: 1e-9, "\(m) sd")
        }
    }

    /// Counts read as whole numbers, as `run` reports them (`Stats.reported(as:)`): the GPU-count
    /// percentiles of every variant and difference of the default, whose other counts stay uncertain.
    @Test func countsAreReportedAsWholeNumbers() throws {
        let base = try ScenarioDocument.embeddedDefault()
        let variants = try ScenarioVariant.variants(scenarios: [base],
                                                    specs: [try VariantSpec.parse("fixed:fleet.cohorts.gb200-use1.count=80000")])
        let c = try ScenarioVariant.compare(variants, metrics: [.gpusInstalledPeak], options: Self.options)
        let stats = c.variants.compactMap { $0.totals[.gpusInstalledPeak] } + c.differences.compactMap { $0.totals[.gpusInstalledPeak] }
        #expect(stats.count == 3)
        for s in stats {
            for q in [s.p05, s.p50, s.p95] {
                let x = try #require(q)
                #expect(x == x.rounded(), "\(x)")
            }
        }
    }

    /// Common random numbers make the difference's spread far smaller than independent sampling
    /// would: a warmer cooling-tower approach moves facility energy by a little, while the
    /// uncertain inputs shared by both move each variant by a lot.
    @Test func commonRandomNumbersNarrowTheDifference() throws {
        let c = try ScenarioVariant.compare(try Self.variants(["warm:sites.us-tx.cooling.approach_c=8"]),
                                            metrics: [.facilityEnergy], options: Self.options)
        let d = try #require(c.differences[0].totals[.facilityEnergy])
        let independent = try #require(c.differences[0].sdIfIndependent[.facilityEnergy])
        let sd = try #require(d.sd)
        #expect(sd > 0)
        #expect(sd < 0.1 * independent, "sd of B − A \(sd) vs \(independent) if sampled independently")
        let band = try #require(d.p95) - (try #require(d.p05))
        #expect(band < 0.1 * 2 * 1.645 * independent)
    }

    /// An input takes the same unit value at sample i whatever other inputs the variants have
    /// and in whatever order: the point of matching by path.
    @Test func unitValuesDependOnPathNotPosition() {
        let a = CommonRandomSampler(paths: ["x.a", "x.b", "x.c"], seed: 11)
        let b = CommonRandomSampler(paths: ["x.c", "x.z", "x.a"], seed: 11)
        let other = CommonRandomSampler(paths: ["x.a"], seed: 12)
        var u = [Double](repeating: 0, count: 3), v = u, w = [0.0]
        var differs = 0
        var cursor: Void = ()
        for i in 0..<200 {
            a.point(i, cursor: &cursor, into: &u)
            b.point(i, cursor: &cursor, into: &v)
            other.point(i, cursor: &cursor, into: &w)
            #expect(u[0] == v[2] && u[2] == v[0], "sample \(i)")
            #expect(u.allSatisfy { $0 > 0 && $0 < 1 })
            if w[0] != u[0] { differs += 1 }
        }
        #expect(differs == 200, "another seed gives other values")
    }

    /// A variant that changes which inputs are uncertain keeps the shared ones common: fixing
    /// the H100's idle power (a small effect) leaves the other inputs matched by path, so the
    /// difference stays narrow; matched by position they would shift and the difference would
    /// be as wide as independent sampling.
    @Test func variantsWithDifferentInputsShareTheRest() throws {
        let c = try ScenarioVariant.compare(
            try Self.variants(["fixed:hardware.h100-sxm.idle_bare_w=70"]),
            metrics: [.facilityEnergy], options: Self.options)
        #expect(c.variants[1].uncertainInputs == c.variants[0].uncertainInputs - 1)
        #expect(c.sharedInputs.count == c.variants[1].uncertainInputs)
        #expect(!c.sharedInputs.contains("hardware.h100-sxm.idle_bare_w"))
        let sd = try #require(c.differences[0].totals[.facilityEnergy]?.sd)
        let independent = try #require(c.differences[0].sdIfIndependent[.facilityEnergy])
        #expect(sd < 0.2 * independent, "sd of B − A \(sd) vs \(independent) if sampled independently")
    }

    /// Bad variants are refused before anything is evaluated, naming the flag and the path.
    @Test func badVariantsNameTheirPath() throws {
        func message(_ flag: String) -> String {
            do { _ = try Self.variants([flag]); return "" } catch { return "\(error)" }
        }
        let unknown = message("x:fleet.cohorts.h100-tx.cuont=5")
        #expect(unknown.contains("--variant x") && unknown.contains("fleet.cohorts.h100-tx.cuont") && unknown.contains("count"), "\(unknown)")
        let negative = message("neg:fleet.cohorts.h100-tx.count=-5")
        #expect(negative.contains("--variant neg: fleet.cohorts.h100-tx.count"), "\(negative)")
        let cooling = message("c:sites.us-tx.cooling.type=liquid-tornado")
        #expect(cooling.contains("sites.us-tx.cooling.type") && cooling.contains("liquid-dry-cooler"), "\(cooling)")
        let option = message("options.expansion-2027")
        #expect(option.contains("options.expansion-2027") && option.contains("no options"), "\(option)")
        #expect(throws: UncertaintyError.self) { try VariantSpec.parse("name:") }
        #expect(throws: UncertaintyError.self) { try VariantSpec.parse("n:fleet.count") }
        #expect(throws: UncertaintyError.self) {
            try ScenarioVariant.variants(scenarios: [try ScenarioDocument.embedded(name: Self.name)], specs: [])
        }
    }

    /// Flags: a name, several changes, commas inside a distribution, a bare option switch.
    @Test func variantFlagsParse() throws {
        let v = try VariantSpec.parse("wide:a.b=triangular(1, 2, 3),c.d=liquid-tower")
        #expect(v.name == "wide")
        #expect(v.changes == [.set(path: "a.b", value: "triangular(1, 2, 3)"), .set(path: "c.d", value: "liquid-tower")])
        let s = try VariantSpec.parse("options.expansion-2027")
        #expect(s.name == nil && s.changes == [.toggle(option: "expansion-2027")])
        let doc = try ScenarioDocument.embeddedDefault()
        let off = try s.apply(to: doc)
        #expect(off.name == "expansion-2027-off" && off.changes == ["options.expansion-2027.enabled=false"])
        #expect(try off.document.decode(FleetSpec.self).fleet.cohorts.count
                < (try doc.decode(FleetSpec.self)).fleet.cohorts.count)
    }

    /// A sweep takes text for a path that holds text, checks each value before evaluating,
    /// and lists the choices of an id.
    @Test func sweepOfTextValues() throws {
        let doc = try ScenarioDocument.embedded(name: Self.name)
        let spec = try SweepSpec.parse(["sites.us-tx.cooling.type=liquid-tower,liquid-dry-cooler"])
        #expect(spec.axes[0].values == ["liquid-tower", "liquid-dry-cooler"])
        let scenario = try PreparedScenario(document: doc)
        let sweep = try scenario.sweep(spec, metrics: [.waterOnsite], options: .init(samples: 0, threads: 2))
        let water = sweep.rows.map { $0.totals[.waterOnsite]!.base }
        #expect(water[0] > 0 && water[1] < 0.5 * water[0], "dry coolers (adiabatic trim only) withdraw far less than towers: \(water)")
        func message(_ flag: String) -> String {
            do { try SweepSpec.parse([flag]).check(against: scenario); return "" } catch { return "\(error)" }
        }
        let hardware = message("fleet.cohorts.h100-tx.hardware=h100-sxm,h100-sxn")
        #expect(hardware.contains("--vary: fleet.cohorts.h100-tx.hardware") && hardware.contains("choices:")
                && hardware.contains("gb200"), "\(hardware)")
        let cooling = message("sites.us-tx.cooling.type=liquid-tower,wet")
        #expect(cooling.contains("sites.us-tx.cooling.type") && cooling.contains("liquid-dry-cooler"), "\(cooling)")
        let design = message("sites.us-tx.cooling.design=liquid-tower-chiller,dry")
        #expect(design.contains("sites.us-tx.cooling.design") && design.contains("choices: ")
                && design.contains("aws-irhx-outside-air"), "\(design)")
        let numeric = message("sites.us-tx.cooling.approach_c=3,warm")
        #expect(numeric.contains("approach_c") && numeric.contains("expected a number"), "\(numeric)")
    }
}

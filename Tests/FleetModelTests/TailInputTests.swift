import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

/// The shipped scenarios with their uncertain inputs at the tails of the declared
/// distributions (P0.1 and P99.9, where the Monte Carlo rarely goes), not base ± 50 %.
/// An input is set to a quantile the way the sampler does it: `Distribution.quantile(u)`.
@Suite("Inputs at their tails")
struct TailInputTests {
    static let tails = (low: 0.001, high: 0.999)

    /// The totals of the scenario with `overrides`, over PropertyFixtures.months months.
    static func evaluate(_ doc: ScenarioDocument, _ overrides: [String: Double], previous: FleetEvaluator? = nil,
                         _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> (FleetEvaluator, Evaluation)? {
        var spec = try doc.decode(FleetSpec.self, overrides: overrides)
        let issues = spec.validationIssues()
        #expect(issues.isEmpty, "\(what): the declared distribution gives an invalid scenario: \(issues.prefix(3))",
                sourceLocation: sourceLocation)
        guard issues.isEmpty else { return nil }
        spec.term.months = min(spec.term.months, PropertyFixtures.months)
        return try PropertyFixtures.totals(spec, previous: previous)
    }

    /// Physical bounds: every metric finite and ≥ 0, PUE ≥ 1 over the term and in every month
    /// with IT load, peak facility power ≥ average.
    static func checkBounds(_ ev: Evaluation, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let t = ev.total()
        for m in Metric.allCases {
            #expect(t[m.index].isFinite && t[m.index] >= 0, "\(what): \(m.rawValue) = \(t[m.index])",
                    sourceLocation: sourceLocation)
        }
        #expect(t[Metric.pue.index] >= 1, "\(what): PUE \(t[Metric.pue.index])", sourceLocation: sourceLocation)
        #expect(t[Metric.peakFacilityPower.index] >= t[Metric.averageFacilityPower.index] * (1 - 1e-12),
                "\(what): peak below average", sourceLocation: sourceLocation)
        for month in 0..<ev.months where ev[.itEnergy, month] > 0 {
            #expect(ev[.pue, month] >= 1, "\(what), month \(month): PUE \(ev[.pue, month])", sourceLocation: sourceLocation)
            #expect(ev[.coolingEnergy, month] >= 0 && ev[.powerDeliveryLoss, month] >= 0 && ev[.waterOnsite, month] >= 0,
                    "\(what), month \(month): a negative energy or water", sourceLocation: sourceLocation)
        }
    }

    /// The metrics that physics makes non-decreasing in an input, by the input's path.
    /// More GPUs or CPUs draw more and cost more; more host, network or storage power is more IT
    /// power; higher utilization draws more board power; a dirtier or dearer grid, more
    /// embodied carbon per unit, more water per kWh off site and larger loss or fan/pump
    /// fractions raise their own metric and nothing can lower it.
    static func nonDecreasing(_ path: String) -> [Metric] {
        let last = path.split(separator: ".").last.map(String.init) ?? ""
        if path.hasPrefix("fleet.cohorts."), last == "count" {
            return [.itEnergy, .facilityEnergy, .coolingEnergy, .powerDeliveryLoss, .carbonLocation, .electricityCost,
                    .carbonEmbodied, .gpusInstalledPeak]
        }
        if path.hasPrefix("fleet.cohorts."), last.hasSuffix("utilization_fraction") || last.hasSuffix("intensity_fraction") {
            return [.itEnergy, .facilityEnergy]
        }
        if path.hasPrefix("hardware."), ["idle_bare_w", "host_idle_w", "host_max_w", "network_w", "storage_w"].contains(last) {
            return [.itEnergy, .facilityEnergy]
        }
        if path.hasPrefix("hardware."), last == "embodied_kg" { return [.carbonEmbodied] }
        if path.hasSuffix(".carbon_intensity.base_kg_per_kwh") { return [.carbonLocation] }
        if path.hasSuffix(".price.base_usd_per_kwh") { return [.electricityCost] }
        if path.hasPrefix("grids."), last == "water_intensity_l_per_kwh" { return [.waterOffsite] }
        if path.contains(".power_delivery.") { return [.powerDeliveryLoss, .facilityEnergy] }
        if ["air_fan_power_fraction", "liquid_pump_power_fraction", "heat_rejection_power_fraction"].contains(last) {
            return [.coolingEnergy, .facilityEnergy]
        }
        return []
    }

    /// Every uncertain input at P0.1 together, then at P99.9 together: the corners of the
    /// input space a long Monte Carlo run can reach.
    @Test(arguments: PropertyFixtures.scenarios)
    func allInputsAtOneTail(_ name: String) throws {
        let doc = try PropertyFixtures.document(name)
        var previous: FleetEvaluator?
        for u in [Self.tails.low, Self.tails.high] {
            let overrides = Dictionary(uniqueKeysWithValues: doc.uncertainParameters.map { ($0.path, $0.distribution!.quantile(u)) })
            guard let run = try Self.evaluate(doc, overrides, previous: previous, "\(name), every input at P\(u * 100)")
            else { continue }
            previous = run.0
            Self.checkBounds(run.1, "\(name), every input at P\(u * 100)")
        }
    }

    /// One input at a time at P0.1 and P99.9 (the others at base): the bounds hold at both
    /// ends, and the metrics physics orders do not fall from the low end to the high one.
    @Test(arguments: PropertyFixtures.scenarios)
    func eachInputAtBothTails(_ name: String) throws {
        let doc = try PropertyFixtures.document(name)
        var previous: FleetEvaluator?
        var ordered = 0
        for p in doc.uncertainParameters {
            let d = try #require(p.distribution)
            let lo = d.quantile(Self.tails.low), hi = d.quantile(Self.tails.high)
            #expect(lo <= hi, "\(p.path): P0.1 \(lo) > P99.9 \(hi)")
            guard let lowRun = try Self.evaluate(doc, [p.path: lo], previous: previous, "\(name): \(p.path) = \(lo)"),
                  let highRun = try Self.evaluate(doc, [p.path: hi], previous: lowRun.0, "\(name): \(p.path) = \(hi)")
            else { continue }
            previous = lowRun.0
            let low = lowRun.1, high = highRun.1
            Self.checkBounds(low, "\(name): \(p.path) at P0.1 = \(lo)")
            Self.checkBounds(high, "\(name): \(p.path) at P99.9 = \(hi)")
            let metrics = Self.nonDecreasing(p.path)
            if !metrics.isEmpty { ordered += 1 }
            for m in metrics {
                let a = low.total()[m.index], b = high.total()[m.index]
                #expect(b >= a * (1 - 1e-12), "\(name): \(m.rawValue) fell from \(a) to \(b) as \(p.path) rose from \(lo) to \(hi)")
            }
        }
        #expect(ordered >= 5, "\(name): the monotonicity checks found \(ordered) inputs they apply to")
    }
}

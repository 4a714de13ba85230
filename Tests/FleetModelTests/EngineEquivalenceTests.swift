import Foundation
import FleetTestSupport
import Testing
@testable import FleetModel

/// The optimised hour loop (two passes per month, cohorts summed month by month, months
/// that repeat reused) against the straightforward one-pass computation it replaced.
@Suite("Engine equivalence")
struct EngineEquivalenceTests {
    /// The reference: every cohort's term-long array summed per site, monthly capacities,
    /// then `HourPhysics.flows` hour by hour, monthly sums and the fleet's summed-hour peak.
    static func reference(_ m: FacilityModel, _ loads: [CohortLoad]) -> Evaluation {
        let cal = m.calendar, n = cal.hourCount
        var fleet = Evaluation(calendar: cal)
        var fleetFacility = [Double](repeating: 0, count: n)
        for site in m.sites {
            let here = loads.filter { $0.siteID == site.spec.id }
            if here.isEmpty { continue }
            var ev = Evaluation(calendar: cal)
            var it = [Double](repeating: 0, count: n), liq = it
            for l in here {
                for h in 0..<n { it[h] += l.itPowerW[h]; liq[h] += l.liquidHeatFraction * l.itPowerW[h] }
                for k in 0..<cal.months {
                    if l.isGPU { ev[.gpusInstalledPeak, k] += l.installedAtMonthEnd[k] }
                    if l.isGPU { ev[.gpuHours, k] += l.servingUnitHoursPerMonth[k] }
                    ev[.carbonEmbodied, k] += l.embodiedKgPerMonth[k] / 1000
                }
            }
            let cap = SiteCapacity(it: it, liquid: liq, calendar: cal, designLoadFraction: site.spec.designLoadFraction,
                                   liquidToHall: site.spec.cooling.type.liquidToHallAir)
            let none = CoolingPlant.Coefficients(economizerC: 0, condensingC: 0, consumedLPerWh: 0, withdrawnLPerWh: 0)
            let f = site.factors
            site.physics.partLoad.values.withUnsafeBufferPointer { plt in site.physics.approachTable.values.withUnsafeBufferPointer { apt in
                for k in 0..<cal.months {
                    var s = SiteHourKernel.Sums()
                    for h in cal.monthStartHour[k]..<cal.monthStartHour[k + 1] {
                        let j = Int(site.typicalHour[h])
                        // The plant's weather coefficients straight from the weather, not the table.
                        let w = site.plant.map {
                            $0.coefficients(dryBulbC: site.weather.dryBulbC[j], wetBulbC: site.weather.wetBulbC[j],
                                            wetBulbSaturationHPa: site.weather.wetBulbSaturationHPa[j])
                        } ?? none
                        let x = site.physics.flows(it: it[h], liquid: liq[h], weather: w,
                                                   capacity: cap.month(k), table: plt, approach: apt)
                        s.it += x.it; s.cooling += x.cooling; s.delivery += x.delivery; s.facility += x.facility
                        s.auxiliary += x.auxiliary; s.water += x.waterWithdrawnL; s.consumed += x.waterConsumedL
                        s.shaped += x.facility * f.hourlyShape[Int(site.localHour[h])]
                        fleetFacility[h] += x.facility
                        s.peak = max(s.peak, x.facility)
                    }
                    FacilityModel.setMetrics(s, month: k, factors: f, waterStress: site.spec.waterStressFraction ?? 0, in: &ev)
                }
            }}
            for metric in Metric.allCases where metric.aggregation == .sum || metric == .gpusInstalledPeak {
                for k in 0..<cal.months { fleet.monthly[metric.index][k] += ev.monthly[metric.index][k] }
            }
        }
        for k in 0..<cal.months {
            fleet[.peakFacilityPower, k] = fleetFacility[cal.monthStartHour[k]..<cal.monthStartHour[k + 1]].max()! / 1e6
        }
        fleet.finishMonths(contractValueUSD: m.contractValueUSD)
        return fleet
    }

    /// Largest relative difference over every metric and month (absolute below `floor`).
    static func maxRelativeDifference(_ a: Evaluation, _ b: Evaluation, floor: Double = 1e-300) -> Double {
        var worst = 0.0
        for metric in Metric.allCases {
            for k in 0..<a.months {
                let x = a[metric, k], y = b[metric, k]
                let d = abs(x - y)
                if d == 0 { continue }
                worst = max(worst, d / max(abs(x), abs(y), floor))
            }
        }
        return worst
    }

    static func defaultSpec() throws -> FleetSpec {
        try ScenarioDocument.embeddedDefault().decode(FleetSpec.self)
    }

    /// Checks the three paths (fused models, materialised loads, reference) agree on `spec`.
    static func check(_ spec: FleetSpec) throws {
        let e = try FleetEvaluator(spec: spec)
        let loads = e.loads()
        let fused = try e.evaluate()
        let viaLoads = try e.facility.evaluate(loads)
        let ref = reference(e.facility, loads)
        #expect(fused[.itEnergy, fused.months - 1] > 0)
        #expect(maxRelativeDifference(fused, ref) <= 1e-12)
        #expect(maxRelativeDifference(viaLoads, ref) <= 1e-12)
        let bySite = try e.facility.evaluateBySite(loads)
        #expect(maxRelativeDifference(bySite.fleet, ref) <= 1e-12)
    }

    @Test("Default scenario, whole term: the optimised evaluation equals the one-pass reference")
    func defaultScenario() throws {
        let spec = try Self.defaultSpec()
        try Self.check(spec)
        // Once every cohort of a site is in service its months repeat by calendar month:
        // most site-hours are then reused, not recomputed.
        let e = try FleetEvaluator(spec: spec)
        let d = try e.facility.run(.models(e.powerModels), perSite: false)
        let all = e.calendar.hourCount * e.facility.sites.count
        #expect(d.passTwoHours > 0 && d.passTwoHours < all / 2, "\(d.passTwoHours) of \(all)")
        #expect(d.passOneHours < d.passTwoHours)
    }

    @Test("Retiring cohorts, a linear ramp, a fixed-PUE site, a mid-month start over a leap February")
    func variants() throws {
        var spec = try Self.defaultSpec()
        spec.term = TermSpec(start: "2027-01-15", months: 30)
        for i in spec.fleet.cohorts.indices {
            spec.fleet.cohorts[i].refresh = i % 2 == 0
            if i == 1 { spec.fleet.cohorts[i].ramp = .linear }
        }
        // Short lives so that units retire inside the term.
        for i in spec.hardware.indices { spec.hardware[i].usefulLifeYears = 1.5 }
        let east2 = spec.sites.firstIndex { $0.id == "us-east-2" }!
        spec.sites[east2].cooling = CoolingSpec(type: .fixedPUE)
        spec.sites[east2].cooling.pue = 1.2
        spec.sites[east2].cooling.wueLPerKwh = 0.3
        let west = spec.sites.firstIndex { $0.id == "us-west-2" }!
        spec.sites[west].utcOffsetHours = -8
        try Self.check(spec)
    }

    @Test("A site with no cohort is skipped; a cohort whose site is unknown is an error")
    func emptyAndUnknownSite() throws {
        var spec = try Self.defaultSpec()
        spec.term.months = 6
        spec.fleet.cohorts.elements.removeAll { $0.site == "us-west-2" }
        try Self.check(spec)
        spec.fleet.cohorts[0].site = "nowhere"
        let e = try FleetEvaluator(spec: try Self.defaultSpec())
        let models = try spec.fleet.cohorts.map { c in
            try CohortPowerModel(cohort: c, hardware: spec.hardware[id: c.hardware]!, calendar: e.calendar)
        }
        #expect(throws: FacilityError.self) { try e.facility.evaluate(models: models) }
    }

    @Test("previous: reuses ramp profiles and gives the same evaluation as a fresh build")
    func reuse() throws {
        var spec = try Self.defaultSpec()
        spec.term.months = 20
        let base = try FleetEvaluator(spec: spec)
        spec.fleet.cohorts[0].count *= 1.3
        spec.fleet.cohorts[2].deployEnd = "2026-10-01"
        let reused = try FleetEvaluator(spec: spec, previous: base)
        let fresh = try FleetEvaluator(spec: spec)
        #expect(reused.powerModels[0].rampProfile.rising == base.powerModels[0].rampProfile.rising)
        #expect(reused.powerModels[2].rampProfile.fullStart != base.powerModels[2].rampProfile.fullStart)
        let a = try reused.evaluate(), b = try fresh.evaluate()
        #expect(Self.maxRelativeDifference(a, b) == 0)
        for (x, y) in zip(reused.loads(), fresh.loads()) { #expect(x.itPowerW == y.itPowerW) }
    }

    @Test("previous: a site reuses the parts whose inputs are unchanged, and equals a fresh build")
    func siteReuse() throws {
        var spec = try Self.defaultSpec()
        spec.term.months = 14
        let base = try FleetEvaluator(spec: spec)
        let i = spec.sites.firstIndex { $0.id == "us-east-1" }!
        let grid = spec.grids.firstIndex { $0.id == spec.sites[i].grid }!
        spec.sites[i].cooling.supplyAirC = (spec.sites[i].cooling.supplyAirC ?? 27) - 1.5
        spec.grids[grid].price.annualEscalation += 0.01
        let reused = try FleetEvaluator(spec: spec, previous: base)
        let fresh = try FleetEvaluator(spec: spec)
        let (r, b) = (reused.facility.sites[i], base.facility.sites[i])
        // Cooling changed: new plant table; part-load table, hour maps and carbon series reused.
        #expect(r.table?.economizerC != b.table?.economizerC)
        #expect(r.physics.partLoad.values == b.physics.partLoad.values)
        #expect(r.typicalHour == b.typicalHour && r.localHour == b.localHour)
        #expect(r.factors.carbonKgPerKwh == b.factors.carbonKgPerKwh)
        #expect(r.factors.volumetricUsdPerKwh != b.factors.volumetricUsdPerKwh)
        #expect(Self.maxRelativeDifference(try reused.evaluate(), try fresh.evaluate()) == 0)
        for (x, y) in zip(reused.facility.sites, fresh.facility.sites) {
            #expect(x.typicalHour == y.typicalHour && x.localHour == y.localHour)
            #expect(x.factors.carbonKgPerKwh == y.factors.carbonKgPerKwh)
            #expect(x.factors.volumetricUsdPerKwh == y.factors.volumetricUsdPerKwh)
            #expect(x.factors.hourlyShape == y.factors.hourlyShape)
            #expect(x.physics.partLoad.values == y.physics.partLoad.values)
        }
        // A new UTC offset or another term rebuilds the hour maps.
        spec.sites[i].utcOffsetHours -= 1
        let shifted = try FleetEvaluator(spec: spec, previous: base)
        #expect(shifted.facility.sites[i].typicalHour == (try FleetEvaluator(spec: spec)).facility.sites[i].typicalHour)
        #expect(shifted.facility.sites[i].typicalHour != b.typicalHour)
        spec.sites[i].utcOffsetHours += 1
        spec.term.start = "2026-03-01"
        let moved = try FleetEvaluator(spec: spec, previous: base)
        #expect(Self.maxRelativeDifference(try moved.evaluate(), try FleetEvaluator(spec: spec).evaluate()) == 0)
    }

    @Test("The hourly fill matches the continuous power at each hour's midpoint")
    func fillMatchesContinuous() throws {
        let spec = try Self.defaultSpec()
        let e = try FleetEvaluator(spec: spec)
        for m in e.powerModels {
            let l = m.load(calendar: e.calendar)
            for h in stride(from: 0, to: e.calendar.hourCount, by: 97) {
                let p = try m.itPowerW(atHour: Double(h) + 0.5)
                expectClose(l.itPowerW[h], p, absolute: abs(1e-9 * max(p, 1)))
            }
        }
    }
}

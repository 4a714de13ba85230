import Foundation
import FleetTestSupport
import Testing
@testable import FleetModel

@Suite("Carbon")
struct CarbonTests {
    @Test("Location carbon scales with the average rate, market carbon with the residual mix")
    func linearInIntensity() throws {
        let a = try FacilityFixtures.model(sites: ["us-east-2"])
        let b = try FacilityFixtures.model(sites: ["us-east-2"]) { _, g in
            g.carbonIntensity.baseKgPerKwh *= 2.5; g.market.residualMixKgPerKwh *= 1.5
        }
        let ta = try a.evaluate(FacilityFixtures.loads(a)).total(), tb = try b.evaluate(FacilityFixtures.loads(b)).total()
        expectClose(tb[Metric.carbonLocation.index] / ta[Metric.carbonLocation.index], 2.5, absolute: 1e-12)
        expectClose(tb[Metric.carbonMarket.index] / ta[Metric.carbonMarket.index], 1.5, absolute: 1e-12)
        // Flat shapes, both rates on the same trajectory: market / location = (1 − φ)·RM / CI with RM carried
        // to the average's year.
        let g = try FacilityFixtures.grid("rfcw")
        let factor = (1 - g.market.carbonFreeFraction) * Self.residualAtAverageYear(g) / g.carbonIntensity.baseKgPerKwh
        expectClose(ta[Metric.carbonMarket.index], factor * ta[Metric.carbonLocation.index], absolute: abs(1e-9 * ta[Metric.carbonLocation.index]))
        // Long-run marginal: facility MWh × kg/kWh (× 1000 kWh/MWh / 1000 kg/t).
        let lr = try #require(g.carbonIntensity.longRunMarginalKgPerKwh)
        expectClose(ta[Metric.carbonMarginal.index], ta[Metric.facilityEnergy.index] * lr, absolute: abs(1e-9 * ta[Metric.carbonMarginal.index]))
    }

    /// The residual mix carried back to the year of the average rate by the grid's own trajectory, kg CO2e/kWh:
    /// the two are published for different data years (Green-e 2023 data, eGRID2022).
    static func residualAtAverageYear(_ g: GridSpec) -> Double {
        g.market.residualMixKgPerKwh
            * pow(1 + g.carbonIntensity.annualChange, Double(g.carbonIntensity.baseYear - g.market.residualMixYear))
    }

    @Test("With no contracted CFE, market ≥ location wherever the residual mix exceeds the average", arguments: FacilityFixtures.gridIDs)
    func residualMixAboveAverage(id: String) throws {
        let shipped = try FacilityFixtures.grid(id)
        // The shipped residual mix, and one set 5 % above the average so that every grid exercises the law.
        var raised = shipped
        raised.market.residualMixKgPerKwh = 1.05 * shipped.carbonIntensity.baseKgPerKwh
            * pow(1 + shipped.carbonIntensity.annualChange, Double(shipped.market.residualMixYear - shipped.carbonIntensity.baseYear))
        for g in [shipped, raised] {
            let m = try FacilityFixtures.model(sites: ["us-east-1"]) { s, grid in
                grid = g; grid.id = s.grid; grid.market.carbonFreeFraction = 0
            }
            let t = try m.evaluate(FacilityFixtures.loads(m)).total()
            let above = Self.residualAtAverageYear(g) >= g.carbonIntensity.baseKgPerKwh
            #expect(above || g.market.residualMixKgPerKwh == shipped.market.residualMixKgPerKwh)
            if above {
                #expect(t[Metric.carbonMarket.index] >= t[Metric.carbonLocation.index] * (1 - 1e-12))
            } else {
                #expect(t[Metric.carbonMarket.index] < t[Metric.carbonLocation.index])
            }
        }
    }

    @Test("Flat shapes give energy × annual intensity × trajectory; shapes keep their mean")
    func trajectoryAndShapes() throws {
        let m = try FacilityFixtures.model(sites: ["us-east-1"], start: "2026-01-01", months: 24)
        let ev = try m.evaluate(FacilityFixtures.loads(m))
        let g = try FacilityFixtures.grid("srvc")
        let r = g.carbonIntensity.annualChange
        for k in 0..<24 {
            let t = 2026 + (Double(k % 12) + 0.5) / 12 + Double(k / 12)
            let ci = g.carbonIntensity.baseKgPerKwh * pow(1 + r, t - 2022.5)
            // MWh × 1000 kWh × kg/kWh / 1000 kg/t.
            expectClose(ev[.carbonLocation, k], ev[.facilityEnergy, k] * ci, absolute: abs(1e-9 * ev[.carbonLocation, k]))
        }
        var shaped = g
        shaped.carbonIntensity.monthlyShape = (0..<12).map { 1 + 0.2 * sin(Double($0)) }
        shaped.carbonIntensity.hourlyShape = (0..<24).map { 2 + cos(Double($0)) }
        let f = GridFactors(grid: shaped, calendar: try TermCalendar(start: "2026-01-01", months: 12))
        expectClose(f.hourlyShape.reduce(0, +), 24, relative: 1e-12)
        let plain = GridFactors(grid: g, calendar: try TermCalendar(start: "2026-01-01", months: 12))
        let ratio = zip(f.carbonKgPerKwh, plain.carbonKgPerKwh).map { $0 / $1 }
        expectClose(ratio.reduce(0, +), 12, relative: 1e-12)
    }

    @Test("Embodied carbon and installed GPUs come from the cohort loads")
    func embodied() throws {
        let m = try FacilityFixtures.model(sites: ["us-east-1"])
        let loads = FacilityFixtures.loads(m)
        let ev = try m.evaluate(loads)
        let kg = loads.flatMap(\.embodiedKgPerMonth).reduce(0, +)
        expectClose(ev.total()[Metric.carbonEmbodied.index], kg / 1000, absolute: abs(1e-9 * kg))
        let gpus = loads.filter(\.isGPU).map { $0.installedAtMonthEnd.max()! }.reduce(0, +)
        #expect(ev.total()[Metric.gpusInstalledPeak.index] == gpus)
    }
}

@Suite("Cost")
struct CostTests {
    @Test("Cost scales linearly with every price and its share divides by the contract value")
    func linearInPrice() throws {
        let a = try FacilityFixtures.model(sites: ["us-west-2"])
        let b = try FacilityFixtures.model(sites: ["us-west-2"]) { _, g in
            g.price.baseUsdPerKwh *= 1.7; g.price.ppaUsdPerKwh *= 1.7; g.price.wholesaleUsdPerKwh *= 1.7
            g.price.capacityAdderUsdPerKwMonth *= 1.7
        }
        let ta = try a.evaluate(FacilityFixtures.loads(a)).total(), tb = try b.evaluate(FacilityFixtures.loads(b)).total()
        expectClose(tb[Metric.electricityCost.index] / ta[Metric.electricityCost.index], 1.7, absolute: 1e-12)
        expectClose(ta[Metric.costShareOfContract.index], ta[Metric.electricityCost.index] / 38e9, absolute: 1e-15)
    }

    @Test("Delivered tariff and virtual-PPA settlement: hand arithmetic for one month")
    func deliveredTariff() throws {
        var g = try FacilityFixtures.grid("erct")
        g.market.carbonFreeFraction = 0.8
        g.price = PriceSpec(baseUsdPerKwh: 0.08, baseYear: 2023, annualEscalation: 0.03, demandShareFraction: 0.3,
                            referenceLoadFactor: 0.65, capacityAdderUsdPerKwMonth: 9, ppaUsdPerKwh: 0.06, ppaBaseYear: 2024,
                            ppaAnnualEscalation: 0.02, wholesaleUsdPerKwh: 0.035, wholesaleBaseYear: 2024,
                            wholesaleAnnualEscalation: 0.01)
        let f = GridFactors(grid: g, calendar: try TermCalendar(start: "2025-07-01", months: 1))
        // July 2025 is t = 2025 + 6.5/12: 2 + 1/24 years after mid-2023, 1 + 1/24 after mid-2024.
        let tariff = 0.08 * pow(1.03, 2 + 1.0 / 24)
        expectClose(f.volumetricUsdPerKwh[0], 0.7 * tariff, absolute: 1e-15)
        // Demand: 0.3 of the average bill at load factor 0.65 over July's 744 h, per kW of peak, plus the capacity adder.
        expectClose(f.demandUsdPerKw[0], (0.3 * tariff * 0.65 * 744 + 9), absolute: 1e-12)
        // Settlement: 0.8 of the energy × (strike − wholesale), each escalated from 2024.
        let settle = 0.8 * (0.06 * pow(1.02, 1 + 1.0 / 24) - 0.035 * pow(1.01, 1 + 1.0 / 24))
        expectClose(f.settlementUsdPerKwh[0], settle, absolute: 1e-15)
        // A flat 1 MW month: 744 MWh, peak 1,000 kW → cost = 744,000 kWh × (vol + settle) + 1,000 kW × demand.
        var s = SiteHourKernel.Sums()
        s.facility = 744e6; s.peak = 1e6
        var ev = Evaluation(calendar: try TermCalendar(start: "2025-07-01", months: 1))
        FacilityModel.setMetrics(s, month: 0, factors: f, waterStress: 0, in: &ev)
        let cost = 744_000 * (0.7 * tariff + settle) + 1000 * (0.3 * tariff * 0.65 * 744 + 9)
        expectClose(ev[.electricityCost, 0], cost, relative: 1e-9)
        // At the reference load factor 0.65 the tariff part (volumetric + demand, less the fixed
        // $9/kW) averages the all-in tariff per kWh.
        s.facility = 0.65 * 744e6
        FacilityModel.setMetrics(s, month: 0, factors: f, waterStress: 0, in: &ev)
        let kwh = 0.65 * 744_000.0
        expectClose((ev[.electricityCost, 0] - 1000 * 9) / kwh - settle, tariff, relative: 1e-9)
    }
}

@Suite("Hourly matching")
struct HourlyMatchingTests {
    /// A fixed-PUE 1.2 site drawing a constant 1.2 MW for July 2026 (744 h), with `shape` as the
    /// contracted supply's hourly shape and φ contracted.
    static func run(phi: Double, shape: [Double]?) throws -> (Evaluation, GridSpec) {
        var grid = try FacilityFixtures.grid("srvc")
        let m = try FacilityFixtures.model(sites: ["us-east-1"], start: "2026-07-01", months: 1) { s, g in
            s.cooling = CoolingSpec(type: .fixedPUE); s.cooling.pue = 1.2; s.cooling.wueLPerKwh = 0
            s.utcOffsetHours = 0
            g.market.carbonFreeFraction = phi; g.market.supplyHourlyShape = shape
            grid = g
        }
        let l = CohortLoad(cohortID: "c", siteID: "us-east-1", isGPU: true, itPowerW: Array(repeating: 1e6, count: 744),
                           liquidHeatFraction: 0, installedAtMonthEnd: [1], embodiedKgPerMonth: [0])
        return (try m.evaluate([l]), grid)
    }

    @Test("Flat supply and load: the contracted share is matched and no hour is fully covered unless φ = 1")
    func flat() throws {
        let (a, g) = try Self.run(phi: 0.9, shape: Array(repeating: 1, count: 24))
        // 1.2 MW × 744 h = 892.8 MWh; 0.9 of it matched; 0 of 744 hours fully covered.
        expectClose(a[.cfeMatched, 0], 0.9 * 892.8, absolute: 1e-9)
        #expect(abs(a[.cfeShare, 0] - 0.9) < 1e-12 && a[.cfeHoursShare, 0] == 0 && a[.loadSiteHours, 0] == 744)
        // Market-based: the unmatched 89.28 MWh at the residual mix (× 1000 kWh/MWh / 1000 kg/t).
        let rm = g.market.residualMixKgPerKwh
            * pow(1 + g.carbonIntensity.annualChange, 2026 + 6.5 / 12 - (Double(g.market.residualMixYear) + 0.5))
        expectClose(a[.carbonMarket, 0], 0.1 * 892.8 * rm, absolute: 1e-9)
        // The same as annual matching when supply and load are both flat.
        let (annual, _) = try Self.run(phi: 0.9, shape: nil)
        #expect(abs(annual[.carbonMarket, 0] - a[.carbonMarket, 0]) < 1e-9 && annual[.cfeHoursShare, 0] == 0)
        let (full, _) = try Self.run(phi: 1, shape: Array(repeating: 1, count: 24))
        #expect(full[.cfeHoursShare, 0] == 1 && abs(full[.carbonMarket, 0]) < 1e-9)
    }

    @Test("Solar-shaped supply: half the hours, half the energy, whatever the volume contracted")
    func solar() throws {
        // Supply only from 06:00 to 17:59: 12 hours at φ · mean · 24/12 = 1.8 × the load, nothing at night.
        let shape = (0..<24).map { $0 >= 6 && $0 < 18 ? 1.0 : 0.0 }
        let (a, _) = try Self.run(phi: 0.9, shape: shape)
        expectClose(a[.cfeShare, 0], 0.5, absolute: 1e-12)
        expectClose(a[.cfeHoursShare, 0], 0.5, absolute: 1e-12)
    }
}

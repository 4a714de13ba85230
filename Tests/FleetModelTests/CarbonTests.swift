import Foundation
import Testing
@testable import FleetModel

@Suite("Carbon")
struct CarbonTests {
    @Test("Location and market carbon scale linearly with intensity")
    func linearInIntensity() throws {
        let a = try FacilityFixtures.model(sites: ["us-east-2"])
        let b = try FacilityFixtures.model(sites: ["us-east-2"]) { _, g in g.carbonIntensity.baseKgPerKwh *= 2.5 }
        let ta = try a.evaluate(FacilityFixtures.loads(a)).total(), tb = try b.evaluate(FacilityFixtures.loads(b)).total()
        #expect(abs(tb[Metric.carbonLocation.index] / ta[Metric.carbonLocation.index] - 2.5) < 1e-12)
        #expect(abs(tb[Metric.carbonMarket.index] / ta[Metric.carbonMarket.index] - 2.5) < 1e-12)
        let g = try FacilityFixtures.grid("rfcw")
        let factor = (1 - g.market.carbonFreeFraction) * g.market.residualMixFactor
        #expect(abs(ta[Metric.carbonMarket.index] - factor * ta[Metric.carbonLocation.index]) < 1e-9 * ta[Metric.carbonLocation.index])
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
            #expect(abs(ev[.carbonLocation, k] - ev[.facilityEnergy, k] * ci) < 1e-9 * ev[.carbonLocation, k])
        }
        var shaped = g
        shaped.carbonIntensity.monthlyShape = (0..<12).map { 1 + 0.2 * sin(Double($0)) }
        shaped.carbonIntensity.hourlyShape = (0..<24).map { 2 + cos(Double($0)) }
        let f = GridFactors(grid: shaped, calendar: try TermCalendar(start: "2026-01-01", months: 12))
        #expect(abs(f.hourlyShape.reduce(0, +) / 24 - 1) < 1e-12)
        let plain = GridFactors(grid: g, calendar: try TermCalendar(start: "2026-01-01", months: 12))
        let ratio = zip(f.carbonKgPerKwh, plain.carbonKgPerKwh).map { $0 / $1 }
        #expect(abs(ratio.reduce(0, +) / 12 - 1) < 1e-12)
    }

    @Test("Embodied carbon and installed GPUs come from the cohort loads")
    func embodied() throws {
        let m = try FacilityFixtures.model(sites: ["us-east-1"])
        let loads = FacilityFixtures.loads(m)
        let ev = try m.evaluate(loads)
        let kg = loads.flatMap(\.embodiedKgPerMonth).reduce(0, +)
        #expect(abs(ev.total()[Metric.carbonEmbodied.index] - kg / 1000) < 1e-9 * kg)
        let gpus = loads.filter(\.isGPU).map { $0.installedAtMonthEnd.max()! }.reduce(0, +)
        #expect(ev.total()[Metric.gpusInstalledPeak.index] == gpus)
    }
}

@Suite("Cost")
struct CostTests {
    @Test("Cost scales linearly with price and its share divides by the contract value")
    func linearInPrice() throws {
        let a = try FacilityFixtures.model(sites: ["us-west-2"])
        let b = try FacilityFixtures.model(sites: ["us-west-2"]) { _, g in
            g.price.baseUsdPerKwh *= 1.7; g.price.ppaUsdPerKwh *= 1.7
        }
        let ta = try a.evaluate(FacilityFixtures.loads(a)).total(), tb = try b.evaluate(FacilityFixtures.loads(b)).total()
        #expect(abs(tb[Metric.electricityCost.index] / ta[Metric.electricityCost.index] - 1.7) < 1e-12)
        #expect(abs(ta[Metric.costShareOfContract.index] - ta[Metric.electricityCost.index] / 38e9) < 1e-15)
    }

    @Test("Blended price: utility and PPA shares with their escalations")
    func blendedPrice() throws {
        var g = try FacilityFixtures.grid("erct")
        g.price = PriceSpec(baseUsdPerKwh: 0.08, baseYear: 2023, annualEscalation: 0.03, ppaFraction: 0.25,
                            ppaUsdPerKwh: 0.05, ppaAnnualEscalation: 0.0)
        let f = GridFactors(grid: g, calendar: try TermCalendar(start: "2025-07-01", months: 1))
        // July 2025 is t = 2025 + 6.5/12, 2 + 1/24 years after mid-2023.
        let expected = 0.75 * 0.08 * pow(1.03, 2 + 1.0 / 24) + 0.25 * 0.05
        #expect(abs(f.priceUsdPerKwh[0] - expected) < 1e-15)
    }
}

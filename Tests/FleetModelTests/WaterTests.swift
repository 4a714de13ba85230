import Testing
@testable import FleetModel

@Suite("Water")
struct WaterTests {
    @Test("Tower make-up per kWh of heat: evaporation from latent heat, drift, blowdown")
    func towerWaterPerKWh() {
        // 25 °C water, 88 % latent, 5 cycles, 0.005 % drift over a 5.5 K range.
        let w = CoolingPhysics.towerWaterLPerJ(waterC: 25, evaporatedFraction: 0.88, cycles: 5, driftFraction: 5e-5, rangeC: 5.5)
        let perJ = w.withdrawn
        let evap = 0.88 * 3.6e6 / (2.501e6 - 2361 * 25)            // L per kWh evaporated
        let drift = 5e-5 * 3.6e6 / (4186 * 5.5)
        let expected = evap + drift + (evap / 4 - drift)               // blowdown = E/(N−1) − D
        #expect(abs(perJ * 3.6e6 - expected) < 1e-12)
        #expect(abs(w.consumed * 3.6e6 - (evap + drift)) < 1e-12)
        // 1.30 L/kWh evaporated, 1.62 L/kWh made up: inside the 1.5–1.8 L/kWh of the literature.
        #expect(abs(evap - 1.297) < 0.002)
        #expect(perJ * 3.6e6 > 1.5 && perJ * 3.6e6 < 1.8)
    }

    @Test("Dry coolers use no water when no evaporative trim runs")
    func dryCoolerNoTrim() throws {
        func dry(_ s: inout SiteSpec) { s.cooling.type = .liquidDryCooler; s.cooling.condensingApproachC = 7 }
        let none = try FacilityFixtures.model(sites: ["us-west-2"]) { s, _ in dry(&s); s.cooling.adiabaticAboveC = nil }
        #expect(try none.evaluate(FacilityFixtures.loads(none)).total()[Metric.waterOnsite.index] == 0)
        let never = try FacilityFixtures.model(sites: ["us-west-2"]) { s, _ in dry(&s); s.cooling.adiabaticAboveC = 60 }
        #expect(try never.evaluate(FacilityFixtures.loads(never)).total()[Metric.waterOnsite.index] == 0)
        let trim = try FacilityFixtures.model(sites: ["us-west-2"]) { s, _ in dry(&s) }
        let table = try #require(trim.sites[0].table)
        let w = trim.sites[0].weather
        for k in 0..<TypicalYearWeather.hours {
            #expect((table.withdrawnLPerWh[k] > 0) == (w.dryBulbC[k] > 26 && w.dryBulbC[k] > w.wetBulbC[k]))
        }
        #expect(try trim.evaluate(FacilityFixtures.loads(trim)).total()[Metric.waterOnsite.index] > 0)
    }

    @Test("Off-site water = facility energy × the grid's water intensity")
    func offsite() throws {
        let m = try FacilityFixtures.model(sites: ["us-east-1"])
        let t = try m.evaluate(FacilityFixtures.loads(m)).total()
        let wi = try FacilityFixtures.grid("srvc").waterIntensityLPerKwh
        // MWh × 1000 kWh/MWh × L/kWh / 1000 L/m³ = m³.
        #expect(abs(t[Metric.waterOffsite.index] - t[Metric.facilityEnergy.index] * wi) < 1e-9 * t[Metric.waterOffsite.index])
    }
}

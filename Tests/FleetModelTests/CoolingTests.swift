import Testing
@testable import FleetModel

@Suite("Cooling")
struct CoolingTests {
    @Test("Chiller COP stays below Carnot for every lift and falls as the lift grows")
    func copBelowCarnot() {
        for eta in [0.3, 0.5, 0.65, 0.9] {
            for te in stride(from: -5.0, through: 35, by: 2.5) {
                var last = Double.infinity
                for lift in stride(from: 0.25, through: 60, by: 0.25) {
                    let cop = CoolingPhysics.chillerCOP(evaporatorC: te, condenserC: te + lift, eta: eta, copMax: 12)
                    let carnot = CoolingPhysics.carnotCOP(evaporatorC: te, condenserC: te + lift)
                    #expect(cop < carnot && cop > 0)
                    #expect(cop <= last)
                    last = cop
                }
            }
        }
        // Known answer: 5 °C evaporating, 35 °C condensing: Carnot = 278.15 / 30 = 9.27.
        #expect(abs(CoolingPhysics.carnotCOP(evaporatorC: 5, condenserC: 35) - 278.15 / 30) < 1e-12)
    }

    @Test("Plant coefficients never fall as dry or wet bulb rises", arguments: FacilityFixtures.siteIDs)
    func coefficientsMonotone(id: String) throws {
        let s = try FacilityFixtures.site(id)
        guard s.cooling.type != .fixedPUE else { return }
        let plant = CoolingPlant(s.cooling)
        for db in stride(from: -10.0, through: 46, by: 1) {
            var prev = plant.coefficients(dryBulbC: db, wetBulbC: db - 25)
            for wb in stride(from: db - 24, through: db, by: 0.5) {
                let c = plant.coefficients(dryBulbC: db, wetBulbC: wb)
                #expect(c.chillerPerAirW >= prev.chillerPerAirW - 1e-15 && c.chillerPerLiquidW >= prev.chillerPerLiquidW - 1e-15)
                prev = c
            }
        }
        if s.cooling.type != .liquidDryCooler {
            for wb in stride(from: -10.0, through: 30, by: 1) {
                var prev = plant.coefficients(dryBulbC: wb, wetBulbC: wb)
                for db in stride(from: wb, through: wb + 25, by: 0.5) {
                    let c = plant.coefficients(dryBulbC: db, wetBulbC: wb)
                    #expect(c.chillerPerAirW >= prev.chillerPerAirW - 1e-15)
                    prev = c
                }
            }
        }
    }

    @Test("Hotter weather never lowers an air-cooled site's PUE, month by month")
    func hotterWeatherAirCooled() throws {
        let base = try FacilityFixtures.model(sites: ["phoenix-az"])
        let hot = try FacilityFixtures.model(sites: ["phoenix-az"]) { s, _ in
            s.climate.dryBulbMeanC = s.climate.dryBulbMeanC.map { $0 + 2 }
            s.climate.dewPointMeanC = s.climate.dewPointMeanC.map { $0 + 2 }
        }
        let loads = FacilityFixtures.loads(base).map { l in
            var a = l; a.liquidHeatFraction = 0; return a
        }
        let a = try base.evaluate(loads), b = try hot.evaluate(loads)
        for k in 0..<a.months {
            #expect(b[.pue, k] >= a[.pue, k], "month \(k)")
        }
        #expect(b.total()[Metric.pue.index] > a.total()[Metric.pue.index])
    }

    @Test("Facility = IT + cooling + delivery and PUE ≥ 1 in every hour", arguments: FacilityFixtures.siteIDs)
    func energyBalance(id: String) throws {
        let m = try FacilityFixtures.model(sites: [id])
        let d = try m.evaluateBySite(FacilityFixtures.loads(m), keepHourly: true)
        var it = 0.0, cool = 0.0, del = 0.0, fac = 0.0
        for f in d.hourly[0] {
            #expect(abs(f.facility - (f.it + f.cooling + f.delivery)) <= 1e-9 * max(f.facility, 1))
            if f.it > 0 { #expect(f.facility / f.it >= 1) }
            #expect(f.cooling >= 0 && f.delivery >= 0)
            it += f.it; cool += f.cooling; del += f.delivery; fac += f.facility
        }
        let t = d.fleet.total()
        #expect(abs(t[Metric.facilityEnergy.index] - (t[Metric.itEnergy.index] + t[Metric.coolingEnergy.index]
                                                        + t[Metric.powerDeliveryLoss.index])) < 1e-9 * t[Metric.facilityEnergy.index])
        #expect(abs(fac / 1e6 - t[Metric.facilityEnergy.index]) < 1e-9 * t[Metric.facilityEnergy.index])
        #expect(t[Metric.pue.index] > 1 && t[Metric.pue.index] < 1.6)
    }

    @Test("More IT load never lowers facility energy", arguments: FacilityFixtures.siteIDs)
    func moreLoad(id: String) throws {
        let m = try FacilityFixtures.model(sites: [id])
        let a = try m.evaluate(FacilityFixtures.loads(m)), b = try m.evaluate(FacilityFixtures.loads(m, scale: 1.3))
        for k in 0..<a.months {
            #expect(b[.facilityEnergy, k] >= a[.facilityEnergy, k] && b[.coolingEnergy, k] >= a[.coolingEnergy, k])
        }
    }
}

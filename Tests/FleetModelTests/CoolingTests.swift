import Foundation
import Testing
import FleetTestSupport
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
        expectClose(CoolingPhysics.carnotCOP(evaporatorC: 5, condenserC: 35), 278.15 / 30, absolute: 1e-12)
    }

    @Test("Staged part-load chillers stay below Carnot at every lift and load")
    func partLoadBelowCarnot() {
        // EIR(p)/p of the DOE-2 curve peaks at p = √(c₀/c₂) ≈ 0.85: p/EIR = 0.85/0.8431 = 1.008,
        // so even η = 0.9 keeps the effective COP below 0.91 × Carnot.
        expectClose(CoolingPhysics.partLoadEIR(1), 0.99706738, absolute: 1e-12)
        for eta in [0.3, 0.5, 0.65, 0.9] {
            var c = CoolingSpec(type: .liquidTower)
            c.chillerEta = eta; c.chillerCopMax = 30; c.chillerUnits = 4; c.evaporatorApproachC = 2
            c.liquidSupplyC = 32; c.liquidDeltaTC = 10; c.chilledWaterSupplyC = 18; c.chilledWaterDeltaTC = 6
            let plant = CoolingPlant(c)
            for lift in stride(from: 0.5, through: 60, by: 0.5) {
                for plr in stride(from: 0.01, through: 1.2, by: 0.01) {
                    // Air loop only, full mechanical (economizer shut), condensing `lift` above the evaporator.
                    let q = 1000.0
                    let p = plant.chillerPower(liquidW: 0, airW: q, economizerC: CoolingPlant.shut, condensingC: 16 + lift,
                                               approach: 0, invCapacity: plr / q)
                    let carnot = CoolingPhysics.carnotCOP(evaporatorC: 16, condenserC: 16 + lift)
                    #expect(p > 0 && q / p < carnot, "η \(eta) lift \(lift) PLR \(plr)")
                }
            }
        }
    }

    @Test("Staging: k = ⌈r·n⌉ chillers run, each at r·n/k; hand arithmetic")
    func staging() {
        // r = 0.6 of 4 units: u = 2.4, 3 units at p = 0.8; EIR(0.8) = 0.17149273 + 0.8·0.58820208 + 0.64·0.23737257.
        let eir = 0.17149273 + 0.8 * 0.58820208 + 0.64 * 0.23737257
        expectClose(CoolingPhysics.stagedEIRRatio(loadRatio: 0.6, units: 4), eir / 0.8, absolute: 1e-15)
        #expect(CoolingPhysics.stagedEIRRatio(loadRatio: 0, units: 4) == 0)
        // Approach ratio: x = 0.5, x_min 0.3, m = 0.6: 0.5 · 0.5^−0.6; below the minimum speed 0.2 · 0.3^−0.6.
        expectClose(CoolingPhysics.approachRatio(0.5, minSpeed: 0.3, exponent: 0.6), 0.5 * pow(0.5, -0.6), absolute: 1e-15)
        expectClose(CoolingPhysics.approachRatio(0.2, minSpeed: 0.3, exponent: 0.6), 0.2 * pow(0.3, -0.6), absolute: 1e-15)
    }

    @Test("AHRI 550/590 IPLV of the part-load curve at constant lift: 0.951 × the full-load COP")
    func iplv() {
        // COP(p)/COP(1) = p / EIR(p) · EIR(1); IPLV = 0.01 A + 0.42 B + 0.45 C + 0.12 D at 100/75/50/25 %.
        func rel(_ p: Double) -> Double { p / (0.17149273 + 0.58820208 * p + 0.23737257 * p * p) }
        let iplv = 0.01 * rel(1) + 0.42 * rel(0.75) + 0.45 * rel(0.5) + 0.12 * rel(0.25)
        expectClose(iplv, 0.9508, absolute: 5e-4)
        // The same with the model's function (one chiller: no staging).
        let model = [1.0, 0.75, 0.5, 0.25].map { 1 / CoolingPhysics.stagedEIRRatio(loadRatio: $0, units: 1) }
        expectClose(0.01 * model[0] + 0.42 * model[1] + 0.45 * model[2] + 0.12 * model[3], iplv, absolute: 1e-12)
    }

    @Test("Economizer and condensing temperatures never fall as dry or wet bulb rises", arguments: FacilityFixtures.siteIDs)
    func coefficientsMonotone(id: String) throws {
        let s = try FacilityFixtures.site(id)
        guard s.cooling.type != .fixedPUE else { return }
        let plant = CoolingPlant(s.cooling)
        for db in stride(from: -10.0, through: 46, by: 1) {
            var prev = plant.coefficients(dryBulbC: db, wetBulbC: db - 25)
            for wb in stride(from: db - 24, through: db, by: 0.5) {
                let c = plant.coefficients(dryBulbC: db, wetBulbC: wb)
                #expect(c.economizerC >= prev.economizerC - 1e-12 && c.condensingC >= prev.condensingC - 1e-12)
                prev = c
            }
        }
        if s.cooling.type != .liquidDryCooler {
            for wb in stride(from: -10.0, through: 30, by: 1) {
                var prev = plant.coefficients(dryBulbC: wb, wetBulbC: wb)
                for db in stride(from: wb, through: wb + 25, by: 0.5) {
                    let c = plant.coefficients(dryBulbC: db, wetBulbC: wb)
                    #expect(c.economizerC >= prev.economizerC - 1e-12 && c.condensingC >= prev.condensingC - 1e-12)
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

    @Test("Facility = IT + cooling + auxiliary + delivery and PUE ≥ 1 in every hour", arguments: FacilityFixtures.siteIDs)
    func energyBalance(id: String) throws {
        let m = try FacilityFixtures.model(sites: [id])
        let d = try m.evaluateBySite(FacilityFixtures.loads(m), keepHourly: true)
        var it = 0.0, cool = 0.0, del = 0.0, fac = 0.0
        for f in d.hourly[0] {
            expectClose(f.facility, (f.it + f.cooling + f.auxiliary + f.delivery), absolute: abs(1e-9 * max(f.facility, 1)))
            if f.it > 0 { #expect(f.facility / f.it >= 1) }
            #expect(f.cooling >= 0 && f.delivery >= 0)
            it += f.it; cool += f.cooling; del += f.delivery; fac += f.facility
        }
        let t = d.fleet.total()
        #expect(abs(t[Metric.facilityEnergy.index] - (t[Metric.itEnergy.index] + t[Metric.coolingEnergy.index]
                                                        + t[Metric.auxiliaryEnergy.index]
                                                        + t[Metric.powerDeliveryLoss.index])) < 1e-9 * t[Metric.facilityEnergy.index])
        expectClose(fac / 1e6, t[Metric.facilityEnergy.index], relative: 1e-9)
        // PUE is energy-weighted: the hourly facility energy over the hourly IT energy, summed here.
        #expect(t[Metric.pue.index] >= 1)
        expectClose(t[Metric.pue.index], fac / it, relative: 1e-12, "\(id): PUE against Σ facility / Σ IT")
    }

    @Test("More IT load never lowers facility energy", arguments: FacilityFixtures.siteIDs)
    func moreLoad(id: String) throws {
        let m = try FacilityFixtures.model(sites: [id])
        let a = try m.evaluate(FacilityFixtures.loads(m)), b = try m.evaluate(FacilityFixtures.loads(m, scale: 1.3))
        for k in 0..<a.months {
            #expect(b[.facilityEnergy, k] >= a[.facilityEnergy, k] && b[.coolingEnergy, k] >= a[.coolingEnergy, k])
        }
    }

    @Test("Default N. Virginia halls land inside the PUE range operators report for new hyperscale halls")
    func defaultVirginiaPUE() throws {
        let doc = try ScenarioDocument.embedded(name: "openai-aws-2025")
        let r = try PreparedScenario(document: doc).evaluate(.init(samples: 0, threads: 1))
        let site = try #require(r.breakdown?.sites.first { $0.id == "us-east-1" })
        let pue = try #require(site.totals[.pue])
        // Reported: Meta ≈ 1.08 and AWS's new-design target 1.08 at the low end; AWS's fleet 1.15 (2024) and its
        // N. Virginia region 1.15 at the high end (AWS and Meta sustainability reports; docs/METHODS.md §10.3).
        #expect(pue >= 1.08 && pue <= 1.16, "us-east-1 PUE \(pue)")
        #expect(site.cooling == "irhx-outside-air")
    }
}

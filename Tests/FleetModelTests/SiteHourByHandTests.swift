import Foundation
import FleetTestSupport
import Testing
@testable import FleetModel

/// One site-hour of each cooling type computed by hand (every step written out below with
/// the numbers of the test site) against the hour kernel's output, to 10⁻⁹.
///
/// The test site runs a constant 1 MW of IT power, 0.8 of it into cold plates, for July 2026
/// under constant weather, so every hour of the month is the same hour. Fans and pumps follow
/// the affinity law with exponent 1 and a 0.25 minimum speed, and the approach exponent is 0,
/// so the kernel's part-load tables are exact (linear between nodes at multiples of 1/256).
@Suite("SiteHourByHand")
struct SiteHourByHandTests {
    static let it = 1e6, liquid = 8e5
    // Capacities: peak / design load fraction 0.8.
    static let cIT = 1e6 / 0.8, cLiquid = 8e5 / 0.8, cAirOnly = 2e5 / 0.8

    /// A site with round-number parameters; `type` picks the cooling design.
    static func spec(_ type: CoolingType, minDewPointC: Double? = nil) -> SiteSpec {
        var c = CoolingSpec(type: type)
        c.pue = 1.2; c.wueLPerKwh = 0.5
        c.liquidSupplyC = 32; c.liquidDeltaTC = 10; c.chilledWaterSupplyC = 18; c.chilledWaterDeltaTC = 6
        c.approachC = 4; c.hxApproachC = 2; c.condensingApproachC = 7; c.evaporatorApproachC = 2
        c.chillerEta = 0.65; c.chillerCopMax = 12; c.chillerUnits = 4
        c.airFanPowerFraction = 0.05; c.liquidPumpPowerFraction = 0.02; c.heatRejectionPowerFraction = 0.02
        c.partLoadExponent = 1; c.minSpeedFraction = 0.25; c.approachFlowExponent = 0
        c.towerLiquidGasRatio = 1.2; c.cyclesOfConcentration = 5; c.driftFraction = 5e-5; c.towerRangeC = 5.5
        c.adiabaticAboveC = 26; c.adiabaticEffectivenessFraction = 0.8; c.dryCoolerAirDeltaTC = 10
        c.supplyAirC = 27; c.hallAirDeltaTC = 12; c.minDewPointC = minDewPointC
        if type == .irhx { c.chillerEta = 0.5; c.chillerCopMax = 8; c.condensingApproachC = 15; c.evaporatorApproachC = 8 }
        let climate = ClimateSpec(station: "test", elevationM: 0, dryBulbMeanC: [], dailyRangeC: [], dewPointMeanC: [],
                                  dailySdC: [], dewPointDailySdC: [], dewPointCorrelation: 0)
        let delivery = PowerDeliverySpec(
            transformer: LossStage(noLoadFraction: 0.002, proportionalFraction: 0, squareLawFraction: 0.008),
            ups: LossStage(noLoadFraction: 0.01, proportionalFraction: 0.01, squareLawFraction: 0.005),
            distribution: LossStage(noLoadFraction: 0, proportionalFraction: 0.005, squareLawFraction: 0.01),
            transformerCapacityRatio: 1.3)
        var s = SiteSpec(id: "hand", name: "hand", grid: "srvc", utcOffsetHours: 0, designLoadFraction: 0.8,
                         climate: climate, cooling: c, powerDelivery: delivery)
        s.auxiliaryPowerFraction = 0.01
        return s
    }

    /// The kernel's month (744 equal hours) → one hour's facility power, cooling and water.
    static func kernelHour(_ type: CoolingType, dryBulbC db: Double, wetBulbC wb: Double, minDewPointC: Double? = nil) throws
        -> (facility: Double, cooling: Double, withdrawn: Double, consumed: Double) {
        let cal = try TermCalendar(start: "2026-07-01", months: 1)
        let w = TypicalYearWeather(hourlyDryBulbC: Array(repeating: db, count: 8760), wetBulbC: Array(repeating: wb, count: 8760),
                                   source: "constant")
        let grid = try FacilityFixtures.grid("srvc")
        let site = SiteModel(site: spec(type, minDewPointC: minDewPointC), grid: grid, calendar: cal, weather: w)
        let m = FacilityModel(sites: [site], calendar: cal, contractValueUSD: 1)
        let load = CohortLoad(cohortID: "c", siteID: "hand", isGPU: true, itPowerW: Array(repeating: it, count: 744),
                              liquidHeatFraction: 0.8, installedAtMonthEnd: [1], embodiedKgPerMonth: [0])
        let t = try m.evaluate([load]).total()
        // MWh over 744 h → W; m³ over 744 h → L per hour.
        return (t[Metric.facilityEnergy.index] * 1e6 / 744, t[Metric.coolingEnergy.index] * 1e6 / 744,
                t[Metric.waterOnsite.index] * 1e3 / 744, t[Metric.waterOnsiteConsumption.index] * 1e3 / 744)
    }

    /// The steps every water- or air-cooled type shares, by hand, given the hour's economizer and
    /// condensing temperatures before the approach, water per Wh and the loop set-up.
    static func hand(toHall: Bool, econ0: Double, cond0: Double, approachDesign aD: Double, tsL: Double, dL: Double,
                     tsA: Double, dA: Double, te: (l: Double, a: Double), eta: Double, copMax: Double,
                     rejection: Double, chillerToSink: Double, consumedPerWh: Double, withdrawnPerWh: Double)
        -> (facility: Double, cooling: Double, withdrawn: Double, consumed: Double) {
        // Distribution: 0 + 1e6 · (0.005 + 1e6/1.25e6 · 0.01) = 13,000 W.
        let ld = 1e6 * (0.005 + 1e6 / 1.25e6 * 0.01)
        // UPS on 1,013,000 W: 1.25e6 · 0.01 + 1,013,000 · (0.01 + 1,013,000/1.25e6 · 0.005) = 26,734.676 W.
        let lu = 1.25e6 * 0.01 + 1_013_000 * (0.01 + 1_013_000 / 1.25e6 * 0.005)
        // Air-loop heat before fans: the hall carries all IT heat (irhx) or the 0.2 not in cold plates.
        let a0 = (toHall ? 1e6 : 2e5) + ld + lu
        let cAir = toHall ? cIT : cAirOnly
        // Fans and pumps, exponent 1, minimum speed 0.25: k · C · max(x, 0.25).
        let fanA = 0.05 * cAir * max(a0 / cAir, 0.25)
        let pumpL = 0.02 * cLiquid * max(8e5 / cLiquid, 0.25)
        let qA = toHall ? a0 + fanA + pumpL : a0 + fanA
        let qL = toHall ? 0 : 8e5 + pumpL
        let heat = 1e6 + ld + lu + fanA + pumpL
        // Approach at this load (exponent 0): a_d · x, x = heat / C_IT.
        let a = aD * (heat / cIT)
        let econ = econ0 + a, cond = cond0 + a
        let sL = min(max((econ - tsL) / dL, 0), 1), sA = min(max((econ - tsA) / dA, 0), 1)
        let copL = min(eta * (te.l + 273.15) / (cond - te.l), copMax)
        let copA = min(eta * (te.a + 273.15) / (cond - te.a), copMax)
        let load = sL * qL + sA * qA
        // Plant capacity: the hall (irhx) or liquid + air loops; 4 chillers staged.
        let u = load / (toHall ? cIT : cLiquid + cAirOnly) * 4
        let k = u.rounded(.up), p = u / k
        let eirRatio = load > 0 ? (0.17149273 + 0.58820208 * p + 0.23737257 * p * p) / p : 0
        let chiller = load > 0 ? (sL * qL / copL + sA * qA / copA) * eirRatio : 0
        let rejected = heat + chiller
        let cooling = chiller + fanA + pumpL + rejection * cIT * max(rejected / cIT, 0.25)
        let aux = 0.01 * cIT
        // Transformer on IT + losses + cooling + auxiliaries, capacity 1.3 · C_IT.
        let y = 1e6 + ld + lu + cooling + aux
        let lt = 1.3 * cIT * 0.002 + y * y / (1.3 * cIT) * 0.008
        let sink = heat + chillerToSink * chiller
        return (1e6 + cooling + aux + ld + lu + lt, cooling, sink * withdrawnPerWh, sink * consumedPerWh)
    }

    static func check(_ k: (facility: Double, cooling: Double, withdrawn: Double, consumed: Double),
                      _ h: (facility: Double, cooling: Double, withdrawn: Double, consumed: Double)) {
        expectClose(k.facility, h.facility, relative: 1e-9)
        expectClose(k.cooling, h.cooling, relative: 1e-9)
        expectClose(k.withdrawn, h.withdrawn, absolute: abs(1e-9 * max(h.withdrawn, 1e-300)))
        expectClose(k.consumed, h.consumed, absolute: abs(1e-9 * max(h.consumed, 1e-300)))
    }

    @Test("irhx-outside-air: 35 °C / 26 °C wet bulb, evaporative media and DX trim")
    func irhx() throws {
        // Between supply (27) and return (39 °C): media cool 35 − 0.8·(35 − 26) = 27.8 °C > 27, the DX trims the rest.
        let leave = 35 - 0.8 * (35 - 26.0)
        // Evaporation per Wh of hall heat: 3600 · (35 − 27.8) / (12 · h_fg(26)), bleed × 5/4.
        let hfg: Double = 2.501e6 - 2361 * 26
        let consumed: Double = 3600 * (35 - leave) / (12 * hfg)
        let h = Self.hand(toHall: true, econ0: leave, cond0: 35 + 15, approachDesign: 0, tsL: 27, dL: 12, tsA: 27, dA: 12,
                          te: (27 - 8, 27 - 8), eta: 0.5, copMax: 8, rejection: 0, chillerToSink: 0,
                          consumedPerWh: consumed, withdrawnPerWh: consumed * 5 / 4)
        // The trim carries (27.8 − 27)/12 of the hall: some chiller power, within it.
        #expect(h.cooling > 0)
        Self.check(try Self.kernelHour(.irhx, dryBulbC: 35, wetBulbC: 26), h)
        // Cold and dry: 5 °C outside, −10 °C wet bulb: economizer only, humidification needs no water (no minimum set).
        let cold = Self.hand(toHall: true, econ0: 5, cond0: 5 + 15, approachDesign: 0, tsL: 27, dL: 12, tsA: 27, dA: 12,
                             te: (19, 19), eta: 0.5, copMax: 8, rejection: 0, chillerToSink: 0, consumedPerWh: 0, withdrawnPerWh: 0)
        Self.check(try Self.kernelHour(.irhx, dryBulbC: 5, wetBulbC: -10), cold)
        // Dry winter air, 5 °C / 0 °C wet bulb, held at a −9 °C dew point: the media humidify the supply.
        // e = e_s(0) − 6.53e-4 · (1 + 0.000944 · 0) · 1013.25 · (5 − 0) = 6.112 − 3.308 = 2.804 hPa (dew point ≈ −10.3 °C).
        let e = 6.112 * exp(17.62 * 0 / (243.12 + 0)) - 6.53e-4 * 1013.25 * 5
        let w = 0.621945 * e / (1013.25 - e)
        // W at −9 °C saturation: e_s(−9) = 6.112 · exp(17.62 · −9 / 234.12) = 3.105 hPa.
        let es9 = 6.112 * exp(17.62 * -9 / (243.12 - 9))
        let wMin = 0.621945 * es9 / (1013.25 - es9)
        // Air per Wh of hall heat 3600 / (1006 · 12) kg; water (W_min − W) per kg of air; bleed × 5/4.
        let humid = 3600 * (wMin - w) / (1006 * 12)
        let dry = Self.hand(toHall: true, econ0: 5, cond0: 5 + 15, approachDesign: 0, tsL: 27, dL: 12, tsA: 27, dA: 12,
                            te: (19, 19), eta: 0.5, copMax: 8, rejection: 0, chillerToSink: 0,
                            consumedPerWh: humid, withdrawnPerWh: humid * 5 / 4)
        Self.check(try Self.kernelHour(.irhx, dryBulbC: 5, wetBulbC: 0, minDewPointC: -9), dry)
    }

    @Test("liquid-dry-cooler: 30 °C / 20 °C wet bulb, adiabatic pads on")
    func dryCooler() throws {
        // Pads above 26 °C: air enters the coils at 30 − 0.8 · 10 = 22 °C.
        let tin = 30 - 0.8 * (30 - 20.0)
        let hfg: Double = 2.501e6 - 2361 * 20
        let consumed: Double = 3600 * (0.8 * 10) / (10 * hfg)
        let h = Self.hand(toHall: false, econ0: tin + 2, cond0: tin + 7, approachDesign: 4, tsL: 32, dL: 10, tsA: 18, dA: 6,
                          te: (30, 16), eta: 0.65, copMax: 12, rejection: 0.02, chillerToSink: 1,
                          consumedPerWh: consumed, withdrawnPerWh: consumed * 5 / 4)
        Self.check(try Self.kernelHour(.liquidDryCooler, dryBulbC: 30, wetBulbC: 20), h)
    }

    @Test("liquid-tower: 30 °C / 24 °C wet bulb")
    func tower() throws {
        // Evaporated share from the tower psychrometrics (tested in Water/towerEvaporation), then per J:
        // E = f/h_fg(T_w + a_d), drift 5e-5/(4186 · 5.5), blowdown E/4 − D.
        let f = CoolingPhysics.towerEvaporatedFraction(dryBulbC: 30, wetBulbC: 24, pressureHPa: 1013.25, liquidGasRatio: 1.2, rangeC: 5.5)
        let e = f / (2.501e6 - 2361 * 28), d = 5e-5 / (4186 * 5.5)
        let consumed = 3600 * (e + d), withdrawn = 3600 * (e + d + (e / 4 - d))
        let h = Self.hand(toHall: false, econ0: 24 + 2, cond0: 24 + 7, approachDesign: 4, tsL: 32, dL: 10, tsA: 18, dA: 6,
                          te: (30, 16), eta: 0.65, copMax: 12, rejection: 0.02, chillerToSink: 1,
                          consumedPerWh: consumed, withdrawnPerWh: withdrawn)
        Self.check(try Self.kernelHour(.liquidTower, dryBulbC: 30, wetBulbC: 24), h)
    }

    @Test("air-chiller-economizer: 20 °C / 14 °C wet bulb, partial waterside economizer")
    func chilledWater() throws {
        // Both loops on 18 °C chilled water (ΔT 6 K).
        let f = CoolingPhysics.towerEvaporatedFraction(dryBulbC: 20, wetBulbC: 14, pressureHPa: 1013.25, liquidGasRatio: 1.2, rangeC: 5.5)
        let e = f / (2.501e6 - 2361 * 18), d = 5e-5 / (4186 * 5.5)
        let h = Self.hand(toHall: false, econ0: 14 + 2, cond0: 14 + 7, approachDesign: 4, tsL: 18, dL: 6, tsA: 18, dA: 6,
                          te: (16, 16), eta: 0.65, copMax: 12, rejection: 0.02, chillerToSink: 1,
                          consumedPerWh: 3600 * (e + d), withdrawnPerWh: 3600 * (e + d + (e / 4 - d)))
        Self.check(try Self.kernelHour(.airChillerEconomizer, dryBulbC: 20, wetBulbC: 14), h)
    }

    @Test("fixed-pue: facility = 1.2 × IT, water = 0.5 L/kWh × IT")
    func fixedPUE() throws {
        let k = try Self.kernelHour(.fixedPUE, dryBulbC: 20, wetBulbC: 14)
        expectClose(k.facility, 1.2e6, relative: 1e-9)
        // 0.5 L/kWh × 1,000 kWh in the hour = 500 L.
        #expect(abs(k.withdrawn - 500) <= 1e-9 * 500 && abs(k.consumed - 500) <= 1e-9 * 500)
    }
}

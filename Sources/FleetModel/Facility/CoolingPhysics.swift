import Foundation

/// Pure relations of the cooling plant (see docs/METHODS.md, "Cooling").
public enum CoolingPhysics {
    /// 0 °C in kelvin.
    public static let kelvin = 273.15

    /// Carnot COP of a refrigerator between evaporator and condenser, °C:
    /// T_evap / (T_cond − T_evap) in kelvin; +∞ when there is no lift.
    @inline(__always)
    public static func carnotCOP(evaporatorC te: Double, condenserC tc: Double) -> Double {
        let lift = tc - te
        return lift > 0 ? (te + kelvin) / lift : .infinity
    }

    /// Chiller COP = min(η · Carnot COP, COP_max); below Carnot whenever η < 1.
    @inline(__always)
    public static func chillerCOP(evaporatorC te: Double, condenserC tc: Double, eta: Double, copMax: Double) -> Double {
        min(eta * carnotCOP(evaporatorC: te, condenserC: tc), copMax)
    }

    /// Share of a loop's heat that the chiller must remove with an integrated
    /// economizer: the economizer cools the return (T_s + ΔT) down to T_econ when it can,
    /// the chiller trims from there to the supply T_s.
    /// 0 = full economizer, 1 = mechanical cooling only.
    @inline(__always)
    public static func chillerShare(economizerSupplyC te: Double, supplyC ts: Double, deltaTC dt: Double) -> Double {
        min(max((te - ts) / dt, 0), 1)
    }

    /// Fan or pump power over its design power at load ratio x (flow ∝ heat):
    /// max(x, x_min)^n (affinity laws with a minimum speed).
    @inline(__always)
    public static func partLoadPower(_ x: Double, minSpeed: Double, exponent: Double) -> Double {
        pow(max(x, minSpeed), exponent)
    }

    /// Chiller electric input ratio at part-load ratio p (input power over full-load input
    /// power at the same lift): EIR(p) = c₀ + c₁p + c₂p², the DOE-2 / CoolTools curve of a
    /// water-cooled centrifugal chiller with inlet vanes (LBNL Modelica Buildings Library,
    /// `Buildings.Fluid.Chillers.Data.ElectricEIR`, EIRFunPLR = {0.17149273, 0.58820208,
    /// 0.23737257}, the same data as EnergyPlus's `Chillers.idf`). EIR(1) = 0.997.
    @inline(__always)
    public static func partLoadEIR(_ p: Double) -> Double {
        0.17149273 + p * (0.58820208 + p * 0.23737257)
    }

    /// Input power per W of cooling over its full-load value, EIR(p)/p, for a plant of `units`
    /// identical chillers carrying `loadRatio` of their combined capacity: k = ⌈r·n⌉ units
    /// run, each at p = r·n/k. 0 when there is no load.
    @inline(__always)
    public static func stagedEIRRatio(loadRatio r: Double, units n: Double) -> Double {
        let u = r * n
        if !(u > 0) { return 0 }
        let k = u.rounded(.up)
        let p = u / k
        return partLoadEIR(p) / p
    }

    /// Coil or heat-rejection approach at load ratio x, over its design value: the approach is
    /// ∝ heat / UA, the air-side UA ∝ V^m and the fans run at speed max(x, x_min), so
    /// a(x)/a_d = x · max(x, x_min)^(−m) (Incropera & DeWitt, fin-tube coils: h ∝ Re^0.6).
    @inline(__always)
    public static func approachRatio(_ x: Double, minSpeed: Double, exponent m: Double) -> Double {
        max(x, 0) * pow(max(x, minSpeed), -m)
    }

    /// Share of a wet cooling tower's heat that leaves as latent heat, from the hour's air:
    /// air enters at (T, T_w), leaves saturated with its enthalpy raised by (L/G)·c_pw·range
    /// (energy balance of the tower, Merkel's assumptions; ASHRAE Handbook—HVAC Systems and
    /// Equipment 2020 ch. 40), and f = h_fg·(ω_out − ω_in)/(h_out − h_in), capped to [0, 1]
    /// (hot, dry air can give up sensible heat too; the cap keeps evaporation at or below the
    /// all-latent bound of the heat rejected, see docs/METHODS.md §5). Enthalpy and humidity
    /// ratio from ASHRAE Handbook—Fundamentals 2017 ch. 1 (eqs. 20, 32).
    public static func towerEvaporatedFraction(dryBulbC t: Double, wetBulbC tw: Double, pressureHPa p: Double,
                                               liquidGasRatio lg: Double, rangeC r: Double) -> Double {
        let wIn = Psychrometrics.humidityRatio(dryBulbC: t, wetBulbC: tw, pressureHPa: p)
        let hIn = Psychrometrics.enthalpyKJPerKg(t, humidityRatio: wIn)
        let dh = lg * 4.186 * r
        let hOut = hIn + dh
        // Saturated exit air with enthalpy hOut: Newton on T (h_sat rises monotonically).
        var te = tw + 0.5 * r
        for _ in 0..<20 {
            let ws = Psychrometrics.saturationHumidityRatio(te, pressureHPa: p)
            let f = Psychrometrics.enthalpyKJPerKg(te, humidityRatio: ws) - hOut
            let ws2 = Psychrometrics.saturationHumidityRatio(te + 0.01, pressureHPa: p)
            let d = (Psychrometrics.enthalpyKJPerKg(te + 0.01, humidityRatio: ws2) - hOut - f) / 0.01
            let step = f / d
            te -= step
            if abs(step) < 1e-6 { break }
        }
        let wOut = Psychrometrics.saturationHumidityRatio(te, pressureHPa: p)
        let latent = Psychrometrics.latentHeatJPerKg(te) / 1000 * (wOut - wIn)
        return min(max(latent / dh, 0), 1)
    }

    /// Tower water per joule of heat rejected, L/J: evaporation E = f_e / h_fg(T), drift
    /// D = d / (c_p ΔT_range) of the circulation, blowdown B = max(E/(N−1) − D, 0).
    /// Consumption (leaves the watershed as vapour or drift) is E + D; withdrawal (make-up) is
    /// E + D + B. 1 kg of water is taken as 1 L.
    public static func towerWaterLPerJ(waterC t: Double, evaporatedFraction fe: Double, cycles n: Double,
                                       driftFraction d: Double, rangeC r: Double) -> (consumed: Double, withdrawn: Double) {
        let evap = fe / Psychrometrics.latentHeatJPerKg(t)
        let drift = d / (4186 * r)
        let blowdown = max(evap / (n - 1) - drift, 0)
        return (evap + drift, evap + drift + blowdown)
    }
}

/// A cooling design's parameters resolved for the physics. The weather-dependent part of
/// an hour (economizer and condensing temperatures before the load-dependent approach,
/// water per Wh) follows from dry and wet bulb alone and is tabulated; the load-dependent
/// part (approach, chiller shares, COP, staging) is `chillerPower`, evaluated every hour.
public struct CoolingPlant: Sendable {
    public let type: CoolingType
    let towers: Bool, outsideAir: Bool
    let approach: Double, hx: Double, offset: Double
    let eta: Double, copMax: Double, units: Double
    let liqSupply: Double, invLiqDelta: Double, airSupply: Double, invAirDelta: Double
    /// η·T_e (K) of each loop's evaporator, and T_e (°C).
    let etaTeL: Double, etaTeA: Double, teL: Double, teA: Double
    let cycles: Double, drift: Double, range: Double, liquidGas: Double, pressure: Double
    let adiabaticOn: Double, adiabaticEff: Double, airDelta: Double
    let supplyAir: Double, hallDelta: Double
    /// Humidity ratio of the lowest supply dew point (0: no humidification), kg/kg.
    let minHumidity: Double
    /// Part-load table of max(x, x_min)^(−m) for the approach (nil exponent 0: constant approach).
    let approachMinSpeed: Double, approachExponent: Double
    /// 1 when chiller work leaves through the water-using heat sink (towers, adiabatic dry
    /// coolers); 0 for the outside-air design, whose DX condensers reject it dry.
    let chillerHeatToSink: Double

    /// Smallest lift used in a COP, K (keeps η·T_e / lift finite; COP_max binds long before).
    static let minLift = 0.01

    /// - Parameters:
    ///   - pressureHPa: barometric pressure of the site (the tower's psychrometrics).
    /// - Precondition: `c` passed `validate()` for its type (not fixed-pue).
    public init(_ c: CoolingSpec, pressureHPa: Double = 1013.25) {
        type = c.type
        towers = c.type.usesTowers
        outsideAir = c.type == .irhx
        approach = outsideAir ? 0 : (c.approachC ?? 0)
        hx = outsideAir ? 0 : (c.hxApproachC ?? 0)
        offset = c.condensingApproachC ?? 0
        let ea = c.evaporatorApproachC ?? 0
        eta = c.chillerEta ?? 0.5; copMax = c.chillerCopMax ?? 10; units = max(c.chillerUnits ?? 1, 1)
        let chw = c.chilledWaterSupplyC ?? 18, chwDelta = c.chilledWaterDeltaTC ?? 6
        supplyAir = c.supplyAirC ?? 27; hallDelta = c.hallAirDeltaTC ?? 12
        minHumidity = c.minDewPointC.map { Psychrometrics.saturationHumidityRatio($0, pressureHPa: pressureHPa) } ?? 0
        airSupply = outsideAir ? supplyAir : chw
        invAirDelta = 1 / (outsideAir ? hallDelta : chwDelta)
        liqSupply = c.type == .airChillerEconomizer || outsideAir ? airSupply : (c.liquidSupplyC ?? chw)
        invLiqDelta = c.type == .airChillerEconomizer || outsideAir ? invAirDelta : 1 / (c.liquidDeltaTC ?? chwDelta)
        teL = liqSupply - ea; teA = airSupply - ea
        etaTeL = eta * (teL + CoolingPhysics.kelvin); etaTeA = eta * (teA + CoolingPhysics.kelvin)
        cycles = c.cyclesOfConcentration ?? 5; drift = c.driftFraction ?? 0; range = c.towerRangeC ?? 5
        liquidGas = c.towerLiquidGasRatio ?? 1.2; pressure = pressureHPa
        adiabaticOn = c.adiabaticAboveC ?? .infinity; adiabaticEff = c.adiabaticEffectivenessFraction ?? 0
        airDelta = c.dryCoolerAirDeltaTC ?? 10
        approachMinSpeed = c.minSpeedFraction ?? 0.2
        approachExponent = outsideAir ? 0 : (c.approachFlowExponent ?? 0)
        chillerHeatToSink = outsideAir ? 0 : 1
    }

    /// The weather-dependent coefficients of one hour.
    public struct Coefficients: Sendable {
        /// Economizer supply temperature before the load-dependent approach, °C
        /// (≥ 1000 when the economizer is shut: the chiller carries the whole loop).
        public var economizerC: Double
        /// Refrigerant condensing temperature before the load-dependent approach, °C.
        public var condensingC: Double
        /// On-site water consumed (evaporation + drift) per Wh of heat at the sink, L/Wh.
        public var consumedLPerWh: Double
        /// On-site water withdrawn (make-up: consumption + blowdown or pad bleed) per Wh, L/Wh.
        public var withdrawnLPerWh: Double
    }

    /// Economizer shut: a temperature far above any supply set point makes the chiller share 1.
    static let shut = 1000.0

    /// The hour's weather → heat-sink temperatures and water rates:
    /// * towers: sink at T_w (+ approach), evaporation from the tower psychrometrics;
    /// * dry coolers: sink at T (or the adiabatically pre-cooled T − ε(T − T_w) above the
    ///   threshold), water only while the pads run;
    /// * outside air (irhx): up to the supply set point the economizer mixes outside and return
    ///   air (no water); between set point and return temperature T_sa + ΔT the direct
    ///   evaporative media cool the outside air toward T_sa (leaving at no less than
    ///   T − ε(T − T_w)), evaporating c_p·ΔT_evap/(ΔT_hall·h_fg) per J of hall heat; above the return
    ///   temperature the dampers close (ASHRAE 90.1 fixed dry-bulb high limit) and the DX trim
    ///   carries the hall, its condensers at T + a_c. Below the set point, outside air drier than
    ///   the lowest supply dew point is humidified by the same media (ASHRAE TC 9.9).
    /// - Parameter es: e_s(T_w), hPa, when the caller has it (saves an `exp`).
    public func coefficients(dryBulbC db: Double, wetBulbC wb: Double, wetBulbSaturationHPa es: Double? = nil) -> Coefficients {
        if outsideAir {
            let returnAir = supplyAir + hallDelta
            if db <= supplyAir {
                // Outside air mixed with return air (which carries the same moisture): below the lowest
                // dew point the media humidify the whole supply flow 1/(c_p ΔT_hall) kg per J of hall heat.
                let w = minHumidity > 0
                    ? Psychrometrics.humidityRatio(dryBulbC: db, wetBulbC: wb, pressureHPa: pressure, saturationHPa: es) : 0
                let consumed = 3600 * max(minHumidity - w, 0) / (1006 * hallDelta)
                return Coefficients(economizerC: db, condensingC: db + offset, consumedLPerWh: consumed,
                                    withdrawnLPerWh: consumed * cycles / (cycles - 1))
            }
            if db > returnAir {
                return Coefficients(economizerC: Self.shut, condensingC: db + offset, consumedLPerWh: 0, withdrawnLPerWh: 0)
            }
            let leave = max(db - adiabaticEff * (db - wb), supplyAir)
            // Air flow per W of hall heat 1/(c_p ΔT_hall); its sensible cooling c_p (T − T_leave) is latent heat taken up.
            let consumed = 3600 * (db - leave) / (hallDelta * Psychrometrics.latentHeatJPerKg(wb))
            return Coefficients(economizerC: leave, condensingC: db + offset, consumedLPerWh: consumed,
                                withdrawnLPerWh: consumed * cycles / (cycles - 1))
        }
        if towers {
            let sink = wb + approach
            let fe = CoolingPhysics.towerEvaporatedFraction(dryBulbC: db, wetBulbC: wb, pressureHPa: pressure,
                                                            liquidGasRatio: liquidGas, rangeC: range)
            let w = CoolingPhysics.towerWaterLPerJ(waterC: sink, evaporatedFraction: fe, cycles: cycles,
                                                   driftFraction: drift, rangeC: range)
            return Coefficients(economizerC: wb + hx, condensingC: wb + offset,
                                consumedLPerWh: 3600 * w.consumed, withdrawnLPerWh: 3600 * w.withdrawn)
        }
        if db > adiabaticOn && adiabaticEff > 0 {
            let drop = adiabaticEff * (db - wb)
            let t = db - drop
            // Air flow m = Q/(c_p ΔT_air); evaporation m·c_p·drop/h_fg; pad bleed by the cycles factor.
            let consumed = 3600 * drop / (airDelta * Psychrometrics.latentHeatJPerKg(wb))
            return Coefficients(economizerC: t + hx, condensingC: t + offset, consumedLPerWh: consumed,
                                withdrawnLPerWh: consumed * cycles / (cycles - 1))
        }
        return Coefficients(economizerC: db + hx, condensingC: db + offset, consumedLPerWh: 0, withdrawnLPerWh: 0)
    }

    /// Chiller electricity of one hour, W: the sink's approach `a` (K, already at this hour's
    /// load) shifts the economizer and condensing temperatures; each loop's chiller share
    /// s = clamp((T_econ − T_s)/ΔT, 0, 1) and full-load COP min(η·T_e/(T_c − T_e), COP_max);
    /// the plant's part-load ratio r = (s_L Q_L + s_A Q_A)·`invCapacity` sets the staged
    /// EIR(p)/p. `qL`, `qA`: the liquid- and air-loop heat, W.
    @inline(__always)
    public func chillerPower(liquidW qL: Double, airW qA: Double, economizerC e0: Double, condensingC c0: Double,
                             approach a: Double, invCapacity: Double) -> Double {
        let econ = e0 + a
        let s = shares(economizerC: econ)
        let load = s.liquid * qL + s.air * qA
        if !(load > 0) { return 0 }
        return runningPower(shares: s, load: load, liquidW: qL, airW: qA, condensingC: c0 + a, invCapacity: invCapacity)
    }

    /// Each loop's chiller share clamp((T_econ − T_s)/ΔT, 0, 1) at economizer temperature `econ`
    /// (approach included), °C. The chillers run when s_L·Q_L + s_A·Q_A > 0.
    @inline(__always)
    func shares(economizerC econ: Double) -> (liquid: Double, air: Double) {
        (min(max((econ - liqSupply) * invLiqDelta, 0), 1), min(max((econ - airSupply) * invAirDelta, 0), 1))
    }

    /// `chillerPower` once its shares `s` and load s_L·Q_L + s_A·Q_A (> 0, W) are known;
    /// `cond`: condensing temperature with the approach, °C.
    @inline(__always)
    func runningPower(shares s: (liquid: Double, air: Double), load: Double, liquidW qL: Double, airW qA: Double,
                      condensingC cond: Double, invCapacity: Double) -> Double {
        // A loop without heat (the liquid loop of irhx) adds exactly 0 (its COP is positive and
        // finite), so its COP is not computed: the same result with two divisions fewer.
        let liquidPart = qL == 0 ? 0 : s.liquid * qL / min(etaTeL / max(cond - teL, Self.minLift), copMax)
        let airPart = qA == 0 ? 0 : s.air * qA / min(etaTeA / max(cond - teA, Self.minLift), copMax)
        return (liquidPart + airPart) * CoolingPhysics.stagedEIRRatio(loadRatio: load * invCapacity, units: units)
    }

    /// Design approach of the heat-rejection device, K (0 for outside air).
    var designApproach: Double { approach }
}

/// A cooling plant's weather coefficients for every hour of a typical year. Built once per
/// spec (and per sample when cooling inputs vary), read by the hourly loop.
public struct CoolingPlantTable: Sendable {
    public var economizerC: [Double]
    public var condensingC: [Double]
    public var consumedLPerWh: [Double]
    public var withdrawnLPerWh: [Double]
    /// Hours of the typical year with the economizer carrying all, and part, of the air loop
    /// at the design approach (counted when read: a Monte Carlo sample never reads them).
    public var airEconomizerFullHours: Int { airEconomizerHours.full }
    public var airEconomizerPartialHours: Int { airEconomizerHours.partial }
    /// The plant's design approach, air-loop supply (°C) and 1/ΔT of the air loop (1/K), for the counts.
    private let designApproach: Double, airSupply: Double, invAirDelta: Double

    /// Humidity ratio of the outside air at each typical-year hour at the site's pressure, kg/kg
    /// (outside-air plants only, else empty): it depends on the weather alone, so tables of the
    /// same site and climate share it (`previous:`).
    let outsideHumidityRatio: [Double]
    let pressure: Double

    /// - Parameter previous: a table of the same site and climate (same weather and pressure),
    ///   whose weather-only terms are reused.
    public init(plant: CoolingPlant, weather w: TypicalYearWeather, previous: CoolingPlantTable? = nil) {
        var none: CoolingPlantTable?
        self.init(plant: plant, weather: w, previous: previous, recycling: &none)
    }

    /// - Parameter recycled: a table nothing reads any more (the last sample's of this site);
    ///   its arrays are taken and every value overwritten, in place when nothing else holds them.
    init(plant: CoolingPlant, weather w: TypicalYearWeather, previous: CoolingPlantTable?,
         recycling recycled: inout CoolingPlantTable?) {
        let n = TypicalYearWeather.hours
        var e: [Double] = [], c: [Double] = [], wc: [Double] = [], ww: [Double] = []
        if recycled != nil {
            swap(&e, &recycled!.economizerC); swap(&c, &recycled!.condensingC)
            swap(&wc, &recycled!.consumedLPerWh); swap(&ww, &recycled!.withdrawnLPerWh)
        }
        func sized(_ a: inout [Double]) { if a.count != n { a = [Double](repeating: 0, count: n) } }
        sized(&e); sized(&c); sized(&wc); sized(&ww)
        pressure = plant.pressure
        if plant.outsideAir {
            let humidity = if let p = previous, p.pressure == plant.pressure, p.outsideHumidityRatio.count == n {
                p.outsideHumidityRatio
            } else {
                (0..<n).map {
                    Psychrometrics.humidityRatio(dryBulbC: w.dryBulbC[$0], wetBulbC: w.wetBulbC[$0], pressureHPa: plant.pressure,
                                                 saturationHPa: w.wetBulbSaturationHPa[$0])
                }
            }
            outsideHumidityRatio = humidity
            Self.outsideAir(plant, w, humidity, &e, &c, &wc, &ww)
        } else {
            outsideHumidityRatio = []
            for k in 0..<n {
                let x = plant.coefficients(dryBulbC: w.dryBulbC[k], wetBulbC: w.wetBulbC[k], wetBulbSaturationHPa: w.wetBulbSaturationHPa[k])
                e[k] = x.economizerC; c[k] = x.condensingC; wc[k] = x.consumedLPerWh; ww[k] = x.withdrawnLPerWh
            }
        }
        economizerC = e; condensingC = c; consumedLPerWh = wc; withdrawnLPerWh = ww
        designApproach = plant.designApproach; airSupply = plant.airSupply; invAirDelta = plant.invAirDelta
    }

    private var airEconomizerHours: (full: Int, partial: Int) {
        var full = 0, partial = 0
        for x in economizerC {
            let s = (x + designApproach - airSupply) * invAirDelta
            if s <= 0 { full += 1 } else if s < 1 { partial += 1 }
        }
        return (full, partial)
    }

    /// The outside-air branch of `CoolingPlant.coefficients` for every hour, operation for
    /// operation, with the weather's humidity ratio `humidity` given and the zero-water hours
    /// skipping their divisions (0 · c/(c − 1) is 0).
    private static func outsideAir(_ p: CoolingPlant, _ w: TypicalYearWeather, _ humidity: [Double], _ ea: inout [Double],
                                   _ ca: inout [Double], _ wca: inout [Double], _ wwa: inout [Double]) {
        let n = TypicalYearWeather.hours
        let supply = p.supplyAir, returnAir = p.supplyAir + p.hallDelta, offset = p.offset
        let minHumidity = p.minHumidity, humidify = p.minHumidity > 0, cycles = p.cycles
        let mixDenominator = 1006 * p.hallDelta, eff = p.adiabaticEff, hall = p.hallDelta
        func fill(_ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                           UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) {
            ea.withUnsafeMutableBufferPointer { e in ca.withUnsafeMutableBufferPointer { c in
            wca.withUnsafeMutableBufferPointer { wc in wwa.withUnsafeMutableBufferPointer { ww in body(e, c, wc, ww) }}}}
        }
        w.dryBulbC.withUnsafeBufferPointer { dbp in w.wetBulbC.withUnsafeBufferPointer { wbp in
        humidity.withUnsafeBufferPointer { hp in
            fill { e, c, wc, ww in
                for k in 0..<n {
                    let db = dbp[k]
                    c[k] = db + offset
                    var consumed = 0.0
                    if db <= supply {
                        e[k] = db
                        let wk = humidify ? hp[k] : 0
                        consumed = 3600 * max(minHumidity - wk, 0) / mixDenominator
                    } else if db > returnAir {
                        e[k] = CoolingPlant.shut
                        wc[k] = 0; ww[k] = 0
                        continue
                    } else {
                        let wb = wbp[k]
                        let leave = max(db - eff * (db - wb), supply)
                        e[k] = leave
                        consumed = 3600 * (db - leave) / (hall * Psychrometrics.latentHeatJPerKg(wb))
                    }
                    wc[k] = consumed
                    ww[k] = consumed == 0 ? 0 : consumed * cycles / (cycles - 1)
                }
            }
        }}}
    }

    /// The coefficients of typical-year hour `j`.
    @inline(__always)
    public func coefficients(_ j: Int) -> CoolingPlant.Coefficients {
        CoolingPlant.Coefficients(economizerC: economizerC[j], condensingC: condensingC[j],
                                  consumedLPerWh: consumedLPerWh[j], withdrawnLPerWh: withdrawnLPerWh[j])
    }
}

/// Fan or pump power over design power, tabulated on load ratio x ∈ [0, 2] so the
/// hourly loop needs no `pow`; above 2 it falls back to `pow`.
public struct PartLoadTable: Sendable {
    static let steps = 512
    static let xMax = 2.0
    let values: [Double]
    let minSpeed: Double, exponent: Double

    /// - Parameter tabulated: false leaves the table empty, for a law nothing will read (the
    ///   approach of a plant whose design approach is 0), saving its 513 `pow` per sample.
    public init(minSpeed: Double, exponent: Double, tabulated: Bool = true) {
        self.minSpeed = minSpeed; self.exponent = exponent
        values = !tabulated ? [] : (0...Self.steps).map {
            CoolingPhysics.partLoadPower(Double($0) * Self.xMax / Double(Self.steps), minSpeed: minSpeed, exponent: exponent)
        }
    }

    /// Linear interpolation in the table (exact at the nodes).
    @inline(__always)
    public func callAsFunction(_ x: Double) -> Double {
        values.withUnsafeBufferPointer { Self.lookup($0, x, minSpeed: minSpeed, exponent: exponent) }
    }

    /// Linear interpolation in `t` (this table's `values`), for loops that hold the storage.
    @inline(__always)
    static func lookup(_ t: UnsafeBufferPointer<Double>, _ x: Double, minSpeed: Double, exponent: Double) -> Double {
        let u = max(x, 0) * (Double(steps) / xMax)
        if u >= Double(steps) { return CoolingPhysics.partLoadPower(x, minSpeed: minSpeed, exponent: exponent) }
        let i = Int(saturating: u, in: 0...(steps - 1)), f = u - Double(i)
        return t[i] + f * (t[i + 1] - t[i])
    }

    /// `lookup` of two load ratios, lane by lane with the same operations (a lane off the
    /// table, or NaN, sends both through the scalar form).
    @inline(__always)
    static func lookup(_ t: UnsafeBufferPointer<Double>, _ x: SIMD2<Double>, minSpeed: Double, exponent: Double) -> SIMD2<Double> {
        var u = x
        u.replace(with: 0, where: x .<= 0)
        u *= Double(steps) / xMax
        guard all(u .< Double(steps)) else { return lookupEach(t, x, minSpeed: minSpeed, exponent: exponent) }
        // The integer part of each lane without a checked conversion: adding 2⁵² rounds u ∈ [0, 512)
        // to an integer held in the low bits of the mantissa; one less where that rounded up.
        let big = SIMD2<Double>(repeating: 0x1p52)
        var whole = (u + big) - big
        whole.replace(with: whole - 1, where: whole .> u)
        let index = whole + big
        let i0 = Int(truncatingIfNeeded: index[0].bitPattern & 0xFFFF), i1 = Int(truncatingIfNeeded: index[1].bitPattern & 0xFFFF)
        let f = u - whole
        let a = SIMD2(t[i0], t[i1])
        return a + f * (SIMD2(t[i0 + 1], t[i1 + 1]) - a)
    }

    @inline(never)
    private static func lookupEach(_ t: UnsafeBufferPointer<Double>, _ x: SIMD2<Double>, minSpeed: Double,
                                   exponent: Double) -> SIMD2<Double> {
        SIMD2(lookup(t, x[0], minSpeed: minSpeed, exponent: exponent), lookup(t, x[1], minSpeed: minSpeed, exponent: exponent))
    }
}

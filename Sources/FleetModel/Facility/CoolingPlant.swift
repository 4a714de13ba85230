import Foundation

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

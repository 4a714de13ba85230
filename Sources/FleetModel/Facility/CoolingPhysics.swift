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

    /// Tower make-up water per joule of heat rejected, L/J: evaporation
    /// f_evap / h_fg(T), drift d / (c_p ΔT_range) of the circulation, and blowdown
    /// E/(N−1) − D (not below zero). 1 kg of water is taken as 1 L.
    public static func towerWaterLPerJ(waterC t: Double, evaporatedFraction fe: Double, cycles n: Double,
                                       driftFraction d: Double, rangeC r: Double) -> Double {
        let evap = fe / Psychrometrics.latentHeatJPerKg(t)
        let drift = d / (4186 * r)
        let blowdown = max(evap / (n - 1) - drift, 0)
        return evap + drift + blowdown
    }
}

/// A cooling design's parameters resolved for the physics: the weather-dependent
/// coefficients of one hour follow from dry and wet bulb alone.
public struct CoolingPlant: Sendable {
    public let type: CoolingType
    let towers: Bool
    let approach: Double, hx: Double, offset: Double, evapApproach: Double, eta: Double, copMax: Double
    let chwSupply: Double, chwDelta: Double, liqSupply: Double, liqDelta: Double
    let evaporated: Double, cycles: Double, drift: Double, range: Double
    let adiabaticOn: Double, adiabaticEff: Double, airDelta: Double

    /// - Precondition: `c` passed `validate()` for its type (not fixed-pue).
    public init(_ c: CoolingSpec) {
        type = c.type
        towers = c.type.usesTowers
        approach = c.approachC ?? 0; hx = c.hxApproachC ?? 0; offset = c.condensingApproachC ?? 0
        evapApproach = c.evaporatorApproachC ?? 0; eta = c.chillerEta ?? 0.5; copMax = c.chillerCopMax ?? 10
        chwSupply = c.chilledWaterSupplyC ?? 18; chwDelta = c.chilledWaterDeltaTC ?? 6
        liqSupply = c.type == .airChillerEconomizer ? chwSupply : (c.liquidSupplyC ?? chwSupply)
        liqDelta = c.type == .airChillerEconomizer ? chwDelta : (c.liquidDeltaTC ?? chwDelta)
        evaporated = c.evaporatedFraction ?? 0; cycles = c.cyclesOfConcentration ?? 5
        drift = c.driftFraction ?? 0; range = c.towerRangeC ?? 5
        adiabaticOn = c.adiabaticAboveC ?? .infinity; adiabaticEff = c.adiabaticEffectivenessFraction ?? 0
        airDelta = c.dryCoolerAirDeltaTC ?? 10
    }

    /// The weather-dependent coefficients of one hour.
    public struct Coefficients: Sendable {
        /// Chiller electricity per W of liquid-loop heat.
        public var chillerPerLiquidW: Double
        /// Chiller electricity per W of air-loop heat.
        public var chillerPerAirW: Double
        /// On-site water per Wh of heat rejected, L/Wh.
        public var waterLPerWh: Double
        /// Chiller share of the air loop (0 = full economizer).
        public var airChillerShare: Double
        /// Heat-sink temperature (tower water or dry-cooler fluid leaving), °C.
        public var sinkC: Double
    }

    /// Heat sink → economizer supply and condensing temperature → chiller share
    /// and COP of each loop; water from tower evaporation, drift and blowdown, or
    /// from adiabatic pre-cooling of dry-cooler air above its threshold.
    @inline(__always)
    public func coefficients(dryBulbC db: Double, wetBulbC wb: Double) -> Coefficients {
        let sink: Double
        var water = 0.0
        if towers {
            sink = wb + approach
            water = 3600 * CoolingPhysics.towerWaterLPerJ(waterC: sink, evaporatedFraction: evaporated, cycles: cycles,
                                                          driftFraction: drift, rangeC: range)
        } else if db > adiabaticOn && adiabaticEff > 0 {
            let drop = adiabaticEff * (db - wb)
            sink = db - drop + approach
            // Air flow m = Q/(c_p ΔT_air); evaporation m·c_p·drop/h_fg; pad bleed by the cycles factor.
            water = 3600 * drop / (airDelta * Psychrometrics.latentHeatJPerKg(wb)) * cycles / (cycles - 1)
        } else {
            sink = db + approach
        }
        let econ = sink + hx, cond = sink + offset
        let sL = CoolingPhysics.chillerShare(economizerSupplyC: econ, supplyC: liqSupply, deltaTC: liqDelta)
        let sA = CoolingPhysics.chillerShare(economizerSupplyC: econ, supplyC: chwSupply, deltaTC: chwDelta)
        let copL = CoolingPhysics.chillerCOP(evaporatorC: liqSupply - evapApproach, condenserC: cond, eta: eta, copMax: copMax)
        let copA = CoolingPhysics.chillerCOP(evaporatorC: chwSupply - evapApproach, condenserC: cond, eta: eta, copMax: copMax)
        return Coefficients(chillerPerLiquidW: sL / copL, chillerPerAirW: sA / copA, waterLPerWh: water,
                            airChillerShare: sA, sinkC: sink)
    }
}

/// A cooling plant's coefficients for every hour of a typical year. Built once per
/// spec (and per sample when cooling inputs vary), read by the hourly loop.
public struct CoolingPlantTable: Sendable {
    public var chillerPerLiquidW: [Double]
    public var chillerPerAirW: [Double]
    public var waterLPerWh: [Double]
    /// Hours of the typical year with the economizer carrying all, and part, of the air loop.
    public var airEconomizerFullHours: Int
    public var airEconomizerPartialHours: Int

    public init(plant: CoolingPlant, weather w: TypicalYearWeather) {
        let n = TypicalYearWeather.hours
        var cl = [Double](repeating: 0, count: n), ca = cl, wa = cl
        var full = 0, partial = 0
        for k in 0..<n {
            let c = plant.coefficients(dryBulbC: w.dryBulbC[k], wetBulbC: w.wetBulbC[k])
            cl[k] = c.chillerPerLiquidW; ca[k] = c.chillerPerAirW; wa[k] = c.waterLPerWh
            if c.airChillerShare == 0 { full += 1 } else if c.airChillerShare < 1 { partial += 1 }
        }
        chillerPerLiquidW = cl; chillerPerAirW = ca; waterLPerWh = wa
        airEconomizerFullHours = full; airEconomizerPartialHours = partial
    }
}

/// Fan or pump power over design power, tabulated on load ratio x ∈ [0, 2] so the
/// hourly loop needs no `pow`; above 2 it falls back to `pow`.
public struct PartLoadTable: Sendable {
    static let steps = 512
    static let xMax = 2.0
    let values: [Double]
    let minSpeed: Double, exponent: Double

    public init(minSpeed: Double, exponent: Double) {
        self.minSpeed = minSpeed; self.exponent = exponent
        values = (0...Self.steps).map {
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
}

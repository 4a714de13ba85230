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

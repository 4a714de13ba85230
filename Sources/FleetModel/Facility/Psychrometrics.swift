import Foundation

/// Moist-air relations used for wet bulb, evaporation and pressure.
///
/// Saturation vapour pressure: Magnus form with WMO (2008, CIMO Guide, Annex 4.B)
/// coefficients; psychrometer equation with the WMO ventilated-psychrometer
/// coefficient A = 6.53·10⁻⁴ (1 + 0.000944 T_w) K⁻¹; standard atmosphere pressure
/// with elevation from ASHRAE Handbook—Fundamentals (2017) ch. 1, eq. 3.
public enum Psychrometrics {
    /// Saturation vapour pressure over water at `t` °C, hPa.
    @inline(__always)
    public static func saturationPressureHPa(_ t: Double) -> Double {
        6.112 * exp(17.62 * t / (243.12 + t))
    }

    /// d e_s / dT at `t` °C, hPa/K.
    @inline(__always)
    static func saturationSlope(_ t: Double) -> Double {
        saturationPressureHPa(t) * 17.62 * 243.12 / ((243.12 + t) * (243.12 + t))
    }

    /// Standard barometric pressure at elevation `z` m, hPa.
    public static func pressureHPa(elevationM z: Double) -> Double {
        1013.25 * pow(1 - 2.25577e-5 * z, 5.2559)
    }

    /// Thermodynamic-psychrometer wet-bulb temperature, °C, from dry bulb and dew
    /// point (°C) at pressure `p` hPa. Solves e(T_d) = e_s(T_w) − A·p·(T − T_w) by Newton's method.
    public static func wetBulbC(dryBulbC t: Double, dewPointC td: Double, pressureHPa p: Double) -> Double {
        let tdc = min(td, t)
        let e = saturationPressureHPa(tdc)
        var tw = tdc + 0.35 * (t - tdc)
        for _ in 0..<8 {
            let a = 6.53e-4 * (1 + 0.000944 * tw)
            let f = saturationPressureHPa(tw) - a * p * (t - tw) - e
            let df = saturationSlope(tw) + a * p - 6.53e-4 * 0.000944 * p * (t - tw)
            let step = f / df
            tw -= step
            if abs(step) < 1e-7 { break }
        }
        return min(max(tw, tdc), t)
    }

    /// Latent heat of vaporisation of water at `t` °C, J/kg (linear fit, 0–40 °C;
    /// Rogers & Yau, A Short Course in Cloud Physics, 1989, table 2.1).
    @inline(__always)
    public static func latentHeatJPerKg(_ t: Double) -> Double { 2.501e6 - 2361 * t }

    /// Humidity ratio of moist air, kg water per kg dry air, from vapour pressure `e` hPa at
    /// pressure `p` hPa: 0.621945·e/(p − e) (ASHRAE Handbook—Fundamentals 2017 ch. 1, eq. 20).
    @inline(__always)
    public static func humidityRatio(vapourPressureHPa e: Double, pressureHPa p: Double) -> Double {
        0.621945 * e / (p - e)
    }

    /// Humidity ratio at saturation at `t` °C.
    public static func saturationHumidityRatio(_ t: Double, pressureHPa p: Double) -> Double {
        humidityRatio(vapourPressureHPa: saturationPressureHPa(t), pressureHPa: p)
    }

    /// Humidity ratio from dry and wet bulb (the psychrometer equation used by `wetBulbC`);
    /// `saturationHPa`, e_s(T_w), when the caller has it.
    public static func humidityRatio(dryBulbC t: Double, wetBulbC tw: Double, pressureHPa p: Double,
                                     saturationHPa es: Double? = nil) -> Double {
        let e = (es ?? saturationPressureHPa(tw)) - 6.53e-4 * (1 + 0.000944 * tw) * p * (t - tw)
        return humidityRatio(vapourPressureHPa: max(e, 0), pressureHPa: p)
    }

    /// Specific enthalpy of moist air, kJ per kg dry air: 1.006 t + W(2501 + 1.86 t)
    /// (ASHRAE Handbook—Fundamentals 2017 ch. 1, eq. 32).
    @inline(__always)
    public static func enthalpyKJPerKg(_ t: Double, humidityRatio w: Double) -> Double {
        1.006 * t + w * (2501 + 1.86 * t)
    }
}

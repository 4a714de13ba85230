import Foundation

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

/// One site resolved for evaluation: weather, plant coefficients by typical-year
/// hour, part-load curve, the grid's monthly factors and the map from term hours
/// to the site's local typical-year hours.
public struct SiteModel: Sendable {
    public let spec: SiteSpec
    public let grid: GridSpec
    public let weather: TypicalYearWeather
    /// nil for fixed-pue.
    public let plant: CoolingPlant?
    public let table: CoolingPlantTable?
    let partLoad: PartLoadTable
    public let factors: GridFactors
    /// Typical-year hour (local standard time) of each term hour; a leap day repeats 28 February.
    let typicalHour: [Int32]
    /// Local hour of the day of each term hour.
    let localHour: [UInt8]

    public init(site: SiteSpec, grid: GridSpec, calendar: TermCalendar, weather: TypicalYearWeather) {
        spec = site; self.grid = grid; self.weather = weather
        if site.cooling.type == .fixedPUE {
            plant = nil; table = nil
        } else {
            let p = CoolingPlant(site.cooling)
            plant = p; table = CoolingPlantTable(plant: p, weather: weather)
        }
        partLoad = PartLoadTable(minSpeed: site.cooling.minSpeedFraction ?? 0.2,
                                 exponent: site.cooling.partLoadExponent ?? 3)
        factors = GridFactors(grid: grid, calendar: calendar)
        let n = calendar.hourCount
        var th = [Int32](repeating: 0, count: n), lh = [UInt8](repeating: 0, count: n)
        let off = site.utcOffsetHours
        for k in 0..<calendar.months {
            let leap = TermCalendar.isLeap(calendar.monthLabels[k].year)
            for h in calendar.monthStartHour[k]..<calendar.monthStartHour[k + 1] {
                var hoy = Int(calendar.hourOfYear[h])
                if leap && hoy >= 59 * 24 { hoy -= 24 }
                var local = (hoy + off) % 8760
                if local < 0 { local += 8760 }
                th[h] = Int32(local)
                lh[h] = UInt8(((Int(calendar.hourOfDay[h]) + off) % 24 + 24) % 24)
            }
        }
        typicalHour = th; localHour = lh
    }

    /// Continuous typical-year time (local) of fractional term hour `t`.
    @inline(__always)
    func typicalTime(_ t: Double) -> Double {
        let h = min(max(Int(t), 0), typicalHour.count - 1)
        return Double(typicalHour[h]) + (t - Double(h))
    }
}

/// Capacities commissioned for a site's load in each month: the running maximum
/// of the monthly peak over `design_load_fraction`, W.
struct SiteCapacity {
    var it: [Double], air: [Double], liquid: [Double]

    init(it itW: [Double], liquid liqW: [Double], calendar: TermCalendar, designLoadFraction dlf: Double) {
        var it = [Double](repeating: 0, count: calendar.months), air = it, liq = it
        var pi = 0.0, pa = 0.0, pl = 0.0
        itW.withUnsafeBufferPointer { p in
            liqW.withUnsafeBufferPointer { q in
                for k in 0..<calendar.months {
                    for h in calendar.monthStartHour[k]..<calendar.monthStartHour[k + 1] {
                        pi = max(pi, p[h]); pl = max(pl, q[h]); pa = max(pa, p[h] - q[h])
                    }
                    it[k] = pi / dlf; air[k] = pa / dlf; liq[k] = pl / dlf
                }
            }
        }
        self.it = it; self.air = air; self.liquid = liq
    }
}

/// Power flows of one site-hour, W.
public struct HourFlows: Sendable {
    public var it: Double
    public var cooling: Double
    public var delivery: Double
    public var facility: Double
    /// Heat rejected to the heat sink (IT heat, losses in the building, chiller work), W.
    public var rejected: Double
}

extension SiteModel {
    /// The facility physics of one hour (see docs/METHODS.md): distribution and UPS
    /// losses on the IT path, their heat added to the air loop, chillers by loop,
    /// fans and pumps at part load, transformer loss on everything.
    /// Capacities are in W; `exactPartLoad` evaluates the affinity law with `pow`
    /// instead of the table (the continuous-time form, whose integrand must be smooth).
    @inline(__always)
    func flows(it: Double, liquid: Double, chillerPerLiquidW cL: Double, chillerPerAirW cA: Double,
               capIT: Double, capAir: Double, capLiquid: Double, exactPartLoad: Bool = false) -> HourFlows {
        let d = spec.powerDelivery
        let ld = d.distribution.loss(load: it, capacity: capIT)
        let lu = d.ups.loss(load: it + ld, capacity: capIT)
        let c = spec.cooling
        if c.type == .fixedPUE {
            let txCap = capIT * d.transformerCapacityRatio
            let lt = d.transformer.loss(load: it + ld + lu, capacity: txCap)
            let overhead = ((c.pue ?? 1) - 1) * it
            let delivery = min(ld + lu + lt, overhead)
            return HourFlows(it: it, cooling: overhead - delivery, delivery: delivery, facility: it + overhead,
                             rejected: it + overhead)
        }
        let air = it - liquid + ld + lu
        let chiller = liquid * cL + air * cA
        let rejected = it + ld + lu + chiller
        let g: (Double) -> Double = exactPartLoad
            ? { CoolingPhysics.partLoadPower($0, minSpeed: self.partLoad.minSpeed, exponent: self.partLoad.exponent) }
            : { self.partLoad($0) }
        let fanAir = capAir > 0 ? (c.airFanPowerFraction ?? 0) * capAir * g(air / capAir) : 0
        let pumps = capLiquid > 0 ? (c.liquidPumpPowerFraction ?? 0) * capLiquid * g(liquid / capLiquid) : 0
        let rejection = capIT > 0 ? (c.heatRejectionPowerFraction ?? 0) * capIT * g(rejected / capIT) : 0
        let cooling = chiller + fanAir + pumps + rejection
        let lt = d.transformer.loss(load: it + ld + lu + cooling, capacity: capIT * d.transformerCapacityRatio)
        let delivery = ld + lu + lt
        return HourFlows(it: it, cooling: cooling, delivery: delivery, facility: it + cooling + delivery,
                         rejected: rejected)
    }
}

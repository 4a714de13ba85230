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
    let physics: HourPhysics
    public let factors: GridFactors
    /// Typical-year hour (local standard time) of each term hour; a leap day repeats 28 February.
    let typicalHour: [Int32]
    /// Local hour of the day of each term hour.
    let localHour: [UInt8]

    /// - Parameter previous: a model of the same site from an earlier spec with the same term
    ///   (a Monte Carlo sample). Each part is reused when the inputs it depends on compare
    ///   equal: the plant table when the cooling inputs and the weather are unchanged, the
    ///   part-load table when its minimum speed and exponent are, the hour maps when the UTC
    ///   offset is, the grid factors when the grid's carbon and price inputs are.
    public init(site: SiteSpec, grid: GridSpec, calendar: TermCalendar, weather: TypicalYearWeather,
                previous: SiteModel? = nil) {
        spec = site; self.grid = grid; self.weather = weather
        let prev = previous.flatMap { $0.typicalHour.count == calendar.hourCount ? $0 : nil }
        let samePlant = prev.map { $0.spec.cooling == site.cooling && $0.spec.climate == site.climate } ?? false
        if site.cooling.type == .fixedPUE {
            plant = nil; table = nil
        } else if samePlant, let p = prev {
            plant = p.plant; table = p.table
        } else {
            let p = CoolingPlant(site.cooling)
            plant = p; table = CoolingPlantTable(plant: p, weather: weather)
        }
        let minSpeed = site.cooling.minSpeedFraction ?? 0.2, exponent = site.cooling.partLoadExponent ?? 3
        let partLoad = if let p = prev?.physics.partLoad, p.minSpeed == minSpeed, p.exponent == exponent { p }
            else { PartLoadTable(minSpeed: minSpeed, exponent: exponent) }
        physics = HourPhysics(site, partLoad: partLoad)
        factors = GridFactors(grid: grid, calendar: calendar, previous: prev.map { ($0.grid, $0.factors) })
        if let p = prev, p.spec.utcOffsetHours == site.utcOffsetHours {
            typicalHour = p.typicalHour; localHour = p.localHour
            return
        }
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
        let h = Int(saturating: t, in: 0...(typicalHour.count - 1))
        return Double(typicalHour[h]) + (t - Double(h))
    }
}

/// Capacities commissioned for a site's load in each month: the running maximum
/// of the monthly peak over `design_load_fraction`, W.
struct SiteCapacity {
    var it: [Double], air: [Double], liquid: [Double]

    /// The capacities of month `k`, with their inverses.
    @inline(__always)
    func month(_ k: Int) -> MonthCapacity {
        MonthCapacity(it: it[k], air: air[k], liquid: liquid[k])
    }

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

/// Capacities commissioned in one month, W, and their inverses (0 for no capacity).
struct MonthCapacity {
    let it: Double, air: Double, liquid: Double
    let invIT: Double, invAir: Double, invLiquid: Double

    init(it: Double, air: Double, liquid: Double) {
        self.it = it; self.air = air; self.liquid = liquid
        invIT = it > 0 ? 1 / it : 0; invAir = air > 0 ? 1 / air : 0; invLiquid = liquid > 0 ? 1 / liquid : 0
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

/// The scalar parameters of a site's hourly physics, flattened out of the spec so the
/// hourly loop touches only plain numbers.
struct HourPhysics: Sendable {
    let fixed: Bool
    let overheadPerW: Double
    let distribution: LossStage, ups: LossStage, transformer: LossStage
    let transformerRatio: Double
    let airFan: Double, liquidPump: Double, rejection: Double
    let minSpeed: Double, exponent: Double
    let partLoad: PartLoadTable

    init(_ s: SiteSpec, partLoad: PartLoadTable) {
        let c = s.cooling, d = s.powerDelivery
        fixed = c.type == .fixedPUE
        overheadPerW = (c.pue ?? 1) - 1
        distribution = d.distribution; ups = d.ups; transformer = d.transformer
        transformerRatio = d.transformerCapacityRatio
        airFan = c.airFanPowerFraction ?? 0; liquidPump = c.liquidPumpPowerFraction ?? 0
        rejection = c.heatRejectionPowerFraction ?? 0
        self.partLoad = partLoad
        minSpeed = partLoad.minSpeed; exponent = partLoad.exponent
    }

    /// The facility physics of one hour (see docs/METHODS.md): distribution and UPS
    /// losses on the IT path, their heat added to the air loop, chillers by loop,
    /// fans and pumps at part load, transformer loss on everything.
    /// Capacities are in W (their inverses 0 when nothing is commissioned); `table` is the
    /// part-load table's storage, or nil to evaluate the affinity law with `pow`
    /// (the continuous-time form, whose integrand must be smooth).
    @inline(__always)
    func flows(it: Double, liquid: Double, chillerPerLiquidW cL: Double, chillerPerAirW cA: Double,
               capacity c: MonthCapacity, table: UnsafeBufferPointer<Double>?) -> HourFlows {
        @inline(__always) func loss(_ s: LossStage, _ load: Double, _ cap: Double, _ inv: Double) -> Double {
            cap * s.noLoadFraction + load * (s.proportionalFraction + load * inv * s.squareLawFraction)
        }
        @inline(__always) func g(_ x: Double) -> Double {
            if let t = table { return PartLoadTable.lookup(t, x, minSpeed: minSpeed, exponent: exponent) }
            return CoolingPhysics.partLoadPower(x, minSpeed: minSpeed, exponent: exponent)
        }
        let ld = loss(distribution, it, c.it, c.invIT)
        let lu = loss(ups, it + ld, c.it, c.invIT)
        if fixed {
            let lt = loss(transformer, it + ld + lu, c.it * transformerRatio, c.invIT / transformerRatio)
            let overhead = overheadPerW * it
            let delivery = min(ld + lu + lt, overhead)
            return HourFlows(it: it, cooling: overhead - delivery, delivery: delivery, facility: it + overhead,
                             rejected: it + overhead)
        }
        let air = it - liquid + ld + lu
        let chiller = liquid * cL + air * cA
        let rejected = it + ld + lu + chiller
        var fans = 0.0
        if c.air > 0 { fans += airFan * c.air * g(air * c.invAir) }
        if c.liquid > 0 { fans += liquidPump * c.liquid * g(liquid * c.invLiquid) }
        if c.it > 0 { fans += rejection * c.it * g(rejected * c.invIT) }
        let cooling = chiller + fans
        let lt = loss(transformer, it + ld + lu + cooling, c.it * transformerRatio, c.invIT / transformerRatio)
        let delivery = ld + lu + lt
        return HourFlows(it: it, cooling: cooling, delivery: delivery, facility: it + cooling + delivery,
                         rejected: rejected)
    }
}

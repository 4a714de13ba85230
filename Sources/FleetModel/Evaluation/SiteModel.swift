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
    ///   equal: the plant table when the cooling inputs and the weather are unchanged (its
    ///   weather-only terms when the weather alone is), the
    ///   part-load table when its minimum speed and exponent are, the hour maps when the UTC
    ///   offset is, the grid factors when the grid's carbon and price inputs are.
    public init(site: SiteSpec, grid: GridSpec, calendar: TermCalendar, weather: TypicalYearWeather,
                previous: SiteModel? = nil) {
        self.init(site: site, grid: grid, calendar: calendar, weather: weather, previous: previous, workspace: nil)
    }

    /// - Parameter workspace: a worker's buffers; the site's plant table is filled in the one it left.
    init(site: SiteSpec, grid: GridSpec, calendar: TermCalendar, weather: TypicalYearWeather,
         previous: SiteModel?, workspace: EvaluationWorkspace?) {
        spec = site; self.grid = grid; self.weather = weather
        let prev = previous.flatMap { $0.typicalHour.count == calendar.hourCount ? $0 : nil }
        let samePlant = prev.map { $0.spec.cooling == site.cooling && $0.spec.climate == site.climate } ?? false
        if site.cooling.type == .fixedPUE {
            plant = nil; table = nil
        } else if samePlant, let p = prev {
            plant = p.plant; table = p.table
        } else {
            let p = CoolingPlant(site.cooling, pressureHPa: Psychrometrics.pressureHPa(elevationM: site.climate.elevationM))
            let sameClimate = prev.map { $0.spec.climate == site.climate } ?? false
            var recycled = workspace?.takeTable(site: site.id)
            plant = p
            table = CoolingPlantTable(plant: p, weather: weather, previous: sameClimate ? prev?.table : nil, recycling: &recycled)
        }
        let minSpeed = site.cooling.minSpeedFraction ?? 0.2, exponent = site.cooling.partLoadExponent ?? 3
        let partLoad = if let p = prev?.physics.partLoad, p.minSpeed == minSpeed, p.exponent == exponent { p }
            else { PartLoadTable(minSpeed: minSpeed, exponent: exponent) }
        let m = -(site.cooling.approachFlowExponent ?? 0)
        // Only read when the plant has a design approach (see `HourPhysics.flows`).
        let readsApproach = (plant?.designApproach ?? 0) != 0
        let approach = if let p = prev?.physics.approachTable, p.minSpeed == minSpeed, p.exponent == m,
                          p.values.isEmpty == !readsApproach { p }
            else { PartLoadTable(minSpeed: minSpeed, exponent: m, tabulated: readsApproach) }
        physics = HourPhysics(site, plant: plant, partLoad: partLoad, approachTable: approach)
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

    let liquidToHall: Bool

    /// The capacities of month `k`, with their inverses.
    @inline(__always)
    func month(_ k: Int) -> MonthCapacity {
        MonthCapacity(it: it[k], air: air[k], liquid: liquid[k], liquidToHall: liquidToHall)
    }

    init(it itW: [Double], liquid liqW: [Double], calendar: TermCalendar, designLoadFraction dlf: Double,
         liquidToHall: Bool) {
        self.liquidToHall = liquidToHall
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
/// When the liquid loop's heat ends in the hall air (irhx) the hall's air capacity is the IT
/// capacity; the chiller plant is sized for the heat it may carry (liquid + air loops, or the hall).
struct MonthCapacity {
    let it: Double, air: Double, liquid: Double
    let invIT: Double, invAir: Double, invLiquid: Double, invChiller: Double

    init(it: Double, air airW: Double, liquid: Double, liquidToHall: Bool = false) {
        let air = liquidToHall ? it : airW
        self.it = it; self.air = air; self.liquid = liquid
        invIT = it > 0 ? 1 / it : 0; invAir = air > 0 ? 1 / air : 0; invLiquid = liquid > 0 ? 1 / liquid : 0
        let chiller = liquidToHall ? air : air + liquid
        invChiller = chiller > 0 ? 1 / chiller : 0
    }
}

/// Power and water flows of one site-hour, W and L.
public struct HourFlows: Sendable {
    public var it: Double
    /// Chillers, fans and pumps, W.
    public var cooling: Double
    public var delivery: Double
    /// Site auxiliary loads (lighting, controls, block heaters), W.
    public var auxiliary: Double
    public var facility: Double
    /// Heat rejected to the heat sink (IT heat, losses in the building, fan and pump heat, chiller work), W.
    public var rejected: Double
    /// On-site water consumed (evaporation + drift) and withdrawn (make-up), L in the hour.
    public var waterConsumedL: Double
    public var waterWithdrawnL: Double
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
    /// max(x, x_min)^(−m) of the heat-rejection approach (empty when the design approach is 0: never read).
    let approachTable: PartLoadTable
    let approachDesign: Double
    let liquidToHall: Bool
    let auxiliaryFraction: Double
    let wue: Double
    /// nil for fixed-pue.
    let plant: CoolingPlant?

    init(_ s: SiteSpec, plant: CoolingPlant?, partLoad: PartLoadTable, approachTable: PartLoadTable) {
        let c = s.cooling, d = s.powerDelivery
        fixed = c.type == .fixedPUE
        overheadPerW = (c.pue ?? 1) - 1
        distribution = d.distribution; ups = d.ups; transformer = d.transformer
        transformerRatio = d.transformerCapacityRatio
        airFan = c.airFanPowerFraction ?? 0; liquidPump = c.liquidPumpPowerFraction ?? 0
        // irhx: the DX condensers' fans are inside the trim units' rated efficiency and the outside air is moved by the hall fans.
        rejection = c.type == .irhx ? 0 : (c.heatRejectionPowerFraction ?? 0)
        self.partLoad = partLoad; self.approachTable = approachTable
        minSpeed = partLoad.minSpeed; exponent = partLoad.exponent
        approachDesign = plant?.designApproach ?? 0
        liquidToHall = c.type.liquidToHallAir
        auxiliaryFraction = fixed ? 0 : (s.auxiliaryPowerFraction ?? 0)
        wue = c.wueLPerKwh ?? 0
        self.plant = plant
    }

    /// The facility physics of one hour (see docs/METHODS.md §3–§5): distribution and UPS
    /// losses on the IT path; air-handler fans and liquid pumps at part load, their heat added
    /// to the loop they run in (pumps and in-row coil fans into the hall air for irhx); the
    /// heat-rejection approach at this hour's load; chillers by loop with staged part load;
    /// heat-rejection fans; site auxiliaries; transformer loss on everything; on-site water.
    /// Capacities are in W (their inverses 0 when nothing is commissioned); `table` and
    /// `approach` are the part-load tables' storage, or nil to evaluate the laws with `pow`
    /// (the continuous-time form, whose integrand must be smooth). `w`: the hour's weather
    /// coefficients (ignored for fixed-pue).
    @inline(__always)
    func flows(it: Double, liquid: Double, weather w: CoolingPlant.Coefficients, capacity c: MonthCapacity,
               table: UnsafeBufferPointer<Double>?, approach: UnsafeBufferPointer<Double>?) -> HourFlows {
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
            return HourFlows(it: it, cooling: overhead - delivery, delivery: delivery, auxiliary: 0, facility: it + overhead,
                             rejected: it + overhead, waterConsumedL: wue * it / 1000, waterWithdrawnL: wue * it / 1000)
        }
        let k = HourPhysics.Month(self, c)
        let base = it + ld + lu
        let a0 = (liquidToHall ? it : it - liquid) + ld + lu
        let fanA = k.airK * g(a0 * c.invAir)
        let pumpL = k.liquidK * g(liquid * c.invLiquid)
        let qA = liquidToHall ? a0 + fanA + pumpL : a0 + fanA
        let qL = liquidToHall ? 0 : liquid + pumpL
        let fans = fanA + pumpL
        let heat = base + fans
        let x = heat * c.invIT
        let a = approachDesign == 0 ? 0 : approachDesign * x
            * (approach.map { PartLoadTable.lookup($0, x, minSpeed: approachTable.minSpeed, exponent: approachTable.exponent) }
               ?? CoolingPhysics.partLoadPower(x, minSpeed: approachTable.minSpeed, exponent: approachTable.exponent))
        let chiller = plant!.chillerPower(liquidW: qL, airW: qA, economizerC: w.economizerC, condensingC: w.condensingC,
                                          approach: a, invCapacity: c.invChiller)
        let rejected = heat + chiller
        let cooling = chiller + (fans + k.rejK * g(rejected * c.invIT))
        let y = base + cooling + k.aux
        let lt = k.t0 + y * (k.t1 + y * k.tInv * k.t2)
        let delivery = ld + lu + lt
        let sinkHeat = heat + plant!.chillerHeatToSink * chiller
        return HourFlows(it: it, cooling: cooling, delivery: delivery, auxiliary: k.aux, facility: it + cooling + k.aux + delivery,
                         rejected: rejected, waterConsumedL: sinkHeat * w.consumedLPerWh,
                         waterWithdrawnL: sinkHeat * w.withdrawnLPerWh)
    }

    /// The month's constants of the hour physics (capacity × coefficient products).
    struct Month {
        let airK: Double, liquidK: Double, rejK: Double, aux: Double
        let t0: Double, t1: Double, t2: Double, tInv: Double

        @inline(__always)
        init(_ p: HourPhysics, _ c: MonthCapacity) {
            airK = p.airFan * c.air; liquidK = p.liquidPump * c.liquid; rejK = p.rejection * c.it
            aux = p.auxiliaryFraction * c.it
            t0 = c.it * p.transformerRatio * p.transformer.noLoadFraction; t1 = p.transformer.proportionalFraction
            t2 = p.transformer.squareLawFraction; tInv = c.invIT / p.transformerRatio
        }
    }
}

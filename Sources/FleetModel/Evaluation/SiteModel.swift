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

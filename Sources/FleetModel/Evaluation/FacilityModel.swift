/// The facility side of an evaluation: turns the cohorts' hourly IT loads into
/// cooling, delivery losses, facility power, water, carbon and cost per site and
/// hour, and aggregates them to months (`Evaluation`).
///
/// Build one per resolved spec (weather comes from `WeatherCache`, plant
/// coefficients are tabulated per typical-year hour), then call `evaluate`.
public struct FacilityModel: Sendable {
    public let calendar: TermCalendar
    public let sites: [SiteModel]
    public let contractValueUSD: Double
    /// Cohort id → hardware id, for the breakdown.
    let hardwareOfCohort: [String: String]

    /// - Parameters:
    ///   - baseDirectory: where relative `weather_file` paths resolve.
    ///   - previous: the model of an earlier spec with the same term (the base run of a Monte
    ///     Carlo): sites whose cooling and climate inputs are unchanged reuse its plant tables.
    /// - Throws: `FacilityError` for a site's unknown grid, or a weather file that cannot be read.
    public init(spec: FleetSpec, calendar: TermCalendar, weatherCache: WeatherCache = .shared,
                baseDirectory: String = ".", previous: FacilityModel? = nil) throws {
        self.calendar = calendar
        contractValueUSD = spec.contract.valueUSD
        var s: [SiteModel] = []
        for site in spec.sites {
            guard let grid = spec.grids[id: site.grid] else {
                throw FacilityError.unknownGrid(site: site.id, grid: site.grid)
            }
            let w = try weatherCache.weather(for: site.climate, baseDirectory: baseDirectory)
            let before = previous?.sites.first { $0.spec.id == site.id }
            s.append(SiteModel(site: site, grid: grid, calendar: calendar, weather: w, previous: before))
        }
        sites = s
        hardwareOfCohort = Dictionary(spec.fleet.cohorts.map { ($0.id, $0.hardware) }, uniquingKeysWith: { a, _ in a })
    }

    /// Builds the model from already-resolved sites (tests, or callers without a full spec).
    public init(sites: [SiteModel], calendar: TermCalendar, contractValueUSD: Double, hardwareOfCohort: [String: String] = [:]) {
        self.sites = sites; self.calendar = calendar; self.contractValueUSD = contractValueUSD
        self.hardwareOfCohort = hardwareOfCohort
    }

    /// Every metric per month of the term for the fleet.
    public func evaluate(_ loads: [CohortLoad]) throws -> Evaluation {
        try run(loads, perSite: false).fleet
    }

    /// The fleet evaluation plus one per site (in `sites` order) and the site's hourly
    /// facility power when `keepHourly` is set.
    public func evaluateBySite(_ loads: [CohortLoad], keepHourly: Bool = false) throws -> Detail {
        try run(loads, perSite: true, keepHourly: keepHourly)
    }

    public struct Detail: Sendable {
        public var fleet: Evaluation
        public var sites: [Evaluation]
        /// Hourly flows per site (only with `keepHourly`).
        public var hourly: [[HourFlows]]
    }

    func run(_ loads: [CohortLoad], perSite: Bool, keepHourly: Bool = false) throws -> Detail {
        let n = calendar.hourCount, months = calendar.months
        for l in loads {
            guard l.itPowerW.count == n else { throw FacilityError.loadLength(cohort: l.cohortID, expected: n, got: l.itPowerW.count) }
            guard l.installedAtMonthEnd.count == months, l.embodiedKgPerMonth.count == months else {
                throw FacilityError.loadLength(cohort: l.cohortID, expected: months, got: l.installedAtMonthEnd.count)
            }
            guard sites.contains(where: { $0.spec.id == l.siteID }) else {
                throw FacilityError.unknownSite(cohort: l.cohortID, site: l.siteID)
            }
        }
        var fleet = Evaluation(calendar: calendar)
        var bySite: [Evaluation] = []
        var hourly: [[HourFlows]] = []
        var fleetFacility = [Double](repeating: 0, count: n)
        var it = [Double](repeating: 0, count: n), liq = it
        for site in sites {
            var ev = Evaluation(calendar: calendar)
            var any = false
            it.withUnsafeMutableBufferPointer { a in liq.withUnsafeMutableBufferPointer { b in
                for i in 0..<n { a[i] = 0; b[i] = 0 }
            }}
            for l in loads where l.siteID == site.spec.id {
                any = true
                let phi = l.liquidHeatFraction
                l.itPowerW.withUnsafeBufferPointer { p in
                    it.withUnsafeMutableBufferPointer { a in liq.withUnsafeMutableBufferPointer { b in
                        for i in 0..<n { a[i] += p[i]; b[i] += phi * p[i] }
                    }}
                }
                for k in 0..<months {
                    if l.isGPU { ev[.gpusInstalledPeak, k] += l.installedAtMonthEnd[k] }
                    ev[.carbonEmbodied, k] += l.embodiedKgPerMonth[k] / 1000
                }
            }
            if !any && !perSite { continue }
            var flowsOut: [HourFlows] = []
            if keepHourly { flowsOut.reserveCapacity(n) }
            let cap = SiteCapacity(it: it, liquid: liq, calendar: calendar, designLoadFraction: site.spec.designLoadFraction)
            let fixed = site.spec.cooling.type == .fixedPUE
            let wue = site.spec.cooling.wueLPerKwh ?? 0
            let zeros = [Double](repeating: 0, count: fixed ? TypicalYearWeather.hours : 0)
            let cLt = site.table?.chillerPerLiquidW ?? zeros, cAt = site.table?.chillerPerAirW ?? zeros
            let wt = site.table?.waterLPerWh ?? zeros
            let shape = site.factors.hourlyShape
            let phys = site.physics
            let fac = site.factors
            // Monthly sums: IT, cooling, delivery, facility, water, shape-weighted facility, peak (W·h, L, W).
            var sums = [Double](repeating: 0, count: 7 * months)
            it.withUnsafeBufferPointer { itp in
            liq.withUnsafeBufferPointer { lqp in
            cLt.withUnsafeBufferPointer { clp in
            cAt.withUnsafeBufferPointer { cap_ in
            wt.withUnsafeBufferPointer { wtp in
            site.typicalHour.withUnsafeBufferPointer { thp in
            site.localHour.withUnsafeBufferPointer { lhp in
            shape.withUnsafeBufferPointer { shp in
            fleetFacility.withUnsafeMutableBufferPointer { ffp in
            phys.partLoad.values.withUnsafeBufferPointer { plt in
            sums.withUnsafeMutableBufferPointer { out in
                for k in 0..<months {
                    var eIT = 0.0, eCool = 0.0, eDel = 0.0, eFac = 0.0, water = 0.0, shaped = 0.0, peak = 0.0
                    let mc = cap.month(k)
                    for h in calendar.monthStartHour[k]..<calendar.monthStartHour[k + 1] {
                        let j = Int(thp[h])
                        let f = phys.flows(it: itp[h], liquid: lqp[h], chillerPerLiquidW: clp[j], chillerPerAirW: cap_[j],
                                           capacity: mc, table: plt)
                        eIT += f.it; eCool += f.cooling; eDel += f.delivery; eFac += f.facility
                        water += fixed ? wue * f.it / 1000 : f.rejected * wtp[j]
                        shaped += f.facility * shp[Int(lhp[h])]
                        ffp[h] += f.facility
                        peak = max(peak, f.facility)
                    }
                    out[7 * k] = eIT; out[7 * k + 1] = eCool; out[7 * k + 2] = eDel; out[7 * k + 3] = eFac
                    out[7 * k + 4] = water; out[7 * k + 5] = shaped; out[7 * k + 6] = peak
                }
            }}}}}}}}}}}
            if keepHourly {
                phys.partLoad.values.withUnsafeBufferPointer { plt in
                    for h in 0..<n {
                        let j = Int(site.typicalHour[h]), k = Int(calendar.monthIndex[h])
                        flowsOut.append(phys.flows(it: it[h], liquid: liq[h], chillerPerLiquidW: cLt[j], chillerPerAirW: cAt[j],
                                                   capacity: cap.month(k), table: plt))
                    }
                }
            }
            for k in 0..<months {
                let eFac = sums[7 * k + 3]
                // W·h → MWh: /1e6; L → m³: /1e3; kg → t: /1e3.
                ev[.itEnergy, k] = sums[7 * k] / 1e6
                ev[.coolingEnergy, k] = sums[7 * k + 1] / 1e6
                ev[.powerDeliveryLoss, k] = sums[7 * k + 2] / 1e6
                ev[.facilityEnergy, k] = eFac / 1e6
                ev[.waterOnsite, k] = sums[7 * k + 4] / 1e3
                ev[.waterOffsite, k] = eFac / 1e3 * fac.waterLPerKwh / 1e3
                let loc = sums[7 * k + 5] / 1e3 * fac.carbonKgPerKwh[k] / 1e3
                ev[.carbonLocation, k] = loc
                ev[.carbonMarket, k] = loc * fac.marketFactor
                ev[.electricityCost, k] = eFac / 1e3 * fac.priceUsdPerKwh[k]
                ev[.peakFacilityPower, k] = sums[7 * k + 6] / 1e6
            }
            if perSite {
                ev.finishMonths(contractValueUSD: contractValueUSD)
                bySite.append(ev)
                if keepHourly { hourly.append(flowsOut) }
            }
            for m in Metric.allCases where m.aggregation == .sum || m == .gpusInstalledPeak {
                for k in 0..<months { fleet.monthly[m.index][k] += ev.monthly[m.index][k] }
            }
        }
        for k in 0..<months {
            var p = 0.0
            for h in calendar.monthStartHour[k]..<calendar.monthStartHour[k + 1] { p = max(p, fleetFacility[h]) }
            fleet[.peakFacilityPower, k] = p / 1e6
        }
        fleet.finishMonths(contractValueUSD: contractValueUSD)
        return Detail(fleet: fleet, sites: bySite, hourly: hourly)
    }
}

/// A facility-side input the engine cannot use.
public enum FacilityError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownGrid(site: String, grid: String)
    case unknownSite(cohort: String, site: String)
    case loadLength(cohort: String, expected: Int, got: Int)
    case unknownHardware(cohort: String, hardware: String)

    public var description: String {
        switch self {
        case .unknownGrid(let s, let g): "sites.\(s).grid: unknown grid \"\(g)\""
        case .unknownSite(let c, let s): "fleet.cohorts.\(c).site: unknown site \"\(s)\""
        case .loadLength(let c, let e, let g): "cohort \(c): load series has \(g) values, expected \(e)"
        case .unknownHardware(let c, let h): "fleet.cohorts.\(c).hardware: unknown hardware \"\(h)\""
        }
    }
}

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
        try run(.loads(loads), perSite: false).fleet
    }

    /// Every metric per month of the term, from the cohorts' power models directly: each
    /// site's hourly IT power is summed month by month without a term-long array per cohort,
    /// and a month whose load repeats daily reuses an earlier month with the same typical
    /// hours, cohorts in service and capacities. Identical to `evaluate(models.map { $0.load(...) })`.
    func evaluate(models: [CohortPowerModel]) throws -> Evaluation {
        try run(.models(models), perSite: false).fleet
    }

    /// The fleet evaluation plus one per site (in `sites` order) and the site's hourly
    /// facility power when `keepHourly` is set.
    public func evaluateBySite(_ loads: [CohortLoad], keepHourly: Bool = false) throws -> Detail {
        try run(.loads(loads), perSite: true, keepHourly: keepHourly)
    }

    public struct Detail: Sendable {
        public var fleet: Evaluation
        public var sites: [Evaluation]
        /// Hourly flows per site (only with `keepHourly`).
        public var hourly: [[HourFlows]]
    }

    /// Where the cohorts' hourly IT power comes from.
    enum LoadSource {
        case loads([CohortLoad])
        case models([CohortPowerModel])

        var siteIDs: [String] {
            switch self {
            case .loads(let l): l.map(\.siteID)
            case .models(let m): m.map(\.siteID)
            }
        }
    }

    /// A month of a site whose hourly load repeats daily: months with equal keys have equal sums.
    struct MonthKey: Hashable {
        var firstTypicalHour: Int32, hours: Int, leapFebruary: Bool
        /// State of each of the site's cohorts (0 not deployed, 1 fully in service).
        var cohorts: [Int8]
        var capacity: [UInt64]
    }

    func run(_ source: LoadSource, perSite: Bool, keepHourly: Bool = false) throws -> Detail {
        let n = calendar.hourCount, months = calendar.months
        switch source {
        case .loads(let loads):
            for l in loads {
                guard l.itPowerW.count == n else { throw FacilityError.loadLength(cohort: l.cohortID, expected: n, got: l.itPowerW.count) }
                guard l.installedAtMonthEnd.count == months, l.embodiedKgPerMonth.count == months else {
                    throw FacilityError.loadLength(cohort: l.cohortID, expected: months, got: l.installedAtMonthEnd.count)
                }
            }
        case .models(let models):
            for m in models where m.rampProfile.unitHours.count != months || !m.rampProfile.matches(calendar) {
                throw FacilityError.loadLength(cohort: m.cohortID, expected: months, got: m.rampProfile.unitHours.count)
            }
        }
        let siteIDs = source.siteIDs
        for (i, id) in siteIDs.enumerated() where !sites.contains(where: { $0.spec.id == id }) {
            let cohort = switch source {
            case .loads(let l): l[i].cohortID
            case .models(let m): m[i].cohortID
            }
            throw FacilityError.unknownSite(cohort: cohort, site: id)
        }
        var fleet = Evaluation(calendar: calendar)
        var bySite: [Evaluation] = []
        var hourly: [[HourFlows]] = []
        // Per evaluated site: the month whose hours each month repeats, and facility power (W) in those months.
        var references: [[Int]] = []
        var siteFacility: [[Double]] = []
        let maxHours = (0..<months).map { calendar.hours(inMonth: $0) }.max() ?? 0
        for site in sites {
            let members = siteIDs.indices.filter { siteIDs[$0] == site.spec.id }
            if members.isEmpty && !perSite { continue }
            var ev = Evaluation(calendar: calendar)
            switch source {
            case .loads(let loads):
                for c in members {
                    for k in 0..<months {
                        if loads[c].isGPU { ev[.gpusInstalledPeak, k] += loads[c].installedAtMonthEnd[k] }
                        ev[.carbonEmbodied, k] += loads[c].embodiedKgPerMonth[k] / 1000
                    }
                }
            case .models(let models):
                for c in members {
                    let m = models[c], r = m.rampProfile
                    let perUnitHour = m.installedUnits * m.embodiedKgPerUnitHour
                    for k in 0..<months {
                        if m.isGPU { ev[.gpusInstalledPeak, k] += m.installedUnits * r.inServiceAtMonthEnd[k] }
                        ev[.carbonEmbodied, k] += r.unitHours[k] * perUnitHour / 1000
                    }
                }
            }
            var kernel = SiteHourKernel(site: site, maxHours: maxHours)
            var facility = [Double](unsafeUninitializedCapacity: n) { _, count in count = n }
            var reference = [Int](repeating: 0, count: months)
            var seen: [MonthKey: Int] = [:]
            var sums = [SiteHourKernel.Sums](repeating: .init(), count: months)
            var capacities: [MonthCapacity] = []
            var peakIT = 0.0, peakAir = 0.0, peakLiquid = 0.0
            let dlf = site.spec.designLoadFraction
            for k in 0..<months {
                let a = calendar.monthStartHour[k], b = calendar.monthStartHour[k + 1], count = b - a
                var periodic = false
                var states: [Int8] = []
                switch source {
                case .loads(let loads):
                    kernel.clear(count)
                    kernel.it.withUnsafeMutableBufferPointer { ip in kernel.liquid.withUnsafeMutableBufferPointer { qp in
                        for c in members {
                            let phi = loads[c].liquidHeatFraction
                            loads[c].itPowerW.withUnsafeBufferPointer { p in
                                for i in 0..<count { ip[i] += p[a + i]; qp[i] += phi * p[a + i] }
                            }
                        }
                    }}
                case .models(let models):
                    states = members.map { models[$0].state(from: a, to: b) }
                    periodic = !states.contains(2) && a % 24 == 0 && count % 24 == 0 && count >= 24
                    let filled = periodic ? 24 : count
                    kernel.clear(filled)
                    kernel.it.withUnsafeMutableBufferPointer { ip in kernel.liquid.withUnsafeMutableBufferPointer { qp in
                        for c in members {
                            models[c].accumulate(from: a, to: a + filled, it: ip.baseAddress!, liquid: qp.baseAddress!)
                        }
                    }}
                }
                kernel.it.withUnsafeBufferPointer { ip in kernel.liquid.withUnsafeBufferPointer { qp in
                    for i in 0..<(periodic ? 24 : count) {
                        peakIT = max(peakIT, ip[i]); peakLiquid = max(peakLiquid, qp[i]); peakAir = max(peakAir, ip[i] - qp[i])
                    }
                }}
                let mc = MonthCapacity(it: peakIT / dlf, air: peakAir / dlf, liquid: peakLiquid / dlf)
                if keepHourly { capacities.append(mc) }
                reference[k] = k
                if periodic {
                    let (year, month) = calendar.monthLabels[k]
                    let key = MonthKey(firstTypicalHour: site.typicalHour[a], hours: count,
                                       leapFebruary: month == 2 && TermCalendar.isLeap(year), cohorts: states,
                                       capacity: [mc.it.bitPattern, mc.air.bitPattern, mc.liquid.bitPattern])
                    if let r = seen[key] {
                        reference[k] = r; sums[k] = sums[r]
                        continue
                    }
                    seen[key] = k
                }
                sums[k] = kernel.month(start: a, count: count, capacity: mc, periodic: periodic)
                kernel.facility.withUnsafeBufferPointer { src in facility.withUnsafeMutableBufferPointer { dst in
                    for i in 0..<count { dst[a + i] = src[i] }
                }}
            }
            let fac = site.factors
            for k in 0..<months {
                let s = sums[k]
                // W·h → MWh: /1e6; L → m³: /1e3; kg → t: /1e3.
                ev[.itEnergy, k] = s.it / 1e6
                ev[.coolingEnergy, k] = s.cooling / 1e6
                ev[.powerDeliveryLoss, k] = s.delivery / 1e6
                ev[.facilityEnergy, k] = s.facility / 1e6
                ev[.waterOnsite, k] = s.water / 1e3
                ev[.waterOffsite, k] = s.facility / 1e3 * fac.waterLPerKwh / 1e3
                let loc = s.shaped / 1e3 * fac.carbonKgPerKwh[k] / 1e3
                ev[.carbonLocation, k] = loc
                ev[.carbonMarket, k] = loc * fac.marketFactor
                ev[.electricityCost, k] = s.facility / 1e3 * fac.priceUsdPerKwh[k]
                ev[.peakFacilityPower, k] = s.peak / 1e6
            }
            if keepHourly, case .loads(let loads) = source {
                hourly.append(hourlyFlows(site, loads: members.map { loads[$0] }, capacities: capacities))
            }
            if perSite {
                ev.finishMonths(contractValueUSD: contractValueUSD)
                bySite.append(ev)
            }
            for m in Metric.allCases where m.aggregation == .sum || m == .gpusInstalledPeak {
                for k in 0..<months { fleet.monthly[m.index][k] += ev.monthly[m.index][k] }
            }
            references.append(reference)
            siteFacility.append(facility)
        }
        // The fleet's peak: the maximum over hours of the summed facility power of all sites.
        var peakOf: [[Int]: Double] = [:]
        var total = [Double](repeating: 0, count: maxHours)
        for k in 0..<months {
            let refs = references.map { $0[k] }
            if let p = peakOf[refs] { fleet[.peakFacilityPower, k] = p; continue }
            let count = calendar.hours(inMonth: k)
            var p = 0.0
            total.withUnsafeMutableBufferPointer { t in
                for i in 0..<count { t[i] = 0 }
                for (s, r) in refs.enumerated() {
                    let from = calendar.monthStartHour[r]
                    siteFacility[s].withUnsafeBufferPointer { f in
                        for i in 0..<count { t[i] += f[from + i] }
                    }
                }
                for i in 0..<count { p = max(p, t[i]) }
            }
            fleet[.peakFacilityPower, k] = p / 1e6
            peakOf[refs] = p / 1e6
        }
        fleet.finishMonths(contractValueUSD: contractValueUSD)
        return Detail(fleet: fleet, sites: bySite, hourly: hourly)
    }

    /// Every hour's flows of one site, by the one-pass `HourPhysics.flows`.
    private func hourlyFlows(_ site: SiteModel, loads: [CohortLoad], capacities: [MonthCapacity]) -> [HourFlows] {
        let n = calendar.hourCount
        var it = [Double](repeating: 0, count: n), liq = it
        for l in loads {
            for h in 0..<n { it[h] += l.itPowerW[h]; liq[h] += l.liquidHeatFraction * l.itPowerW[h] }
        }
        let zeros = [Double](repeating: 0, count: TypicalYearWeather.hours)
        let cL = site.table?.chillerPerLiquidW ?? zeros, cA = site.table?.chillerPerAirW ?? zeros
        var out: [HourFlows] = []
        out.reserveCapacity(n)
        site.physics.partLoad.values.withUnsafeBufferPointer { plt in
            for h in 0..<n {
                let j = Int(site.typicalHour[h]), k = Int(calendar.monthIndex[h])
                out.append(site.physics.flows(it: it[h], liquid: liq[h], chillerPerLiquidW: cL[j], chillerPerAirW: cA[j],
                                              capacity: capacities[k], table: plt))
            }
        }
        return out
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

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
        try self.init(spec: spec, calendar: calendar, weatherCache: weatherCache, baseDirectory: baseDirectory,
                      previous: previous, workspace: nil)
    }

    /// - Parameter workspace: a worker's buffers, refilled in place (`EvaluationWorkspace`).
    init(spec: FleetSpec, calendar: TermCalendar, weatherCache: WeatherCache, baseDirectory: String,
         previous: FacilityModel?, workspace: EvaluationWorkspace?) throws {
        self.calendar = calendar
        contractValueUSD = spec.contract.valueUSD
        var s: [SiteModel] = []
        let sameTerm = previous.map {
            let c = $0.calendar
            return (c.startYear, c.startMonth, c.startDay, c.months, c.hourCount)
                == (calendar.startYear, calendar.startMonth, calendar.startDay, calendar.months, calendar.hourCount)
        } ?? false
        for site in spec.sites {
            guard let grid = spec.grids[id: site.grid] else {
                throw FacilityError.unknownGrid(site: site.id, grid: site.grid)
            }
            let w = try weatherCache.weather(for: site.climate, baseDirectory: baseDirectory)
            let before = sameTerm ? previous?.sites.first { $0.spec.id == site.id } : nil
            s.append(SiteModel(site: site, grid: grid, calendar: calendar, weather: w, previous: before, workspace: workspace))
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
        /// Site-hours that ran pass 1 (weather-independent terms) and pass 2 (weather-dependent
        /// terms) of the hour loop; the rest were repeated or exactly zero (see `SiteHourKernel`);
        /// and the hours of pass 2 whose chillers ran.
        var passOneHours = 0, passTwoHours = 0, chillerHours = 0
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
        /// Bit c set when the site's cohort c is fully in service (clear: not deployed).
        var cohorts: UInt64
        var capacityIT: UInt64, capacityAir: UInt64, capacityLiquid: UInt64
    }

    /// - Parameter workspace: a worker's buffers: the repeated months' stored hours go in the ones it left.
    func run(_ source: LoadSource, perSite: Bool, keepHourly: Bool = false, workspace: EvaluationWorkspace? = nil) throws -> Detail {
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
        let maxHours = (0..<months).map { calendar.hours(inMonth: $0) }.max() ?? 0
        var runs: [SiteRun] = []
        for (index, site) in sites.enumerated() {
            let members = siteIDs.indices.filter { siteIDs[$0] == site.spec.id }
            if members.isEmpty && !perSite { continue }
            var r = SiteRun(index: index, members: members, site: site, source: source, maxHours: maxHours,
                            months: months, evaluation: Evaluation(calendar: calendar))
            if let workspace { r.stored = workspace.takeStored(site: index) }
            r.addCohortMonths()
            runs.append(r)
        }
        // Months outer, sites inner: the fleet's peak of a month needs every site's hours of it.
        var fleet = Evaluation(calendar: calendar)
        var fleetPeakOf: [[Int]: Double] = [:]
        let leapFebruary = calendar.monthLabels.map { $0.month == 2 && TermCalendar.isLeap($0.year) }
        var total = [Double](repeating: 0, count: maxHours)
        for k in 0..<months {
            let a = calendar.monthStartHour[k], count = calendar.hours(inMonth: k)
            for s in runs.indices {
                runs[s].month(k, start: a, count: count, leapFebruary: leapFebruary[k], keepCapacity: keepHourly)
            }
            let refs = runs.map { $0.reference[k] }
            if let p = fleetPeakOf[refs] { fleet[.peakFacilityPower, k] = p; continue }
            let p = total.withUnsafeMutableBufferPointer { t in
                for i in 0..<count { t[i] = 0 }
                for r in runs { r.addFacility(month: k, count: count, to: t) }
                return HourVectors.peak(t.baseAddress!, count: count, from: 0)
            }
            fleet[.peakFacilityPower, k] = p / 1e6
            fleetPeakOf[refs] = p / 1e6
        }
        var bySite: [Evaluation] = []
        var hourly: [[HourFlows]] = []
        for var r in runs {
            let site = sites[r.index]
            workspace?.keepStored(r.stored, site: r.index)
            r.finish(site.factors, waterStress: site.spec.waterStressFraction ?? 0)
            if keepHourly, case .loads(let loads) = source {
                hourly.append(hourlyFlows(site, loads: r.members.map { loads[$0] }, capacities: r.capacities))
            }
            if perSite {
                r.evaluation.finishMonths(contractValueUSD: contractValueUSD)
                bySite.append(r.evaluation)
            }
            for m in Metric.allCases where m.aggregation == .sum || m == .gpusInstalledPeak {
                for k in 0..<months { fleet.monthly[m.index][k] += r.evaluation.monthly[m.index][k] }
            }
        }
        fleet.finishMonths(contractValueUSD: contractValueUSD)
        var detail = Detail(fleet: fleet, sites: bySite, hourly: hourly)
        detail.passOneHours = runs.reduce(0) { $0 + $1.kernel.passOneHours }
        detail.passTwoHours = runs.reduce(0) { $0 + $1.kernel.passTwoHours }
        detail.chillerHours = runs.reduce(0) { $0 + $1.kernel.chillerHours }
        return detail
    }

    /// One site's state through the months of an evaluation.
    struct SiteRun {
        let index: Int
        /// Positions of the site's cohorts in the load source.
        let members: [Int]
        /// The site's cohorts' power models (empty for a `.loads` source), what their hourly fill
        /// reads, and their loads (empty for `.models`).
        let models: [CohortPowerModel]
        let fills: [HourlyFill]
        let loads: [CohortLoad]
        let typicalHour: [Int32]
        let designLoadFraction: Double
        let liquidToHall: Bool
        var kernel: SiteHourKernel
        var evaluation: Evaluation
        /// The month whose sums (and hours) each month repeats (itself when computed).
        var reference: [Int]
        var sums: [SiteHourKernel.Sums]
        var capacities: [MonthCapacity] = []
        var seen: [MonthKey: Int] = [:]
        var peakIT = 0.0, peakAir = 0.0, peakLiquid = 0.0
        /// Whether month k was computed in this step (its hours are in `kernel.facility`).
        var computedNow = false
        /// Facility power (W) of the hours of months that later months may repeat, and where each starts.
        var stored: [Double] = []
        var storedAt: [Int: Int] = [:]

        init(index: Int, members: [Int], site: SiteModel, source: LoadSource, maxHours: Int, months: Int,
             evaluation: Evaluation) {
            self.index = index; self.members = members; self.evaluation = evaluation
            switch source {
            case .loads(let l): loads = members.map { l[$0] }; models = []
            case .models(let m): models = members.map { m[$0] }; loads = []
            }
            fills = models.map(\.hourlyFill)
            typicalHour = site.typicalHour
            designLoadFraction = site.spec.designLoadFraction
            liquidToHall = site.spec.cooling.type.liquidToHallAir
            kernel = SiteHourKernel(site: site, maxHours: maxHours)
            reference = Array(0..<months)
            sums = [SiteHourKernel.Sums](repeating: .init(), count: months)
        }

        /// GPUs installed and embodied carbon of the site's cohorts, per month.
        mutating func addCohortMonths() {
            let months = reference.count
            for l in loads {
                for k in 0..<months {
                    if l.isGPU { evaluation[.gpusInstalledPeak, k] += l.installedAtMonthEnd[k] }
                    if l.isGPU { evaluation[.gpuHours, k] += l.servingUnitHoursPerMonth[k] }
                    evaluation[.carbonEmbodied, k] += l.embodiedKgPerMonth[k] / 1000
                }
            }
            do {
                for m in models {
                    let r = m.rampProfile
                    let perUnitHour = m.installedUnits * m.embodiedKgPerUnitHour
                    for k in 0..<months {
                        if m.isGPU { evaluation[.gpusInstalledPeak, k] += m.installedUnits * r.inServiceAtMonthEnd[k] }
                        if m.isGPU { evaluation[.gpuHours, k] += m.servingUnits * r.unitHours[k] }
                        evaluation[.carbonEmbodied, k] += r.unitHours[k] * perUnitHour / 1000
                    }
                }
            }
        }

        /// Sums month `k` (hours `start..<start + count`): fills IT and liquid power, updates the
        /// commissioned capacity, then reuses an earlier month with the same key or runs the kernel.
        mutating func month(_ k: Int, start a: Int, count: Int, leapFebruary: Bool, keepCapacity: Bool) {
            var periodic = false
            var mask: UInt64 = 0
            if !loads.isEmpty {
                kernel.clear(count)
                let loads = self.loads
                kernel.it.withUnsafeMutableBufferPointer { ip in kernel.liquid.withUnsafeMutableBufferPointer { qp in
                    for l in loads {
                        let phi = l.liquidHeatFraction
                        l.itPowerW.withUnsafeBufferPointer { p in
                            for i in 0..<count { ip[i] += p[a + i]; qp[i] += phi * p[a + i] }
                        }
                    }
                }}
            } else if !fills.isEmpty {
                periodic = fills.count <= 64 && a % 24 == 0 && count % 24 == 0 && count >= 24
                for (c, m) in fills.enumerated() where periodic {
                    switch m.state(from: a, to: a + count) {
                    case 0: break
                    case 1: mask |= 1 << UInt64(c)
                    default: periodic = false
                    }
                }
                let filled = periodic ? 24 : count
                kernel.clear(filled)
                let fills = self.fills
                kernel.it.withUnsafeMutableBufferPointer { ip in kernel.liquid.withUnsafeMutableBufferPointer { qp in
                    for m in fills { m.accumulate(from: a, to: a + filled, it: ip.baseAddress!, liquid: qp.baseAddress!) }
                }}
            } else {
                kernel.clear(count)
            }
            let p = kernel.it.withUnsafeBufferPointer { ip in kernel.liquid.withUnsafeBufferPointer { qp in
                HourVectors.peaks(it: ip.baseAddress!, liquid: qp.baseAddress!, count: periodic ? 24 : count,
                                  from: (peakIT, peakLiquid, peakAir))
            }}
            peakIT = p.it; peakAir = p.air; peakLiquid = p.liquid
            let dlf = designLoadFraction
            let mc = MonthCapacity(it: p.it / dlf, air: p.air / dlf, liquid: p.liquid / dlf, liquidToHall: liquidToHall)
            if keepCapacity { capacities.append(mc) }
            computedNow = false
            if periodic {
                let key = MonthKey(firstTypicalHour: typicalHour[a], hours: count, leapFebruary: leapFebruary,
                                   cohorts: mask, capacityIT: mc.it.bitPattern, capacityAir: mc.air.bitPattern,
                                   capacityLiquid: mc.liquid.bitPattern)
                if let r = seen[key] {
                    reference[k] = r; sums[k] = sums[r]
                    return
                }
                seen[key] = k
            }
            sums[k] = kernel.month(start: a, count: count, capacity: mc, periodic: periodic)
            computedNow = true
            if periodic {
                storedAt[k] = stored.count
                stored.append(contentsOf: kernel.facility[0..<count])
            }
        }

        /// Adds the site's facility power of month `k`'s hours to `total`.
        func addFacility(month k: Int, count: Int, to total: UnsafeMutableBufferPointer<Double>) {
            let from = computedNow ? nil : storedAt[reference[k]]
            (from == nil ? kernel.facility : stored).withUnsafeBufferPointer { f in
                HourVectors.add(f.baseAddress! + (from ?? 0), to: total.baseAddress!, count: count)
            }
        }

        /// Turns the monthly sums into metrics with the grid's monthly factors.
        mutating func finish(_ fac: GridFactors, waterStress: Double) {
            for k in 0..<sums.count { FacilityModel.setMetrics(sums[k], month: k, factors: fac, waterStress: waterStress, in: &evaluation) }
        }
    }

    /// The metrics of one site-month from its sums and the grid's factors (docs/METHODS.md §5–§7).
    static func setMetrics(_ s: SiteHourKernel.Sums, month k: Int, factors fac: GridFactors, waterStress: Double,
                           in evaluation: inout Evaluation) {
        // W·h → MWh: /1e6; L → m³: /1e3; kg → t: /1e3.
        let kwh = s.facility / 1e3
        evaluation[.itEnergy, k] = s.it / 1e6
        evaluation[.coolingEnergy, k] = s.cooling / 1e6
        evaluation[.powerDeliveryLoss, k] = s.delivery / 1e6
        evaluation[.auxiliaryEnergy, k] = s.auxiliary / 1e6
        evaluation[.facilityEnergy, k] = s.facility / 1e6
        evaluation[.waterOnsite, k] = s.water / 1e3
        evaluation[.waterOnsiteConsumption, k] = s.consumed / 1e3
        evaluation[.waterStressWeighted, k] = s.consumed / 1e3 * waterStress
        evaluation[.waterOffsite, k] = kwh * fac.waterLPerKwh / 1e3
        evaluation[.carbonLocation, k] = s.shaped / 1e3 * fac.carbonKgPerKwh[k] / 1e3
        // Contracted CFE at 0, the rest at the residual mix: annual matching counts φ of the energy,
        // hourly matching what the shaped supply covers hour by hour.
        let matched = fac.supplyPerMeanW == nil ? fac.carbonFreeFraction * kwh : s.matched / 1e3
        evaluation[.carbonMarket, k] = (kwh - matched) * fac.residualKgPerKwh[k] / 1e3
        evaluation[.cfeMatched, k] = matched / 1e3
        evaluation[.cfeMatchedHours, k] = s.matchedHours
        evaluation[.loadSiteHours, k] = s.loadHours
        evaluation[.carbonMarginal, k] = kwh * fac.marginalKgPerKwh / 1e3
        let demand = s.peak / 1e3 * fac.demandUsdPerKw[k]
        let settlement = kwh * fac.settlementUsdPerKwh[k]
        evaluation[.demandCharges, k] = demand
        evaluation[.ppaSettlement, k] = settlement
        evaluation[.electricityCost, k] = kwh * fac.volumetricUsdPerKwh[k] + demand + settlement
        evaluation[.peakFacilityPower, k] = s.peak / 1e6
    }

    /// Every hour's flows of one site, by the one-pass `HourPhysics.flows`.
    private func hourlyFlows(_ site: SiteModel, loads: [CohortLoad], capacities: [MonthCapacity]) -> [HourFlows] {
        let n = calendar.hourCount
        var it = [Double](repeating: 0, count: n), liq = it
        for l in loads {
            for h in 0..<n { it[h] += l.itPowerW[h]; liq[h] += l.liquidHeatFraction * l.itPowerW[h] }
        }
        let none = CoolingPlant.Coefficients(economizerC: 0, condensingC: 0, consumedLPerWh: 0, withdrawnLPerWh: 0)
        var out: [HourFlows] = []
        out.reserveCapacity(n)
        site.physics.partLoad.values.withUnsafeBufferPointer { plt in site.physics.approachTable.values.withUnsafeBufferPointer { apt in
            for h in 0..<n {
                let j = Int(site.typicalHour[h]), k = Int(calendar.monthIndex[h])
                out.append(site.physics.flows(it: it[h], liquid: liq[h], weather: site.table?.coefficients(j) ?? none,
                                              capacity: capacities[k], table: plt, approach: apt))
            }
        }}
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

extension FacilityModel {
    /// Per-site and per-cohort figures of a detailed evaluation, for reports.
    public func breakdown(_ detail: Detail, loads: [CohortLoad]) -> Breakdown {
        let siteRows = sites.enumerated().map { i, s in
            let ev = detail.sites[i]
            let totals = ev.total()
            var t: [Metric: Double] = [:]
            for m in Metric.allCases where m != .contractUSDPerGPUHour { t[m] = totals[m.index] }
            return Breakdown.Site(
                id: s.spec.id, name: s.spec.name, cooling: s.spec.cooling.type.rawValue, grid: s.spec.grid,
                totals: t,
                monthlyPUE: zip(ev.monthly[Metric.pue.index], ev.monthly[Metric.itEnergy.index]).map { $1 > 0 ? $0 : nil },
                monthlyDryBulbC: TypicalYearWeather.monthlyMeans(s.weather.dryBulbC),
                monthlyWetBulbC: TypicalYearWeather.monthlyMeans(s.weather.wetBulbC),
                monthly: Self.periods(ev, names: calendar.monthNames, metrics: Breakdown.siteMetrics).months)
        }
        let cohortRows = loads.map { l in
            Breakdown.Cohort(id: l.cohortID, hardware: hardwareOfCohort[l.cohortID] ?? "", site: l.siteID,
                             monthlyInstalled: l.installedAtMonthEnd.map { $0.rounded() },
                             itEnergyMWh: l.itPowerW.reduce(0, +) / 1e6,
                             embodiedTCO2e: l.embodiedKgPerMonth.reduce(0, +) / 1e3)
        }
        return Breakdown(sites: siteRows, cohorts: cohortRows)
    }

    /// A deterministic run's result (`Stats(base:)` only): totals, years and months of
    /// every metric, the breakdown, and the hourly-vs-quadrature diagnostic.
    ///
    /// - Parameters:
    ///   - power: each cohort's continuous IT power for the quadrature cross-check.
    ///   - inputs, scenario, run: from the scenario loader, copied into the result.
    public func deterministicResult(loads: [CohortLoad], power: [String: @Sendable (Double) -> Double],
                                    scenario: FleetResult.ScenarioInfo, inputs: [FleetResult.Input],
                                    run: FleetResult.RunInfo, warnings: [String] = []) throws -> FleetResult {
        try deterministic(loads: loads, power: power, scenario: scenario, inputs: inputs, run: run,
                          warnings: warnings).result
    }

    /// `deterministicResult` with the evaluation it was made from (fleet and sites, unrounded).
    /// - Parameter models: the cohorts' power models behind `loads`, when the caller has them: the
    ///   evaluation then takes the same route as a Monte Carlo sample's (`evaluate(models:)`), so
    ///   a sample at base values gives the deterministic result to the last bit.
    func deterministic(loads: [CohortLoad], models: [CohortPowerModel]? = nil, power: [String: @Sendable (Double) -> Double],
                       scenario: FleetResult.ScenarioInfo, inputs: [FleetResult.Input], run: FleetResult.RunInfo,
                       warnings: [String] = []) throws -> (result: FleetResult, detail: Detail) {
        let detail = try models.map { try self.run(.models($0), perSite: true) } ?? evaluateBySite(loads)
        let checked = Self.crossCheckMonths(count: calendar.months)
        let rel = try quadratureVsTimestep(loads, hourly: detail.fleet, power: power, months: checked)
        var notes = warnings
        if abs(rel) >= 1e-3 {
            notes.append("hourly sum and quadrature of facility energy differ by \(rel * 100) % (limit 0.1 %)")
        }
        for s in sites where s.spec.cooling.type != .fixedPUE {
            if let t = s.table, t.airEconomizerFullHours == 0 {
                notes.append("site \(s.spec.id): the economizer never carries the air loop alone")
            }
        }
        let result = Self.result(detail.fleet, names: calendar.monthNames, scenario: scenario, inputs: inputs,
                                 run: run, breakdown: breakdown(detail, loads: loads),
                                 diagnostics: FleetResult.Diagnostics(quadratureVsTimestepRelDiff: rel,
                                                                      quadratureMonths: checked.map { calendar.monthNames[$0] },
                                                                      warnings: notes))
        return (result, detail)
    }

    /// Wraps an evaluation's base values into the result document.
    public static func result(_ ev: Evaluation, names: [String], scenario: FleetResult.ScenarioInfo,
                              inputs: [FleetResult.Input], run: FleetResult.RunInfo, breakdown: Breakdown?,
                              diagnostics: FleetResult.Diagnostics) -> FleetResult {
        let periods = periods(ev, names: names, metrics: Metric.allCases)
        var totals: [Metric: Stats] = [:]
        let total = ev.total()
        for m in Metric.allCases { totals[m] = Stats(base: total[m.index]).reported(as: m) }
        return FleetResult(scenario: scenario, run: run, inputs: inputs, totals: totals, annual: periods.years,
                           monthly: periods.months, breakdown: breakdown, diagnostics: diagnostics)
    }

    /// Each month and year of an evaluation with the base values of `metrics`, its hours and
    /// whether the term covers it only in part (a first month starting after its 1st, a first or
    /// last year not starting on 1 January or not ending on 31 December).
    static func periods(_ ev: Evaluation, names: [String], metrics: [Metric])
        -> (months: [FleetResult.PeriodStats], years: [FleetResult.PeriodStats]) {
        func stats(_ v: [Double]) -> [Metric: Stats] {
            Dictionary(uniqueKeysWithValues: metrics.map { ($0, Stats(base: v[$0.index]).reported(as: $0)) })
        }
        let months = (0..<ev.months).map { k in
            let hours = Int(ev.hours[k].rounded())
            let month = Int(names[k].suffix(2)) ?? 1
            return FleetResult.PeriodStats(period: names[k], isMonth: true, values: stats(ev.aggregate(k..<(k + 1))),
                                           hours: hours, partial: hours < 24 * TermCalendar.daysIn(year: ev.years[k], month: month))
        }
        let years = ev.annual().map { y in
            let hours = zip(ev.years, ev.hours).filter { $0.0 == y.year }.reduce(0) { $0 + Int($1.1.rounded()) }
            return FleetResult.PeriodStats(period: String(y.year), isMonth: false, values: stats(y.values),
                                           hours: hours, partial: hours < 24 * (TermCalendar.isLeap(y.year) ? 366 : 365))
        }
        return (months, years)
    }
}

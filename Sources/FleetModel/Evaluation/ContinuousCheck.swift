internal import GSL

extension FacilityModel {
    /// The months (indices of the term) the cross-check integrates: every s-th month from the
    /// first, s the largest of 1, 5, 7 and 11 that still leaves at least 12 months.
    ///
    /// Why a subset is enough: the hourly sum's error against the integral is made hour by hour
    /// (the integrand's curvature within each hour: the daily cycle, the weather, a ramp), so a
    /// subset spread over the term measures the same relative error. s is coprime with 12, so
    /// twelve checked months fall once in each calendar month, through every season and the
    /// cooling regimes it sets, and spread over the years of the term, through its ramps. An
    /// 84-month term checks 12 months, a seventh of the integration; a term under 56 months, where
    /// no stride leaves 12, checks every month.
    public static func crossCheckMonths(count n: Int) -> [Int] {
        let step = [11, 7, 5].first { (n + $0 - 1) / $0 >= 12 } ?? 1
        return Array(stride(from: 0, to: n, by: step))
    }

    /// Facility energy of the given months of the term from the continuous-time model, MWh:
    /// ∫ P_fac(t) dt with P_fac built from the cohorts' continuous IT power, the
    /// continuous weather and the same plant, delivery and capacity as the hourly
    /// model, integrated by GSL's adaptive Gauss–Kronrod QAG one day at a time per site.
    ///
    /// - Parameters:
    ///   - power: each cohort's IT power (W) at fractional term hour t, keyed by cohort id;
    ///     a cohort without one uses its hourly series as a step function, and its site is
    ///     then integrated with the hour boundaries as break points (QAGP).
    ///   - months: indices of the months to integrate; nil for the whole term.
    ///   - relativeTolerance: QAG's relative error goal per day. At 1e-5 it sits two orders
    ///     below the 0.1 % the check allows, and the QAG estimates it conservatively.
    public func continuousFacilityEnergyMWh(_ loads: [CohortLoad], power: [String: @Sendable (Double) -> Double],
                                            months: [Int]? = nil, relativeTolerance: Double = 1e-5) throws -> Double {
        var total = 0.0
        let n = calendar.hourCount
        let spans = (months ?? Array(0..<calendar.months)).map { calendar.monthStartHour[$0]..<calendar.monthStartHour[$0 + 1] }
        for site in sites {
            let here = loads.filter { $0.siteID == site.spec.id }
            if here.isEmpty { continue }
            var it = [Double](repeating: 0, count: n), liq = it
            for l in here { for h in 0..<n { it[h] += l.itPowerW[h]; liq[h] += l.liquidHeatFraction * l.itPowerW[h] } }
            let cap = SiteCapacity(it: it, liquid: liq, calendar: calendar, designLoadFraction: site.spec.designLoadFraction,
                                   liquidToHall: site.spec.cooling.type.liquidToHallAir)
            let curves: [(phi: Double, p: (Double) -> Double)] = here.map { l in
                if let f = power[l.cohortID] { return (l.liquidHeatFraction, f) }
                let series = l.itPowerW
                return (l.liquidHeatFraction, { t in series[Int(saturating: t, in: 0...(n - 1))] })
            }
            let monthOfHour = calendar.monthIndex
            let integrand: (Double) -> Double = { t in
                var p = 0.0, q = 0.0
                for c in curves { let v = c.p(t); p += v; q += c.phi * v }
                let k = Int(monthOfHour[Int(saturating: t, in: 0...(n - 1))])
                var c = CoolingPlant.Coefficients(economizerC: 0, condensingC: 0, consumedLPerWh: 0, withdrawnLPerWh: 0)
                if let plant = site.plant {
                    let w = site.weather.at(site.typicalTime(t))
                    c = plant.coefficients(dryBulbC: w.dryBulb, wetBulbC: w.wetBulb)
                }
                return site.physics.flows(it: p, liquid: q, weather: c, capacity: cap.month(k), table: nil, approach: nil).facility
            }
            let steps = here.contains { power[$0.cohortID] == nil }
            let options = QuadratureOptions(absoluteTolerance: 0, relativeTolerance: relativeTolerance, limit: 1000)
            for span in spans {
                for a in stride(from: span.lowerBound, to: span.upperBound, by: 24) {
                    let b = min(a + 24, span.upperBound)
                    do {
                        total += steps
                            ? try Quadrature.qagp(points: (a...b).map(Double.init), options: options, integrand).value
                            : try Quadrature.qag(Double(a), Double(b), rule: .points21, options: options, integrand).value
                    } catch GSLError.roundOff, GSLError.maximumIterations {
                        // Kinks (economizer limits, minimum speeds, adiabatic switching) can stall QUADPACK's
                        // error estimate; CQUAD's doubly-adaptive rule handles them.
                        total += try Quadrature.cquad(Double(a), Double(b), options: options, integrand).value
                    }
                }
            }
        }
        return total / 1e6
    }

    /// (hourly sum − integral) / integral of facility energy over `months` (indices of the
    /// term; nil for the whole term).
    public func quadratureVsTimestep(_ loads: [CohortLoad], hourly: Evaluation,
                                     power: [String: @Sendable (Double) -> Double], months: [Int]? = nil) throws -> Double {
        let integral = try continuousFacilityEnergyMWh(loads, power: power, months: months)
        let hourlyMWh = hourly.monthly[Metric.facilityEnergy.index]
        let sum = (months ?? Array(hourlyMWh.indices)).map { hourlyMWh[$0] }.reduce(0, +)
        return integral > 0 ? (sum - integral) / integral : 0
    }
}

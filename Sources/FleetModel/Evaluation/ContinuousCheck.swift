internal import GSL

extension FacilityModel {
    /// Facility energy of the whole term from the continuous-time model, MWh:
    /// ∫ P_fac(t) dt with P_fac built from the cohorts' continuous IT power, the
    /// continuous weather and the same plant, delivery and capacity as the hourly
    /// model, integrated by GSL's adaptive Gauss–Kronrod QAG one day at a time per site.
    ///
    /// - Parameters:
    ///   - power: each cohort's IT power (W) at fractional term hour t, keyed by cohort id;
    ///     a cohort without one uses its hourly series as a step function, and its site is
    ///     then integrated with the hour boundaries as break points (QAGP).
    ///   - relativeTolerance: QAG's relative error goal per day.
    public func continuousFacilityEnergyMWh(_ loads: [CohortLoad], power: [String: @Sendable (Double) -> Double],
                                            relativeTolerance: Double = 1e-5) throws -> Double {
        var total = 0.0
        let n = calendar.hourCount
        for site in sites {
            let here = loads.filter { $0.siteID == site.spec.id }
            if here.isEmpty { continue }
            var it = [Double](repeating: 0, count: n), liq = it
            for l in here { for h in 0..<n { it[h] += l.itPowerW[h]; liq[h] += l.liquidHeatFraction * l.itPowerW[h] } }
            let cap = SiteCapacity(it: it, liquid: liq, calendar: calendar, designLoadFraction: site.spec.designLoadFraction)
            let curves: [(phi: Double, p: (Double) -> Double)] = here.map { l in
                if let f = power[l.cohortID] { return (l.liquidHeatFraction, f) }
                let series = l.itPowerW
                return (l.liquidHeatFraction, { t in series[min(max(Int(t), 0), n - 1)] })
            }
            let monthOfHour = calendar.monthIndex
            let integrand: (Double) -> Double = { t in
                var p = 0.0, q = 0.0
                for c in curves { let v = c.p(t); p += v; q += c.phi * v }
                let k = Int(monthOfHour[min(max(Int(t), 0), n - 1)])
                var cL = 0.0, cA = 0.0
                if let plant = site.plant {
                    let w = site.weather.at(site.typicalTime(t))
                    let c = plant.coefficients(dryBulbC: w.dryBulb, wetBulbC: w.wetBulb)
                    cL = c.chillerPerLiquidW; cA = c.chillerPerAirW
                }
                return site.physics.flows(it: p, liquid: q, chillerPerLiquidW: cL, chillerPerAirW: cA,
                                          capacity: cap.month(k), table: nil).facility
            }
            let steps = here.contains { power[$0.cohortID] == nil }
            let options = QuadratureOptions(absoluteTolerance: 0, relativeTolerance: relativeTolerance, limit: 1000)
            var a = 0
            while a < n {
                let b = min(a + 24, n)
                do {
                    total += steps
                        ? try Quadrature.qagp(points: (a...b).map(Double.init), options: options, integrand).value
                        : try Quadrature.qag(Double(a), Double(b), rule: .points21, options: options, integrand).value
                } catch GSLError.roundOff, GSLError.maximumIterations {
                    // Kinks (economizer limits, minimum speeds, adiabatic switching) can stall QUADPACK's
                    // error estimate; CQUAD's doubly-adaptive rule handles them.
                    total += try Quadrature.cquad(Double(a), Double(b), options: options, integrand).value
                }
                a = b
            }
        }
        return total / 1e6
    }

    /// (hourly sum − integral) / integral of the term's facility energy.
    public func quadratureVsTimestep(_ loads: [CohortLoad], hourly: Evaluation,
                                     power: [String: @Sendable (Double) -> Double]) throws -> Double {
        let integral = try continuousFacilityEnergyMWh(loads, power: power)
        let sum = hourly.total()[Metric.facilityEnergy.index]
        return integral > 0 ? (sum - integral) / integral : 0
    }
}

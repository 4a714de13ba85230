
extension HardwareSpec {
    /// The smallest board (or server) power accepted, W: the lowest-power data-centre
    /// accelerators draw tens of watts (NVIDIA T4: 70 W); a power near zero is a typo or a
    /// unit slip, and divides by zero in the power curve.
    public static let minimumTDPW = 10.0

    /// Physically absurd or inconsistent values in this catalog entry.
    /// - Parameter prefix: the entry's path, for example "hardware.h100-sxm".
    public func validationIssues(prefix: String) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        func check(_ ok: Bool, _ field: String, _ message: String) {
            if !ok { out.append(("\(prefix).\(field)", message)) }
        }
        let maxTDP = isGPU ? 5_000.0 : 20_000.0
        check(tdpW >= HardwareSpec.minimumTDPW && tdpW <= maxTDP, "tdp_w",
              "expected a \(isGPU ? "GPU board" : "server") power in [\(Int(HardwareSpec.minimumTDPW)), \(Int(maxTDP))] W, got \(tdpW)")
        let u = curveUtilizationFraction, f = curvePowerFraction
        check(u.count == f.count, "curve_power_fraction",
              "expected as many power points as utilization points (\(u.count)), got \(f.count)")
        check(u.count >= 3, "curve_utilization_fraction", "expected at least 3 points, got \(u.count)")
        if let first = u.first, let last = u.last {
            check(first == 0 && last == 1, "curve_utilization_fraction",
                  "expected points from 0 to 1, got \(first) to \(last)")
        }
        check(zip(u, u.dropFirst()).allSatisfy { $0 < $1 }, "curve_utilization_fraction",
              "expected strictly increasing utilization points")
        check(f.allSatisfy { $0 > 0 && $0 <= 1 }, "curve_power_fraction",
              "expected fractions of TDP in (0, 1]")
        check(zip(f, f.dropFirst()).allSatisfy { $0 <= $1 }, "curve_power_fraction",
              "expected power that never falls as utilization rises")
        check(idleBareW >= 0 && idleBareW <= idleContextW, "idle_bare_w",
              "expected 0 to the idle-with-context power \(idleContextW) W, got \(idleBareW)")
        check(hostIdleW >= 0 && hostIdleW <= hostMaxW, "host_idle_w",
              "expected 0 to host_max_w (\(hostMaxW) W), got \(hostIdleW)")
        check(hostMaxW >= 0 && hostMaxW <= 4 * maxTDP, "host_max_w",
              "expected 0 to \(Int(4 * maxTDP)) W, got \(hostMaxW)")
        check(networkW >= 0 && networkW <= maxTDP, "network_w", "expected 0 to \(Int(maxTDP)) W, got \(networkW)")
        check(storageW >= 0 && storageW <= maxTDP, "storage_w", "expected 0 to \(Int(maxTDP)) W, got \(storageW)")
        check((0...1).contains(liquidHeatFraction), "liquid_heat_fraction", "expected 0 to 1, got \(liquidHeatFraction)")
        for (name, v) in [("embodied_gpu_kg", embodiedGPUKg), ("embodied_host_kg", embodiedHostKg),
                          ("embodied_rack_network_kg", embodiedRackNetworkKg)] {
            check(v >= 0 && v <= 100_000, name, "expected 0 to 100000 kg, got \(v)")
        }
        check(usefulLifeYears >= 0.5 && usefulLifeYears <= 30, "useful_life_years",
              "expected 0.5 to 30 years, got \(usefulLifeYears)")
        check(annualFailureRate >= 0 && annualFailureRate <= 2, "annual_failure_rate",
              "expected 0 to 2 per year, got \(annualFailureRate)")
        check(repairTimeHours >= 0 && repairTimeHours <= 8766, "repair_time_hours",
              "expected 0 to 8766 h, got \(repairTimeHours)")
        check((0...1).contains(defaultUtilizationFraction), "default_utilization_fraction",
              "expected 0 to 1, got \(defaultUtilizationFraction)")
        return out
    }
}

extension CohortSpec {
    /// The gentlest logistic ramp accepted. Below it the normalised logistic differs from a
    /// straight line by less than 0.1 % of the fleet, and as k → 0 its normalisation
    /// σ(k/2) − σ(−k/2) → 0 divides zero by zero (k = 1e-320 crashed).
    public static let minimumRampSteepness = 0.1

    /// Physically absurd or inconsistent values in this cohort.
    /// - Parameters:
    ///   - prefix: the cohort's path, for example "fleet.cohorts.gb200-use1".
    ///   - calendar: the term; deployment dates must lie inside it.
    ///   - hardware: the catalog entries the scenario resolved (to check the id).
    ///   - siteIDs: the site ids the scenario resolved; nil skips the check.
    public func validationIssues(prefix: String, calendar: TermCalendar?, hardware: [HardwareSpec],
                                 siteIDs: [String]?) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        func check(_ ok: Bool, _ field: String, _ message: String) {
            if !ok { out.append(("\(prefix).\(field)", message)) }
        }
        let hw = hardware.first { $0.id == self.hardware }
        check(hw != nil, "hardware", "unknown hardware id \"\(self.hardware)\"")
        if let siteIDs { check(siteIDs.contains(site), "site", "unknown site id \"\(site)\"") }
        check(count > 0 && count <= 1e8, "count", "expected a positive count up to 1e8, got \(count)")
        if let calendar {
            let start = try? calendar.hour(of: deployStart), end = try? calendar.hour(of: deployEnd)
            check(start != nil, "deploy_start", "expected a date as YYYY-MM-DD, got \"\(deployStart)\"")
            check(end != nil, "deploy_end", "expected a date as YYYY-MM-DD, got \"\(deployEnd)\"")
            if let start, let end {
                let termEnd = Double(calendar.hourCount)
                check(start >= 0 && start < termEnd, "deploy_start", "\(deployStart) lies outside the term")
                check(end >= 0 && end <= termEnd, "deploy_end", "\(deployEnd) lies outside the term")
                check(end >= start, "deploy_end", "\(deployEnd) is before deploy_start \(deployStart)")
            }
        }
        check(rampSteepness >= CohortSpec.minimumRampSteepness && rampSteepness <= 100, "ramp_steepness",
              "expected \(CohortSpec.minimumRampSteepness) to 100 (a gentler logistic is a straight line: write ramp: linear), got \(rampSteepness)")
        check((0...1).contains(spareFraction), "spare_fraction", "expected 0 to 1, got \(spareFraction)")
        if let cap = powerCapFraction {
            check(cap >= 0.1 && cap <= 1, "power_cap_fraction", "expected 0.1 to 1, got \(cap)")
        }
        if liquidCooled, let hw {
            check(hw.liquidHeatFraction > 0, "liquid_cooled",
                  "hardware \(hw.id) has no liquid heat share; set liquid_cooled: false or give it one")
        }
        if let hw, !liquidCooled {
            check(hw.liquidHeatFraction < 0.5 || hw.kind == .cpuServer || hw.tdpW < 1_000, "liquid_cooled",
                  "\(hw.id) racks (\(Distribution.format(hw.tdpW)) W per GPU) are liquid cooled by design")
        }
        if let to = refreshTo {
            let next = hardware.first { $0.id == to }
            check(next != nil, "refresh_to", "unknown hardware id \"\(to)\"")
            if let next, let hw { check(next.kind == hw.kind, "refresh_to", "\(to) is a \(next.kind.rawValue), \(hw.id) a \(hw.kind.rawValue)") }
        }
        if let date = refreshDate {
            check(refreshTo != nil, "refresh_date", "a refresh date needs refresh_to (the hardware that replaces the units)")
            if let calendar {
                let d = try? calendar.hour(of: date), start = try? calendar.hour(of: deployStart)
                check(d != nil, "refresh_date", "expected a date as YYYY-MM-DD, got \"\(date)\"")
                if let d, let start { check(d > start, "refresh_date", "\(date) is not after deploy_start \(deployStart)") }
            }
        }
        let w = workload, p = "workload"
        check((0...1).contains(w.trainingFraction), "\(p).training_fraction", "expected 0 to 1, got \(w.trainingFraction)")
        var means: [(String, Double)] = [], spreads: [(String, Double)] = [], fractions: [(String, Double)] = []
        if w.trainingBoardPowerFraction == nil {
            means.append(("training_utilization_fraction", w.trainingUtilizationFraction))
            spreads.append(("training_concentration", w.trainingConcentration))
            fractions.append(("training_intensity_fraction", w.trainingIntensityFraction))
        }
        if w.inferenceBoardPowerFraction == nil {
            means.append(("inference_utilization_fraction", w.inferenceUtilizationFraction))
            spreads.append(("inference_concentration", w.inferenceConcentration))
            fractions.append(("inference_intensity_fraction", w.inferenceIntensityFraction))
        }
        for (name, v) in means {
            check(v > 0 && v < 1, "\(p).\(name)", "expected a mean utilization strictly between 0 and 1, got \(v)")
        }
        for (name, v) in spreads { check(v > 0 && v <= 10_000, "\(p).\(name)", "expected (0, 10000], got \(v)") }
        for (name, v) in fractions + [("inference_diurnal_amplitude_fraction", w.inferenceDiurnalAmplitudeFraction)] {
            check((0...1).contains(v), "\(p).\(name)", "expected 0 to 1, got \(v)")
        }
        for (name, v) in [("training_board_power_fraction", w.trainingBoardPowerFraction),
                          ("inference_board_power_fraction", w.inferenceBoardPowerFraction)] {
            if let v { check(v > 0 && v <= 1, "\(p).\(name)", "expected a mean board power in (0, 1] of TDP, got \(v)") }
        }
        check((0...23).contains(w.inferencePeakHourUTC), "\(p).inference_peak_hour_utc",
              "expected an hour 0 to 23, got \(w.inferencePeakHourUTC)")
        return out
    }
}

extension FleetSpec {
    /// Every fleet-side issue of the scenario: catalog entries in use and cohorts.
    public func fleetValidationIssues() -> [ValidationIssue] {
        fleetValidationIssues(calendar: try? termCalendar().get())
    }

    /// `fleetValidationIssues()` with the term's calendar already made (nil for a bad term).
    func fleetValidationIssues(calendar: TermCalendar?) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        for h in hardware { out += h.validationIssues(prefix: "hardware.\(h.id)") }
        for c in fleet.cohorts {
            out += c.validationIssues(prefix: "fleet.cohorts.\(c.id)", calendar: calendar,
                                      hardware: hardware.elements, siteIDs: sites.ids)
        }
        return out
    }
}

extension FleetSpec {
    /// Every semantic problem of a decoded scenario, fleet side and facility side,
    /// as (path, message) pairs that `ScenarioDocument.locate` places in the file.
    public func validationIssues() -> [ValidationIssue] {
        validationIssues(calendar: termCalendar())
    }

    /// `validationIssues()` with this spec's `termCalendar()` already made: a check pass
    /// that tries many variants of one term (the range checks) makes its calendar once.
    func validationIssues(calendar: Result<TermCalendar, CalendarError>) -> [ValidationIssue] {
        termIssues(calendar: calendar) + contractIssues() + fleetValidationIssues(calendar: try? calendar.get())
            + facilityIssues()
    }

    /// The calendar of the term, or why the term cannot make one.
    public func termCalendar() -> Result<TermCalendar, CalendarError> {
        Result { () throws(CalendarError) in try TermCalendar(start: term.start, months: term.months) }
    }

    /// Years a term may start in (and a grid's `base_year` may name): the data behind every
    /// default describe the 2020s; a term starting in year 1 or 99999 extrapolated grid trends
    /// over millennia (carbon and prices of 0 or infinity).
    public static let termYears = 1990...2100

    /// Accepted contract values, USD: the cost share divides by it, so 0 gave 0 % and a
    /// denormal infinity; 10⁴ to 10¹³ USD spans a small pilot to far beyond any deal announced.
    public static let contractValueRange: ClosedRange<Double> = 1e4...1e13

    func contractIssues() -> [ValidationIssue] {
        guard !Self.contractValueRange.contains(contract.valueUSD) else { return [] }
        return [("contract.value_usd", "expected a contract value from 10000 to 1e13 USD, got \(contract.valueUSD)")]
    }

    /// The term must make a calendar (the cohort checks skip their dates without one, so
    /// `months: 0` or `start: "next spring"` passed validation).
    func termIssues(calendar made: Result<TermCalendar, CalendarError>) -> [ValidationIssue] {
        do {
            let calendar = try made.get()
            guard Self.termYears.contains(calendar.startYear) else {
                return [("term.start", "expected a term starting in the years \(Self.termYears.lowerBound) to "
                         + "\(Self.termYears.upperBound), got \(term.start)")]
            }
            return []
        } catch {
            switch error {
            case .badDate: return [("term.start", error.description)]
            case .badLength: return [("term.months", error.description)]
            }
        }
    }
}

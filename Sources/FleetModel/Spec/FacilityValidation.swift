/// Semantic checks of the facility-side inputs: each returns every problem found
/// as (dotted path, message), empty when the input is usable.
public typealias ValidationIssue = (path: String, message: String)

extension SiteSpec {
    /// Accepted `design_load_fraction`: the plant's capacity is the peak load divided by it, so
    /// near 0 it is infinite and every part-load ratio 0 (1e-320 crashed).
    public static let designLoadFractionRange: ClosedRange<Double> = 0.1...1

    /// Checks a site; `knownGrids` are the grid ids available to it.
    public func validate(knownGrids: [String]) -> [ValidationIssue] {
        let p = "sites.\(id)"
        var out: [ValidationIssue] = []
        if !knownGrids.contains(grid) {
            out.append(("\(p).grid", "unknown grid \"\(grid)\"; known: \(knownGrids.joined(separator: ", "))"))
        }
        if !(-12...14).contains(utcOffsetHours) {
            out.append(("\(p).utc_offset_hours", "expected −12…14 hours, got \(utcOffsetHours)"))
        }
        if !(SiteSpec.designLoadFractionRange.contains(designLoadFraction)) {
            out.append(("\(p).design_load_fraction",
                        "expected a fraction in [\(SiteSpec.designLoadFractionRange.lowerBound), 1] (a plant built for at most "
                        + "10 × its peak load), got \(designLoadFraction)"))
        }
        if let a = auxiliaryPowerFraction { fraction(a, "\(p).auxiliary_power_fraction", &out, max: 0.1) }
        if let w = waterStressFraction { fraction(w, "\(p).water_stress_fraction", &out) }
        out += climate.validate(path: "\(p).climate")
        out += cooling.validate(path: "\(p).cooling")
        out += powerDelivery.validate(path: "\(p).power_delivery")
        return out
    }
}

extension ClimateSpec {
    public func validate(path p: String) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        if !(-430...8850).contains(elevationM) { out.append(("\(p).elevation_m", "expected −430…8,850 m, got \(elevationM)")) }
        if weatherFile != nil { return out }
        let series: [(String, [Double], ClosedRange<Double>)] = [
            ("dry_bulb_mean_c", dryBulbMeanC, -60...50), ("daily_range_c", dailyRangeC, 0...30),
            ("dew_point_mean_c", dewPointMeanC, -70...35), ("daily_sd_c", dailySdC, 0...15),
            ("dew_point_daily_sd_c", dewPointDailySdC, 0...15),
        ]
        for (key, v, range) in series {
            if v.count != 12 {
                out.append(("\(p).\(key)", "expected 12 monthly values, got \(v.count)"))
                continue
            }
            for (m, x) in v.enumerated() where !x.isFinite || !range.contains(x) {
                out.append(("\(p).\(key).\(m)", "expected \(range.lowerBound)…\(range.upperBound) °C, got \(x)"))
            }
        }
        if dryBulbMeanC.count == 12 && dewPointMeanC.count == 12 {
            for m in 0..<12 where dewPointMeanC[m] > dryBulbMeanC[m] + 0.5 * (dailyRangeC.count == 12 ? dailyRangeC[m] : 0) {
                out.append(("\(p).dew_point_mean_c.\(m)", "mean dew point \(dewPointMeanC[m]) °C exceeds the month's mean daily maximum"))
            }
        }
        if !(-1...1).contains(dewPointCorrelation) {
            out.append(("\(p).dew_point_correlation", "expected a correlation in −1…1, got \(dewPointCorrelation)"))
        }
        return out
    }
}

extension CoolingSpec {
    public func validate(path p: String) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        func need(_ v: Double?, _ key: String, _ range: ClosedRange<Double>, _ what: String) {
            guard let v else { out.append(("\(p).\(key)", "required for cooling type \(type.rawValue)")); return }
            if !v.isFinite || !range.contains(v) {
                out.append(("\(p).\(key)", "expected \(what) in \(range.lowerBound)…\(range.upperBound), got \(v)"))
            }
        }
        if type == .fixedPUE {
            need(pue, "pue", 1...5, "a PUE")
            need(wueLPerKwh, "wue_l_per_kwh", 0...20, "L/kWh")
            return out
        }
        if type == .irhx {
            need(supplyAirC, "supply_air_c", 10...35, "°C (ASHRAE allowable inlet range)")
            need(hallAirDeltaTC, "hall_air_delta_t_c", 3...30, "K")
            if minDewPointC != nil { need(minDewPointC, "min_dew_point_c", -40...15, "°C") }
            need(adiabaticEffectivenessFraction, "adiabatic_effectiveness_fraction", 0...1, "a fraction")
            need(cyclesOfConcentration, "cycles_of_concentration", 1.5...20, "cycles")
        } else {
            if type != .airChillerEconomizer {
                need(liquidSupplyC, "liquid_supply_c", 5...60, "°C (ASHRAE W-classes span W17–W45 and W+)")
                need(liquidDeltaTC, "liquid_delta_t_c", 1...30, "K")
            }
            need(chilledWaterSupplyC, "chilled_water_supply_c", 4...30, "°C")
            need(chilledWaterDeltaTC, "chilled_water_delta_t_c", 1...20, "K")
            need(approachC, "approach_c", 0.5...25, "K (an approach must be positive)")
            need(hxApproachC, "hx_approach_c", 0...10, "K")
            need(heatRejectionPowerFraction, "heat_rejection_power_fraction", 0...0.2, "W per W of heat")
            need(approachFlowExponent, "approach_flow_exponent", 0...1, "an exponent (air-side h ∝ V^m)")
        }
        need(condensingApproachC, "condensing_approach_c", 0...30, "K")
        need(evaporatorApproachC, "evaporator_approach_c", 0...15, "K")
        need(chillerEta, "chiller_eta", 0.05...0.9, "a second-law efficiency (COP / Carnot COP, below 1)")
        need(chillerCopMax, "chiller_cop_max", 1...30, "a COP")
        need(chillerUnits, "chiller_units", 1...50, "a count of chillers")
        if let n = chillerUnits, n.isFinite, n != n.rounded() {
            out.append(("\(p).chiller_units", "expected a whole number of chillers, got \(n)"))
        }
        need(airFanPowerFraction, "air_fan_power_fraction", 0...0.3, "W per W of heat")
        need(liquidPumpPowerFraction, "liquid_pump_power_fraction", 0...0.2, "W per W of heat")
        need(partLoadExponent, "part_load_exponent", 1...3.5, "an exponent")
        need(minSpeedFraction, "min_speed_fraction", 0...1, "a fraction")
        if type.usesTowers {
            need(towerLiquidGasRatio, "tower_liquid_gas_ratio", 0.3...3, "kg water per kg air")
            need(cyclesOfConcentration, "cycles_of_concentration", 1.5...20, "cycles")
            need(driftFraction, "drift_fraction", 0...0.01, "a fraction")
            need(towerRangeC, "tower_range_c", 1...20, "K")
        }
        if type == .liquidDryCooler, adiabaticAboveC != nil {
            need(adiabaticAboveC, "adiabatic_above_c", -10...60, "°C")
            need(adiabaticEffectivenessFraction, "adiabatic_effectiveness_fraction", 0...1, "a fraction")
            need(dryCoolerAirDeltaTC, "dry_cooler_air_delta_t_c", 1...30, "K")
            need(cyclesOfConcentration, "cycles_of_concentration", 1.5...20, "cycles")
        }
        if let s = chilledWaterSupplyC, let a = evaporatorApproachC, s - a <= -20 {
            out.append(("\(p).evaporator_approach_c", "evaporating temperature \(s - a) °C is implausible"))
        }
        return out
    }
}

extension CoolingSpec {
    /// The fields set here that this cooling type's physics never reads, by their names in the
    /// scenario (in declaration order): their values have no effect on any result, so a scenario
    /// should not carry them, and a sampled one only costs samples.
    public var unreadKeys: [String] {
        let set: [(String, Double?)] = [
            ("pue", pue), ("wue_l_per_kwh", wueLPerKwh), ("liquid_supply_c", liquidSupplyC),
            ("liquid_delta_t_c", liquidDeltaTC), ("chilled_water_supply_c", chilledWaterSupplyC),
            ("chilled_water_delta_t_c", chilledWaterDeltaTC), ("approach_c", approachC), ("hx_approach_c", hxApproachC),
            ("condensing_approach_c", condensingApproachC), ("evaporator_approach_c", evaporatorApproachC),
            ("chiller_eta", chillerEta), ("chiller_cop_max", chillerCopMax), ("air_fan_power_fraction", airFanPowerFraction),
            ("liquid_pump_power_fraction", liquidPumpPowerFraction),
            ("heat_rejection_power_fraction", heatRejectionPowerFraction), ("part_load_exponent", partLoadExponent),
            ("min_speed_fraction", minSpeedFraction), ("tower_liquid_gas_ratio", towerLiquidGasRatio),
            ("cycles_of_concentration", cyclesOfConcentration), ("drift_fraction", driftFraction),
            ("tower_range_c", towerRangeC), ("adiabatic_above_c", adiabaticAboveC),
            ("adiabatic_effectiveness_fraction", adiabaticEffectivenessFraction),
            ("dry_cooler_air_delta_t_c", dryCoolerAirDeltaTC), ("approach_flow_exponent", approachFlowExponent),
            ("chiller_units", chillerUnits), ("supply_air_c", supplyAirC), ("hall_air_delta_t_c", hallAirDeltaTC),
            ("min_dew_point_c", minDewPointC),
        ]
        let read = Self.keysRead(by: type, adiabatic: adiabaticAboveC != nil)
        return set.compactMap { key, value in value != nil && !read.contains(key) ? key : nil }
    }

    /// The fields `CoolingPlant` and `HourPhysics` read for `type` (`adiabatic`: a dry cooler
    /// with adiabatic pre-cooling).
    static func keysRead(by type: CoolingType, adiabatic: Bool) -> Set<String> {
        if type == .fixedPUE { return ["pue", "wue_l_per_kwh"] }
        var keys: Set<String> = ["condensing_approach_c", "evaporator_approach_c", "chiller_eta", "chiller_cop_max",
                                 "chiller_units", "air_fan_power_fraction", "liquid_pump_power_fraction",
                                 "part_load_exponent", "min_speed_fraction"]
        if type == .irhx {
            // Outside air: supply set point and hall ΔT, humidification, evaporative media and their bleed.
            return keys.union(["supply_air_c", "hall_air_delta_t_c", "min_dew_point_c", "adiabatic_effectiveness_fraction",
                               "cycles_of_concentration"])
        }
        keys.formUnion(["chilled_water_supply_c", "chilled_water_delta_t_c", "approach_c", "hx_approach_c",
                        "heat_rejection_power_fraction", "approach_flow_exponent"])
        if type != .airChillerEconomizer { keys.formUnion(["liquid_supply_c", "liquid_delta_t_c"]) }
        if type.usesTowers { keys.formUnion(["tower_liquid_gas_ratio", "cycles_of_concentration", "drift_fraction", "tower_range_c"]) }
        if type == .liquidDryCooler && adiabatic {
            keys.formUnion(["adiabatic_above_c", "adiabatic_effectiveness_fraction", "dry_cooler_air_delta_t_c",
                            "cycles_of_concentration"])
        }
        return keys
    }
}

extension PowerDeliverySpec {
    public func validate(path p: String) -> [ValidationIssue] {
        var out: [ValidationIssue] = []
        for (name, s) in [("transformer", transformer), ("ups", ups), ("distribution", distribution)] {
            fraction(s.noLoadFraction, "\(p).\(name).no_load_fraction", &out, max: 0.2)
            fraction(s.proportionalFraction, "\(p).\(name).proportional_fraction", &out, max: 0.2)
            fraction(s.squareLawFraction, "\(p).\(name).square_law_fraction", &out, max: 0.2)
        }
        if !(0.5...5).contains(transformerCapacityRatio) {
            out.append(("\(p).transformer_capacity_ratio", "expected 0.5…5, got \(transformerCapacityRatio)"))
        }
        return out
    }
}

extension GridSpec {
    /// Largest weight of a monthly or hourly shape. Shapes are normalised to mean 1, so one
    /// weight of 1e308 made the others 0 (and the sum infinite: carbon exactly 0); 1000 lets a
    /// month be 1000 × another, far beyond any grid's seasonal swing.
    public static let maximumShapeWeight = 1000.0

    public func validate() -> [ValidationIssue] {
        let p = "grids.\(id)"
        var out: [ValidationIssue] = []
        let c = carbonIntensity
        if !(0...1.5).contains(c.baseKgPerKwh) {
            out.append(("\(p).carbon_intensity.base_kg_per_kwh", "expected 0…1.5 kg CO2e/kWh, got \(c.baseKgPerKwh)"))
        }
        if !FleetSpec.termYears.contains(c.baseYear) {
            out.append(("\(p).carbon_intensity.base_year",
                        "expected a year from \(FleetSpec.termYears.lowerBound) to \(FleetSpec.termYears.upperBound), got \(c.baseYear)"))
        }
        if !(-0.5...0.5).contains(c.annualChange) {
            out.append(("\(p).carbon_intensity.annual_change", "expected −0.5…0.5 per year, got \(c.annualChange)"))
        }
        for (key, v, n) in [("monthly_shape", c.monthlyShape, 12), ("hourly_shape", c.hourlyShape, 24)] {
            if v.count != n { out.append(("\(p).carbon_intensity.\(key)", "expected \(n) values, got \(v.count)")) }
            for (i, x) in v.enumerated() where !(x >= 0 && x <= GridSpec.maximumShapeWeight) {
                out.append(("\(p).carbon_intensity.\(key).\(i)",
                            "expected a non-negative weight up to \(Int(GridSpec.maximumShapeWeight)), got \(x)"))
            }
            if v.count == n && v.reduce(0, +) <= 0 { out.append(("\(p).carbon_intensity.\(key)", "weights sum to zero")) }
        }
        fraction(market.carbonFreeFraction, "\(p).market.carbon_free_fraction", &out)
        if !(0...1.5).contains(market.residualMixKgPerKwh) {
            out.append(("\(p).market.residual_mix_kg_per_kwh", "expected 0…1.5 kg CO2e/kWh, got \(market.residualMixKgPerKwh)"))
        }
        for (key, year) in [("base_year", price.baseYear), ("ppa_base_year", price.ppaBaseYear),
                            ("wholesale_base_year", price.wholesaleBaseYear)] where !FleetSpec.termYears.contains(year) {
            out.append(("\(p).price.\(key)",
                        "expected a year from \(FleetSpec.termYears.lowerBound) to \(FleetSpec.termYears.upperBound), got \(year)"))
        }
        if let m = c.longRunMarginalKgPerKwh, !(0...1.5).contains(m) {
            out.append(("\(p).carbon_intensity.long_run_marginal_kg_per_kwh", "expected 0…1.5 kg CO2e/kWh, got \(m)"))
        }
        for (key, v) in [("base_usd_per_kwh", price.baseUsdPerKwh), ("ppa_usd_per_kwh", price.ppaUsdPerKwh),
                         ("wholesale_usd_per_kwh", price.wholesaleUsdPerKwh)] where !(0...2).contains(v) {
            out.append(("\(p).price.\(key)", "expected 0…2 USD/kWh, got \(v)"))
        }
        fraction(price.demandShareFraction, "\(p).price.demand_share_fraction", &out)
        fraction(price.referenceLoadFactor, "\(p).price.reference_load_factor", &out, open: true)
        if !(0...100).contains(price.capacityAdderUsdPerKwMonth) {
            out.append(("\(p).price.capacity_adder_usd_per_kw_month", "expected 0…100 USD per kW-month, got \(price.capacityAdderUsdPerKwMonth)"))
        }
        for (key, v) in [("annual_escalation", price.annualEscalation), ("ppa_annual_escalation", price.ppaAnnualEscalation),
                         ("wholesale_annual_escalation", price.wholesaleAnnualEscalation)]
            where !(-0.5...0.5).contains(v) {
            out.append(("\(p).price.\(key)", "expected −0.5…0.5 per year, got \(v)"))
        }
        if !(0...100).contains(waterIntensityLPerKwh) {
            out.append(("\(p).water_intensity_l_per_kwh", "expected 0…100 L/kWh, got \(waterIntensityLPerKwh)"))
        }
        return out
    }
}

extension FleetSpec {
    /// Every facility-side problem of the spec: sites, their grids, grids themselves.
    public func facilityIssues() -> [ValidationIssue] {
        sites.flatMap { $0.validate(knownGrids: grids.ids) } + grids.flatMap { $0.validate() }
    }
}

/// Appends an issue unless `v` is a fraction in [0, max] (or (0, max] when `open`).
private func fraction(_ v: Double, _ path: String, _ out: inout [ValidationIssue], max: Double = 1, open: Bool = false) {
    if !v.isFinite || v < 0 || v > max || (open && v == 0) {
        out.append((path, "expected a fraction in \(open ? "(0" : "[0"), \(max)], got \(v)"))
    }
}

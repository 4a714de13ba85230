/// A spec type whose numeric fields can be named by the dotted paths of a scenario
/// (`cooling.approach_c`, `climate.dry_bulb_mean_c.6`): each path maps to a key path once,
/// so a Monte Carlo sample or a sweep point writes its values with no decoding.
protocol InputAddressable {
    /// The writable place of the numeric input at `path` (relative to this value), nil when
    /// the path names no numeric field of it (then the caller decodes instead).
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<Self, Double>?
}

extension InputAddressable {
    /// `field` when the path ends here.
    func leaf(_ field: WritableKeyPath<Self, Double>, _ rest: ArraySlice<Substring>) -> WritableKeyPath<Self, Double>? {
        rest.isEmpty ? field : nil
    }

    /// An optional field that holds a value.
    func leaf(_ field: WritableKeyPath<Self, Double?>, _ rest: ArraySlice<Substring>) -> WritableKeyPath<Self, Double>? {
        rest.isEmpty && self[keyPath: field] != nil ? field.appending(path: \Double?.!) : nil
    }

    /// Element `rest[0]` of a series.
    func element(_ field: WritableKeyPath<Self, [Double]>, _ rest: ArraySlice<Substring>) -> WritableKeyPath<Self, Double>? {
        guard rest.count == 1, let i = Int(rest.first!), self[keyPath: field].indices.contains(i) else { return nil }
        return field.appending(path: \[Double].[i])
    }

    /// Element `rest[0]` of an optional series that holds values.
    func element(_ field: WritableKeyPath<Self, [Double]?>, _ rest: ArraySlice<Substring>) -> WritableKeyPath<Self, Double>? {
        guard rest.count == 1, let i = Int(rest.first!), self[keyPath: field]?.indices.contains(i) == true else { return nil }
        return field.appending(path: \[Double]?.![i])
    }

    /// A path inside the nested value at `field`.
    func inside<Child: InputAddressable>(_ field: WritableKeyPath<Self, Child>,
                                         _ rest: ArraySlice<Substring>) -> WritableKeyPath<Self, Double>? {
        self[keyPath: field].inputKeyPath(rest).map { field.appending(path: $0) }
    }
}

/// Where one numeric input of a `FleetSpec` is written: a field of the spec, or a field of the
/// element at a position of one of its id maps. Splitting the path at the id map keeps each key
/// path to stored fields, so a write is an offset, not a get-modify-set of the whole element.
enum SpecPlace: Hashable, @unchecked Sendable {  // key paths are immutable once made
    case spec(WritableKeyPath<FleetSpec, Double>)
    case cohort(Int, WritableKeyPath<CohortSpec, Double>)
    case hardware(Int, WritableKeyPath<HardwareSpec, Double>)
    case site(Int, WritableKeyPath<SiteSpec, Double>)
    case grid(Int, WritableKeyPath<GridSpec, Double>)

    /// Sets the input to `value` in `spec`.
    @inline(__always)
    func write(_ value: Double, into spec: inout FleetSpec) {
        switch self {
        case .spec(let k): spec[keyPath: k] = value
        case .cohort(let i, let k): spec.declaredCohorts.elements[i][keyPath: k] = value
        case .hardware(let i, let k): spec.hardware.elements[i][keyPath: k] = value
        case .site(let i, let k): spec.sites.elements[i][keyPath: k] = value
        case .grid(let i, let k): spec.grids.elements[i][keyPath: k] = value
        }
    }
}

extension FleetSpec {
    /// The place of the numeric input at a dotted scenario path
    /// (`sites.us-east-1.cooling.approach_c`), nil when the path names none.
    func inputPlace(_ path: String) -> SpecPlace? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)[...]
        let rest = parts.dropFirst()
        /// Element `rest[0]` of `map` and the place inside it.
        func element<Child: InputAddressable>(_ map: IDMap<Child>, _ rest: ArraySlice<Substring>,
                                              _ place: (Int, WritableKeyPath<Child, Double>) -> SpecPlace) -> SpecPlace? {
            guard let id = rest.first, let i = map.ids.firstIndex(of: String(id)),
                  let inner = map[i].inputKeyPath(rest.dropFirst()) else { return nil }
            return place(i, inner)
        }
        switch parts.first {
        case "contract":
            let field: WritableKeyPath<FleetSpec, ContractSpec> = \.contract
            return contract.inputKeyPath(rest).map { .spec(field.appending(path: $0)) }
        case "fleet": return rest.first == "cohorts" ? element(declaredCohorts, rest.dropFirst(), SpecPlace.cohort) : nil
        case "hardware": return element(hardware, rest, SpecPlace.hardware)
        case "sites": return element(sites, rest, SpecPlace.site)
        case "grids": return element(grids, rest, SpecPlace.grid)
        default: return nil
        }
    }
}

extension ContractSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<ContractSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "value_usd": return leaf(\.valueUSD, rest)
        case "comparable_prices":
            guard rest.count == 1, let i = comparablePrices?.entries.firstIndex(where: { $0.name == rest.first! })
            else { return nil }
            return \.comparablePrices!.entries[i].usdPerGPUHour
        default: return nil
        }
    }
}

extension CohortSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<CohortSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "count": return leaf(\.count, rest)
        case "ramp_steepness": return leaf(\.rampSteepness, rest)
        case "spare_fraction": return leaf(\.spareFraction, rest)
        case "power_cap_fraction": return leaf(\.powerCapFraction, rest)
        case "workload": return inside(\.workload, rest)
        default: return nil
        }
    }
}

extension WorkloadSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<WorkloadSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "training_fraction": return leaf(\.trainingFraction, rest)
        case "training_utilization_fraction": return leaf(\.trainingUtilizationFraction, rest)
        case "training_concentration": return leaf(\.trainingConcentration, rest)
        case "training_intensity_fraction": return leaf(\.trainingIntensityFraction, rest)
        case "inference_utilization_fraction": return leaf(\.inferenceUtilizationFraction, rest)
        case "inference_concentration": return leaf(\.inferenceConcentration, rest)
        case "inference_intensity_fraction": return leaf(\.inferenceIntensityFraction, rest)
        case "inference_diurnal_amplitude_fraction": return leaf(\.inferenceDiurnalAmplitudeFraction, rest)
        case "training_board_power_fraction": return leaf(\.trainingBoardPowerFraction, rest)
        case "inference_board_power_fraction": return leaf(\.inferenceBoardPowerFraction, rest)
        default: return nil
        }
    }
}

extension HardwareSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<HardwareSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "tdp_w": return leaf(\.tdpW, rest)
        case "curve_utilization_fraction": return element(\.curveUtilizationFraction, rest)
        case "curve_power_fraction": return element(\.curvePowerFraction, rest)
        case "idle_bare_w": return leaf(\.idleBareW, rest)
        case "host_idle_w": return leaf(\.hostIdleW, rest)
        case "host_max_w": return leaf(\.hostMaxW, rest)
        case "network_w": return leaf(\.networkW, rest)
        case "storage_w": return leaf(\.storageW, rest)
        case "liquid_heat_fraction": return leaf(\.liquidHeatFraction, rest)
        case "embodied_gpu_kg": return leaf(\.embodiedGPUKg, rest)
        case "embodied_host_kg": return leaf(\.embodiedHostKg, rest)
        case "embodied_rack_network_kg": return leaf(\.embodiedRackNetworkKg, rest)
        case "useful_life_years": return leaf(\.usefulLifeYears, rest)
        case "annual_failure_rate": return leaf(\.annualFailureRate, rest)
        case "repair_time_hours": return leaf(\.repairTimeHours, rest)
        case "default_utilization_fraction": return leaf(\.defaultUtilizationFraction, rest)
        default: return nil
        }
    }
}

extension SiteSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<SiteSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "design_load_fraction": return leaf(\.designLoadFraction, rest)
        case "auxiliary_power_fraction": return leaf(\.auxiliaryPowerFraction, rest)
        case "water_stress_fraction": return leaf(\.waterStressFraction, rest)
        case "climate": return inside(\.climate, rest)
        case "cooling": return inside(\.cooling, rest)
        case "power_delivery": return inside(\.powerDelivery, rest)
        default: return nil
        }
    }
}

extension ClimateSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<ClimateSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "elevation_m": return leaf(\.elevationM, rest)
        case "dry_bulb_mean_c": return element(\.dryBulbMeanC, rest)
        case "daily_range_c": return element(\.dailyRangeC, rest)
        case "dew_point_mean_c": return element(\.dewPointMeanC, rest)
        case "daily_sd_c": return element(\.dailySdC, rest)
        case "dew_point_daily_sd_c": return element(\.dewPointDailySdC, rest)
        case "dew_point_correlation": return leaf(\.dewPointCorrelation, rest)
        default: return nil
        }
    }
}

extension CoolingSpec: InputAddressable {
    /// The numeric field of a cooling design at a scenario key (all optional: each design uses some).
    static func numericField(_ key: Substring) -> WritableKeyPath<CoolingSpec, Double?>? {
        switch key {
        case "pue": \.pue
        case "wue_l_per_kwh": \.wueLPerKwh
        case "liquid_supply_c": \.liquidSupplyC
        case "liquid_delta_t_c": \.liquidDeltaTC
        case "chilled_water_supply_c": \.chilledWaterSupplyC
        case "chilled_water_delta_t_c": \.chilledWaterDeltaTC
        case "approach_c": \.approachC
        case "hx_approach_c": \.hxApproachC
        case "condensing_approach_c": \.condensingApproachC
        case "evaporator_approach_c": \.evaporatorApproachC
        case "chiller_eta": \.chillerEta
        case "chiller_cop_max": \.chillerCopMax
        case "air_fan_power_fraction": \.airFanPowerFraction
        case "liquid_pump_power_fraction": \.liquidPumpPowerFraction
        case "heat_rejection_power_fraction": \.heatRejectionPowerFraction
        case "part_load_exponent": \.partLoadExponent
        case "min_speed_fraction": \.minSpeedFraction
        case "tower_liquid_gas_ratio": \.towerLiquidGasRatio
        case "cycles_of_concentration": \.cyclesOfConcentration
        case "drift_fraction": \.driftFraction
        case "tower_range_c": \.towerRangeC
        case "adiabatic_above_c": \.adiabaticAboveC
        case "adiabatic_effectiveness_fraction": \.adiabaticEffectivenessFraction
        case "dry_cooler_air_delta_t_c": \.dryCoolerAirDeltaTC
        case "approach_flow_exponent": \.approachFlowExponent
        case "chiller_units": \.chillerUnits
        case "supply_air_c": \.supplyAirC
        case "hall_air_delta_t_c": \.hallAirDeltaTC
        case "min_dew_point_c": \.minDewPointC
        default: nil
        }
    }

    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<CoolingSpec, Double>? {
        guard let head = path.first, let field = Self.numericField(head) else { return nil }
        return leaf(field, path.dropFirst())
    }
}

extension PowerDeliverySpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<PowerDeliverySpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "transformer": return inside(\.transformer, rest)
        case "ups": return inside(\.ups, rest)
        case "distribution": return inside(\.distribution, rest)
        case "transformer_capacity_ratio": return leaf(\.transformerCapacityRatio, rest)
        default: return nil
        }
    }
}

extension LossStage: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<LossStage, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "no_load_fraction": return leaf(\.noLoadFraction, rest)
        case "proportional_fraction": return leaf(\.proportionalFraction, rest)
        case "square_law_fraction": return leaf(\.squareLawFraction, rest)
        default: return nil
        }
    }
}

extension GridSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<GridSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "water_intensity_l_per_kwh": return leaf(\.waterIntensityLPerKwh, rest)
        case "carbon_intensity": return inside(\.carbonIntensity, rest)
        case "market": return inside(\.market, rest)
        case "price": return inside(\.price, rest)
        default: return nil
        }
    }
}

extension CarbonIntensitySpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<CarbonIntensitySpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "base_kg_per_kwh": return leaf(\.baseKgPerKwh, rest)
        case "annual_change": return leaf(\.annualChange, rest)
        case "monthly_shape": return element(\.monthlyShape, rest)
        case "hourly_shape": return element(\.hourlyShape, rest)
        case "long_run_marginal_kg_per_kwh": return leaf(\.longRunMarginalKgPerKwh, rest)
        default: return nil
        }
    }
}

extension MarketSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<MarketSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "carbon_free_fraction": return leaf(\.carbonFreeFraction, rest)
        case "residual_mix_kg_per_kwh": return leaf(\.residualMixKgPerKwh, rest)
        case "supply_hourly_shape": return element(\.supplyHourlyShape, rest)
        default: return nil
        }
    }
}

extension PriceSpec: InputAddressable {
    func inputKeyPath(_ path: ArraySlice<Substring>) -> WritableKeyPath<PriceSpec, Double>? {
        guard let head = path.first else { return nil }
        let rest = path.dropFirst()
        switch head {
        case "base_usd_per_kwh": return leaf(\.baseUsdPerKwh, rest)
        case "annual_escalation": return leaf(\.annualEscalation, rest)
        case "demand_share_fraction": return leaf(\.demandShareFraction, rest)
        case "reference_load_factor": return leaf(\.referenceLoadFactor, rest)
        case "capacity_adder_usd_per_kw_month": return leaf(\.capacityAdderUsdPerKwMonth, rest)
        case "ppa_usd_per_kwh": return leaf(\.ppaUsdPerKwh, rest)
        case "ppa_annual_escalation": return leaf(\.ppaAnnualEscalation, rest)
        case "wholesale_usd_per_kwh": return leaf(\.wholesaleUsdPerKwh, rest)
        case "wholesale_annual_escalation": return leaf(\.wholesaleAnnualEscalation, rest)
        default: return nil
        }
    }
}

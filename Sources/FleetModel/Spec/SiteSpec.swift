/// A data-centre site: climate, cooling design, power delivery, grid.
///
/// Numbers are in the canonical unit named by each key's suffix (the loader converts
/// the unit written in the file). Type-specific cooling fields are optional and
/// required by `validate()` for the cooling types that use them.
public struct SiteSpec: Codable, Sendable, Identified {
    public var id: String = ""
    public var name: String
    /// Grid id, a key of `FleetSpec.grids`.
    public var grid: String
    /// Local standard time minus UTC, hours (−5 for Virginia); shifts the
    /// typical-year weather and the grid's hourly shape onto the UTC term calendar.
    public var utcOffsetHours: Int
    /// Peak IT power as a share of the IT capacity commissioned for it; sets the
    /// part-load point of fans, pumps, UPS and transformers.
    public var designLoadFraction: Double
    public var climate: ClimateSpec
    public var cooling: CoolingSpec
    public var powerDelivery: PowerDeliverySpec
    /// Site loads outside IT, cooling and delivery (lighting, controls, security, generator
    /// block heaters), as a share of the commissioned IT capacity; nil = none.
    public var auxiliaryPowerFraction: Double?
    /// WRI Aqueduct baseline water stress of the site's catchment (withdrawals over available
    /// renewable supply, capped at 1), weighting the on-site water consumed; nil = not weighted.
    public var waterStressFraction: Double?

    public init(id: String = "", name: String, grid: String, utcOffsetHours: Int, designLoadFraction: Double,
                climate: ClimateSpec, cooling: CoolingSpec, powerDelivery: PowerDeliverySpec) {
        self.id = id; self.name = name; self.grid = grid; self.utcOffsetHours = utcOffsetHours
        self.designLoadFraction = designLoadFraction
        self.climate = climate; self.cooling = cooling; self.powerDelivery = powerDelivery
    }

    enum CodingKeys: String, CodingKey {
        case name, grid, climate, cooling
        case utcOffsetHours = "utc_offset_hours"
        case designLoadFraction = "design_load_fraction"
        case powerDelivery = "power_delivery"
        case auxiliaryPowerFraction = "auxiliary_power_fraction"
        case waterStressFraction = "water_stress_fraction"
    }
}

/// A site's climate: monthly normals from which the typical year is synthesised,
/// or a standard hourly weather file (TMY3 CSV or EnergyPlus EPW) that replaces them.
public struct ClimateSpec: Codable, Sendable, Hashable {
    /// Weather station the normals describe, for reports.
    public var station: String
    /// Path of a TMY3 (.csv) or EPW (.epw) file; when set, the normals are not used for weather.
    public var weatherFile: String?
    /// Site elevation, m (sets the barometric pressure of the psychrometric equations).
    public var elevationM: Double
    /// Monthly mean temperature as NOAA normals define it, (mean daily max + mean daily min)/2,
    /// of each calendar month (January first), °C.
    public var dryBulbMeanC: [Double]
    /// Mean daily range (mean daily maximum − mean daily minimum) of each month, K.
    public var dailyRangeC: [Double]
    /// Mean dew-point temperature of each month, °C.
    public var dewPointMeanC: [Double]
    /// Standard deviation of daily-mean dry bulb about its 31-day running mean
    /// (day-to-day weather), each month, K.
    public var dailySdC: [Double]
    /// The same for dew point, each month, K.
    public var dewPointDailySdC: [Double]
    /// Correlation of the day-to-day dew-point and dry-bulb departures, −1…1.
    public var dewPointCorrelation: Double

    public init(station: String, weatherFile: String? = nil, elevationM: Double, dryBulbMeanC: [Double],
                dailyRangeC: [Double], dewPointMeanC: [Double], dailySdC: [Double],
                dewPointDailySdC: [Double], dewPointCorrelation: Double) {
        self.station = station; self.weatherFile = weatherFile; self.elevationM = elevationM
        self.dryBulbMeanC = dryBulbMeanC; self.dailyRangeC = dailyRangeC; self.dewPointMeanC = dewPointMeanC
        self.dailySdC = dailySdC; self.dewPointDailySdC = dewPointDailySdC
        self.dewPointCorrelation = dewPointCorrelation
    }

    enum CodingKeys: String, CodingKey {
        case station
        case weatherFile = "weather_file"
        case elevationM = "elevation_m"
        case dryBulbMeanC = "dry_bulb_mean_c"
        case dailyRangeC = "daily_range_c"
        case dewPointMeanC = "dew_point_mean_c"
        case dailySdC = "daily_sd_c"
        case dewPointDailySdC = "dew_point_daily_sd_c"
        case dewPointCorrelation = "dew_point_correlation"
    }
}

/// The cooling design of a site (`type` picks the model; see docs/METHODS.md).
public struct CoolingSpec: Codable, Sendable, Hashable {
    /// "irhx-outside-air", "liquid-tower", "liquid-dry-cooler", "air-chiller-economizer" or "fixed-pue".
    public var type: CoolingType
    /// The named design of models/cooling.yaml these values start from, nil: written in full.
    public var design: String?
    /// fixed-pue: the constant PUE.
    public var pue: Double?
    /// fixed-pue: on-site water per kWh of IT energy, L/kWh (The Green Grid WUE).
    public var wueLPerKwh: Double?
    /// Facility-water supply temperature to the direct-to-chip CDUs, °C (ASHRAE W-class).
    public var liquidSupplyC: Double?
    /// Temperature rise of the facility water across the CDUs, K.
    public var liquidDeltaTC: Double?
    /// Chilled-water supply temperature to the air handlers (CRAH), °C.
    public var chilledWaterSupplyC: Double?
    /// Chilled-water temperature rise across the air handlers, K.
    public var chilledWaterDeltaTC: Double?
    /// Approach of the heat-rejection device: tower water above wet bulb, or
    /// dry-cooler fluid above dry bulb, K.
    public var approachC: Double?
    /// Approach of the economizer heat exchanger between heat-rejection and building loops, K.
    public var hxApproachC: Double?
    /// Refrigerant condensing temperature above the heat-sink temperature (range + condenser approach), K.
    public var condensingApproachC: Double?
    /// Refrigerant evaporating temperature below the chilled supply, K.
    public var evaporatorApproachC: Double?
    /// Chiller second-law efficiency η: COP / Carnot COP, dimensionless.
    public var chillerEta: Double?
    /// Upper bound on chiller COP at small lifts, dimensionless.
    public var chillerCopMax: Double?
    /// Air-handler fan power at design heat load, per W of heat.
    public var airFanPowerFraction: Double?
    /// CDU and facility-water pump power at design liquid heat load, per W of heat.
    public var liquidPumpPowerFraction: Double?
    /// Tower or dry-cooler fans plus condenser pumps at design heat rejection, per W rejected.
    public var heatRejectionPowerFraction: Double?
    /// Exponent n of fan/pump power versus flow, P ∝ (Q/Q_design)^n.
    public var partLoadExponent: Double?
    /// Minimum fan/pump speed as a share of design flow (the floor of the affinity law).
    public var minSpeedFraction: Double?
    /// Tower water over air mass flow at design, L/G (sets the air's enthalpy rise and so the
    /// share of the heat that leaves by evaporation in each hour's weather).
    public var towerLiquidGasRatio: Double?
    /// Cycles of concentration of the tower water (blowdown = evaporation / (N − 1)).
    public var cyclesOfConcentration: Double?
    /// Drift loss as a share of circulating water.
    public var driftFraction: Double?
    /// Temperature drop of tower water across the tower (range), K (sets circulation for drift).
    public var towerRangeC: Double?
    /// liquid-dry-cooler: dry bulb above which adiabatic (evaporative) pre-cooling runs, °C.
    public var adiabaticAboveC: Double?
    /// liquid-dry-cooler: saturation effectiveness of the adiabatic pads.
    public var adiabaticEffectivenessFraction: Double?
    /// liquid-dry-cooler: air temperature rise across the dry-cooler coil at design, K.
    public var dryCoolerAirDeltaTC: Double?
    /// Exponent m of the air-side heat-transfer coefficient versus air velocity (h ∝ V^m):
    /// a coil's approach at load ratio x with fans at speed max(x, x_min) is a·x·max(x, x_min)^(−m).
    public var approachFlowExponent: Double?
    /// Identical chillers the trim plant is staged over (each runs at the plant's load / running units).
    public var chillerUnits: Double?
    /// irhx: hall supply-air set point, °C (outside air is used up to the return temperature).
    public var supplyAirC: Double?
    /// irhx: air temperature rise across the racks and in-row coils at design, K.
    public var hallAirDeltaTC: Double?
    /// irhx: lowest supply dew point the hall is held at (the evaporative media humidify
    /// drier outside air up to it), °C; nil = no humidification.
    public var minDewPointC: Double?

    public init(type: CoolingType) { self.type = type }

    enum CodingKeys: String, CodingKey {
        case type, design, pue
        case wueLPerKwh = "wue_l_per_kwh"
        case liquidSupplyC = "liquid_supply_c"
        case liquidDeltaTC = "liquid_delta_t_c"
        case chilledWaterSupplyC = "chilled_water_supply_c"
        case chilledWaterDeltaTC = "chilled_water_delta_t_c"
        case approachC = "approach_c"
        case hxApproachC = "hx_approach_c"
        case condensingApproachC = "condensing_approach_c"
        case evaporatorApproachC = "evaporator_approach_c"
        case chillerEta = "chiller_eta"
        case chillerCopMax = "chiller_cop_max"
        case airFanPowerFraction = "air_fan_power_fraction"
        case liquidPumpPowerFraction = "liquid_pump_power_fraction"
        case heatRejectionPowerFraction = "heat_rejection_power_fraction"
        case partLoadExponent = "part_load_exponent"
        case minSpeedFraction = "min_speed_fraction"
        case towerLiquidGasRatio = "tower_liquid_gas_ratio"
        case cyclesOfConcentration = "cycles_of_concentration"
        case driftFraction = "drift_fraction"
        case towerRangeC = "tower_range_c"
        case adiabaticAboveC = "adiabatic_above_c"
        case adiabaticEffectivenessFraction = "adiabatic_effectiveness_fraction"
        case dryCoolerAirDeltaTC = "dry_cooler_air_delta_t_c"
        case approachFlowExponent = "approach_flow_exponent"
        case chillerUnits = "chiller_units"
        case supplyAirC = "supply_air_c"
        case hallAirDeltaTC = "hall_air_delta_t_c"
        case minDewPointC = "min_dew_point_c"
    }
}

/// The cooling designs the model knows.
public enum CoolingType: String, Codable, Sendable, Hashable, CaseIterable {
    /// Direct-to-chip liquid, cooling towers, trim chiller; air share by CRAH + chilled water.
    case liquidTower = "liquid-tower"
    /// Direct-to-chip liquid, dry coolers (optional adiabatic trim), trim chiller.
    case liquidDryCooler = "liquid-dry-cooler"
    /// Air-cooled halls: CRAH, water-cooled chillers, waterside economizer, towers.
    case airChillerEconomizer = "air-chiller-economizer"
    /// AWS In-Row Heat Exchanger: cold-plate loop → in-row liquid-to-air coil → hall air →
    /// outside-air economizer with direct evaporative assist → DX trim.
    case irhx = "irhx-outside-air"
    /// A constant PUE and WUE.
    case fixedPUE = "fixed-pue"

    /// One line on the design, for listings.
    public var summary: String {
        switch self {
        case .liquidTower: "Direct-to-chip liquid, cooling towers, trim chiller; air share by CRAH"
        case .liquidDryCooler: "Direct-to-chip liquid, dry coolers with adiabatic trim, trim chiller"
        case .airChillerEconomizer: "Air-cooled halls: CRAH, water-cooled chillers, waterside economizer, towers"
        case .irhx: "AWS IRHX: cold plates → in-row liquid-to-air coils → hall air → outside air, evaporative assist, DX trim"
        case .fixedPUE: "A constant PUE and WUE (the simple option)"
        }
    }

    /// True when the liquid loop's heat ends in the hall air (in-row liquid-to-air coils).
    public var liquidToHallAir: Bool { self == .irhx }

    /// True when heat leaves through evaporative towers.
    public var usesTowers: Bool { self == .liquidTower || self == .airChillerEconomizer }
}

/// Electrical losses between the utility meter and the IT equipment.
///
/// Each stage loses L = C·(a₀ + a₁·x + a₂·x²) with x = P/C its load over its capacity C
/// (no-load, proportional and square-law terms; Rasmussen, APC White Paper 113).
public struct PowerDeliverySpec: Codable, Sendable, Hashable {
    /// Medium-voltage transformers and switchgear, carrying IT + cooling.
    public var transformer: LossStage
    /// UPS, carrying the IT path.
    public var ups: LossStage
    /// PDUs, busway and cabling after the UPS.
    public var distribution: LossStage
    /// Transformer capacity over the commissioned IT capacity, dimensionless.
    public var transformerCapacityRatio: Double

    public init(transformer: LossStage, ups: LossStage, distribution: LossStage, transformerCapacityRatio: Double) {
        self.transformer = transformer; self.ups = ups; self.distribution = distribution
        self.transformerCapacityRatio = transformerCapacityRatio
    }

    enum CodingKeys: String, CodingKey {
        case transformer, ups, distribution
        case transformerCapacityRatio = "transformer_capacity_ratio"
    }
}

/// One stage's loss coefficients, each a share of the stage's rated capacity.
public struct LossStage: Codable, Sendable, Hashable {
    /// a₀: loss at zero load.
    public var noLoadFraction: Double
    /// a₁: loss proportional to load.
    public var proportionalFraction: Double
    /// a₂: loss proportional to load squared (I²R), at full load.
    public var squareLawFraction: Double

    public init(noLoadFraction: Double, proportionalFraction: Double, squareLawFraction: Double) {
        self.noLoadFraction = noLoadFraction; self.proportionalFraction = proportionalFraction
        self.squareLawFraction = squareLawFraction
    }

    /// Loss, in the unit of `capacity`, at load `load`.
    @inline(__always)
    public func loss(load: Double, capacity: Double) -> Double {
        guard capacity > 0 else { return 0 }
        let x = load / capacity
        return capacity * (noLoadFraction + x * (proportionalFraction + x * squareLawFraction))
    }

    enum CodingKeys: String, CodingKey {
        case noLoadFraction = "no_load_fraction"
        case proportionalFraction = "proportional_fraction"
        case squareLawFraction = "square_law_fraction"
    }
}

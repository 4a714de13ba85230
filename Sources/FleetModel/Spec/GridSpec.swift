/// An electricity grid: carbon intensity (location-based, market-based, long-run marginal),
/// the delivered tariff and PPA settlement, and the water consumed to generate its electricity.
public struct GridSpec: Codable, Sendable, Identified {
    public var id: String = ""
    public var name: String
    public var carbonIntensity: CarbonIntensitySpec
    public var market: MarketSpec
    public var price: PriceSpec
    /// Water consumed (evaporated) per kWh generated, L/kWh (off-site water of the data centre).
    public var waterIntensityLPerKwh: Double

    public init(id: String = "", name: String, carbonIntensity: CarbonIntensitySpec, market: MarketSpec,
                price: PriceSpec, waterIntensityLPerKwh: Double) {
        self.id = id; self.name = name; self.carbonIntensity = carbonIntensity; self.market = market
        self.price = price; self.waterIntensityLPerKwh = waterIntensityLPerKwh
    }

    enum CodingKeys: String, CodingKey {
        case name, market, price
        case carbonIntensity = "carbon_intensity"
        case waterIntensityLPerKwh = "water_intensity_l_per_kwh"
    }
}

/// Location-based carbon intensity: an annual mean, its monthly and hourly shapes,
/// and a trajectory.
///
/// CI(t) = base · m[month]/mean(m) · s[hour]/mean(s) · (1 + annual_change)^(t − base_year − 0.5),
/// t in fractional calendar years.
public struct CarbonIntensitySpec: Codable, Sendable, Hashable {
    /// Annual mean of the base year, kg CO2e/kWh.
    public var baseKgPerKwh: Double
    /// Calendar year the base value describes.
    public var baseYear: Int
    /// Relative change per year (−0.03 = 3 % lower each year), 1/year.
    public var annualChange: Double
    /// Relative intensity of each calendar month (normalised to mean 1 by the model).
    public var monthlyShape: [Double]
    /// Relative intensity of each local hour of the day (normalised to mean 1 by the model).
    public var hourlyShape: [Double]
    /// Long-run marginal emission rate of new load in the region, levelized over the term,
    /// kg CO2e/kWh (NREL Cambium LRMER); nil = not reported.
    public var longRunMarginalKgPerKwh: Double?

    public init(baseKgPerKwh: Double, baseYear: Int, annualChange: Double, monthlyShape: [Double], hourlyShape: [Double],
                longRunMarginalKgPerKwh: Double? = nil) {
        self.baseKgPerKwh = baseKgPerKwh; self.baseYear = baseYear; self.annualChange = annualChange
        self.monthlyShape = monthlyShape; self.hourlyShape = hourlyShape
        self.longRunMarginalKgPerKwh = longRunMarginalKgPerKwh
    }

    enum CodingKeys: String, CodingKey {
        case baseKgPerKwh = "base_kg_per_kwh"
        case baseYear = "base_year"
        case annualChange = "annual_change"
        case monthlyShape = "monthly_shape"
        case hourlyShape = "hourly_shape"
        case longRunMarginalKgPerKwh = "long_run_marginal_kg_per_kwh"
    }
}

/// Market-based accounting (GHG Protocol Scope 2 Guidance, 2015, ch. 6): contracted
/// carbon-free energy (PPAs, certificates) at its own factor, 0, and the rest at the published
/// residual mix of the grid region.
public struct MarketSpec: Codable, Sendable, Hashable {
    /// Share of the consumption covered by contracted carbon-free energy (PPAs, virtual PPAs with
    /// their certificates, unbundled certificates); also the volume the virtual PPAs settle (§7).
    public var carbonFreeFraction: Double
    /// Residual-mix emission rate of the region in `residualMixYear`, kg CO2e/kWh
    /// (Green-e Energy Residual Mix by eGRID subregion); it follows the location-based trajectory.
    public var residualMixKgPerKwh: Double
    /// Data year of the residual-mix rate.
    public var residualMixYear: Int
    /// Hourly (24/7) matching: the contracted supply's shape by local hour (normalised to mean 1).
    /// When set, contracted carbon-free energy counts only up to each hour's consumption; nil =
    /// annual matching (the Scope 2 Guidance's default).
    public var supplyHourlyShape: [Double]?

    public init(carbonFreeFraction: Double, residualMixKgPerKwh: Double, residualMixYear: Int,
                supplyHourlyShape: [Double]? = nil) {
        self.carbonFreeFraction = carbonFreeFraction; self.residualMixKgPerKwh = residualMixKgPerKwh
        self.residualMixYear = residualMixYear; self.supplyHourlyShape = supplyHourlyShape
    }

    enum CodingKeys: String, CodingKey {
        case carbonFreeFraction = "carbon_free_fraction"
        case residualMixKgPerKwh = "residual_mix_kg_per_kwh"
        case residualMixYear = "residual_mix_year"
        case supplyHourlyShape = "supply_hourly_shape"
    }
}

/// Electricity price: a delivered tariff (volumetric energy and delivery charges plus demand
/// and capacity charges on the site's monthly peak) and the settlement of virtual PPAs against
/// the wholesale price. Each price escalates from the year it describes.
public struct PriceSpec: Codable, Sendable, Hashable {
    /// All-in average delivered price of the base year (energy, transmission, distribution,
    /// capacity and demand charges over kWh) for the reference load factor, USD/kWh.
    public var baseUsdPerKwh: Double
    public var baseYear: Int
    /// Nominal escalation of the delivered tariff, 1/year.
    public var annualEscalation: Double
    /// Share of the average bill collected by demand (kW) charges at the reference load factor.
    public var demandShareFraction: Double
    /// Load factor (average / peak) of the customers the average price describes.
    public var referenceLoadFactor: Double
    /// Capacity charge not in the base year's average (a capacity-market price rise), USD per kW
    /// of monthly peak per month.
    public var capacityAdderUsdPerKwMonth: Double
    /// Virtual-PPA strike price, USD/kWh, in `ppaBaseYear`.
    public var ppaUsdPerKwh: Double
    /// Calendar year of `ppaUsdPerKwh`.
    public var ppaBaseYear: Int
    /// Nominal escalation of the strike price, 1/year.
    public var ppaAnnualEscalation: Double
    /// Average wholesale (real-time hub or zone) price the virtual PPAs settle against, USD/kWh.
    public var wholesaleUsdPerKwh: Double
    /// Calendar year of `wholesaleUsdPerKwh`.
    public var wholesaleBaseYear: Int
    /// Nominal escalation of the wholesale price, 1/year.
    public var wholesaleAnnualEscalation: Double

    public init(baseUsdPerKwh: Double, baseYear: Int, annualEscalation: Double, demandShareFraction: Double = 0,
                referenceLoadFactor: Double = 1, capacityAdderUsdPerKwMonth: Double = 0,
                ppaUsdPerKwh: Double = 0, ppaBaseYear: Int? = nil, ppaAnnualEscalation: Double = 0,
                wholesaleUsdPerKwh: Double = 0, wholesaleBaseYear: Int? = nil, wholesaleAnnualEscalation: Double = 0) {
        self.baseUsdPerKwh = baseUsdPerKwh; self.baseYear = baseYear; self.annualEscalation = annualEscalation
        self.demandShareFraction = demandShareFraction; self.referenceLoadFactor = referenceLoadFactor
        self.capacityAdderUsdPerKwMonth = capacityAdderUsdPerKwMonth
        self.ppaUsdPerKwh = ppaUsdPerKwh; self.ppaBaseYear = ppaBaseYear ?? baseYear
        self.ppaAnnualEscalation = ppaAnnualEscalation
        self.wholesaleUsdPerKwh = wholesaleUsdPerKwh; self.wholesaleBaseYear = wholesaleBaseYear ?? baseYear
        self.wholesaleAnnualEscalation = wholesaleAnnualEscalation
    }

    enum CodingKeys: String, CodingKey {
        case baseUsdPerKwh = "base_usd_per_kwh"
        case baseYear = "base_year"
        case annualEscalation = "annual_escalation"
        case demandShareFraction = "demand_share_fraction"
        case referenceLoadFactor = "reference_load_factor"
        case capacityAdderUsdPerKwMonth = "capacity_adder_usd_per_kw_month"
        case ppaUsdPerKwh = "ppa_usd_per_kwh"
        case ppaBaseYear = "ppa_base_year"
        case ppaAnnualEscalation = "ppa_annual_escalation"
        case wholesaleUsdPerKwh = "wholesale_usd_per_kwh"
        case wholesaleBaseYear = "wholesale_base_year"
        case wholesaleAnnualEscalation = "wholesale_annual_escalation"
    }
}

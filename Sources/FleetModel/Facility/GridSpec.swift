/// An electricity grid: carbon intensity (location- and market-based), prices,
/// and the water consumed to generate its electricity.
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

    public init(baseKgPerKwh: Double, baseYear: Int, annualChange: Double, monthlyShape: [Double], hourlyShape: [Double]) {
        self.baseKgPerKwh = baseKgPerKwh; self.baseYear = baseYear; self.annualChange = annualChange
        self.monthlyShape = monthlyShape; self.hourlyShape = hourlyShape
    }

    enum CodingKeys: String, CodingKey {
        case baseKgPerKwh = "base_kg_per_kwh"
        case baseYear = "base_year"
        case annualChange = "annual_change"
        case monthlyShape = "monthly_shape"
        case hourlyShape = "hourly_shape"
    }
}

/// Market-based accounting (GHG Protocol Scope 2 guidance): contracted carbon-free
/// energy counts as zero; the rest carries the residual mix.
public struct MarketSpec: Codable, Sendable, Hashable {
    /// Share of the consumption covered by PPAs or unbundled certificates.
    public var carbonFreeFraction: Double
    /// Residual-mix intensity over the location-based intensity, dimensionless.
    public var residualMixFactor: Double

    public init(carbonFreeFraction: Double, residualMixFactor: Double) {
        self.carbonFreeFraction = carbonFreeFraction; self.residualMixFactor = residualMixFactor
    }

    enum CodingKeys: String, CodingKey {
        case carbonFreeFraction = "carbon_free_fraction"
        case residualMixFactor = "residual_mix_factor"
    }
}

/// Electricity price: a utility tariff with escalation, blended with a PPA price.
public struct PriceSpec: Codable, Sendable, Hashable {
    /// Average utility price in the base year, USD/kWh.
    public var baseUsdPerKwh: Double
    public var baseYear: Int
    /// Nominal escalation of the utility price, 1/year.
    public var annualEscalation: Double
    /// Share of the energy bought under a physical or virtual PPA.
    public var ppaFraction: Double
    /// PPA price in the base year, USD/kWh.
    public var ppaUsdPerKwh: Double
    /// Nominal escalation of the PPA price, 1/year.
    public var ppaAnnualEscalation: Double

    public init(baseUsdPerKwh: Double, baseYear: Int, annualEscalation: Double, ppaFraction: Double,
                ppaUsdPerKwh: Double, ppaAnnualEscalation: Double) {
        self.baseUsdPerKwh = baseUsdPerKwh; self.baseYear = baseYear; self.annualEscalation = annualEscalation
        self.ppaFraction = ppaFraction; self.ppaUsdPerKwh = ppaUsdPerKwh; self.ppaAnnualEscalation = ppaAnnualEscalation
    }

    enum CodingKeys: String, CodingKey {
        case baseUsdPerKwh = "base_usd_per_kwh"
        case baseYear = "base_year"
        case annualEscalation = "annual_escalation"
        case ppaFraction = "ppa_fraction"
        case ppaUsdPerKwh = "ppa_usd_per_kwh"
        case ppaAnnualEscalation = "ppa_annual_escalation"
    }
}

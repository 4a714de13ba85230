/// Per-site and per-cohort figures, for reports and charts: at base values, except each
/// site's `monthly`, which carries the sampled statistics when the run sampled.
public struct Breakdown: Codable, Sendable, Hashable {
    public var sites: [Site]
    public var cohorts: [Cohort]

    public init(sites: [Site], cohorts: [Cohort]) { self.sites = sites; self.cohorts = cohorts }

    /// The metrics reported per site and month (`Site.monthly`): energy, water and carbon.
    public static let siteMetrics: [Metric] = [
        .itEnergy, .facilityEnergy, .waterOnsite, .waterOffsite, .carbonLocation, .carbonMarket,
    ]

    public struct Site: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        /// The cooling design, for example "liquid-tower" or "air-chiller-economizer".
        public var cooling: String
        public var grid: String
        /// Whole-term totals of the additive metrics and the site's PUE.
        public var totals: [Metric: Double]
        /// Energy-weighted PUE of each month of the term (same order as `monthly`);
        /// nil (JSON null) for a month in which the site carries no IT load, where PUE is undefined.
        public var monthlyPUE: [Double?]
        /// Mean dry-bulb and wet-bulb temperature of each calendar month, °C.
        public var monthlyDryBulbC: [Double]
        public var monthlyWetBulbC: [Double]
        /// The site's energy, water and carbon (`Breakdown.siteMetrics`) for each month of the term
        /// (same order as the result's `monthly`), with their statistics when the run sampled.
        public var monthly: [FleetResult.PeriodStats]?

        public init(id: String, name: String, cooling: String, grid: String, totals: [Metric: Double],
                    monthlyPUE: [Double?], monthlyDryBulbC: [Double], monthlyWetBulbC: [Double],
                    monthly: [FleetResult.PeriodStats]? = nil) {
            self.id = id; self.name = name; self.cooling = cooling; self.grid = grid
            self.totals = totals; self.monthlyPUE = monthlyPUE
            self.monthlyDryBulbC = monthlyDryBulbC; self.monthlyWetBulbC = monthlyWetBulbC
            self.monthly = monthly
        }

        enum CodingKeys: String, CodingKey {
            case id, name, cooling, grid, totals, monthly
            case monthlyPUE = "monthly_pue"
            case monthlyDryBulbC = "monthly_dry_bulb_c"
            case monthlyWetBulbC = "monthly_wet_bulb_c"
        }
    }

    public struct Cohort: Codable, Sendable, Hashable {
        public var id: String
        /// Catalog id of the accelerator or server.
        public var hardware: String
        public var site: String
        /// `gpu` (units are GPUs) or `cpu-server` (units are servers); nil in older results.
        public var kind: String?
        /// Units installed at the end of each month of the term, rounded to whole units.
        public var monthlyInstalled: [Double]
        public var itEnergyMWh: Double
        public var embodiedTCO2e: Double

        public init(id: String, hardware: String, site: String, monthlyInstalled: [Double],
                    itEnergyMWh: Double, embodiedTCO2e: Double) {
            self.id = id; self.hardware = hardware; self.site = site
            self.monthlyInstalled = monthlyInstalled
            self.itEnergyMWh = itEnergyMWh; self.embodiedTCO2e = embodiedTCO2e
        }

        enum CodingKeys: String, CodingKey {
            case id, hardware, site, kind
            case monthlyInstalled = "monthly_installed"
            case itEnergyMWh = "it_energy_mwh"
            case embodiedTCO2e = "embodied_tco2e"
        }
    }
}

/// Per-site and per-cohort figures at base values, for reports and charts.
public struct Breakdown: Codable, Sendable, Hashable {
    public var sites: [Site]
    public var cohorts: [Cohort]

    public init(sites: [Site], cohorts: [Cohort]) { self.sites = sites; self.cohorts = cohorts }

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

        public init(id: String, name: String, cooling: String, grid: String, totals: [Metric: Double],
                    monthlyPUE: [Double?], monthlyDryBulbC: [Double], monthlyWetBulbC: [Double]) {
            self.id = id; self.name = name; self.cooling = cooling; self.grid = grid
            self.totals = totals; self.monthlyPUE = monthlyPUE
            self.monthlyDryBulbC = monthlyDryBulbC; self.monthlyWetBulbC = monthlyWetBulbC
        }

        enum CodingKeys: String, CodingKey {
            case id, name, cooling, grid, totals
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
        /// Units installed at the end of each month of the term.
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
            case id, hardware, site
            case monthlyInstalled = "monthly_installed"
            case itEnergyMWh = "it_energy_mwh"
            case embodiedTCO2e = "embodied_tco2e"
        }
    }
}

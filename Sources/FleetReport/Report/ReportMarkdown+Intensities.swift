import FleetModel

extension ReportMarkdown.Builder {
    /// The intensities users compare with other fleets, at base, from the metrics' own totals:
    /// kWh per GPU-hour (facility energy ÷ GPU-hours), g CO₂e per kWh (location-based carbon ÷
    /// facility energy), L per kWh (on-site water ÷ facility energy), USD per MWh (cost ÷ facility energy).
    /// Nil when a row lacks the numerator or the energy.
    static func intensities(_ v: [Metric: Stats]) -> [Double?] {
        func ratio(_ n: Metric, _ d: Metric, _ factor: Double) -> Double? {
            guard let a = v[n]?.base, let b = v[d]?.base, b > 0 else { return nil }
            return a / b * factor
        }
        return [ratio(.facilityEnergy, .gpuHours, 1000),        // MWh → kWh
                ratio(.carbonLocation, .facilityEnergy, 1000),   // t/MWh → g/kWh
                ratio(.waterOnsite, .facilityEnergy, 1),         // m³/MWh = L/kWh
                ratio(.electricityCost, .facilityEnergy, 1)]     // USD/MWh
    }

    /// A table of the intensities over the term and by calendar year, at base.
    mutating func intensities() {
        guard r.totals[.facilityEnergy] != nil else { return }
        para("**Intensities.** The ratios users compare with other fleets, over the term and by calendar year, for the base case "
             + "(a ratio of two medians is not the median of the ratio). Carbon is location-based, water is on-site withdrawal.")
        let cell = { (v: Double?) in v.map { NumberFormat.human($0, significant: 3) } ?? "" }
        let rows = [["Term"] + Self.intensities(r.totals).map(cell)]
            + r.annual.map { [$0.period] + Self.intensities($0.values).map(cell) }
        table(TextTable(headers: ["Period", "kWh per GPU-hour", "g CO₂e per kWh", "L per kWh", "USD per MWh"],
                        alignments: [.left, .right, .right, .right, .right], rows: rows))
    }
}

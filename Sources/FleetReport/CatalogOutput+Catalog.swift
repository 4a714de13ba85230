import FleetModel

extension CatalogOutput {
    /// The catalog listing of `fleetwatt catalog`: every hardware entry, site, cooling type
    /// and grid of a models source, with headline properties (units in their names) and sources.
    public init(catalog: Catalog) throws {
        func source(_ section: Catalog.Section, _ id: String, _ field: String) throws -> String {
            let path = "\(section.rawValue).\(id).\(field)"
            return try catalog.parameters(section, id: id).first { $0.path == path }?.source ?? ""
        }
        let hardware = try catalog.hardware.map { entry in
            let h = try catalog.decode(HardwareSpec.self, .hardware, id: entry.id)
            return Entry(id: h.id, name: h.name, kind: h.kind.rawValue, properties: [
                "tdp_w": h.tdpW, "idle_context_w": h.idleContextW, "host_max_w": h.hostMaxW,
                "network_w": h.networkW, "storage_w": h.storageW, "embodied_kg": h.embodiedKg,
                "embodied_gpu_kg": h.embodiedGPUKg, "embodied_host_kg": h.embodiedHostKg,
                "embodied_rack_network_kg": h.embodiedRackNetworkKg,
                "useful_life_years": h.usefulLifeYears, "liquid_heat_fraction": h.liquidHeatFraction,
            ], source: try source(.hardware, h.id, "tdp_w"))
        }
        let sites = try catalog.sites.map { entry in
            let s = try catalog.decode(SiteSpec.self, .sites, id: entry.id)
            let annualMean = s.climate.dryBulbMeanC.reduce(0, +) / Double(max(1, s.climate.dryBulbMeanC.count))
            var props = ["annual_mean_dry_bulb_c": annualMean, "elevation_m": s.climate.elevationM]
            if let w = s.waterStressFraction { props["water_stress_fraction"] = w }
            return Entry(id: s.id, name: s.name, kind: s.cooling.type.rawValue,
                         properties: props,
                         source: "\(s.climate.station): \(try source(.sites, s.id, "climate.dry_bulb_mean_c"))")
        }
        let grids = try catalog.grids.map { entry in
            let g = try catalog.decode(GridSpec.self, .grids, id: entry.id)
            return Entry(id: g.id, name: g.name, kind: nil, properties: [
                "carbon_intensity_kg_per_kwh": g.carbonIntensity.baseKgPerKwh,
                "price_usd_per_kwh": g.price.baseUsdPerKwh,
                "water_intensity_l_per_kwh": g.waterIntensityLPerKwh,
                "carbon_free_fraction": g.market.carbonFreeFraction,
                "residual_mix_kg_per_kwh": g.market.residualMixKgPerKwh,
            ].merging(g.carbonIntensity.longRunMarginalKgPerKwh.map { ["long_run_marginal_kg_per_kwh": $0] } ?? [:]) { a, _ in a },
            source: try source(.grids, g.id, "carbon_intensity.base_kg_per_kwh"))
        }
        let cooling = CoolingType.allCases.map {
            Entry(id: $0.rawValue, name: $0.summary, kind: nil, properties: [:], source: "docs/METHODS.md, cooling")
        }
        self.init(hardware: hardware, sites: sites, coolingTypes: cooling, grids: grids)
    }
}

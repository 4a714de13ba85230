import Testing
@testable import FleetModel

@Suite("FacilitySpec")
struct FacilitySpecTests {
    @Test("Shipped sites and grids decode and validate clean", arguments: FacilityFixtures.siteIDs)
    func shippedSite(id: String) throws {
        let s = try FacilityFixtures.site(id)
        let issues = s.validate(knownGrids: FacilityFixtures.gridIDs)
        #expect(issues.isEmpty, "\(issues)")
        #expect(s.climate.dryBulbMeanC.count == 12)
    }

    @Test("Shipped grids validate clean", arguments: FacilityFixtures.gridIDs)
    func shippedGrid(id: String) throws {
        let g = try FacilityFixtures.grid(id)
        #expect(g.validate().isEmpty, "\(g.validate())")
    }

    @Test("Bad facility inputs are reported with their paths")
    func badInputs() throws {
        var s = try FacilityFixtures.site("us-east-1")
        s.grid = "nowhere"
        s.cooling.supplyAirC = 50
        s.cooling.chillerEta = 1.2
        s.climate.dryBulbMeanC[6] = 80
        s.designLoadFraction = 1.5
        s.powerDelivery.ups.noLoadFraction = -0.1
        let paths = Set(s.validate(knownGrids: FacilityFixtures.gridIDs).map(\.path))
        #expect(paths == ["sites.us-east-1.grid", "sites.us-east-1.cooling.supply_air_c", "sites.us-east-1.cooling.chiller_eta",
                          "sites.us-east-1.climate.dry_bulb_mean_c.6", "sites.us-east-1.design_load_fraction",
                          "sites.us-east-1.power_delivery.ups.no_load_fraction"])
        var fixed = CoolingSpec(type: .fixedPUE)
        fixed.pue = 0.9
        #expect(fixed.validate(path: "c").map(\.path) == ["c.pue", "c.wue_l_per_kwh"])
        var g = try FacilityFixtures.grid("srvc")
        g.market.carbonFreeFraction = 1.2
        g.carbonIntensity.hourlyShape = [1, 2]
        #expect(Set(g.validate().map(\.path)) == ["grids.srvc.market.carbon_free_fraction", "grids.srvc.carbon_intensity.hourly_shape"])
    }
}

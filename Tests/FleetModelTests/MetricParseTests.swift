import Testing
@testable import FleetModel

/// `--metric` names: contract names, comma-separated or repeated, and a clear error with the
/// closest name for a typo.
@Suite("Metric names")
struct MetricParseTests {
    @Test func namesListsAndRepeatsKeepTheirOrder() throws {
        #expect(try Metric.parse(["pue, facility_energy_mwh", "water_onsite_m3"])
                == [.pue, .facilityEnergy, .waterOnsite])
        #expect(try Metric.parse([]) == [])
    }

    @Test func aTypoNamesTheClosestMetric() {
        #expect(throws: UnknownMetric(name: "facility_energy_mhw")) { try Metric.parse(["pue,facility_energy_mhw"]) }
        let e = UnknownMetric(name: "facility_energy_mhw")
        #expect(e.description.hasPrefix("unknown metric 'facility_energy_mhw' (did you mean 'facility_energy_mwh'?); known: it_energy_mwh, "))
        #expect(!UnknownMetric(name: "zzz").description.contains("did you mean"))
    }
}

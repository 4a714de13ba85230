import Foundation
import Testing
@testable import FleetModel

/// `CoolingSpec.unreadKeys`: the fields a cooling type's physics never reads. The list is checked
/// against the physics itself: changing an unread field leaves every hour's flows of a typical
/// year bit for bit the same, and a `--set` of one is reported as having no effect.
@Suite("Cooling fields a type does not read")
struct CoolingUnreadKeysTests {
    /// Every cooling type with one shipped site's design: irhx (us-east-1), liquid towers
    /// (us-tx), air-cooled halls on towers (phoenix-az), and dry coolers with adiabatic trim.
    static func sites() throws -> [SiteSpec] {
        var dry = try FacilityFixtures.site("us-tx")
        dry.cooling.type = .liquidDryCooler
        dry.cooling.adiabaticAboveC = 25; dry.cooling.dryCoolerAirDeltaTC = 10
        return [try FacilityFixtures.site("us-east-1"), try FacilityFixtures.site("us-tx"),
                try FacilityFixtures.site("phoenix-az"), dry]
    }

    @Test func outsideAirHallsDoNotReadTheLiquidLoopTowerOrDryCoolerFields() throws {
        let irhx = try FacilityFixtures.site("us-east-1").cooling
        #expect(irhx.type == .irhx)
        #expect(Set(irhx.unreadKeys).isSuperset(of: ["liquid_supply_c", "liquid_delta_t_c", "chilled_water_supply_c",
                                                     "approach_c", "hx_approach_c", "heat_rejection_power_fraction",
                                                     "approach_flow_exponent", "adiabatic_above_c", "tower_liquid_gas_ratio"]))
        #expect(!irhx.unreadKeys.contains("supply_air_c") && !irhx.unreadKeys.contains("cycles_of_concentration"))
        var fixed = irhx
        fixed.type = .fixedPUE; fixed.pue = 1.2; fixed.wueLPerKwh = 0.5
        #expect(!fixed.unreadKeys.contains("pue") && fixed.unreadKeys.contains("supply_air_c"))
    }

    /// Each unread field moved by +1 (a different, valid value): every hour of the typical year at
    /// three loads gives the same flows, bit for bit.
    @Test(arguments: 0..<4)
    func changingAnUnreadFieldChangesNoHour(site index: Int) throws {
        let site = try Self.sites()[index]
        let unread = site.cooling.unreadKeys
        #expect(!unread.isEmpty, "\(site.id) \(site.cooling.type.rawValue): every shipped design carries fields of other types")
        let reference = try Self.flows(site)
        for key in unread {
            var moved = site
            guard Self.shift(&moved.cooling, key) else {
                Issue.record("\(key) is not a numeric cooling field")
                continue
            }
            #expect(try Self.flows(moved) == reference, "\(site.id): \(key) changed the flows")
        }
    }

    @Test func aSetOfAnUnreadFieldIsReported() throws {
        let spec = try PreparedScenario.open(sets: ["sites.us-east-1.cooling.supply_air_c=25"]).spec
        let sets = ["sites.us-east-1.cooling.approach_c=5", "sites.us-east-1.cooling.supply_air_c = 25",
                    "fleet.cohorts.gb200-use1.count=1000", "sites.us-tx.cooling.approach_c=5"]
        #expect(PreparedScenario.unreadSets(sets, spec: spec) == [
            "--set sites.us-east-1.cooling.approach_c: cooling type irhx-outside-air does not read it; the value has no effect"])
        let scenario = try PreparedScenario.open(sets: ["sites.us-east-1.cooling.approach_c=5"])
        #expect(scenario.baseResult.diagnostics.warnings.contains { $0.hasPrefix("--set sites.us-east-1.cooling.approach_c:") })
    }

    /// A shipped scenario samples no cooling field its site's type ignores: such an input would
    /// only add a dimension (and, for Sobol, k + 2 evaluations per base sample) that moves nothing.
    @Test(arguments: ["openai-aws-2025", "h100-training-100k", "inference-phoenix-air"])
    func shippedScenariosSampleOnlyFieldsTheirTypeReads(id: String) throws {
        let scenario = try PreparedScenario(document: ScenarioDocument.embedded(name: id))
        let inert = scenario.inputs.inputs.map(\.path).filter { path in
            let parts = path.split(separator: ".")
            guard parts.count == 4, parts[0] == "sites", parts[2] == "cooling",
                  let cooling = scenario.spec.sites[id: String(parts[1])]?.cooling else { return false }
            return cooling.unreadKeys.contains(String(parts[3]))
        }
        #expect(inert.isEmpty, "\(id) samples \(inert)")
        #expect(scenario.inputs.inputs.contains { $0.path.contains(".cooling.") }, "\(id) still samples its cooling inputs")
    }

    /// Adds 1 to the field named `key` (false when the key names no numeric field).
    static func shift(_ c: inout CoolingSpec, _ key: String) -> Bool {
        let paths: [String: WritableKeyPath<CoolingSpec, Double?>] = [
            "pue": \.pue, "wue_l_per_kwh": \.wueLPerKwh, "liquid_supply_c": \.liquidSupplyC, "liquid_delta_t_c": \.liquidDeltaTC,
            "chilled_water_supply_c": \.chilledWaterSupplyC, "chilled_water_delta_t_c": \.chilledWaterDeltaTC,
            "approach_c": \.approachC, "hx_approach_c": \.hxApproachC, "heat_rejection_power_fraction": \.heatRejectionPowerFraction,
            "tower_liquid_gas_ratio": \.towerLiquidGasRatio, "cycles_of_concentration": \.cyclesOfConcentration,
            "drift_fraction": \.driftFraction, "tower_range_c": \.towerRangeC, "adiabatic_above_c": \.adiabaticAboveC,
            "adiabatic_effectiveness_fraction": \.adiabaticEffectivenessFraction, "dry_cooler_air_delta_t_c": \.dryCoolerAirDeltaTC,
            "approach_flow_exponent": \.approachFlowExponent, "supply_air_c": \.supplyAirC, "hall_air_delta_t_c": \.hallAirDeltaTC,
            "min_dew_point_c": \.minDewPointC,
        ]
        guard let p = paths[key], let v = c[keyPath: p] else { return false }
        c[keyPath: p] = v + 1
        return true
    }

    /// Facility power, cooling and water of every typical-year hour at 30 %, 70 % and 100 % of a
    /// 10 MW capacity (40 % of it on the liquid loop).
    static func flows(_ site: SiteSpec) throws -> [Double] {
        let cal = try TermCalendar(start: "2025-01-01", months: 12)
        let model = SiteModel(site: site, grid: try FacilityFixtures.grid("srvc"), calendar: cal,
                              weather: try WeatherCache.shared.weather(for: site.climate))
        let capacity = MonthCapacity(it: 1e7, air: 6e6, liquid: 4e6, liquidToHall: site.cooling.type.liquidToHallAir)
        var out: [Double] = []
        out.reserveCapacity(3 * 3 * TypicalYearWeather.hours)
        let table = try #require(model.table)
        model.physics.partLoad.values.withUnsafeBufferPointer { g in model.physics.approachTable.values.withUnsafeBufferPointer { ga in
            for j in 0..<TypicalYearWeather.hours {
                for load in [0.3, 0.7, 1.0] {
                    let f = model.physics.flows(it: load * 1e7, liquid: load * 4e6, weather: table.coefficients(j), capacity: capacity,
                                                table: g, approach: ga)
                    out += [f.facility, f.cooling, f.waterWithdrawnL, f.waterConsumedL]
                }
            }
        }}
        return out
    }
}

import Testing
import FleetTestSupport
@testable import FleetModel

/// Unit conversion is exact for the defined factors and rejects other dimensions.
@Suite("Scenario units")
struct ScenarioUnitsTests {
    @Test func knownFactorsAreExact() throws {
        // 1 lb = 0.45359237 kg exactly (international pound); 1 US gal = 3.785411784 L exactly.
        #expect(try Units.convert(1000, from: "lb/MWh", to: "kg/kWh") == 0.45359237)
        #expect(try Units.convert(1, from: "lb CO2e/MWh", to: "kg CO2e/kWh") == 0.00045359237)
        #expect(try Units.convert(2000, from: "lb", to: "kg") == 907.18474)
        #expect(try Units.convert(350, from: "g/kWh", to: "kg/kWh") == 0.35)
        #expect(try Units.convert(80, from: "USD/MWh", to: "USD/kWh") == 0.08)
        #expect(try Units.convert(7, from: "cents/kWh", to: "USD/kWh") == 0.07)
        #expect(try Units.convert(1.2, from: "kW", to: "W") == 1200)
        #expect(try Units.convert(250, from: "kW", to: "MW") == 0.25)
        #expect(try Units.convert(3.6, from: "MJ", to: "kWh") == 1)
        #expect(try Units.convert(1, from: "gal", to: "L") == 3.785411784)
        #expect(try Units.convert(1000, from: "gal/MWh", to: "L/kWh") == 3.785411784)
        #expect(try Units.convert(18, from: "%", to: "fraction") == 0.18)
        #expect(try Units.convert(5, from: "m³", to: "L") == 5000)
        #expect(try Units.convert(36, from: "months", to: "years") == 3)
    }

    @Test func temperaturesAreAffineAndDifferencesScaleOnly() throws {
        #expect(try Units.convert(212, from: "°F", to: "°C") == 100)
        #expect(try Units.convert(32, from: "F", to: "C") == 0)
        #expect(try Units.convert(-40, from: "°F", to: "°C") == -40)
        #expect(try Units.convert(50, from: "°F", to: "°C") == 10)
        #expect(try Units.convert(273.15, from: "K", to: "°C") == 0)
        #expect(try Units.convert(0, from: "°C", to: "K") == 273.15)
        expectClose(try Units.convert(373.15, from: "K", to: "°F"), 212, absolute: 1e-12)
        #expect(try Units.convert(9, from: "°F", to: "°C", difference: true) == 5)
        #expect(try Units.convert(4, from: "K", to: "°C", difference: true) == 4)
    }

    @Test(arguments: [("kW", "W"), ("lb/MWh", "kg/kWh"), ("°F", "°C"), ("K", "°C"), ("gal", "m3"), ("g/kWh", "lb/MWh"),
                      ("USD/MWh", "cents/kWh"), ("MJ", "kWh"), ("%", "fraction"), ("t", "lb")])
    func roundTripsReturnTheValueWithinTwoUlps(pair: (String, String)) throws {
        for x in [0.001, 0.3, 1, 7.25, 98.6, 1234.5, 400_000, 3.8e10] {
            let there = try Units.convert(x, from: pair.0, to: pair.1)
            let back = try Units.convert(there, from: pair.1, to: pair.0)
            expectClose(back, x, absolute: 2 * max(x.ulp, 273.15.ulp), "\(x) \(pair.0) → \(pair.1) → \(back)")
        }
    }

    @Test func fieldSuffixesGiveTheCanonicalUnit() {
        func c(_ f: String) -> String? { Units.canonical(forField: f).map { "\($0.dimension.rawValue) \($0.symbol)" } }
        #expect(c("tdp_w") == "power W")
        #expect(c("peak_mw") == "power MW")
        #expect(c("it_energy_kwh") == "energy kWh")
        #expect(c("carbon_intensity_kg_per_kwh") == "mass per energy kg/kWh")
        #expect(c("price_usd_per_kwh") == "price per energy USD/kWh")
        #expect(c("wue_l_per_kwh") == "volume per energy L/kWh")
        #expect(c("dry_bulb_mean_c") == "temperature °C")
        #expect(c("approach_c") == "temperature difference °C")
        #expect(c("diurnal_range_c") == "temperature difference °C")
        #expect(c("idle_fraction") == "fraction fraction")
        #expect(c("life_years") == "duration in years years")
        #expect(c("embodied_t") == "mass t")
        #expect(c("count") == nil)
        #expect(c("annual_change") == nil)
    }

    @Test func everyUnitConvertsToTheCanonicalUnitsOfItsDimension() throws {
        for (_, dim, symbol) in Units.suffixes {
            let canonical = Units.Canonical(dimension: dim, symbol: symbol)
            for unit in Units.table[dim]!.keys {
                let c = try Units.conversion(from: unit, to: canonical)
                #expect(c.num > 0 && c.den > 0)
                if unit == symbol { #expect(c.isIdentity) }
            }
        }
        #expect(try Units.convert(1, from: "gal/MWh", to: "gal/kWh") == 0.001)
        #expect(try Units.convert(1, from: "TWh", to: "J") == 3.6e15)
    }

    @Test func fieldConversions() throws {
        #expect(try Units.conversion(from: "°F", forField: "approach_c").apply(9) == 5)
        #expect(try Units.conversion(from: "°F", forField: "dry_bulb_mean_c").apply(212) == 100)
        #expect(try Units.conversion(from: "Δ°F", forField: "supply_c").apply(9) == 5)
        #expect(try Units.conversion(from: "1/year", forField: "annual_change").isIdentity)
        #expect(throws: DistributionError("unit 'kW' is not a mass per energy unit (the field is in kg/kWh; accepted: "
            + "g/Wh, g/kWh, kg/MWh, kg/kWh, lb/MWh, lb/kWh, t/MWh)")) {
            try Units.conversion(from: "kW", forField: "carbon_intensity_kg_per_kwh")
        }
    }

    @Test func wrongDimensionIsRejected() {
        #expect(throws: DistributionError.self) { try Units.convert(1, from: "kWh", to: "kW") }
        #expect(throws: DistributionError.self) { try Units.convert(1, from: "°C", to: "kg") }
        #expect(Units.dimension(of: "lb CO2e/MWh") == .massPerEnergy)
        #expect(Units.dimension(of: "GPU") == nil)
    }
}

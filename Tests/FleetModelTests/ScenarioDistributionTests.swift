import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

/// The distribution syntax: parsing, default base values, bounds and consistency errors.
@Suite("Scenario distributions")
struct ScenarioDistributionTests {
    @Test func everyFamilyParsesAndPrintsBack() throws {
        let cases: [(String, Distribution)] = [
            ("uniform(1, 3)", .uniform(min: 1, max: 3)),
            ("triangular(250000, 400000, 600000)", .triangular(min: 250_000, mode: 400_000, max: 600_000)),
            ("pert(0.6, 0.75, 0.9)", .pert(min: 0.6, mode: 0.75, max: 0.9)),
            ("normal(5, 0.5)", .normal(mean: 5, sd: 0.5)),
            ("truncnormal(0.9, 0.05, 0, 1)", .truncnormal(mean: 0.9, sd: 0.05, min: 0, max: 1)),
            ("lognormal(700, 0.1)", .lognormal(median: 700, sigma: 0.1)),
            ("beta(2, 6, 0, 1)", .beta(alpha: 2, beta: 6, min: 0, max: 1)),
            ("choice(1, 2, 4)", .choice(values: [1, 2, 4], weights: [1, 1, 1])),
            ("choice(1: 0.2, 2: 0.5, 4: 0.3)", .choice(values: [1, 2, 4], weights: [0.2, 0.5, 0.3])),
        ]
        for (text, expected) in cases {
            let d = try Distribution.parse(text)
            #expect(d == expected)
            #expect(d.syntax == text)
            #expect(try Distribution.parse(d.syntax) == d)
        }
        #expect(try Distribution.parse("  Triangular( 1 ,2,3 ) ") == .triangular(min: 1, mode: 2, max: 3))
        #expect(try Distribution.parse("uniform(1e-3, 2.5E2)") == .uniform(min: 0.001, max: 250))
    }

    @Test func baseDefaultsFollowTheConvention() throws {
        #expect(try Distribution.parse("uniform(1, 3)").base == 2)
        #expect(try Distribution.parse("triangular(1, 2.5, 3)").base == 2.5)
        #expect(try Distribution.parse("pert(1, 1.5, 3)").base == 1.5)
        #expect(try Distribution.parse("normal(5, 1)").base == 5)
        #expect(try Distribution.parse("lognormal(700, 0.2)").base == 700)
        #expect(try Distribution.parse("beta(2, 6, 0, 1)").base == 0.25)
        #expect(try Distribution.parse("beta(1, 1, 10, 20)").base == 15)
        #expect(try Distribution.parse("choice(1: 0.2, 2: 0.5, 4: 0.3)").base == 2)
        #expect(try Distribution.parse("choice(7, 8)").base == 7)
        // Truncated normal: the mean of the truncated distribution. Symmetric truncation keeps
        // the mean; a half-normal on [0, ∞) has mean σ·√(2/π).
        expectClose(try Distribution.parse("truncnormal(5, 1, 3, 7)").base, 5, absolute: 1e-12)
        expectClose(try Distribution.parse("truncnormal(0, 1, 0, 40)").base, (2 / Double.pi).squareRoot(), absolute: 1e-12)
    }

    @Test func boundsAndSupport() throws {
        #expect(try Distribution.parse("normal(0, 1)").support == -Double.infinity...Double.infinity)
        #expect(try Distribution.parse("lognormal(1, 1)").support == 0...Double.infinity)
        #expect(try Distribution.parse("choice(4, 1, 2)").support == 1...4)
        #expect(try Distribution.parse("beta(2, 2, 3, 5)").support == 3...5)
        #expect(try Distribution.parse("truncnormal(0, 1, -1, 2)").parameters == [0, 1, -1, 2])
    }

    @Test(arguments: [
        ("triangle(1, 2, 3)", "unknown distribution 'triangle' (did you mean 'triangular'?); "
            + "known: uniform, triangular, pert, normal, truncnormal, lognormal, beta, choice"),
        ("uniform(3, 1)", "uniform: min (3) must be less than max (1)"),
        ("uniform(2, 2)", "uniform: min (2) must be less than max (2)"),
        ("triangular(1, 5, 3)", "triangular: mode (5) must lie in [min, max] = [1, 3]"),
        ("pert(1, 0.5, 3)", "pert: mode (0.5) must lie in [min, max] = [1, 3]"),
        ("normal(1, -1)", "normal: sd must be positive, got -1"),
        ("truncnormal(1, 0, 0, 2)", "truncnormal: sd must be positive, got 0"),
        ("truncnormal(1, 1, 2, 0)", "truncnormal: min (2) must be less than max (0)"),
        ("lognormal(1, -0.5)", "lognormal: sigma must be positive, got -0.5"),
        ("lognormal(-1, 0.5)", "lognormal: median must be positive, got -1"),
        ("beta(0, 1, 0, 1)", "beta: alpha must be positive, got 0"),
        ("choice(1: 1, 2: -1)", "choice: weights must be positive, got -1"),
        ("choice(1: 1, 2)", "choice: write every option as 'value: weight' or none, got '2'"),
        ("uniform(1)", "uniform takes 2 parameters (min, max), got 1"),
        ("triangular(1, 2)", "triangular takes 3 parameters (min, mode, max), got 2"),
        ("uniform(1, x)", "uniform: 'x' is not a number"),
        ("uniform(1, inf)", "uniform: parameters must be finite, got inf"),
        ("normal()", "normal() has no parameters"),
        ("400 GPUs", "expected a number or a distribution such as 'triangular(min, mode, max)', got '400 GPUs'"),
    ])
    func inconsistentDistributionsAreRejected(text: String, message: String) {
        #expect(throws: DistributionError(message)) { try Distribution.parse(text) }
    }

    @Test func codableAsItsSyntax() throws {
        let d = Distribution.pert(min: 0.6, mode: 0.75, max: 0.9)
        let json = String(decoding: try JSONEncoder().encode([d]), as: UTF8.self)
        #expect(json == "[\"pert(0.6, 0.75, 0.9)\"]")
        #expect(try JSONDecoder().decode([Distribution].self, from: Data(json.utf8)) == [d])
    }

    @Test func unitConversionMovesLocationsAndScalesSpreads() throws {
        // °F → °C: locations affine, sd scaled by 5/9.
        let f = try Units.conversion(from: "°F", to: Units.Canonical(dimension: .temperature, symbol: "°C"))
        #expect(try Distribution.normal(mean: 50, sd: 9).converted(by: f) == .normal(mean: 10, sd: 5))
        #expect(throws: DistributionError.self) { try Distribution.lognormal(median: 50, sigma: 1).converted(by: f) }
        let g = try Units.conversion(from: "g/kWh", to: Units.Canonical(dimension: .massPerEnergy, symbol: "kg/kWh"))
        #expect(try Distribution.lognormal(median: 350, sigma: 0.2).converted(by: g) == .lognormal(median: 0.35, sigma: 0.2))
    }
}

import Foundation
import Testing
@testable import FleetModel

/// Bad input in scenario files: every error is reported at once, with file, line, column,
/// path and the exact message.
@Suite("Scenario errors")
struct ScenarioErrorTests {
    @Test func reportsEveryErrorOfAFileAtOnceWithItsPlace() {
        let f = Fixtures.bad("many.yaml")
        #expect(Fixtures.errors("many.yaml") == [
            "\(f):4:37: term.months: expected an integer, got 'eighty'",
            "\(f):6:22: contract.value_usd: expected a finite number for 'value', got .nan",
            "\(f):11:13: fleet.cohorts.big.site: unknown site 'site-c' (the closest known id is 'site-a')",
            "\(f):12:7: fleet.cohorts.big.cout: unknown key 'cout' (did you mean 'count'?)",
            "\(f):13:22: fleet.cohorts.big.count: expected a positive number, got -5",
            "\(f):14:37: fleet.cohorts.big.utilization_fraction: expected a fraction in [0, 1], got 1.3",
            "\(f):16:17: fleet.cohorts.small.hardware: unknown hardware 'gpu-x' (the closest known id is 'gpu-a')",
            "\(f):18:21: fleet.cohorts.small.count: triangular: mode (5) must lie in [min, max] = [1, 3]",
            "\(f):19:36: fleet.cohorts.small.utilization_fraction: normal: sd must be positive, got -0.1",
            "\(f):21:7: fleet.cohorts.tiny.count: missing required value 'count'",
            "\(f):27:36: sites.site-a.cooling.approach_c: unit 'kWh' is not a temperature difference unit "
                + "(the field is in °C; accepted: C, F, K, degC, degF, °C, °F, ΔC, ΔF, ΔK, Δ°C, Δ°F)",
        ])
    }

    @Test func yamlSyntaxErrorNamesItsLine() {
        let f = Fixtures.bad("syntax.yaml")
        #expect(Fixtures.errors("syntax.yaml") == [
            "\(f):4:6: YAML syntax error: while parsing a flow mapping did not find expected ',' or '}'",
        ])
    }

    @Test func wrongTypesMissingSourcesAndMisspeltKeys() {
        let f = Fixtures.bad("types.yaml")
        #expect(Fixtures.errors("types.yaml") == [
            "\(f):6:14: contract.value_usd: expected a parameter {value: …, unit: …, source: …}, got the plain number 38000000000",
            "\(f):12:22: fleet.cohorts.big.count: expected a number for 'value', got the string \"400000\"",
            "\(f):13:29: fleet.cohorts.big.utilization_fraction: missing 'source' (cite a publication, a dataset or \"assumption: why\")",
            "\(f):17:13: sites.site-a.cooling.type: expected one of liquid-tower, liquid-dry-cooler, air-chiller-economizer, "
                + "fixed-pue; got 'liquid-towr' (did you mean 'liquid-tower'?)",
            "\(f):18:19: sites.site-a.cooling.approach_c: missing 'source' (cite a publication, a dataset or \"assumption: why\")",
            "\(f):18:39: sites.site-a.cooling.approach_c.sorce: unknown key 'sorce' in a parameter (did you mean 'source'?); "
                + "a parameter has value (or base and dist), unit and source",
            "\(f):19:14: sites.site-a.climate: expected a mapping, got a list",
        ])
    }

    @Test func inconsistentLeavesDistributionsReferencesAndCorrelations() {
        let f = Fixtures.bad("leaves.yaml")
        #expect(Fixtures.errors("leaves.yaml") == [
            "\(f):6:22: contract.value_usd: expected a finite number for 'value', got .inf",
            "\(f):12:22: fleet.cohorts.big.count: give either 'value', or 'dist' with an optional 'base', not both",
            "\(f):13:36: fleet.cohorts.big.utilization_fraction: base 0.95 lies outside the range of uniform(0.2, 0.9)",
            "\(f):17:21: fleet.cohorts.small.count: a count's distribution must not go below 0, but normal(1000, 10) does",
            "\(f):18:36: fleet.cohorts.small.utilization_fraction: unknown distribution 'triangle' (did you mean 'triangular'?); "
                + "known: uniform, triangular, pert, normal, truncnormal, lognormal, beta, choice",
            "\(f):18:87: fleet.cohorts.small.utilization_fraction: missing 'source' (cite a publication, a dataset or \"assumption: why\")",
            "\(f):22:21: fleet.cohorts.spare.count: uniform: min (9) must be less than max (1)",
            "\(f):23:36: fleet.cohorts.spare.utilization_fraction: choice: weights must be positive, got 0",
            "\(f):25:3: hardware.gpu-c: hardware 'gpu-c' is not used by any cohort (did you mean 'gpu-a'?)",
            "\(f):28:39: correlations.0.paths.1: unknown input 'fleet.cohorts.big.cont' (did you mean 'fleet.cohorts.big.count'?)",
            "\(f):29:54: correlations.1.paths.1: 'contract.value_usd' has no distribution; only uncertain inputs can be correlated",
            "\(f):29:80: correlations.1.rho: expected a correlation strictly between -1 and 1, got 1.5",
        ])
    }

    @Test func pathologicalNestingIsRefusedNotACrash() {
        // 20,000 nested lists overflowed the stack before the depth guard.
        let text = "a: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        // The root mapping is level 1, so the 200th `[` (column 3 + 200) is level 201.
        #expect(throws: ScenarioErrors([ScenarioError(file: "deep.yaml", line: 1, column: 203, path: "",
                                                      message: "nested more than 200 levels deep")])) {
            try ScenarioDocument(text: text, file: "deep.yaml", models: .files([:], label: "m"))
        }
        // An apostrophe in a plain scalar defeated the old text scanner (it took it for a quote
        // and skipped the brackets after it); the depth now comes from libYAML's events.
        let apostrophe = "d: it's\na: " + String(repeating: "[", count: 6_000)
        #expect(throws: ScenarioErrors([ScenarioError(file: "a.yaml", line: 2, column: 203, path: "",
                                                      message: "nested more than 200 levels deep")])) {
            try ScenarioDocument(text: apostrophe, file: "a.yaml", models: .files([:], label: "m"))
        }
        // Brackets inside quotes and comments do not count.
        let quoted = "a: \"" + String(repeating: "[", count: 500) + "\"  # " + String(repeating: "{", count: 500) + "\n"
        #expect(throws: Never.self) { try ScenarioDocument(text: quoted, file: "q.yaml", models: .files([:], label: "m")) }
    }

    /// Alias expansion is bounded: a "billion laughs" (9 levels of 9 aliases, 9¹⁰ ≈ 3.5e9
    /// strings once expanded) and a chain of 2,000 doubling aliases are refused, at the alias
    /// that crosses a million values, in well under a second, without expanding anything.
    @Test func aliasBombsAreRefusedAtOnce() {
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 { laughs += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        var chain = "c0: &c0 [x, x]\n"
        for i in 1..<2_000 { chain += "c\(i): &c\(i) [*c\(i - 1), *c\(i - 1)]\n" }
        let message = "the document holds more than 1000000 values once its aliases are expanded"
        let start = Date()
        // Laughs: a_i holds s_i = 1 + 9 s_(i−1) values (s_0 = 10): 91, 820, 7381, 66430, 597871.
        // Lines 1–6 with their keys total 1 + 11 + 92 + 821 + 7382 + 66431 + 597872 = 672610;
        // a6's key and list make 672612, and its first alias (+597871) crosses 10⁶: line 7,
        // column 10 (after "a6: &a6 [").
        #expect(throws: ScenarioErrors([ScenarioError(file: "l.yaml", line: 7, column: 10, path: "", message: message)])) {
            try ScenarioDocument(text: laughs, file: "l.yaml", models: .files([:], label: "m"))
        }
        // Chain: c_i holds 2^(i+2) − 1 values; the root and lines c0…c16 total
        // 1 + Σ (1 + 2^(k+2)) = 524,302; c17's key and list make 524,304, its first alias
        // (+262,143) 786,447, its second 1,048,590:
        // line 18, column 18 (after "c17: &c17 [*c16, ").
        #expect(throws: ScenarioErrors([ScenarioError(file: "c.yaml", line: 18, column: 18, path: "", message: message)])) {
            try ScenarioDocument(text: chain, file: "c.yaml", models: .files([:], label: "m"))
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func duplicateKeysAreErrors() throws {
        let text = "schema: fleetwatt.scenario/1\nid: a\nid: b\n"
        #expect(throws: ScenarioErrors([ScenarioError(file: "t.yaml", line: 3, column: 1, path: "id",
                                                      message: "duplicate key 'id' (first at line 2)")])) {
            try ScenarioDocument(text: text, file: "t.yaml", models: .files([:], label: "m"))
        }
    }

    @Test func errorsInDataFilesNameTheDataFile() throws {
        let files = [
            "hardware.yaml": "schema: fleetwatt.hardware/1\nhardware:\n  g: {name: G, tdp_w: {value: 700, unit: V, source: s}}\n",
        ]
        let scenario = "fleet: {cohorts: {c: {hardware: g}}}\n"
        let doc = try ScenarioDocument(text: scenario, file: "s.yaml", models: .files(files, label: "mem"))
        let errors = doc.check(HardwareOnly.self).map(\.description)
        #expect(errors == ["mem/hardware.yaml:3:42: hardware.g.tdp_w: unit 'V' is not a power unit "
            + "(the field is in W; accepted: GW, MW, W, kW)"])
    }

    @Test func descriptionIsFileLineColumnPathMessage() {
        let e = ScenarioError(file: "models/x.yaml", line: 14, column: 7, path: "fleet.cohorts.gb200.count",
                              message: "expected a positive number, got -5")
        #expect(e.description == "models/x.yaml:14:7: fleet.cohorts.gb200.count: expected a positive number, got -5")
        let flag = ScenarioError(file: "--set", line: 0, column: 0, path: "a.b", message: "unknown path")
        #expect(flag.description == "--set: a.b: unknown path")
    }

    @Test func physicsIssuesArePlacedAtTheirValues() throws {
        let doc = try ScenarioDocument.load(path: Fixtures.scenario("good.yaml"))
        let located = doc.locate([(path: "fleet.cohorts.big.count", message: "a GPU drawing 70 kW is absurd"),
                                  (path: "sites.site-a.climate.dry_bulb_mean_c.6", message: "too hot"),
                                  (path: "fleet.cohorts.big.nonexistent", message: "placed at the parent")])
        let f = Fixtures.scenario("good.yaml")
        #expect(located.map(\.description) == [
            "\(f):13:14: fleet.cohorts.big.count: a GPU drawing 70 kW is absurd",
            "\(Fixtures.models)/sites/site-a.yaml:10:58: sites.site-a.climate.dry_bulb_mean_c.6: too hot",
            "\(f):11:7: fleet.cohorts.big.nonexistent: placed at the parent",
        ])
        let all = doc.check(TSpec.self) { spec in
            spec.fleet.cohorts.filter { $0.count > 100_000 }.map { (path: "fleet.cohorts.\($0.id).count", message: "too many") }
        }
        #expect(all.map(\.description) == ["\(f):13:14: fleet.cohorts.big.count: too many"])
    }
}

/// Decodes only the hardware section, to reach data-file errors.
struct HardwareOnly: Decodable {
    var fleet: [String: [String: [String: String]]]
    var hardware: [String: HardwareProbe]
}

struct HardwareProbe: Decodable {
    var name: String
    var tdpW: Double
    enum CodingKeys: String, CodingKey {
        case name
        case tdpW = "tdp_w"
    }
}

import Foundation
import Testing
@testable import FleetModel

/// The prepared scenario writes typed values where the old route decoded the whole scenario:
/// both must give the same spec and the same outputs, bit for bit, for every shipped scenario.
@Suite("Prepared scenario")
struct PreparedScenarioTests {
    static let shipped = ScenarioDocument.shippedIDs

    /// Every numeric input of a shipped scenario has a place, and writing each one a
    /// distinct value through it gives the spec that decoding with those values gives.
    @Test(arguments: shipped)
    func everyInputHasAPlaceThatMatchesDecoding(id: String) throws {
        let scenario = try PreparedScenario(document: ScenarioDocument.embedded(name: id))
        let document = scenario.document
        let paths = document.parameters.map(\.path)
        #expect(paths.count > 100)
        let places = try SpecPlaces(paths, in: scenario.spec, document: document)
        let found = try #require(places.places, "a numeric input without a place")
        #expect(Set(found).count == found.count, "two inputs share a place")
        // Distinct values, none equal to its base: a place at the wrong field shows.
        let values = document.parameters.map { $0.base * (1 + 1e-3) + 1e-3 * Double($0.index + 1) }
        let typed = try places.spec(values)
        let decoded = try document.decode(FleetSpec.self, values: values)
        #expect(try Self.fingerprint(typed) == Self.fingerprint(decoded))
    }

    /// Random samples evaluated through the typed route equal the decoding route, bit for bit.
    @Test(arguments: shipped)
    func samplesMatchTheDecodingRoute(id: String) throws {
        let scenario = try PreparedScenario(document: ScenarioDocument.embedded(name: id))
        let model = FleetSampleModel(scenario)
        var evaluator = model.makeEvaluator()
        let document = scenario.document
        let indices = scenario.inputs.inputs.map { document.parameterIndex($0.path)! }
        var random = SeededGenerator(seed: 0x5EED_0000 &+ UInt64(id.utf8.count))
        for _ in 0..<3 {
            let u = (0..<scenario.inputs.dimension).map { _ in Double.random(in: 0.001..<0.999, using: &random) }
            let x = scenario.inputs.values(at: u)
            var typed = [Double](repeating: .nan, count: model.layout.count)
            try evaluator.evaluate(x, into: &typed)

            var all = document.baseValues
            for (j, p) in indices.enumerated() { all[p] = x[j] }
            let spec = try document.decode(FleetSpec.self, values: all)
            let physics = try FleetEvaluator(spec: spec, baseDirectory: document.baseDirectory)
            var decoded = [Double](repeating: .nan, count: model.layout.count)
            FleetSampleModel.write(try physics.evaluateBySite(), cohorts: physics.powerModels.count,
                                   layout: model.layout, into: &decoded)
            FleetSampleModel.write(cohorts: physics.powerModels, layout: model.layout, into: &decoded)
            #expect(typed.map(\.bitPattern) == decoded.map(\.bitPattern), "\(id) at u = \(u)")
        }
    }

    /// The base outputs kept from the deterministic result's evaluation equal an evaluation at base values.
    @Test(arguments: shipped)
    func baseOutputsMatchAnEvaluation(id: String) throws {
        let scenario = try PreparedScenario(document: ScenarioDocument.embedded(name: id))
        let model = FleetSampleModel(scenario)
        let evaluated = try MonteCarloRunner.evaluateBase(model: model, inputs: scenario.inputs)
        #expect(model.base.map(\.bitPattern) == evaluated.map(\.bitPattern))
    }

    /// A sweep point equals the scenario opened with `--set PATH=VALUE` (the varied input
    /// fixed, its correlations dropped), deterministic and sampled.
    @Test func sweepPointEqualsTheScenarioSetThere() throws {
        let id = "h100-training-100k"
        let document = try ScenarioDocument.embedded(name: id)
        let path = try #require(document.uncertainParameters.first { p in
            document.correlations.contains { $0.paths.contains(p.path) }
        }?.path, "a correlated uncertain input")
        let base = try #require(document.parameters.first { $0.path == path }?.base)
        let value = base * 1.1
        let scenario = try PreparedScenario(document: document)
        for samples in [0, 16] {
            let options = UncertaintyOptions(samples: samples, seed: 5, threads: 2)
            let sweep = try scenario.sweep(SweepSpec(axes: [.init(path: path, values: [.number(value)])]),
                                           metrics: Metric.allCases, options: options)
            let set = try PreparedScenario.open(id, sets: ["\(path)=\(value)"]).evaluate(options)
            // A run reports counts as whole numbers (`Stats.reported(as:)`); a sweep row keeps them as computed.
            let reported = sweep.rows[0].totals.reduce(into: [:]) { $0[$1.key] = $1.value.reported(as: $1.key) }
            #expect(reported == set.totals, "samples \(samples)")
        }
    }

    /// `--set` reaches the result by one route: the document records what it applied.
    @Test func setsAreRecordedOnce() throws {
        let sets = ["fleet.cohorts.h100-tx.count=90000", "fleet.cohorts.h100-tx.spare_fraction=0.02"]
        let scenario = try PreparedScenario.open("h100-training-100k", sets: sets)
        #expect(scenario.sets == sets)
        #expect(try scenario.evaluate(.init(samples: 0)).run.overrides == sets)
        #expect(scenario.spec.fleet.cohorts[id: "h100-tx"]?.count == 90_000)
    }

    /// Everything that decides the physics: the encoded spec (its Codable fields) and the
    /// fields `finish()` derives, which are not encoded.
    static func fingerprint(_ spec: FleetSpec) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(spec), as: UTF8.self)
        let derived = spec.fleet.cohorts.map {
            "\($0.id) \($0.serviceLifeYears?.bitPattern ?? 0) \($0.deployDelayYears?.bitPattern ?? 0) \($0.refresh)"
        }
        return json + derived.joined(separator: "\n")
    }
}

import Foundation
import Testing
@testable import FleetModel

/// Workload profiles (models/workloads.yaml) and cooling designs (models/cooling.yaml):
/// pulled by id, overridden field by field, switchable with `--set`, errors placed at the id.
@Suite("Named workload profiles and cooling designs")
struct NamedDefaultsTests {
    /// The embedded default scenario's spec.
    static func defaultSpec(sets: [(String, String)] = []) throws -> FleetSpec {
        var doc = try ScenarioDocument.embeddedDefault()
        for (path, value) in sets { try doc.set(path, to: value) }
        return try doc.decode(FleetSpec.self)
    }

    @Test func cohortsTakeTheirProfileAndOverrideFieldByField() throws {
        let spec = try Self.defaultSpec()
        let cohorts = spec.fleet.cohorts
        let use1 = try #require(cohorts[id: "gb200-use1"]).workload
        let usw2 = try #require(cohorts[id: "gb300-usw2"]).workload
        let campus = try #require(cohorts[id: "gb200-use2"]).workload
        let expansion = try #require(cohorts[id: "gb300-expansion-use2"]).workload
        #expect(use1.profile == "gb-inference-serving")
        #expect(use1.trainingFraction == 0.2 && use1.inferencePeakHourUTC == 18)
        // Oregon writes only its peak hour (1 pm Pacific) and a fixed board power; the rest is the profile's.
        #expect(usw2.profile == "gb-inference-serving")
        #expect(usw2.inferencePeakHourUTC == 20)
        #expect(usw2.trainingFraction == use1.trainingFraction)
        #expect(usw2.inferenceDiurnalAmplitudeFraction == use1.inferenceDiurnalAmplitudeFraction)
        #expect(campus.profile == "gb-training-campus" && campus.trainingFraction == 0.8)
        #expect(expansion.profile == "gb-training-campus" && expansion.trainingFraction == 0.5)
        #expect(expansion.inferenceBoardPowerFraction == campus.inferenceBoardPowerFraction)
    }

    @Test func uncertainInputsOfAProfileStayOnePerCohort() throws {
        let doc = try ScenarioDocument.embeddedDefault()
        let paths = Set(doc.uncertainParameters.map(\.path))
        // The profile's distribution is sampled for each cohort that uses it, under the cohort's path.
        #expect(paths.contains("fleet.cohorts.gb200-use1.workload.inference_board_power_fraction"))
        #expect(paths.contains("fleet.cohorts.gb300-use1.workload.inference_board_power_fraction"))
        // Oregon overrides it with a fixed value, so it is not uncertain there.
        #expect(!paths.contains("fleet.cohorts.gb300-usw2.workload.inference_board_power_fraction"))
        #expect(!paths.contains { $0.hasPrefix("workloads.") || $0.hasPrefix("cooling_designs.") })
    }

    @Test func sitesTakeTheirCoolingDesign() throws {
        let sites = try Self.defaultSpec().sites
        for id in ["us-east-1", "us-east-2", "us-west-2"] {
            let cooling = try #require(sites[id: id]).cooling
            #expect(cooling.design == "aws-irhx-outside-air")
            #expect(cooling.type == .irhx)
        }
    }

    @Test func setSwitchesADesignAndKeepsFieldsWrittenBesideIt() throws {
        let spec = try Self.defaultSpec(sets: [("sites.us-east-1.cooling.design", "liquid-tower-chiller"),
                                               ("sites.us-east-1.cooling.approach_c", "6")])
        let cooling = try #require(spec.sites[id: "us-east-1"]).cooling
        #expect(cooling.design == "liquid-tower-chiller")
        #expect(cooling.type == .liquidTower)
        #expect(cooling.approachC == 6)
        // The design's own chiller efficiency comes with it (towers: water-side chillers).
        let texas = try ScenarioDocument.open(.embedded, name: "h100-training-100k").decode(FleetSpec.self)
        #expect(cooling.chillerEta == texas.sites[id: "us-tx"]?.cooling.chillerEta)
    }

    @Test func unknownIdsAreErrorsAtTheIdWithTheClosestKnownOne() throws {
        let text = try #require(EmbeddedModels.files[ScenarioDocument.defaultScenario])
            .replacingOccurrences(of: "workload: {profile: cpu-agentic-data}\n    cpu-use2:",
                                  with: "workload: {profile: cpu-agentic-dta}\n    cpu-use2:")
        #expect(text.contains("cpu-agentic-dta"))
        let issues = try ScenarioDocument(text: text, file: "typo.yaml", models: .embedded).check(FleetSpec.self)
        let issue = try #require(issues.first { $0.path == "fleet.cohorts.cpu-use1.workload.profile" })
        #expect(issue.file == "typo.yaml")
        #expect(issue.message == "unknown workload profile 'cpu-agentic-dta' (the closest known id is 'cpu-agentic-data')")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("cpu-agentic-dta") }.map { $0 + 1 }
        #expect(issue.line == line)
    }

    @Test func badValuesInsideADesignPointAtTheDesignFile() throws {
        var files: [String: String] = [:]
        for (rel, text) in EmbeddedModels.files { files[rel] = text }
        let cooling = try #require(files["cooling.yaml"])
        files["cooling.yaml"] = cooling.replacingOccurrences(of: "min_speed_fraction:\n      value:", with: "min_speed_fraction:\n      valu:")
        #expect(files["cooling.yaml"] != cooling)
        let scenario = try #require(files["scenarios/h100-training-100k.yaml"])
        let issues = try ScenarioDocument(text: scenario, file: "h100.yaml", models: .files(files, label: "mem"))
            .check(FleetSpec.self)
        #expect(issues.contains { $0.file == "mem/cooling.yaml" && $0.path.hasPrefix("sites.us-tx.cooling.min_speed_fraction") })
    }
}

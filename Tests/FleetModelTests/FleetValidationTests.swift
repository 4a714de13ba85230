import Testing
@testable import FleetModel

@Suite("FleetValidation")
struct FleetValidationTests {
    private func paths(_ issues: [ValidationIssue]) -> [String] { issues.map(\.path) }

    @Test func shippedCatalogHasNoIssues() throws {
        let catalog = try FleetCatalogFile.hardware()
        #expect(catalog.count >= 11)
        for id in ["v100", "a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h200", "b200", "gb200", "gb300"] {
            #expect(catalog.contains { $0.id == id && $0.isGPU }, "missing \(id)")
        }
        #expect(catalog.filter { $0.kind == .cpuServer }.count >= 2)
        for h in catalog {
            let issues = h.validationIssues(prefix: "hardware.\(h.id)")
            #expect(issues.isEmpty, "\(issues)")
        }
    }

    @Test func absurdHardwareIsFlaggedByPath() throws {
        var h = try FleetFixtures.h100()
        h.tdpW = 70_000
        h.curvePowerFraction[3] = 0.1
        let p = paths(h.validationIssues(prefix: "hardware.h100-sxm"))
        #expect(p.contains("hardware.h100-sxm.tdp_w"))
        #expect(p.contains("hardware.h100-sxm.curve_power_fraction"))
        var idle = try FleetFixtures.h100()
        idle.idleBareW = 500            // above the 108 W idle with a CUDA context
        #expect(paths(idle.validationIssues(prefix: "h")) == ["h.idle_bare_w"])
    }

    @Test func cohortDatesUtilizationAndIDsAreChecked() throws {
        let cal = try FleetFixtures.calendar(), hw = [try FleetFixtures.h100()]
        let good = FleetFixtures.cohort()
        #expect(good.validationIssues(prefix: "fleet.cohorts.x", calendar: cal, hardware: hw, siteIDs: ["us-east-1"]).isEmpty)

        var bad = FleetFixtures.cohort(start: "2026-07-01", end: "2026-01-01")
        bad.workload.inferenceUtilizationFraction = 1.2
        bad.hardware = "h900"
        bad.site = "mars-1"
        bad.count = -5
        let p = paths(bad.validationIssues(prefix: "fleet.cohorts.x", calendar: cal, hardware: hw, siteIDs: ["us-east-1"]))
        for expected in ["fleet.cohorts.x.deploy_end", "fleet.cohorts.x.workload.inference_utilization_fraction",
                         "fleet.cohorts.x.hardware", "fleet.cohorts.x.site", "fleet.cohorts.x.count"] {
            #expect(p.contains(expected), "missing \(expected) in \(p)")
        }
        let outside = FleetFixtures.cohort(start: "2024-01-01", end: "2040-01-01")
        let q = paths(outside.validationIssues(prefix: "c", calendar: cal, hardware: hw, siteIDs: nil))
        #expect(q.contains("c.deploy_start") && q.contains("c.deploy_end"))
    }
}

@Suite("FleetScenarios")
struct FleetScenarioTests {
    static let sites = FacilityFixtures.siteIDs

    @Test(arguments: ["openai-aws-2025", "h100-training-100k", "inference-phoenix-air"])
    func shippedScenarioCohortsValidateAndLoad(id: String) throws {
        let s = try FleetCatalogFile.scenario(id)
        #expect(!s.cohorts.isEmpty)
        for c in s.cohorts {
            let issues = c.validationIssues(prefix: "fleet.cohorts.\(c.id)", calendar: s.calendar,
                                            hardware: s.hardware, siteIDs: Self.sites)
            #expect(issues.isEmpty, "\(issues)")
            let hw = s.hardware.first { $0.id == c.hardware }!
            let load = try c.load(hardware: hw, calendar: s.calendar)
            #expect(load.itPowerW.count == s.calendar.hourCount)
            #expect(load.itPowerW.allSatisfy { $0.isFinite && $0 >= 0 })
            #expect(load.itPowerW.max()! > 0)
        }
    }

    @Test func defaultScenarioHasAllGPUCapacityInPlaceBeforeTheEndOf2026() throws {
        let s = try FleetCatalogFile.scenario("openai-aws-2025")
        let dec2026 = s.calendar.monthNames.firstIndex(of: "2026-12")!
        var gpus = 0.0, base = 0.0
        for c in s.cohorts where c.hardware.hasPrefix("gb") && !c.id.contains("expansion") {
            let hw = s.hardware.first { $0.id == c.hardware }!
            gpus += try c.load(hardware: hw, calendar: s.calendar).installedAtMonthEnd[dec2026]
            base += c.count * (1 + c.spareFraction)
        }
        #expect(abs(gpus - base) < 1e-6 && base >= 100_000)
    }
}

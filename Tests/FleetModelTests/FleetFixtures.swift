@testable import FleetModel

/// Cohorts and calendars for the fleet tests; hardware comes from the shipped catalog
/// (`FleetCatalogFile`) so the tests check the numbers users get.
enum FleetFixtures {
    static let workload = WorkloadSpec(
        trainingFraction: 0.5, trainingUtilizationFraction: 0.9, trainingConcentration: 20,
        trainingIntensityFraction: 0.8, inferenceUtilizationFraction: 0.5, inferenceConcentration: 5,
        inferenceIntensityFraction: 0.5, inferenceDiurnalAmplitudeFraction: 0.3, inferencePeakHourUTC: 18)

    static func cohort(count: Double = 1000, start: String = "2026-01-01", end: String = "2026-07-01",
                       ramp: RampShape = .logistic, refresh: Bool = false, spare: Double = 0.03,
                       workload: WorkloadSpec = workload) -> CohortSpec {
        CohortSpec(id: "h100-test", hardware: "h100-sxm", site: "us-east-1", count: count,
                   deployStart: start, deployEnd: end, ramp: ramp, rampSteepness: 10, refresh: refresh,
                   spareFraction: spare, powerCapFraction: nil, liquidCooled: true, workload: workload)
    }

    static func calendar() throws -> TermCalendar { try TermCalendar(start: "2025-11-01", months: 84) }

    static func h100() throws -> HardwareSpec { try FleetCatalogFile.hardware("h100-sxm") }

    /// A GPU whose curve is a straight line from 100 W to 500 W (for known-answer expectations).
    static let linearGPU = HardwareSpec(
        id: "linear", name: "straight-line test GPU", kind: .gpu, tdpW: 500,
        curveUtilizationFraction: [0, 0.5, 1], curvePowerFraction: [0.2, 0.6, 1.0],
        idleBareW: 50, hostIdleW: 0, hostMaxW: 0, networkW: 0, storageW: 0, liquidHeatFraction: 0,
        embodiedGPUKg: 0, embodiedHostKg: 0, embodiedRackNetworkKg: 0, usefulLifeYears: 5, annualFailureRate: 0, repairTimeHours: 0,
        defaultUtilizationFraction: 0.5)
}

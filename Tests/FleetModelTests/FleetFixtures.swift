@testable import FleetModel

/// Catalog entries and cohorts built in Swift (same values as models/hardware.yaml)
/// so the fleet tests do not depend on the YAML loader.
enum FleetFixtures {
    static let h100 = HardwareSpec(
        id: "h100-sxm", name: "NVIDIA H100 SXM5 80 GB", kind: .gpu, tdpW: 700,
        curveUtilizationFraction: [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1],
        curvePowerFraction: [0.154, 0.370, 0.530, 0.705, 0.842, 0.930, 0.985],
        idleBareW: 70, hostIdleW: 150, hostMaxW: 350, networkW: 100, storageW: 30,
        liquidHeatFraction: 0.75, embodiedKg: 1000, usefulLifeYears: 5, annualFailureRate: 0.08,
        repairTimeHours: 72, defaultUtilizationFraction: 0.9)

    static let workload = WorkloadSpec(
        trainingFraction: 0.5, trainingUtilizationFraction: 0.9, trainingConcentration: 10,
        trainingIntensityFraction: 0.8, inferenceUtilizationFraction: 0.5, inferenceConcentration: 4,
        inferenceIntensityFraction: 0.5, inferenceDiurnalAmplitudeFraction: 0.3, inferencePeakHourUTC: 18)

    static func cohort(count: Double = 1000, start: String = "2026-01-01", end: String = "2026-07-01",
                       ramp: RampShape = .logistic, refresh: Bool = false) -> CohortSpec {
        CohortSpec(id: "h100-test", hardware: "h100-sxm", site: "us-east-1", count: count,
                   deployStart: start, deployEnd: end, ramp: ramp, rampSteepness: 10, refresh: refresh,
                   spareFraction: 0.03, powerCapFraction: nil, liquidCooled: true, workload: workload)
    }

    static func calendar() throws -> TermCalendar { try TermCalendar(start: "2025-11-01", months: 84) }
}

import Foundation
import Testing
@testable import FleetModel

@Suite("Estimate")
struct EstimateTests {
    /// BLOOM 176B (Luccioni et al., arXiv 2211.02001): 1,082,990 A100-hours at 400 W TDP
    /// → 433 MWh of dynamic energy; at the French grid's 57 g CO2e/kWh → 24.7 t CO2e.
    @Test func bloomTrainingMatchesThePublishedFigures() throws {
        let r = try Estimate.run(EstimateInput(gpu: "a100-80gb", powerW: 400, gpuHours: 1_082_990, pue: 1.0,
                                               carbonIntensityKgPerKwh: 0.057),
                                 hardware: try FleetCatalogFile.hardware("a100-80gb"))
        #expect(abs(r.energyMWh - 433.196) < 1e-9)          // 1,082,990 h × 400 W = 433,196 kWh
        #expect(abs(r.energyMWh - 433) < 0.5)                // paper: 433 MWh
        #expect(abs(r.carbonTCO2e - 24.692172) < 1e-9)      // 433.196 MWh × 0.057 t/MWh
        #expect(abs(r.carbonTCO2e - 24.7) < 0.05)            // paper: 24.7 t
    }

    /// Llama 3.1 405B (Meta model card): 30.84 M H100-80GB GPU-hours at 700 W → 21,588 MWh;
    /// 8,930 t CO2e location-based implies 0.4137 kg/kWh, close to eGRID's 0.375 US average.
    @Test func llama405BEnergyIsHoursTimesTDP() throws {
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", powerW: 700, gpuHours: 30.84e6, pue: 1.0,
                                               carbonIntensityKgPerKwh: 8930 / 21_588),
                                 hardware: try FleetCatalogFile.hardware("h100-sxm"))
        #expect(abs(r.energyMWh - 21_588) < 1e-6)
        #expect(abs(r.carbonTCO2e - 8930) < 1e-6)
        let implied = 8930.0 / 21_588
        #expect(implied > Estimate.defaultCarbonIntensityKgPerKwh && implied < 0.5)
    }

    @Test func catalogPowerIncludesHostNetworkAndStorage() throws {
        let hw = try FleetCatalogFile.hardware("h100-sxm")
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", count: 8, hours: 1000, utilization: 0.9), hardware: hw)
        let board = try PowerCurve(hardware: hw).boardPowerW(utilization: 0.9)
        let perGPU = board + hw.hostIdleW + (hw.hostMaxW - hw.hostIdleW) * 0.9 + hw.networkW + hw.storageW
        #expect(abs(r.inputs.powerW - perGPU) < 1e-9)
        #expect(abs(r.inputs.itEnergyMWh - 8000 * perGPU / 1e6) < 1e-12)
        #expect(abs(r.energyMWh - r.inputs.itEnergyMWh * Estimate.defaultPUE) < 1e-12)
        #expect(abs(r.waterM3 - r.inputs.itEnergyMWh * Estimate.defaultWUELPerKwh) < 1e-12)
        #expect(abs(r.costUSD - r.energyMWh * 1000 * Estimate.defaultPriceUSDPerKwh) < 1e-9)
        #expect(r.inputs.powerSource == "catalog")
    }

    @Test func measuredBoardPowerSetsBoardAndHost() throws {
        let hw = try FleetCatalogFile.hardware("h100-sxm")
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1000, boardPowerFraction: 0.71), hardware: hw)
        // Board 0.71 × 700 = 497 W; load on the dense-GEMM scale x = (497 − P₀)/(P(1) − P₀) with the
        // catalog's P₀ = f₀·T and P(1) = f₁·T; host H_idle + (H_max − H_idle)·x; plus network and storage.
        let p0 = hw.curvePowerFraction.first! * 700, p1 = hw.curvePowerFraction.last! * 700
        let x = (497 - p0) / (p1 - p0)
        let expected = 497 + hw.hostIdleW + (hw.hostMaxW - hw.hostIdleW) * x + hw.networkW + hw.storageW
        #expect(abs(r.inputs.boardPowerW! - 497) < 1e-9 && abs(r.inputs.powerW - expected) < 1e-9)
        #expect(r.inputs.powerSource == "board" && r.inputs.utilization == nil)
        #expect(throws: EstimateError.self) {
            try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1, utilization: 0.5, boardPowerFraction: 0.7), hardware: hw)
        }
        #expect(throws: EstimateError.self) {
            try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1, boardPowerFraction: 1.2), hardware: hw)
        }
    }

    @Test func hoursMustBeGivenOnce() throws {
        let hw = try FleetCatalogFile.hardware("h100-sxm")
        #expect(throws: EstimateError.missingHours) { try Estimate.run(EstimateInput(gpu: "h100-sxm"), hardware: hw) }
        #expect(throws: EstimateError.conflictingHours) {
            try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1, count: 1, hours: 1), hardware: hw)
        }
        #expect(throws: EstimateError.self) {
            try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1, pue: 0.8), hardware: hw)
        }
    }

    @Test func resultHasTheContractKeys() throws {
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1000), hardware: try FleetCatalogFile.hardware("h100-sxm"))
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(r)) as? [String: Any]
        for key in ["energy_mwh", "carbon_tco2e", "cost_usd", "water_m3", "inputs"] { #expect(json?[key] != nil, "\(key)") }
    }
}

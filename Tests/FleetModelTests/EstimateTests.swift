import Foundation
import Testing
@testable import FleetModel
import FleetTestSupport

@Suite("Estimate")
struct EstimateTests {
    /// BLOOM 176B (Luccioni et al., arXiv 2211.02001): 1,082,990 A100-hours at 400 W TDP
    /// → 433 MWh of dynamic energy; at the French grid's 57 g CO2e/kWh → 24.7 t CO2e.
    @Test func bloomTrainingMatchesThePublishedFigures() throws {
        let r = try Estimate.run(EstimateInput(gpu: "a100-80gb", powerW: 400, gpuHours: 1_082_990, pue: 1.0,
                                               carbonIntensityKgPerKwh: 0.057),
                                 hardware: try FleetCatalogFile.hardware("a100-80gb"))
        expectClose(r.energyMWh, 433.196)                        // 1,082,990 h × 400 W = 433,196 kWh
        expectClose(r.energyMWh, 433, absolute: 0.5, "paper: 433 MWh")
        expectClose(r.carbonTCO2e, 24.692172)                    // 433.196 MWh × 0.057 t/MWh
        expectClose(r.carbonTCO2e, 24.7, absolute: 0.05, "paper: 24.7 t")
    }

    /// Llama 3.1 405B (Meta model card): 30.84 M H100-80GB GPU-hours at 700 W → 21,588 MWh;
    /// 8,930 t CO2e location-based implies 0.4137 kg/kWh, close to eGRID's 0.375 US average.
    @Test func llama405BEnergyIsHoursTimesTDP() throws {
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", powerW: 700, gpuHours: 30.84e6, pue: 1.0,
                                               carbonIntensityKgPerKwh: 8930 / 21_588),
                                 hardware: try FleetCatalogFile.hardware("h100-sxm"))
        expectClose(r.energyMWh, 21_588)                         // 30.84e6 h × 700 W
        expectClose(r.carbonTCO2e, 8930)
        let implied = 8930.0 / 21_588
        #expect(implied > Estimate.defaultCarbonIntensityKgPerKwh && implied < 0.5)
    }

    /// Every input given: 2,000 GPU-hours at 1,000 W, PUE 1.25, 0.4 kg/kWh, 0.10 USD/kWh, 1.8 L/kWh.
    ///   IT       2,000 h × 1,000 W        = 2,000,000 Wh = 2 MWh
    ///   facility 2 MWh × 1.25             = 2.5 MWh
    ///   carbon   2.5 MWh × 0.4 t/MWh      = 1.0 t
    ///   cost     2,500 kWh × 0.10 USD/kWh = 250 USD
    ///   water    2 MWh × 1.8 m³/MWh       = 3.6 m³ (WUE is per IT energy)
    @Test func givenInputsByHand() throws {
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", powerW: 1_000, gpuHours: 2_000, pue: 1.25,
                                               carbonIntensityKgPerKwh: 0.4, priceUSDPerKwh: 0.10, wueLPerKwh: 1.8),
                                 hardware: try FleetCatalogFile.hardware("h100-sxm"))
        expectClose(r.inputs.itEnergyMWh, 2)
        expectClose(r.energyMWh, 2.5)
        expectClose(r.carbonTCO2e, 1.0)
        expectClose(r.costUSD, 250)
        expectClose(r.waterM3, 3.6)
        #expect(r.inputs.powerSource == "given" && r.inputs.boardPowerW == nil && r.inputs.utilization == nil)
        // count × hours is the same job: 8 GPUs × 250 h = 2,000 GPU-hours.
        let split = try Estimate.run(EstimateInput(gpu: "h100-sxm", powerW: 1_000, count: 8, hours: 250, pue: 1.25,
                                                   carbonIntensityKgPerKwh: 0.4, priceUSDPerKwh: 0.10, wueLPerKwh: 1.8),
                                     hardware: try FleetCatalogFile.hardware("h100-sxm"))
        expectClose(split.energyMWh, 2.5)
    }

    /// The defaults are the cited figures in Estimate's doc comments: PUE 1.56 (Uptime
    /// Institute 2024), 0.375 kg CO2e/kWh (eGRID2022 US total output: 823.149 lb CO2/MWh is 0.3734 kg CO2/kWh, plus CH4 and N2O), 8.06 ¢/kWh
    /// (EIA 2023 industrial), 0.84 L/kWh (the industry average Amazon cites). With 1,000
    /// GPU-hours at 500 W: IT 0.5 MWh, facility 0.5 × 1.56 = 0.78 MWh, carbon 0.78 × 0.375
    /// = 0.2925 t, cost 780 kWh × 0.0806 = 62.868 USD, water 0.5 × 0.84 = 0.42 m³.
    @Test func defaultsAreTheCitedFigures() throws {
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", powerW: 500, gpuHours: 1_000),
                                 hardware: try FleetCatalogFile.hardware("h100-sxm"))
        expectClose(r.energyMWh, 0.78)
        expectClose(r.carbonTCO2e, 0.2925)
        expectClose(r.costUSD, 62.868)
        expectClose(r.waterM3, 0.42)
    }

    /// Without --power-w the power per GPU is board + host at u + network + storage, with
    /// the host linear between idle and max: host(u) = idle + (max − idle)·u, and the board
    /// read from the hardware's power curve at u (the curve has its own tests).
    @Test func catalogPowerIncludesHostNetworkAndStorage() throws {
        let hw = try FleetCatalogFile.hardware("h100-sxm")
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", count: 8, hours: 1000, pue: 1.2,
                                               carbonIntensityKgPerKwh: 0.5, priceUSDPerKwh: 0.1, wueLPerKwh: 1,
                                               utilization: 0.9), hardware: hw)
        let board = try PowerCurve(hardware: hw).boardPowerW(utilization: 0.9)
        #expect(board > 0 && board <= hw.tdpW, "board \(board) W within (0, TDP \(hw.tdpW) W]")
        expectClose(try #require(r.inputs.boardPowerW), board)
        let perGPU = board + hw.hostIdleW + (hw.hostMaxW - hw.hostIdleW) * 0.9 + hw.networkW + hw.storageW
        expectClose(r.inputs.powerW, perGPU)
        // 8 × 1,000 h = 8,000 GPU-hours; MWh = 8,000 · P / 10⁶.
        expectClose(r.inputs.itEnergyMWh, 8_000 * perGPU / 1e6)
        expectClose(r.energyMWh, 8_000 * perGPU / 1e6 * 1.2)
        #expect(r.inputs.powerSource == "catalog" && r.inputs.utilization == 0.9)
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

    /// A measured fraction below idle with a context (or above full load) is moved to that end of
    /// the curve, as for a cohort (§1.3), and the result says so in a warning for standard error;
    /// one inside the curve's range is used as given, silently.
    @Test func boardPowerOutsideTheCurveIsMovedWithAWarning() throws {
        let hw = try FleetCatalogFile.hardware("h100-sxm")
        let p0 = hw.curvePowerFraction.first! * hw.tdpW, p1 = hw.curvePowerFraction.last! * hw.tdpW
        let low = try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1000, boardPowerFraction: 0.05), hardware: hw)
        #expect(abs(try #require(low.inputs.boardPowerW) - p0) < 1e-9)
        #expect(low.warnings.count == 1, "\(low.warnings)")
        let note = try #require(low.warnings.first)
        #expect(note.contains("--board-power-fraction 0.05") && note.contains("35.0 W") && note.contains("raised")
                && note.contains("\((p0 * 10).rounded() / 10) W") && note.contains("idle"), "\(note)")
        if p1 < hw.tdpW {
            let high = try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1000, boardPowerFraction: 1), hardware: hw)
            #expect(abs(try #require(high.inputs.boardPowerW) - p1) < 1e-9)
            #expect(high.warnings.count == 1 && high.warnings[0].contains("lowered"), "\(high.warnings)")
        }
        let inside = try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 1000, boardPowerFraction: 0.71), hardware: hw)
        #expect(inside.warnings.isEmpty)
        // The warning is for standard error: the JSON document has no such key.
        let json = String(decoding: try JSONEncoder().encode(low), as: UTF8.self)
        #expect(!json.contains("warning"))
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

    /// The JSON carries the contract's keys with the numbers of the hand example above.
    @Test func resultJSONHasTheContractKeysAndValues() throws {
        let r = try Estimate.run(EstimateInput(gpu: "h100-sxm", powerW: 1_000, gpuHours: 2_000, pue: 1.25,
                                               carbonIntensityKgPerKwh: 0.4, priceUSDPerKwh: 0.10, wueLPerKwh: 1.8),
                                 hardware: try FleetCatalogFile.hardware("h100-sxm"))
        let json = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(r)) as? [String: Any])
        #expect(json["schema_version"] as? String == "fleetwatt.estimate/1")
        for (key, value) in [("energy_mwh", 2.5), ("carbon_tco2e", 1.0), ("cost_usd", 250), ("water_m3", 3.6)] {
            expectClose(try #require(json[key] as? Double, "\(key)"), value, "\(key)")
        }
        let inputs = try #require(json["inputs"] as? [String: Any])
        for (key, value) in [("gpu_hours", 2_000.0), ("power_w", 1_000), ("pue", 1.25), ("carbon_intensity_kg_per_kwh", 0.4),
                             ("price_usd_per_kwh", 0.10), ("wue_l_per_kwh", 1.8), ("it_energy_mwh", 2)] {
            expectClose(try #require(inputs[key] as? Double, "inputs.\(key)"), value, "inputs.\(key)")
        }
        #expect(inputs["power_source"] as? String == "given" && inputs["gpu"] as? String == "h100-sxm")
    }
}

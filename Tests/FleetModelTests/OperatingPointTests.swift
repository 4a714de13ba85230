import Foundation
import FleetTestSupport
import Testing
@testable import FleetModel

/// The board-power route of a workload, generation refreshes, scenario options and the
/// contract value per GPU-hour, against answers worked out by hand.
@Suite("Operating points, refresh and options")
struct OperatingPointTests {
    /// The straight-line test GPU (TDP 500 W, P₀ = 100 W, P(1) = 500 W) with a host of 100–300 W,
    /// network 20 W and storage 10 W.
    static var gpu: HardwareSpec {
        var h = FleetFixtures.linearGPU
        h.hostIdleW = 100; h.hostMaxW = 300; h.networkW = 20; h.storageW = 10
        return h
    }

    static func workload(training: Double, trainingBoard: Double?, inferenceBoard: Double?, amplitude: Double) -> WorkloadSpec {
        var w = FleetFixtures.workload
        w.trainingFraction = training
        w.trainingBoardPowerFraction = trainingBoard
        w.inferenceBoardPowerFraction = inferenceBoard
        w.inferenceDiurnalAmplitudeFraction = amplitude
        return w
    }

    static func model(_ w: WorkloadSpec, cap: Double? = nil) throws -> CohortPowerModel {
        var c = FleetFixtures.cohort(workload: w)
        c.hardware = "linear"
        c.powerCapFraction = cap
        return try CohortPowerModel(cohort: c, hardware: gpu, calendar: try FleetFixtures.calendar())
    }

    @Test func boardPowerGivenAsAShareOfTDP() throws {
        // Inference only, 0.7 × 500 = 350 W on the board; the load it implies on the dense-GEMM
        // scale is (350 − 100)/(500 − 100) = 0.625, so the host draws 100 + 200 × 0.625 = 225 W.
        let m = try Self.model(Self.workload(training: 0, trainingBoard: nil, inferenceBoard: 0.7, amplitude: 0))
        let p = m.meanServingPower
        #expect(abs(p.boardW - 350) < 1e-9 && abs(p.hostW - 225) < 1e-9)
        expectClose(p.totalW, (350 + 225 + 20 + 10), absolute: 1e-9)
        expectClose(CohortPower.values(m)[5], 0.7, absolute: 1e-12)
    }

    @Test func dailyCycleKeepsTheMeanBoardPower() throws {
        // f(τ) = f₀ + (f̄ − f₀)(1 + a cos(2π(τ − τ_pk)/24)): the cosine sums to 0 over 24 equally
        // spaced hours, so the day's mean is f̄ = 0.6 (300 W) whatever the amplitude, as long as
        // no hour is clamped (0.2 + 0.4 × 1.5 = 0.8 < 1).
        let m = try Self.model(Self.workload(training: 0, trainingBoard: nil, inferenceBoard: 0.6, amplitude: 0.5))
        expectClose(m.meanServingPower.boardW, 300, absolute: 1e-9)
        #expect(m.servingPowerByHourOfDay.max()! > m.servingPowerByHourOfDay.min()! + 100)
    }

    @Test func trainingAndInferenceMixByShare() throws {
        // 0.25 training at 0.9 (450 W, load 0.875, host 275 W) + 0.75 inference at 0.5 (250 W,
        // load 0.375, host 175 W): board 0.25 × 450 + 0.75 × 250 = 300 W, host 200 W.
        let m = try Self.model(Self.workload(training: 0.25, trainingBoard: 0.9, inferenceBoard: 0.5, amplitude: 0))
        #expect(abs(m.meanServingPower.boardW - 300) < 1e-9 && abs(m.meanServingPower.hostW - 200) < 1e-9)
    }

    @Test func boardPowerIsHeldUnderTheCapAndAboveIdle() throws {
        // A cap at 0.6 × 500 = 300 W holds a requested 0.9 to 300 W; the GPU then runs flat out on
        // the capped scale (load (300 − 100)/(300 − 100) = 1), so the host draws its maximum 300 W.
        // A request below idle-with-context reads as idle-with-context.
        let capped = try Self.model(Self.workload(training: 0, trainingBoard: nil, inferenceBoard: 0.9, amplitude: 0), cap: 0.6)
        #expect(abs(capped.meanServingPower.boardW - 300) < 1e-9 && abs(capped.meanServingPower.hostW - 300) < 1e-9)
        let low = try Self.model(Self.workload(training: 0, trainingBoard: nil, inferenceBoard: 0.05, amplitude: 0))
        expectClose(low.meanServingPower.boardW, 100, absolute: 1e-9)
    }

    @Test func boardRouteNeedsNoUtilizationFields() throws {
        let doc = try ScenarioDocument.embeddedDefault()
        let spec = try doc.decode(FleetSpec.self)
        let gb = try #require(spec.fleet.cohorts[id: "gb200-use1"])
        #expect(gb.workload.inferenceBoardPowerFraction != nil && gb.workload.trainingBoardPowerFraction != nil)
        #expect(spec.fleetValidationIssues().isEmpty, "\(spec.fleetValidationIssues())")
    }

    @Test func theExpansionIsASwitchableOption() throws {
        var doc = try ScenarioDocument.embeddedDefault()
        let with = try doc.decode(FleetSpec.self)
        #expect(with.fleet.cohorts[id: "gb300-expansion-use2"] != nil)
        try doc.set("options.expansion-2027.enabled", to: "false")
        let without = try doc.decode(FleetSpec.self)
        #expect(without.fleet.cohorts[id: "gb300-expansion-use2"] == nil)
        #expect(without.fleet.cohorts.count == with.fleet.cohorts.count - 1)
        // Fewer GPUs, fewer GPU-hours and less IT energy.
        let a = try FleetEvaluator(spec: with).evaluate().total(), b = try FleetEvaluator(spec: without).evaluate().total()
        #expect(b[Metric.gpuHours.index] < a[Metric.gpuHours.index] && b[Metric.itEnergy.index] < a[Metric.itEnergy.index])
    }

    /// A refresh into another generation retires the old units without like-for-like
    /// replacement and deploys the new ones on the same ramp one life later, so the units
    /// installed never change through the swap (R(t) − R(t − L) + R(t − L) = R(t)).
    /// The default with the next-generation refresh switched on.
    static func withRefresh() throws -> ScenarioDocument {
        var doc = try ScenarioDocument.embeddedDefault()
        try doc.set("options.refresh-next-generation.enabled", to: "true")
        return doc
    }

    @Test func theNextGenerationRefreshIsAnOptionOffByDefault() throws {
        let off = try ScenarioDocument.embeddedDefault().decode(FleetSpec.self)
        #expect(off.fleet.cohorts[id: "gb200-use1-refresh"] == nil && off.fleet.cohorts[id: "gb200-use1"]!.refresh)
        let on = try Self.withRefresh().decode(FleetSpec.self)
        #expect(on.fleet.cohorts.count == off.fleet.cohorts.count + 6)
    }

    @Test func refreshSwapsTheHardwareAndKeepsTheUnitCount() throws {
        var spec = try Self.withRefresh().decode(FleetSpec.self)
        let old = try #require(spec.fleet.cohorts[id: "gb200-use1"])
        let new = try #require(spec.fleet.cohorts[id: "gb200-use1-refresh"])
        #expect(!old.refresh && old.serviceLifeYears == 5 && new.hardware == "vera-rubin" && new.deployDelayYears == 5)
        spec.fleet.cohorts = IDMap([old, new])
        let e = try FleetEvaluator(spec: spec)
        let loads = e.loads()
        let installed = zip(loads[0].installedAtMonthEnd, loads[1].installedAtMonthEnd).map(+)
        let full = old.count * (1 + old.spareFraction)
        for k in 12..<installed.count { #expect(abs(installed[k] - full) < 1e-6 * full, "month \(k)") }
        // Before the swap only the old hardware is in service, after it only the new one.
        #expect(loads[1].installedAtMonthEnd[48] == 0 && loads[0].installedAtMonthEnd.last! < 1e-9 * full)
    }

    /// The default scenario's text with `line` added to cohort gb200-use1 (after its `refresh_to`).
    static func defaultWith(_ line: String) throws -> ScenarioDocument {
        let text = try #require(EmbeddedModels.files["scenarios/openai-aws-2025.yaml"])
        let anchor = "      refresh_to: vera-rubin"
        let at = try #require(text.range(of: anchor))
        let lineEnd = text[at.upperBound...].firstIndex(of: "\n")!
        var edited = text
        edited.insert(contentsOf: "\n      " + line, at: lineEnd)
        var doc = try ScenarioDocument(text: edited, file: "edited.yaml", models: .embedded)
        try doc.set("options.refresh-next-generation.enabled", to: "true")
        return doc
    }

    /// With retiring and successor cohorts the optimised hour loop (retired cohorts count as
    /// empty, so later months can repeat) still equals the one-pass reference.
    @Test func refreshedFleetEvaluatesAsTheReference() throws {
        try EngineEquivalenceTests.check(try Self.withRefresh().decode(FleetSpec.self))
    }

    @Test func aRefreshDateSetsTheServiceLife() throws {
        let spec = try Self.defaultWith("refresh_date: \"2029-11-01\"").decode(FleetSpec.self)
        let old = try #require(spec.fleet.cohorts[id: "gb200-use1"])
        // 2025-11-01 → 2029-11-01 is 1,461 days (one leap day) = 35,064 h = 4.0 mean years.
        expectClose(old.serviceLifeYears!, 35_064.0 / 8_766, absolute: 1e-12)
        expectClose(spec.fleet.cohorts[id: "gb200-use1-refresh"]!.deployDelayYears!, 35_064.0 / 8_766, absolute: 1e-12)
    }

    @Test func contractValuePerGPUHourIsTheContractOverServingGPUHours() throws {
        // One GB200 cohort in service for the whole term (deployed on day one, refreshed in kind):
        // GPU-hours = N·A·H with A = min(1, (1 + s)(1 − λT_r/8766)) = 1 for 2 % spares.
        var spec = try ScenarioDocument.embeddedDefault().decode(FleetSpec.self)
        var c = try #require(spec.fleet.cohorts[id: "gb200-use1"])
        c.deployStart = "2025-11-01"; c.deployEnd = "2025-11-01"; c.refresh = true; c.serviceLifeYears = nil
        c.count = 10_000
        spec.fleet.cohorts = IDMap([c])
        let e = try FleetEvaluator(spec: spec)
        let t = try e.evaluate().total()
        let hours = Double(e.calendar.hourCount)
        expectClose(t[Metric.gpuHours.index], 10_000 * hours, absolute: 1e-6 * 10_000 * hours)
        let expected = spec.contract.valueUSD / (10_000 * hours)
        expectClose(t[Metric.contractUSDPerGPUHour.index], expected, relative: 1e-9)
    }

    @Test func unknownOptionIsAnError() throws {
        let doc = try Self.defaultWith("option: expansion-2029")
        #expect(throws: (any Error).self) { try doc.decode(FleetSpec.self) }
    }
}

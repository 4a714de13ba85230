import Foundation
import FleetTestSupport
import Testing
@testable import FleetModel

/// Every published board-power measurement the catalog's curves rest on, against the curve,
/// within the tolerance stated here (docs/METHODS.md §1.2, table of measured points), and one
/// published dataset kept out of the fit (ML.ENERGY benchmark v3.0) checked against it.
@Suite("Power curves against measurements")
struct PowerMeasurementTests {
    /// A measured board power: GPU, utilization (nvidia-smi), watts, tolerance, source.
    struct Point: CustomStringConvertible {
        let gpu: String, u: Double, watts: Double, tolerance: Double, source: String
        var description: String { "\(gpu) u = \(u): \(watts) W ± \(tolerance) (\(source))" }
    }

    /// The points the curves were built from (their endpoints).
    static let fitted: [Point] = [
        Point(gpu: "h100-pcie", u: 0, watts: 79.7, tolerance: 5,
              source: "nvidia-smi idle, GOATnote-Inc/robogoat POWER_EFFICIENCY_MEASURED.md (2025)"),
        Point(gpu: "h200", u: 0, watts: 80.3, tolerance: 6,
              source: "model loaded, no request: serialalice GPU energy benchmark (2026, low quality)"),
        Point(gpu: "h100-sxm", u: 1, watts: 700, tolerance: 15,
              source: "dense GEMM power-bound at the 700 W limit, arXiv 2604.11391"),
        Point(gpu: "h100-sxm", u: 0, watts: 70 + 38, tolerance: 12,
              source: "bare idle + 26–50 W CUDA context, arXiv 2605.23918 (bare idle assumed 70 W)"),
        Point(gpu: "h200", u: 1, watts: 700, tolerance: 15, source: "dense GEMM at the 700 W limit, arXiv 2604.11391"),
    ]

    @Test(arguments: fitted)
    func curvePassesThroughTheMeasuredPoint(_ p: Point) throws {
        let curve = try PowerCurve(hardware: try FleetCatalogFile.hardware(p.gpu))
        let w = try curve.boardPowerW(utilization: p.u)
        expectClose(w, p.watts, absolute: p.tolerance, "\(p): curve gives \(w) W")
    }

    /// Creating a CUDA context costs 26–50 W over bare idle on HBM parts (arXiv 2605.23918).
    @Test(arguments: ["a100-40gb", "a100-80gb", "h100-sxm", "h200"])
    func contextStepIsInTheMeasuredRange(id: String) throws {
        let hw = try FleetCatalogFile.hardware(id)
        #expect((26...50).contains(hw.idleContextW - hw.idleBareW), "\(id): \(hw.idleContextW - hw.idleBareW) W")
    }

    /// Held out: ML.ENERGY benchmark v3.0, task lm-arena-chat (ml-energy/leaderboard
    /// public/data/tasks/lm-arena-chat.json at commit 0cd52dab, 2026-02-27), avg_power_watts /
    /// num_gpus per configuration: H100 177 configurations, median 500.4 W, max 693.6 W;
    /// B200 151, median 799.0 W, max 975.6 W. These serving runs keep kernels resident
    /// (utilization near 1) with intensities from memory-bound decode to compute-bound prefill,
    /// so every configuration must lie between idle-with-context and the dense-GEMM top of the
    /// curve at u = 1 (within 2 %), and the top must not sit far above the hungriest run.
    @Test(arguments: [("h100-sxm", 500.4, 693.6, 230.7), ("b200", 799.0, 975.6, 449.3)])
    func servingMeasurementsLieUnderTheCurveTop(id: String, median: Double, max: Double, min: Double) throws {
        let hw = try FleetCatalogFile.hardware(id)
        let top = try PowerCurve(hardware: hw).boardPowerW(utilization: 1)
        #expect(max <= top * 1.02, "\(id): measured \(max) W above the curve's top \(top) W")
        #expect(top <= max * 1.05, "\(id): the curve's top \(top) W far above the hungriest serving run \(max) W")
        #expect(min > hw.idleContextW)
        // The implied intensity of the median run, (P − P₀)/(P(1) − P₀), is a fraction.
        let iota = (median - hw.idleContextW) / (top - hw.idleContextW)
        #expect(iota > 0 && iota < 1)
    }

    /// Held out: the default scenario's inference operating point (board power as a share of
    /// TDP) has the ML.ENERGY medians (0.715 for H100, 0.799 for B200) inside its P5–P95 range.
    @Test func defaultInferenceOperatingPointCoversTheServingMedians() throws {
        let doc = try ScenarioDocument.embeddedDefault()
        guard let input = doc.inputs.first(where: { $0.path == "fleet.cohorts.gb200-use1.workload.inference_board_power_fraction" }),
              let dist = input.distribution else {
            Issue.record("the default's GB200 inference board power is not an uncertain input"); return
        }
        // triangular(a, c, b): P5 = a + √(0.05 (b − a)(c − a)), P95 = b − √(0.05 (b − a)(b − c)).
        let args = dist.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }.split(separator: ",")
            .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        #expect(dist.hasPrefix("triangular") && args.count == 3)
        guard args.count == 3 else { return }
        let (a, c, b) = (args[0], args[1], args[2])
        let p05 = a + (0.05 * (b - a) * (c - a)).squareRoot(), p95 = b - (0.05 * (b - a) * (b - c)).squareRoot()
        for median in [500.4 / 700, 799.0 / 1000] { #expect(median > p05 && median < p95, "\(median) outside \(p05)–\(p95)") }
    }

    /// Held out: a memory-bound burst workload on an H100 PCIe averaged 143.8 W at 48.8 %
    /// utilization (robogoat, 2025). It must sit between idle-with-context and the
    /// compute-bound curve at that utilization (intensity between 0 and 1).
    @Test func memoryBoundMidPointSitsUnderTheComputeBoundCurve() throws {
        let hw = try FleetCatalogFile.hardware("h100-pcie")
        let dense = try PowerCurve(hardware: hw).boardPowerW(utilization: 0.488)
        #expect(143.8 > hw.idleContextW && 143.8 < dense)
    }

    /// Held out: H200 LLM decode draws 137–300 W of 700 W (arXiv 2605.11999): inside [P₀, P(1)].
    @Test func decodeRangeSitsBetweenIdleAndFullLoad() throws {
        let hw = try FleetCatalogFile.hardware("h200")
        let top = try PowerCurve(hardware: hw).boardPowerW(utilization: 1)
        #expect(137 > hw.idleContextW && 300 < top)
    }
}

import Foundation
import FleetTestSupport
import Testing
@testable import FleetModel

/// Pins the catalog's per-GPU power to the node and rack figures it was derived from
/// (docs/METHODS.md §1.2), so a later edit that drifts from them fails.
@Suite("Data: hardware against measured nodes and racks")
struct DataHardwareTests {
    /// In-node power per GPU (board + host) at utilization u, W.
    func nodeShareW(_ id: String, _ u: Double) throws -> Double {
        let hw = try FleetCatalogFile.hardware(id)
        let board = try PowerCurve(hardware: hw).boardPowerW(utilization: u)
        return board + hw.hostIdleW + (hw.hostMaxW - hw.hostIdleW) * u
    }

    /// 8×H100 HGX: peak 8.4–8.48 kW measured (Latif et al., arXiv 2412.08602); compute-intensive
    /// training at 76 % of the 10.2 kW rating (Newkirk et al., arXiv 2506.14551).
    @Test func h100NodeMatchesTheBrookhavenMeasurements() throws {
        let full = 8 * (try nodeShareW("h100-sxm", 1.0))
        expectClose(full, 8_450, relative: 0.05)
        let training = 8 * (try nodeShareW("h100-sxm", 0.9))
        #expect(training / 10_200 > 0.70 && training / 10_200 < 0.82)
        #expect(full < 10_200)
    }

    /// A node never draws more at full load than its rated maximum (DGX A100 6.5 kW, DGX B200 14.3 kW),
    /// nor less than half of it: compute-intensive training draws 76 % of the rating (Newkirk et al.
    /// above), so a node below 50 % at full load has lost its GPUs' power (0 W passed before).
    @Test(arguments: [("a100-80gb", 6_500.0), ("b200", 14_300.0), ("h200", 10_200.0), ("v100", 3_500.0)])
    func nodesStayBelowTheirRating(id: String, ratedW: Double) throws {
        let full = 8 * (try nodeShareW(id, 1.0))
        #expect(full < ratedW && full > 0.5 * ratedW, "\(id): 8 GPUs draw \(full) W of a \(ratedW) W rating")
    }

    /// NVL72 racks: GB300 121.4 kW in the Supermicro rack budget (18 compute trays 117 kW + 9
    /// NVLink switch trays 3.6 kW + power shelves 0.8 kW, via introl.com, 2025); GB200 120 kW
    /// (NVIDIA at GTC 2024, as reported by ServeTheHome / Tom's Hardware). Both are budgets with
    /// the boards at TDP, so the model's rack is 72 × (TDP + host at full load + NVLink switch
    /// trays 3.6 kW / 72 = 50 W of network_w); the scale-out fabric sits outside the rack.
    /// Within 10 %; at dense-GEMM full load (0.97 TDP) the rack is 3 % lower still.
    @Test(arguments: [("gb200", 120_000.0), ("gb300", 121_400.0)])
    func nvl72RackMatchesThePublishedRackPower(id: String, rackW: Double) throws {
        let hw = try FleetCatalogFile.hardware(id)
        let modelW = 72 * (hw.tdpW + hw.hostMaxW + 3_600.0 / 72)
        expectClose(modelW, rackW, relative: 0.10, "\(id): \(modelW) W against \(rackW) W")
        let gemm = 72 * (try nodeShareW(id, 1.0) + 3_600.0 / 72)
        #expect(gemm < modelW && gemm > 0.95 * modelW)
    }

    /// Idle host power stays below full-load host power, and every GPU has a host share.
    @Test(arguments: ["v100", "a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h200", "b200", "gb200", "gb300", "vera-rubin"])
    func hostIdleBelowHostMax(id: String) throws {
        let hw = try FleetCatalogFile.hardware(id)
        #expect(hw.hostIdleW > 0 && hw.hostIdleW < hw.hostMaxW)
    }
}

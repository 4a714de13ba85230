import Foundation
import Testing
@testable import FleetModel

/// Pins the catalog's per-GPU power to the node and rack figures it was derived from
/// (docs/METHODS.md, IT power; facts.md §2), so a later edit that drifts from them fails.
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
        #expect(abs(full - 8_450) < 0.05 * 8_450)
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

    /// NVL72 racks: GB200 ~120 kW (up to ~132 kW), GB300 ~120–140 kW (facts.md §2). The rack holds
    /// 72 GPUs' board and host power plus the NVLink switch trays (≈ 183 W/GPU of network_w).
    @Test(arguments: ["gb200", "gb300"])
    func nvl72RackAtFullLoadIsInThePublishedRange(id: String) throws {
        let nvlinkW = 183.0
        let rackW = 72 * (try nodeShareW(id, 1.0) + nvlinkW)
        #expect(rackW > 110_000 && rackW < 140_000)
    }

    /// Idle host power stays below full-load host power, and every GPU has a host share.
    @Test(arguments: ["v100", "a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h200", "b200", "gb200", "gb300"])
    func hostIdleBelowHostMax(id: String) throws {
        let hw = try FleetCatalogFile.hardware(id)
        #expect(hw.hostIdleW > 0 && hw.hostIdleW < hw.hostMaxW)
    }
}

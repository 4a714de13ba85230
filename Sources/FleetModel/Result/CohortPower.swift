/// One cohort's IT power per serving unit at full deployment (every unit deployed, the
/// day's mean), by component: `cohorts[]` of the result document.
///
/// A unit is one GPU with its share of host, network and storage (or one CPU server).
/// Board power as a fraction of TDP is what fleet telemetry (nvidia-smi, DCGM) reports,
/// so the cohort can be checked against published serving and training measurements.
public struct CohortPower: Codable, Sendable, Hashable {
    public var id: String
    /// Catalog id of the accelerator or server.
    public var hardware: String
    public var site: String
    public var powerPerUnitW: Components
    /// Mean board power per serving GPU / TDP, dimensionless.
    public var boardFractionOfTDP: Stats

    /// Power of one serving unit, W.
    public struct Components: Codable, Sendable, Hashable {
        public var board: Stats
        public var host: Stats
        public var network: Stats
        public var storage: Stats
        public var total: Stats
    }

    /// Output values per cohort, in this order: board, host, network, storage, total (W),
    /// board / TDP (1).
    public static let valueCount = 6

    /// The six values of a cohort's power model, in `valueCount` order.
    public static func values(_ m: CohortPowerModel) -> [Double] {
        let p = m.meanServingPower
        return [p.boardW, p.hostW, p.networkW, p.storageW, p.totalW, m.tdpW > 0 ? p.boardW / m.tdpW : 0]
    }

    /// A cohort from six statistics in `valueCount` order.
    public init(id: String, hardware: String, site: String, stats s: [Stats]) {
        precondition(s.count == Self.valueCount, "a cohort's power needs \(Self.valueCount) statistics")
        self.id = id; self.hardware = hardware; self.site = site
        powerPerUnitW = Components(board: s[0], host: s[1], network: s[2], storage: s[3], total: s[4])
        boardFractionOfTDP = s[5]
    }

    /// The six statistics in `valueCount` order.
    public var stats: [Stats] {
        [powerPerUnitW.board, powerPerUnitW.host, powerPerUnitW.network, powerPerUnitW.storage,
         powerPerUnitW.total, boardFractionOfTDP]
    }

    enum CodingKeys: String, CodingKey {
        case id, hardware, site
        case powerPerUnitW = "power_per_unit_w"
        case boardFractionOfTDP = "board_fraction_of_tdp"
    }
}

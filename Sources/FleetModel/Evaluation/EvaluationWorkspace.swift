/// The large buffers one evaluation leaves for the next on the same worker: each site's plant
/// table (4 × 8,760 values) and the facility power of its repeated months. A Monte Carlo worker
/// keeps one, so these are allocated once per worker, not once per sample.
///
/// Why: a sample allocated and freed about 1.4 MB of them; glibc returned that memory to the
/// kernel and faulted it back in, up to 1.3 million page faults and 2.4 s of system time in a
/// 10,000-sample run (docs/PERFORMANCE.md). Buffers are refilled in full before they are read,
/// so results do not depend on what they held. Not for sharing between threads: one per worker.
final class EvaluationWorkspace {
    /// The last evaluation's plant tables, by site id.
    private var tables: [String: CoolingPlantTable] = [:]
    /// The last evaluation's stored facility power, by site index.
    private var stored: [Int: [Double]] = [:]

    init() {}

    /// The table left for site `id`, removed from the workspace so that the caller holds its
    /// arrays alone (they are then written in place).
    func takeTable(site id: String) -> CoolingPlantTable? { tables.removeValue(forKey: id) }

    /// The stored-hours buffer left for site `index`, emptied, its capacity kept.
    func takeStored(site index: Int) -> [Double] {
        var s = stored.removeValue(forKey: index) ?? []
        s.removeAll(keepingCapacity: true)
        return s
    }

    /// Keeps `evaluator`'s plant tables for the next evaluation.
    func keepTables(of evaluator: FleetEvaluator) {
        for site in evaluator.facility.sites { tables[site.spec.id] = site.table }
    }

    /// Keeps site `index`'s stored-hours buffer for the next evaluation.
    func keepStored(_ buffer: [Double], site index: Int) { stored[index] = buffer }
}

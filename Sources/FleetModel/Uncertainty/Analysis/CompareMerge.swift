/// The whole-term totals of every variant at every sample of a run, paired by index
/// (samples that failed in any variant left out of all): what `CompareMerge` joins.
struct PairedTotals: Sendable {
    /// [variant][metric] at base values.
    var base: [[Double]]
    /// [variant][metric][sample], the samples that succeeded in every variant, in index order.
    var values: [[[Double]]]
    var failed: Int
    var firstFailure: String?
    var notes: [String]
}

/// Joins a comparison's parts (per variant, a `MonteCarloPartial` of a stretch of samples)
/// in sample order, one `MonteCarloMerge` per variant.
struct CompareMerge {
    private var merges: [MonteCarloMerge]
    private let first: [MonteCarloPartial]

    init(first: [MonteCarloPartial]) {
        self.first = first
        merges = first.map { MonteCarloMerge(first: $0) }
    }

    /// Adds the part that follows the samples joined so far.
    mutating func add(_ part: [MonteCarloPartial]) throws(UncertaintyError) {
        guard part.count == merges.count else {
            throw .invalidOption("part holds \(part.count) variants where \(merges.count) were expected")
        }
        for k in merges.indices { try merges[k].add(part[k]) }
    }

    /// The paired totals of the whole run; every sample must be joined.
    func paired() throws(UncertaintyError) -> PairedTotals {
        let samples = first.first?.samples ?? 0
        guard merges.allSatisfy({ $0.covered == 0..<samples }) else {
            throw .invalidOption("the parts joined cover samples \(merges.first?.covered ?? 0..<0) of \(samples)")
        }
        let joined = merges.first
        return PairedTotals(base: first.map(\.base), values: merges.map(\.totals), failed: joined?.failedCount ?? 0,
                            firstFailure: joined?.failures.first.map { "sample \($0.index): \($0.reason)" },
                            notes: first.first?.notes ?? [])
    }
}

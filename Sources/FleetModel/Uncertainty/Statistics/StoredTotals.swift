/// The whole-term total of every metric for each valid sample of a stretch, in sample order,
/// for exact quantiles and histograms, without storing the values that can be predicted.
///
/// At a million samples the stored totals are most of a run's memory (8 bytes × metrics ×
/// samples). A metric is kept as a prediction while every value so far matches it to the
/// bit: the same value as the first sample's (a total the sampled inputs do not move, such as
/// `load_site_hours` of the default), or the ratio of two other metrics of the same sample
/// computed as `Evaluation.aggregate` computes it (`pue` = facility / IT energy). The first
/// value that does not match stores the column, its earlier values rebuilt from the
/// prediction they matched, so `values(_:)` is always exactly what was appended.
struct StoredTotals: Sendable {
    /// How a metric's values are predicted.
    enum Rule: Sendable {
        /// Stored from the first value.
        case none
        /// Every value equal to the first.
        case constant
        /// numerator / denominator of the same sample when the denominator is positive, else 0.
        case ratio(numerator: Int, denominator: Int)
    }

    private let rules: [Rule]
    /// The first value of each metric (for `constant`).
    private var first: [Double]
    /// Each metric's values once stored; nil while its rule predicts them.
    private var columns: [[Double]?]
    /// Values appended per metric.
    private(set) var count = 0
    /// Values a stored column reserves room for.
    private let capacity: Int

    /// Totals of `metrics` for up to `capacity` samples, with the predictions that fit them.
    init(metrics: [Metric], capacity: Int) {
        let index = { (m: Metric) in metrics.firstIndex(of: m) }
        var rules = [Rule](repeating: .constant, count: metrics.count)
        // The ratios `Evaluation.aggregate` computes from two other totals.
        for (metric, numerator, denominator) in Metric.sumRatios {
            guard let m = index(metric), let a = index(numerator), let b = index(denominator) else { continue }
            rules[m] = .ratio(numerator: a, denominator: b)
        }
        self.rules = rules
        self.capacity = capacity
        first = [Double](repeating: 0, count: metrics.count)
        columns = [[Double]?](repeating: nil, count: metrics.count)
    }

    /// Totals already stored, one column per metric (a merge's joined parts).
    init(columns: [[Double]]) {
        rules = [Rule](repeating: .none, count: columns.count)
        first = [Double](repeating: 0, count: columns.count)
        self.columns = columns
        count = columns.first?.count ?? 0
        capacity = count
    }

    /// Appends one sample's totals, `row[m]` for each metric m.
    mutating func append(_ row: UnsafePointer<Double>) {
        for m in columns.indices {
            let v = row[m]
            if columns[m] != nil {
                columns[m]!.append(v)
            } else if matches(m, v, row) {
                if count == 0 { first[m] = v }
            } else {
                store(m)
                columns[m]!.append(v)
            }
        }
        count += 1
    }

    /// Whether metric m's rule predicts `v`, its value in `row`, to the bit.
    private func matches(_ m: Int, _ v: Double, _ row: UnsafePointer<Double>) -> Bool {
        switch rules[m] {
        case .none: false
        case .constant: count == 0 || v.bitPattern == first[m].bitPattern
        case .ratio(let a, let b): v.bitPattern == Metric.ratio(row[a], row[b]).bitPattern
        }
    }

    /// Stores metric m's column: the values appended so far, rebuilt from its rule.
    private mutating func store(_ m: Int) {
        var column = [Double]()
        column.reserveCapacity(Swift.max(capacity, count + 1))
        switch rules[m] {
        case .none:
            break
        case .constant:
            column.append(contentsOf: repeatElement(first[m], count: count))
        case .ratio(let a, let b):
            let numerators = values(a), denominators = values(b)
            for i in 0..<count { column.append(Metric.ratio(numerators[i], denominators[i])) }
        }
        columns[m] = column
    }

    /// Metric m's values in sample order, exactly as appended.
    func values(_ m: Int) -> [Double] {
        if let column = columns[m] { return column }
        guard count > 0 else { return [] }
        switch rules[m] {
        case .none:
            return []
        case .constant:
            return [Double](repeating: first[m], count: count)
        case .ratio(let a, let b):
            let numerators = values(a), denominators = values(b)
            return (0..<count).map { Metric.ratio(numerators[$0], denominators[$0]) }
        }
    }

    /// Every metric's values, one column per metric: what a partial result stores.
    var columnsInFull: [[Double]] { columns.indices.map(values) }
}

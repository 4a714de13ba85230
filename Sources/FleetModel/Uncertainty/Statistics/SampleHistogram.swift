import Foundation

/// Histograms of a complete, stored sample (the whole-term totals of a run).
public enum SampleHistogram {
    /// Number of bins for n values: Rice's rule ⌈2 n^(1/3)⌉, kept within 1…100.
    public static func binCount(for n: Int) -> Int {
        min(100, max(1, Int((2 * Foundation.cbrt(Double(n))).rounded(.up))))
    }

    /// Equal-width histogram of ascending `sorted` values from the minimum to the maximum;
    /// the last bin includes the maximum. A constant sample gives one bin of zero width.
    public static func histogram(sorted: [Double], bins: Int? = nil) -> FleetResult.Histogram {
        guard let lo = sorted.first, let hi = sorted.last else { return .init(edges: [], counts: []) }
        if hi == lo { return .init(edges: [lo, hi], counts: [sorted.count]) }
        let n = bins ?? binCount(for: sorted.count)
        let width = (hi - lo) / Double(n)
        let edges = (0...n).map { $0 == n ? hi : lo + Double($0) * width }
        var counts = [Int](repeating: 0, count: n)
        for x in sorted {
            // The bin whose [edge, next edge) holds x, consistent with the printed edges.
            var i = Int(saturating: (x - lo) / width, in: 0...(n - 1))
            while i > 0, x < edges[i] { i -= 1 }
            while i < n - 1, x >= edges[i + 1] { i += 1 }
            counts[i] += 1
        }
        return .init(edges: edges, counts: counts)
    }
}

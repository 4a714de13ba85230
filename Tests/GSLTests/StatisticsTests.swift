import Foundation
import Testing
import GSL

@Suite("Statistics and Histogram")
struct StatisticsTests {
    @Test func knownSmallSamples() {
        let data = [1.0, 2, 3, 4]
        #expect(Statistics.mean(data) == 2.5)
        #expect(abs(Statistics.variance(data) - 5.0 / 3) < 1e-15)
        #expect(abs(Statistics.standardDeviation(data) - (5.0 / 3).squareRoot()) < 1e-15)
        // Linear interpolation between order statistics (numpy's default "linear" method).
        let sorted = [1.0, 2, 3, 4, 5]
        #expect(Statistics.quantile(sorted: sorted, fraction: 0.5) == 3)
        #expect(Statistics.quantile(sorted: sorted, fraction: 0.25) == 2)
        #expect(abs(Statistics.quantile(sorted: sorted, fraction: 0.1) - 1.4) < 1e-15)
        #expect(Statistics.quantile(sorted: sorted, fraction: 0) == 1)
        #expect(Statistics.quantile(sorted: sorted, fraction: 1) == 5)
        #expect(Statistics.quantile(sorted: [7], fraction: 0.3) == 7)
    }

    @Test func sortMatchesTheStandardLibrary() {
        let rng = RandomGenerator(seed: 41)
        var data = (0..<10_000).map { _ in rng.normal() }
        let expected = data.sorted()
        #expect(Statistics.sorted(data) == expected)
        Statistics.sort(&data)
        #expect(data == expected)
    }

    @Test func quantilesOfNormalDraws() {
        // The sample p-quantile has standard error √(p(1 − p)/n)/φ(z_p).
        let n = 100_000
        let rng = RandomGenerator(seed: 42)
        let sorted = Statistics.sorted((0..<n).map { _ in rng.normal(mean: 10, sd: 2) })
        for p in [0.05, 0.5, 0.95] {
            let z = Distributions.normalQuantile(p)
            let se = 2 * (p * (1 - p) / Double(n)).squareRoot() / normalPDF(z)
            #expect(abs(Statistics.quantile(sorted: sorted, fraction: p) - (10 + 2 * z)) <= 4 * se)
        }
        #expect(abs(Statistics.mean(sorted) - 10) <= 4 * 2 / Double(n).squareRoot())
    }

    @Test func histogramBinsAndTallies() throws {
        let h = try Histogram(bins: 4, range: 0...4)
        for x in [0.0, 0.5, 1, 3.999, 4, -1, 5] { h.increment(x) }
        #expect(h.edges == [0, 1, 2, 3, 4])
        #expect(h.counts == [2, 1, 0, 2])
        #expect(h.underflow == 1 && h.overflow == 1)
        #expect(h.total == 5)
        h.accumulate(2.5, weight: 0.25)
        #expect(h.counts[2] == 0.25)
        h.reset()
        #expect(h.counts == [0, 0, 0, 0] && h.underflow == 0 && h.overflow == 0)
    }

    @Test func histogramOfDataCountsEveryValue() throws {
        let rng = RandomGenerator(seed: 43)
        let n = 50_000
        let data = (0..<n).map { _ in rng.uniform(in: 0...10) }
        let h = try Histogram(bins: 10, data: data)
        #expect(h.total == Double(n))
        #expect(h.edges.first == data.min() && h.edges.last == data.max())
        // Each bin holds about a tenth: binomial standard error √(n·0.1·0.9).
        let se = (Double(n) * 0.1 * 0.9).squareRoot()
        #expect(h.counts.allSatisfy { abs($0 - Double(n) / 10) <= 4 * se + 1 })
        let constant = try Histogram(bins: 3, data: [2, 2, 2])
        #expect(constant.total == 3)
        #expect(throws: GSLError.self) { try Histogram(bins: 3, data: []) }
        #expect(throws: GSLError.self) { try Histogram(bins: 0, range: 0...1) }
        #expect(throws: GSLError.self) { try Histogram(bins: 2, range: 1...1) }
    }
}

import Foundation
import Testing
import FleetTestSupport
import GSL

@Suite("Statistics")
struct StatisticsTests {
    @Test func knownSmallSamples() {
        let data = [1.0, 2, 3, 4]
        #expect(Statistics.mean(data) == 2.5)
        expectClose(Statistics.variance(data), 5.0 / 3, absolute: 1e-15)
        expectClose(Statistics.standardDeviation(data), (5.0 / 3).squareRoot(), absolute: 1e-15)
        // Linear interpolation between order statistics (numpy's default "linear" method).
        let sorted = [1.0, 2, 3, 4, 5]
        #expect(Statistics.quantile(sorted: sorted, fraction: 0.5) == 3)
        #expect(Statistics.quantile(sorted: sorted, fraction: 0.25) == 2)
        expectClose(Statistics.quantile(sorted: sorted, fraction: 0.1), 1.4, absolute: 1e-15)
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
            expectClose(Statistics.quantile(sorted: sorted, fraction: p), (10 + 2 * z), absolute: 4 * se)
        }
        expectClose(Statistics.mean(sorted), 10, absolute: 4 * 2 / Double(n).squareRoot())
    }

}

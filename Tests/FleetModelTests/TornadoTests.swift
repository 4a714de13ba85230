import Testing
import FleetTestSupport
@testable import FleetModel

@Suite("Tornado")
struct TornadoTests {
    /// On Y = Σ aᵢ Xᵢ the swing of input i is |aᵢ|·(P90ᵢ − P10ᵢ) and the ranking follows it.
    @Test func linearModelRanksBySwing() throws {
        let terms: [(a: Double, x: TestDistribution)] = [
            (1, .uniform(0, 10)), (-5, .uniform(0, 1)), (2, .exponential(0.25)), (0.5, .triangular(0, 1, 2)),
        ]
        let a = terms.map(\.a)
        let model = FunctionModel(metric: .carbonLocation) { x in zip(a, x).map { $0 * $1 }.reduce(0, +) }
        let space = try InputSpace(inputs: terms.enumerated().map { $1.x.input("x\($0)") })
        let s = try SensitivityAnalysis.tornado(model: model, inputs: space, threads: 2)
        let entries = try #require(s.rankings[.carbonLocation])
        let expected = terms.enumerated().map { i, t in
            (path: "x\(i)", swing: abs(t.a) * (t.x.quantile(0.9) - t.x.quantile(0.1)))
        }.sorted { $0.swing > $1.swing }
        #expect(entries.map(\.path) == expected.map(\.path))
        #expect(entries.map(\.rank) == [1, 2, 3, 4])
        let base = zip(a, space.base).map { $0 * $1 }.reduce(0, +)
        for (e, x) in zip(entries, expected) {
            expectClose(try #require(e.swing), x.swing, absolute: 1e-12 * max(1, x.swing))
            let i = Int(e.path.dropFirst())!
            #expect(e.lowInput == terms[i].x.quantile(0.1) && e.highInput == terms[i].x.quantile(0.9))
            // The other inputs stay at base: low value = base + aᵢ (P10ᵢ − baseᵢ).
            let low = base + a[i] * (terms[i].x.quantile(0.1) - space.base[i])
            expectClose(try #require(e.lowValue), low, absolute: 1e-12 * max(1, abs(low)))
        }
        #expect(s.method == "tornado" && s.baseSamples == nil)
    }

    @Test func failingPointIsAnErrorNamingTheInput() throws {
        let model = FunctionModel(metric: .pue) { x in x[1] > 0.85 ? .nan : x[0] + x[1] }
        let space = try InputSpace(inputs: ["a", "b"].map { TestDistribution.uniform(0, 1).input($0) })
        #expect {
            try SensitivityAnalysis.tornado(model: model, inputs: space, threads: 1)
        } throws: { "\($0)".contains("b = 0.9") }
    }
}

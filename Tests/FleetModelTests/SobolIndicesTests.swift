import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

@Suite("Sobol indices")
struct SobolIndicesTests {
    /// Ishigami & Homma (1990): Y = sin X₁ + a sin² X₂ + b X₃⁴ sin X₁, Xᵢ ~ U(−π, π).
    static let a = 7.0, b = 0.1

    static var model: FunctionModel {
        FunctionModel(metric: .facilityEnergy) { x in
            sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
        }
    }

    static var space: InputSpace {
        try! InputSpace(inputs: (1...3).map { TestDistribution.uniform(-.pi, .pi).input("x\($0)") })
    }

    /// Closed-form indices (Sobol' & Levitan 1999; Saltelli et al. 2008, §4.9):
    /// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8, V₃ = 0,
    /// V_T3 = 8b²π⁸/225, S_T1 = S₁ + V_T3/V, S_T2 = S₂.
    static var exact: (first: [Double], total: [Double]) {
        let pi4 = pow(Double.pi, 4), pi8 = pi4 * pi4
        let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, vt3 = 8 * b * b * pi8 / 225
        return ([v1 / v, v2 / v, 0], [(v1 + vt3) / v, v2 / v, vt3 / v])
    }

    @Test func closedFormMatchesPublishedValues() {
        let e = Self.exact
        for (x, y) in zip(e.first + e.total, [0.3139, 0.4424, 0, 0.5576, 0.4424, 0.2437]) {
            expectClose(x, y, absolute: 5e-5)
        }
    }

    /// Quasi-random (Sobol) design: the error of each index is far below the bootstrap
    /// interval's width (which assumes independent samples), so every closed-form index lies
    /// inside its interval.
    @Test func ishigamiIndicesWithinBootstrapIntervalsWithSobolPoints() throws {
        let r = try SensitivityAnalysis.sobol(model: Self.model, inputs: Self.space, baseSamples: 4_096,
                                              bootstrap: 200, seed: 2_026, sampler: .sobol, threads: 2)
        let entries = try #require(r.sensitivity.rankings[.facilityEnergy])
        let e = Self.exact
        for i in 0..<3 {
            let entry = try #require(entries.first { $0.path == "x\(i + 1)" })
            let s1 = try #require(entry.firstOrderCI), st = try #require(entry.totalOrderCI)
            #expect(s1[0] <= e.first[i] && e.first[i] <= s1[1], "S\(i + 1) = \(e.first[i]) outside \(s1)")
            #expect(st[0] <= e.total[i] && e.total[i] <= st[1], "ST\(i + 1) = \(e.total[i]) outside \(st)")
        }
    }

    /// Pseudo-random designs: the 95 % bootstrap intervals cover the closed-form indices
    /// about 95 % of the time. Over 20 seeds × 6 indices, at least 85 % must cover (the
    /// binomial expectation is 114 of 120 with sd 2.4; 102 is five sd below).
    @Test(arguments: [SamplerKind.random, .lhs])
    func bootstrapIntervalsCoverIshigamiIndices(kind: SamplerKind) throws {
        let e = Self.exact
        var covered = 0, total = 0
        var widths: [Double] = [], errors: [Double] = []
        for seed in 1...20 {
            let r = try SensitivityAnalysis.sobol(model: Self.model, inputs: Self.space, baseSamples: 1_024,
                                                  bootstrap: 100, seed: UInt64(seed), sampler: kind, threads: 2)
            #expect(r.evaluations == 1_024 * 5 && r.droppedBaseSamples == 0)
            let entries = try #require(r.sensitivity.rankings[.facilityEnergy])
            for i in 0..<3 {
                let entry = try #require(entries.first { $0.path == "x\(i + 1)" })
                for (value, ci, truth) in [(entry.firstOrder, entry.firstOrderCI, e.first[i]),
                                           (entry.totalOrder, entry.totalOrderCI, e.total[i])] {
                    let v = try #require(value), c = try #require(ci)
                    widths.append(c[1] - c[0])
                    errors.append(abs(v - truth))
                    if c[0] <= truth && truth <= c[1] { covered += 1 }
                    total += 1
                }
            }
        }
        // Mean absolute error (≈ 0.8 standard errors) is well inside the mean half-width (≈ 2).
        #expect(errors.reduce(0, +) < widths.reduce(0, +) / 2)
        #expect(Double(covered) >= 0.85 * Double(total), "\(covered) of \(total) intervals cover")
    }

    /// Ranked by total index: x1 (0.56), x2 (0.44), x3 (0.24); ranks numbered from 1.
    @Test func rankedByTotalIndex() throws {
        let r = try SensitivityAnalysis.sobol(model: Self.model, inputs: Self.space, baseSamples: 2_048,
                                              bootstrap: 0, seed: 3, threads: 1)
        let entries = try #require(r.sensitivity.rankings[.facilityEnergy])
        #expect(entries.map(\.path) == ["x1", "x2", "x3"])
        #expect(entries.map(\.rank) == [1, 2, 3])
        #expect(r.sensitivity.method == "sobol" && r.sensitivity.baseSamples == 2_048)
    }

    /// The design and its bootstrap depend only on the seed, not on threads.
    @Test func identicalAcrossThreads() throws {
        let one = try SensitivityAnalysis.sobol(model: Self.model, inputs: Self.space, baseSamples: 300,
                                                bootstrap: 50, seed: 9, threads: 1)
        let two = try SensitivityAnalysis.sobol(model: Self.model, inputs: Self.space, baseSamples: 300,
                                                bootstrap: 50, seed: 9, threads: 2)
        #expect(one == two)
    }

    /// Noisy indices are flagged: an interval wider than the index, or S1 above ST beyond the
    /// two intervals; a negligible index (< 0.01) or S1 > ST within noise is not.
    @Test func imprecisePrecisionIsWarned() {
        func entry(_ s1: Double, _ s1CI: [Double], _ st: Double, _ stCI: [Double]) -> SensitivityEntry {
            SensitivityEntry(path: "p", rank: 1, firstOrder: s1, firstOrderCI: s1CI, totalOrder: st, totalOrderCI: stCI)
        }
        let precise = entry(0.30, [0.25, 0.35], 0.32, [0.28, 0.36])
        #expect(SensitivityAnalysis.precisionWarning(.facilityEnergy, [precise], baseSamples: 512) == nil)
        // ST = 0.2 with interval [0.0, 0.5], 0.5 wide: wider than the index.
        let wide = entry(0.10, [0.08, 0.12], 0.20, [0.0, 0.5])
        let w = SensitivityAnalysis.precisionWarning(.facilityEnergy, [precise, wide], baseSamples: 64)
        #expect(w?.contains("1 input(s) have a 95 % interval wider than the index") == true, "\(w ?? "")")
        #expect(w?.contains("larger --base-samples (now 64") == true)
        // S1 = 0.69 in [-1.45, 2.30] (3.75 wide) beside ST = 0.67 in [0.51, 0.86]: S1's interval
        // is wider than max(|S1|, ST) = 0.69 (the default scenario at N = 64 gave this).
        #expect(SensitivityAnalysis.precisionWarning(.facilityEnergy, [entry(0.69, [-1.45, 2.30], 0.67, [0.51, 0.86])],
                                                     baseSamples: 64) != nil)
        // A small S1 beside a large ST, both intervals narrow against ST = 0.24: not flagged.
        #expect(SensitivityAnalysis.precisionWarning(.facilityEnergy, [entry(0.01, [-0.03, 0.05], 0.24, [0.21, 0.27])],
                                                     baseSamples: 64) == nil)
        // S1 = 0.5 in [0.45, 0.55], ST = 0.3 in [0.25, 0.35]: disjoint, S1 > ST beyond noise.
        let inverted = entry(0.5, [0.45, 0.55], 0.3, [0.25, 0.35])
        #expect(SensitivityAnalysis.precisionWarning(.facilityEnergy, [inverted], baseSamples: 64)?
            .contains("1 input(s) have S1 > ST beyond noise") == true)
        // Overlapping intervals: S1 > ST within noise, and both intervals narrower than the index.
        #expect(SensitivityAnalysis.precisionWarning(.facilityEnergy, [entry(0.33, [0.28, 0.38], 0.31, [0.27, 0.36])],
                                                     baseSamples: 64) == nil)
        // A negligible input's wide interval is not judged.
        #expect(SensitivityAnalysis.precisionWarning(.facilityEnergy, [entry(0.001, [-0.05, 0.05], 0.005, [0, 0.05])],
                                                     baseSamples: 64) == nil)
    }

    /// With 16 base samples the Ishigami indices are noise and the run says so; with 4,096
    /// quasi-random ones (intervals a few hundredths wide) it does not.
    @Test func smallBaseSampleWarnsLargeDoesNot() throws {
        let small = try SensitivityAnalysis.sobol(model: Self.model, inputs: Self.space, baseSamples: 16,
                                                  bootstrap: 200, seed: 2_026, sampler: .random, threads: 2)
        #expect(small.warnings.contains { $0.contains("imprecise") && $0.contains("--base-samples (now 16") }, "\(small.warnings)")
        let large = try SensitivityAnalysis.sobol(model: Self.model, inputs: Self.space, baseSamples: 4_096,
                                                  bootstrap: 200, seed: 2_026, sampler: .sobol, threads: 2)
        #expect(!large.warnings.contains { $0.contains("imprecise") }, "\(large.warnings)")
    }

    /// A metric that does not vary gets zero indices and a warning, not NaN.
    @Test func constantMetricGivesZeroIndices() throws {
        let model = FunctionModel(metric: .gpusInstalledPeak) { _ in 400_000 }
        let r = try SensitivityAnalysis.sobol(model: model, inputs: Self.space, baseSamples: 64, bootstrap: 10)
        let entries = try #require(r.sensitivity.rankings[.gpusInstalledPeak])
        #expect(entries.allSatisfy { $0.firstOrder == 0 && $0.totalOrder == 0 })
        #expect(r.warnings.contains { $0.contains("gpus_installed_peak does not vary") })
    }
}

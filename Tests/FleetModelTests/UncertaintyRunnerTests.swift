import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

@Suite("Monte Carlo runner")
struct UncertaintyRunnerTests {
    static let linear: [(a: Double, x: TestDistribution)] = [
        (3, .uniform(0, 2)), (-1, .exponential(0.5)), (2, .triangular(0, 1, 4)),
    ]

    static func linearModel() -> (FunctionModel, InputSpace) {
        let a = linear.map(\.a)
        let model = FunctionModel(metric: .facilityEnergy) { x in zip(a, x).map { $0 * $1 }.reduce(0, +) }
        let space = try! InputSpace(inputs: linear.enumerated().map { $1.x.input("x\($0)") })
        return (model, space)
    }

    /// Y = Σ aᵢ Xᵢ with independent inputs: mean Σ aᵢ E[Xᵢ] within 4 closed-form standard
    /// errors √(Σ aᵢ² Var(Xᵢ)/n) (the run's own error estimate must equal sd/√n),
    /// variance Σ aᵢ² Var(Xᵢ) within 5 % (≈ 4 standard errors of the sample variance at
    /// n = 20,000, whose relative error is √((κ₄ + 2σ⁴)/n)/σ² ≈ 1.2 % here).
    @Test(arguments: [SamplerKind.random, .lhs, .sobol])
    func linearModelVarianceIsSumOfVariances(kind: SamplerKind) throws {
        let (model, space) = Self.linearModel()
        let s = try MonteCarloRunner(samples: 20_000, seed: 2026, sampler: kind, threads: 2)
            .run(model: model, inputs: space)
        let mean = Self.linear.map { $0.a * $0.x.mean }.reduce(0, +)
        let variance = Self.linear.map { $0.a * $0.a * $0.x.variance }.reduce(0, +)
        let stats = try #require(s.totals[.facilityEnergy])
        let se = try #require(s.mcStandardError[.facilityEnergy])
        expectClose(try #require(stats.mean), mean, absolute: 4 * (variance / 20_000).squareRoot())
        let sd = try #require(stats.sd)
        expectClose(se, sd / 20_000.0.squareRoot(), relative: 1e-12, "mc_standard_error is sd/√n")
        expectClose(sd * sd, variance, relative: 0.05, "sample variance")
        #expect(s.validSamples == 20_000 && s.failedSamples == 0)
    }

    /// One uniform input: P5/P50/P95 of the totals are 0.05/0.5/0.95 within four standard
    /// errors of a sample quantile, √(p(1 − p)/n) for a unit density; the base is the median.
    @Test func totalsQuantilesOfUniform() throws {
        let model = FunctionModel(metric: .pue) { $0[0] }
        let space = try InputSpace(inputs: [TestDistribution.uniform(0, 1).input("u")])
        let s = try MonteCarloRunner(samples: 20_000, seed: 5, threads: 1).run(model: model, inputs: space)
        let t = try #require(s.totals[.pue])
        #expect(t.base == 0.5)
        for (q, p) in [(t.p05, 0.05), (t.p50, 0.50), (t.p95, 0.95)] {
            let value = try #require(q)
            expectClose(value, p, absolute: 4 * (p * (1 - p) / 20_000).squareRoot(), "P\(Int(p * 100))")
        }
        let h = try #require(s.histograms[.pue])
        #expect(h.counts.reduce(0, +) == 20_000)
    }

    /// Months and years after the pilot: quantiles of month k (= (k + 1)·X, X ~ U(0, 1)) are
    /// (k + 1)·p within one histogram bin plus 0.01·(k + 1) of sampling error (3 standard
    /// errors of P5 and P95 at n = 5,000); means within 5 standard errors.
    @Test func periodQuantilesStreamAfterPilot() throws {
        let model = periodModel { $0[0] }
        let space = try InputSpace(inputs: [TestDistribution.uniform(0, 1).input("u")])
        var runner = MonteCarloRunner(samples: 5_000, seed: 8, threads: 2)
        runner.pilotSize = 500
        let s = try runner.run(model: model, inputs: space)
        #expect(s.monthly.count == 6 && s.annual.count == 2)
        for (k, month) in s.monthly.enumerated() {
            let st = try #require(month.values[.itEnergy])
            let scale = Double(k + 1), bin = 1.5 * scale / 1_024
            expectClose(try #require(st.p05), 0.05 * scale, absolute: bin + 0.01 * scale)
            expectClose(try #require(st.p95), 0.95 * scale, absolute: bin + 0.01 * scale)
            expectClose(try #require(st.mean), 0.5 * scale, absolute: 0.02 * scale)
            #expect(st.base == 0.5 * scale)
        }
        // A year is the sum of its months: 1+2+3 = 6 times X in the first year.
        let y0 = try #require(s.annual[0].values[.itEnergy])
        let median = try #require(y0.p50)
        let tolerance: Double = 6 * (1.5 / 1_024 + 4 * (0.25 / 5_000.0).squareRoot())
        expectClose(median, 3, absolute: tolerance)
        #expect(s.warnings.isEmpty)
    }

    /// The summary is bit-identical for any thread count and chunk size.
    @Test(arguments: [SamplerKind.random, .lhs, .sobol])
    func identicalAcrossThreadsAndChunks(kind: SamplerKind) throws {
        let model = periodModel { x in x[0] * x[1] + x[2] }
        let space = try InputSpace(inputs: [
            TestDistribution.uniform(0, 1).input("a"), TestDistribution.exponential(2).input("b"),
            TestDistribution.triangular(0, 1, 3).input("c"),
        ], correlations: [RankCorrelation("a", "c", rho: 0.5)])
        var one = MonteCarloRunner(samples: 1_700, seed: 77, sampler: kind, threads: 1)
        one.pilotSize = 300
        var two = one
        two.threads = 2; two.chunkSize = 7
        var three = one
        three.threads = 3; three.chunkSize = 1_000
        let r1 = try one.run(model: model, inputs: space)
        #expect(r1 == (try two.run(model: model, inputs: space)))
        #expect(r1 == (try three.run(model: model, inputs: space)))
        var other = one
        other.seed = 78
        #expect(r1 != (try other.run(model: model, inputs: space)))
    }

    /// Non-finite outputs are counted, reported with their index and inputs, and left out.
    @Test func nonFiniteSamplesAreReportedNotAveraged() throws {
        let model = FunctionModel(metric: .pue) { x in x[0] < 0.02 ? .nan : x[0] }
        let space = try InputSpace(inputs: [TestDistribution.uniform(0, 1).input("u")])
        let n = 3_000
        let s = try MonteCarloRunner(samples: n, seed: 11, threads: 2).run(model: model, inputs: space)
        let sampler = RandomSampler(dimension: 1, seed: 11)
        var c = sampler.makeCursor(); var u = [0.0]
        var bad: [Int] = []
        for i in 0..<n { sampler.point(i, cursor: &c, into: &u); if u[0] < 0.02 { bad.append(i) } }
        #expect(s.failedSamples == bad.count && bad.count > 20)
        #expect(s.failures.map(\.index) == Array(bad.prefix(20)))
        #expect(s.failures.allSatisfy { $0.inputs[0] < 0.02 && $0.reason.contains("non-finite total of pue") })
        #expect(s.validSamples == n - bad.count)
        #expect(try #require(s.totals[.pue]?.p05) > 0.02)
        #expect(s.warnings.first?.contains("u = ") == true)
        #expect(s.warnings.first?.contains("also samples \(bad[1]), \(bad[2])") == true)
    }

    /// More inputs than GSL's Sobol dimensions: the run goes ahead and says it padded.
    @Test func sobolRunBeyondFortyInputsNotesThePadding() throws {
        let inputs = (0..<45).map { TestDistribution.uniform(0, 1).input("x\($0)") }
        let model = FunctionModel(metric: .pue) { $0.reduce(0, +) }
        let s = try MonteCarloRunner(samples: 256, seed: 2, sampler: .sobol, threads: 2)
            .run(model: model, inputs: try InputSpace(inputs: inputs))
        #expect(s.warnings.contains { $0.contains("coordinates 41 to 45 are pseudo-random") })
        // The mean of a sum of 45 U(0, 1) is 22.5; 256 points give it within 5 standard errors.
        let mean = try #require(s.totals[.pue]?.mean)
        let tolerance: Double = 5 * (45.0 / 12 / 256).squareRoot()
        expectClose(mean, 22.5, absolute: tolerance)
    }

    @Test func deterministicRunHasBaseOnly() throws {
        let (model, space) = Self.linearModel()
        let s = try MonteCarloRunner(samples: 0).run(model: model, inputs: space)
        let base = Self.linear.map { $0.a * $0.x.quantile(0.5) }.reduce(0, +)
        #expect(s.totals[.facilityEnergy] == Stats(base: base))
        #expect(s.histograms.isEmpty && s.mcStandardError.isEmpty)
    }

    @Test func badOptionsAndFailingBaseAreErrors() throws {
        let (model, space) = Self.linearModel()
        #expect(throws: UncertaintyError.self) { try MonteCarloRunner(samples: -1).run(model: model, inputs: space) }
        #expect(throws: UncertaintyError.self) {
            try MonteCarloRunner(samples: 10, threads: 0).run(model: model, inputs: space)
        }
        let broken = FunctionModel(metric: .pue) { _ in .infinity }
        #expect(throws: EvaluationFailure.self) { try MonteCarloRunner(samples: 10).run(model: broken, inputs: space) }
    }

    @Test func progressReportsEveryWaveInOrder() throws {
        let (model, space) = Self.linearModel()
        var seen: [Int] = []
        var runner = MonteCarloRunner(samples: 1_000, seed: 1, threads: 2)
        runner.chunkSize = 50
        _ = try runner.run(model: model, inputs: space) { done, total in
            #expect(total == 1_000)
            seen.append(done)
        }
        #expect(seen == [400, 800, 1_000])
    }
}

@Suite("Uncertainty benchmark")
struct UncertaintyBenchmarkTests {
    /// Peak resident memory, MB, read from /proc/self/status (VmHWM, kB): an independent
    /// reading of what getrusage reports; nil where there is no /proc.
    static func procPeakMemoryMB() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return nil }
        return kB / 1024
    }

    @Test func rowsForEverySampleCountAndThreadCountThenSobol() throws {
        let (model, space) = UncertaintyRunnerTests.linearModel()
        var reported = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rows = try UncertaintyBenchmark.run(model: model, inputs: space, hoursPerEvaluation: 10,
                                                samples: [100, 200], threads: [1, 2], sobolBaseSamples: 16) { _ in
            reported += 1
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        #expect(rows.map(\.evaluations) == [100, 100, 200, 200, 16 * 5])
        #expect(rows.map(\.threads) == [1, 2, 1, 2, 2])
        #expect(rows.last?.kind == "sobol" && reported == 5)
        // The rows' times are parts of the wall time measured around them (a unit slip of
        // 10³ in either direction fails this), so each rate is at least evaluations × 10 h
        // over that wall time.
        let total = rows.map(\.seconds).reduce(0, +)
        #expect(rows.allSatisfy { $0.seconds > 0 } && total <= wall, "rows sum to \(total) s of \(wall) s")
        for r in rows {
            #expect(r.sampleHoursPerSecond >= Double(r.evaluations) * 10 / wall,
                    "\(r.kind) \(r.evaluations): \(r.sampleHoursPerSecond) sample-hours/s over \(wall) s")
        }
        // The peak only grows; it is at least the kernel's high-water mark of this process image
        // (VmHWM, read after the rows; getrusage's figure may be higher, since Linux keeps
        // ru_maxrss across exec, so a launcher's peak can show) and at most the machine's memory.
        // A KiB/MiB slip either way fails one of the two.
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.peakMemoryMB <= $1.peakMemoryMB })
        let last = try #require(rows.last)
        if let proc = Self.procPeakMemoryMB() {
            #expect(last.peakMemoryMB >= proc * 0.95, "getrusage \(last.peakMemoryMB) MB vs VmHWM \(proc) MB")
        }
        #expect(last.peakMemoryMB <= Double(ProcessInfo.processInfo.physicalMemory) / 1_048_576)
    }
}

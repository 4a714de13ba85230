import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

@Suite("PowerCurve")
struct PowerCurveTests {
    @Test func everyCatalogCurveIsMonotoneAndWithinIdleAndCap() throws {
        for hw in try FleetCatalogFile.hardware() {
            let curve = try PowerCurve(hardware: hw)
            var previous = -Double.infinity
            for i in 0...1000 {
                let p = try curve.boardPowerW(utilization: Double(i) / 1000)
                #expect(p >= previous - 1e-9, "\(hw.id) falls at u = \(Double(i) / 1000)")
                #expect(p >= hw.idleContextW - 1e-9 && p <= hw.tdpW + 1e-9, "\(hw.id): \(p) W outside [idle, TDP]")
                previous = p
            }
            #expect(hw.idleBareW < hw.idleContextW || hw.kind == .cpuServer, "\(hw.id): context must cost power")
        }
    }

    @Test func gpuCurvesFollowTheDutyCycle() throws {
        for hw in try FleetCatalogFile.hardware() where hw.isGPU {
            let c = try PowerCurve(hardware: hw)
            let p0 = try c.boardPowerW(utilization: 0), p1 = try c.boardPowerW(utilization: 1)
            let span = p1 - p0
            // Low duty cycle: close to proportional, P(0.1) − P₀ = 0.118·span for γ = 0.2, far below
            // the 0.26·span of the u^0.6 shape it replaced.
            let low = (try c.boardPowerW(utilization: 0.1) - p0) / span
            #expect(low > 0.09 && low < 0.15, "\(hw.id): P(0.1) − P₀ = \(low) of the span")
            // Mid-range: above the straight line by the gap term γ/4 = 0.05 of the span, not more than 0.1.
            let mid = (try c.boardPowerW(utilization: 0.5) - (p0 + p1) / 2) / span
            #expect(mid > 0.02 && mid < 0.1, "\(hw.id): P(0.5) sits \(mid) of the span above the line")
            // Flattened at the top: the slope over the last quarter is below the slope over the first.
            let s1 = (try c.boardPowerW(utilization: 0.25) - p0) / 0.25
            let s4 = (p1 - (try c.boardPowerW(utilization: 0.75))) / 0.25
            #expect(s1 > s4, "\(hw.id): not flattened at the top")
        }
    }

    @Test func h100MatchesPublishedPhysics() throws {
        let hw = try FleetFixtures.h100()
        let c = try PowerCurve(hardware: hw)
        // Dense GEMM runs close to the 700 W cap; idle with a CUDA context is 70–120 W,
        // 26–50 W above bare idle (arXiv 2605.23918).
        #expect(try c.boardPowerW(utilization: 1) >= 0.95 * 700)
        #expect((70...120).contains(hw.idleContextW))
        #expect((26...50).contains(hw.idleContextW - hw.idleBareW))
    }

    @Test func powerCapFlattensTheTop() throws {
        let hw = try FleetFixtures.h100()
        let capped = try PowerCurve(hardware: hw, capFraction: 0.6)
        expectClose(try capped.boardPowerW(utilization: 1), 420, absolute: 1e-9)
        expectClose(try capped.boardPowerW(utilization: 0.9), 420, absolute: 1e-9)
        let free = try PowerCurve(hardware: hw)
        expectClose(try capped.boardPowerW(utilization: 0.1), (try free.boardPowerW(utilization: 0.1)), absolute: 1e-9)
    }

    @Test func intensityScalesOnlyTheDynamicPart() throws {
        let c = try PowerCurve(hardware: FleetFixtures.linearGPU)
        expectClose(try c.boardPowerW(utilization: 1, intensity: 0.5), 300, absolute: 1e-9)
        expectClose(try c.boardPowerW(utilization: 0, intensity: 0.5), 100, absolute: 1e-9)
    }

    @Test func powerCommandResultHasTheContractKeys() throws {
        let r = try PowerCurveResult.compute(hardware: try FleetFixtures.h100(), utilizations: [0, 0.5, 1])
        #expect(r.points.count == 3 && r.gpu == "h100-sxm")
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(r)) as? [String: Any]
        let points = try #require(json?["points"] as? [[String: Any]])
        #expect(json?["gpu"] as? String == "h100-sxm")
        // Each encoded point is the utilization asked for and the curve's board power there.
        let curve = try PowerCurve(hardware: try FleetFixtures.h100())
        #expect(points.compactMap { $0["utilization"] as? Double } == [0, 0.5, 1])
        for (point, u) in zip(points, [0.0, 0.5, 1.0]) {
            let w = try #require(point["power_w"] as? Double)
            expectClose(w, try curve.boardPowerW(utilization: u), relative: 1e-12, "power_w at \(u)")
        }
        #expect(throws: EstimateError.self) {
            try PowerCurveResult.compute(hardware: try FleetFixtures.h100(), utilizations: [1.5])
        }
    }
}

@Suite("PowerExpectation")
struct PowerExpectationTests {
    @Test func qagsMatchesBruteForceSum() throws {
        let curve = try PowerCurve(hardware: try FleetFixtures.h100())
        let dist = UtilizationDistribution(mean: 0.7, concentration: 20)
        let q = try dist.expectation { try curve.boardPowerW(utilization: $0) }
        // Composite Simpson's rule on 200,000 panels (the integrand is smooth: α, β > 1).
        let n = 200_000, h = 1.0 / Double(n)
        var sum = 0.0
        for i in 0...n {
            let u = Double(i) * h
            let w: Double = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2)
            sum += w * (try curve.boardPowerW(utilization: u)) * dist.density(u)
        }
        let brute = sum * h / 3
        #expect(abs(q - brute) / brute < 1e-6, "QAGS \(q) vs brute force \(brute)")
    }

    @Test func singularEndsGiveTheKnownMeanForALinearCurve() throws {
        // E[a + bU] = a + bμ, here with α = 0.36 < 1 and β = 0.84 < 1 (density infinite at both ends).
        let curve = try PowerCurve(hardware: FleetFixtures.linearGPU)
        let dist = UtilizationDistribution(mean: 0.3, concentration: 1.2)
        let e = try dist.expectation { try curve.boardPowerW(utilization: $0) }
        expectClose(e, (100 + 400 * 0.3), absolute: 1e-6)
        expectClose(try dist.expectation { _ in 1 }, 1, absolute: 1e-8)
    }

    @Test func concaveCurveGivesMoreThanPowerAtTheMean() throws {
        // Jensen: for concave P, E[P(U)] ≤ P(E[U]); the spread lowers expected power.
        let curve = try PowerCurve(hardware: try FleetFixtures.h100())
        let narrow = try UtilizationDistribution(mean: 0.5, concentration: 1000).expectation { try curve.boardPowerW(utilization: $0) }
        let wide = try UtilizationDistribution(mean: 0.5, concentration: 2).expectation { try curve.boardPowerW(utilization: $0) }
        #expect(wide < narrow)
        expectClose(narrow, (try curve.boardPowerW(utilization: 0.5)), absolute: 2)
    }
}

@Suite("PowerTables")
struct PowerTableTests {
    /// The hour-of-day table (shared μ tables, Steffen-interpolated) against direct QAGS
    /// of each hour's mixture, with and without a binding power cap.
    @Test(arguments: [nil, 0.6] as [Double?])
    func hourTableMatchesDirectQuadrature(cap: Double?) throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        var c = FleetFixtures.cohort()
        c.powerCapFraction = cap
        let model = try c.powerModel(hardware: hw, calendar: cal)
        let curve = try PowerCurve(hardware: hw, capFraction: cap)
        let w = c.workload
        let host = { (mu: Double) in hw.hostIdleW + (hw.hostMaxW - hw.hostIdleW) * mu }
        let train = try UtilizationDistribution(mean: w.trainingUtilizationFraction, concentration: w.trainingConcentration)
            .expectation { try curve.boardPowerW(utilization: $0, intensity: w.trainingIntensityFraction) }
        for d in 0..<24 {
            let tau = Double(d) + 0.5
            let mu = w.inferenceUtilizationFraction
                * (1 + w.inferenceDiurnalAmplitudeFraction * cos(2 * Double.pi * (tau - Double(w.inferencePeakHourUTC)) / 24))
            let inf = try UtilizationDistribution(mean: mu, concentration: w.inferenceConcentration)
                .expectation { try curve.boardPowerW(utilization: $0, intensity: w.inferenceIntensityFraction) }
            let direct = w.trainingFraction * (train + host(w.trainingUtilizationFraction))
                + (1 - w.trainingFraction) * (inf + host(mu)) + hw.networkW + hw.storageW
            let tabled = model.servingPowerByHourOfDay[d]
            #expect(abs(tabled - direct) / direct < 1e-4, "hour \(d): \(tabled) vs \(direct)")
        }
    }
}

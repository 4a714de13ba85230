import Foundation
import Testing
import GSL
@testable import FleetModel

@Suite("FleetLoad")
struct FleetLoadTests {
    @Test func loadTiming() throws {
        let cal = try FleetFixtures.calendar()
        let c = FleetFixtures.cohort()
        let t0 = Date()
        var total = 0.0
        for _ in 0..<20 { total += try c.load(hardware: FleetFixtures.h100, calendar: cal).itPowerW.reduce(0, +) }
        let ms = Date().timeIntervalSince(t0) * 1000 / 20
        print("load ms per call:", ms, total)
        let t1 = Date()
        var m: CohortPowerModel? = nil
        for _ in 0..<20 { m = try c.powerModel(hardware: FleetFixtures.h100, calendar: cal) }
        print("model ms:", Date().timeIntervalSince(t1) * 1000 / 20, m!.servingPowerByHourOfDay)
        var n = 0
        let d = UtilizationDistribution(mean: 0.5, concentration: 4)
        let curve = try PowerCurve(hardware: FleetFixtures.h100)
        _ = try d.expectation { n += 1; return try curve.boardPowerW(utilization: $0) }
        print("evals", n)
        #expect(total > 0)
    }
}

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
        #expect(total > 0)
    }
}

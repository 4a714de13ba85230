import Foundation
import Testing
@testable import FleetModel

/// Evaluation speed of the default scenario, run by hand (it prints, it asserts nothing about time):
///
///     FLEETWATT_TIMING=1 swift test -c release --filter EngineSpeedTiming
///
/// FLEETWATT_TIMING_N sets the number of evaluations (200); FLEETWATT_TIMING_REUSE=1 times only
/// the Monte Carlo form (`previous:` given), for profiling.
@Suite("Engine speed timing", .enabled(if: ProcessInfo.processInfo.environment["FLEETWATT_TIMING"] != nil))
struct EngineSpeedTiming {
    @Test func defaultScenario() throws {
        let doc = try ScenarioDocument.embeddedDefault()
        let n = Int(ProcessInfo.processInfo.environment["FLEETWATT_TIMING_N"] ?? "") ?? 200
        let e = try FleetEvaluator(spec: try doc.decode(FleetSpec.self))
        let d = try e.facility.run(.models(e.powerModels), perSite: false)
        print("timing: site-hours through pass 1: \(d.passOneHours), pass 2: \(d.passTwoHours) (chillers running in \(d.chillerHours)) of \(e.calendar.hourCount * e.facility.sites.count)")
        let modes = ProcessInfo.processInfo.environment["FLEETWATT_TIMING_REUSE"] != nil ? [true] : [true, false]
        for reuse in modes {
            let r = try EngineBenchmark.run(document: doc, evaluations: n, reuse: reuse)
            print(String(format: "timing: reuse=%@ n=%d best %.3f ms, median %.3f ms per evaluation; evaluate() best %.3f, median %.3f ms; %d h × %d sites, %.3g site-hours/s; checksum %.17g",
                         reuse ? "yes" : "no", r.evaluations, r.bestMs, r.medianMs, r.evaluateBestMs, r.evaluateMedianMs,
                         r.hours, r.sites, r.siteHoursPerSecond, r.checksum))
        }
    }
}

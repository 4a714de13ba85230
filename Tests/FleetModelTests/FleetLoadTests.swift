import Foundation
import FleetTestSupport
import GSL
import Testing
@testable import FleetModel

@Suite("FleetLoad")
struct FleetLoadTests {
    private func energyMWh(_ c: CohortSpec) throws -> Double {
        try c.load(hardware: try FleetFixtures.h100(), calendar: try FleetFixtures.calendar()).itPowerW.reduce(0, +) / 1e6
    }

    @Test func moreGPUsNeverLowerITEnergy() throws {
        var previous = 0.0
        for n in [1.0, 10, 500, 1000, 5000, 100_000] {
            let e = try energyMWh(FleetFixtures.cohort(count: n))
            #expect(e > previous)
            previous = e
        }
    }

    @Test func scalingTheCountScalesEnergyAndEmbodiedCarbon() throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        let a = try FleetFixtures.cohort(count: 1000).load(hardware: hw, calendar: cal)
        let b = try FleetFixtures.cohort(count: 3700).load(hardware: hw, calendar: cal)
        let ea = a.itPowerW.reduce(0, +), eb = b.itPowerW.reduce(0, +)
        expectClose(eb / ea, 3.7, absolute: 1e-10)
        let ca: Double = a.embodiedKgPerMonth.reduce(0, +), cb: Double = b.embodiedKgPerMonth.reduce(0, +)
        expectClose(cb / ca, 3.7, absolute: 1e-10)
        let na: Double = a.installedAtMonthEnd.max() ?? 0, nb: Double = b.installedAtMonthEnd.max() ?? 0
        expectClose(nb / na, 3.7, absolute: 1e-10)
    }

    @Test(arguments: [RampShape.logistic, .linear])
    func rampIsEmptyBeforeItsStartAndFullByItsEnd(shape: RampShape) throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        let c = FleetFixtures.cohort(count: 1000, start: "2026-01-01", end: "2026-07-01", ramp: shape)
        let model = try c.powerModel(hardware: hw, calendar: cal)
        let load = model.load(calendar: cal)
        let start = Int(try cal.hour(of: "2026-01-01")), end = Int(try cal.hour(of: "2026-07-01"))
        #expect(load.itPowerW[..<start].allSatisfy { $0 == 0 })
        #expect(load.itPowerW[start] > 0)
        #expect(model.ramp.deployed(atHour: Double(end)) == 1)
        #expect(model.ramp.deployed(atHour: Double(start)) == 0)
        // Month ends: nothing installed before January 2026, everything (with spares) from June's end.
        let names = cal.monthNames
        let dec = names.firstIndex(of: "2025-12")!, jun = names.firstIndex(of: "2026-06")!
        #expect(load.installedAtMonthEnd[...dec].allSatisfy { $0 == 0 })
        expectClose(load.installedAtMonthEnd[jun], 1030, absolute: 1e-9)
        // Monotone during the ramp.
        #expect(zip(load.installedAtMonthEnd[..<jun], load.installedAtMonthEnd[1...jun]).allSatisfy { $0 <= $1 })
    }

    @Test func unitsRetireAtEndOfLifeUnlessRefreshed() throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        let retired = try FleetFixtures.cohort(refresh: false).load(hardware: hw, calendar: cal)
        let refreshed = try FleetFixtures.cohort(refresh: true).load(hardware: hw, calendar: cal)
        // Deployed by 2026-07-01, five-year life: gone before the term ends in October 2032.
        #expect(retired.itPowerW.last! == 0 && retired.installedAtMonthEnd.last! == 0)
        #expect(refreshed.itPowerW.last! > 0 && abs(refreshed.installedAtMonthEnd.last! - 1030) < 1e-9)
    }

    @Test func aFullLifeChargesTheWholeEmbodiedCarbonPlusReplacements() throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        let load = try FleetFixtures.cohort(count: 1000, spare: 0.03).load(hardware: hw, calendar: cal)
        // ∫ D(t) dt = L for any ramp, so the charge is N(1 + s)·(E + λL·E_gpu): the whole unit once,
        // and a GPU module (not a server share) for each failure.
        let e = hw.embodiedGPUKg + hw.embodiedHostKg + hw.embodiedRackNetworkKg
        let expected: Double = 1030 * (e + hw.annualFailureRate * hw.usefulLifeYears * hw.embodiedGPUKg)
        let charged: Double = load.embodiedKgPerMonth.reduce(0, +)
        expectClose(charged, expected, relative: 1e-6)
    }

    @Test func hourlyValuesAreTheContinuousFormAtMidpoints() throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        let c = FleetFixtures.cohort()
        let model = try c.powerModel(hardware: hw, calendar: cal)
        let load = model.load(calendar: cal)
        for h in stride(from: 0, to: cal.hourCount, by: 7) {
            #expect(load.itPowerW[h] == (try model.itPowerW(atHour: Double(h) + 0.5)))
        }
        #expect(load.itPowerW[4400] == (try c.itPowerW(hardware: hw, calendar: cal, atHour: 4400.5)))
    }

    @Test func hourlySumMatchesTheQuadratureIntegral() throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        let model = try FleetFixtures.cohort(refresh: false).powerModel(hardware: hw, calendar: cal)
        let sum: Double = model.load(calendar: cal).itPowerW.reduce(0, +)
        var integral = 0.0
        for k in 0..<cal.months {
            integral += try Quadrature.qag(Double(cal.monthStartHour[k]), Double(cal.monthStartHour[k + 1]),
                                           options: QuadratureOptions(relativeTolerance: 1e-6)) {
                try model.itPowerW(atHour: $0)
            }.value
        }
        #expect(abs(sum - integral) / integral < 1e-3, "sum \(sum) vs integral \(integral)")
    }

    @Test func inferencePeaksAtItsPeakHourAndTrainingIsFlat() throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        let model = try FleetFixtures.cohort().powerModel(hardware: hw, calendar: cal)
        let table = model.servingPowerByHourOfDay
        // Peak at 18 UTC: hours 17 and 18 (midpoints 17.5, 18.5) are the maximum; 5–6 the minimum.
        #expect(table.firstIndex(of: table.max()!)! == 17 || table.firstIndex(of: table.max()!)! == 18)
        #expect(table.firstIndex(of: table.min()!)! == 5 || table.firstIndex(of: table.min()!)! == 6)
        var flat = FleetFixtures.workload
        flat.trainingFraction = 1
        let training = try FleetFixtures.cohort(workload: flat).powerModel(hardware: hw, calendar: cal)
        #expect(training.servingPowerByHourOfDay.allSatisfy { abs($0 - training.servingPowerByHourOfDay[0]) < 1e-9 })
        // A training GPU (board + host + network + storage) draws well below board TDP + host max.
        let p = training.servingPowerByHourOfDay[0]
        #expect(p > 600 && p < hw.tdpW + hw.hostMaxW + hw.networkW + hw.storageW)
    }

    @Test func airCooledRacksSendNoHeatToLiquid() throws {
        let hw = try FleetFixtures.h100(), cal = try FleetFixtures.calendar()
        var c = FleetFixtures.cohort()
        #expect(try c.load(hardware: hw, calendar: cal).liquidHeatFraction == hw.liquidHeatFraction)
        c.liquidCooled = false
        #expect(try c.load(hardware: hw, calendar: cal).liquidHeatFraction == 0)
    }
}

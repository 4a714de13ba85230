import FleetTestSupport
import Foundation
import Testing
@testable import FleetModel

/// The fast paths of the evaluation (typed plant-table loop, skipped zero terms, sums taken
/// in the hour loop) against the straightforward forms they replace, to the last bit, and
/// sampled specs against the one-pass reference (`EngineEquivalenceTests.reference`).
@Suite("KernelEquivalence")
struct KernelEquivalenceTests {
    /// Cooling variants of an outside-air site: the shipped one, no humidification, hot
    /// set points, pads off, few cycles.
    static func outsideAirVariants() throws -> [SiteSpec] {
        let site = try FacilityFixtures.site("us-east-1")
        var out = [site]
        var dry = site; dry.cooling.minDewPointC = nil; out.append(dry)
        var hot = site; hot.cooling.supplyAirC = 29.4; hot.cooling.hallAirDeltaTC = 15; hot.cooling.minDewPointC = -12
        out.append(hot)
        var cold = site; cold.cooling.supplyAirC = 18; cold.cooling.hallAirDeltaTC = 8; cold.cooling.adiabaticEffectivenessFraction = 0
        out.append(cold)
        var cycles = site; cycles.cooling.cyclesOfConcentration = 2; cycles.cooling.condensingApproachC = 20
        out.append(cycles)
        return out
    }

    @Test("Outside-air plant table equals CoolingPlant.coefficients at every typical hour, with and without a previous table, and refilled in the last variant's storage")
    func outsideAirTable() throws {
        let variants = try Self.outsideAirVariants()
        let weather = try WeatherCache.shared.weather(for: variants[0].climate)
        let pressure = Psychrometrics.pressureHPa(elevationM: variants[0].climate.elevationM)
        let first = CoolingPlantTable(plant: CoolingPlant(variants[0].cooling, pressureHPa: pressure), weather: weather)
        var last: CoolingPlantTable?
        for site in variants {
            let plant = CoolingPlant(site.cooling, pressureHPa: pressure)
            // The last variant's table, held here alone, is refilled in place (as a Monte Carlo worker's workspace does).
            var recycled = last
            last = nil
            let storage = recycled?.economizerC.withUnsafeBufferPointer { $0.baseAddress }
            let refilled = CoolingPlantTable(plant: plant, weather: weather, previous: first, recycling: &recycled)
            if let storage { #expect(refilled.economizerC.withUnsafeBufferPointer { $0.baseAddress } == storage) }
            last = refilled
            for table in [CoolingPlantTable(plant: plant, weather: weather),
                          CoolingPlantTable(plant: plant, weather: weather, previous: first), refilled] {
                var mismatches = 0
                for k in 0..<TypicalYearWeather.hours {
                    let x = plant.coefficients(dryBulbC: weather.dryBulbC[k], wetBulbC: weather.wetBulbC[k],
                                               wetBulbSaturationHPa: weather.wetBulbSaturationHPa[k])
                    let y = table.coefficients(k)
                    if x.economizerC.bitPattern != y.economizerC.bitPattern || x.condensingC.bitPattern != y.condensingC.bitPattern
                        || x.consumedLPerWh.bitPattern != y.consumedLPerWh.bitPattern
                        || x.withdrawnLPerWh.bitPattern != y.withdrawnLPerWh.bitPattern { mismatches += 1 }
                }
                #expect(mismatches == 0)
                #expect(table.airEconomizerFullHours + table.airEconomizerPartialHours > 0)
            }
        }
        // Hours that humidify and hours on the evaporative media both occur, so both branches were compared.
        #expect(first.consumedLPerWh.contains { $0 > 0 })
        #expect(zip(first.economizerC, weather.dryBulbC).contains { $0 != $1 && $0 < CoolingPlant.shut })
    }

    /// Chiller power written out with both loops' COPs, as before the zero-heat shortcut.
    static func chillerPowerWrittenOut(_ p: CoolingPlant, liquidW qL: Double, airW qA: Double, economizerC e0: Double,
                                       condensingC c0: Double, approach a: Double, invCapacity: Double) -> Double {
        let econ = e0 + a, cond = c0 + a
        let sL = min(max((econ - p.liqSupply) * p.invLiqDelta, 0), 1)
        let sA = min(max((econ - p.airSupply) * p.invAirDelta, 0), 1)
        let load = sL * qL + sA * qA
        if !(load > 0) { return 0 }
        let copL = min(p.etaTeL / max(cond - p.teL, CoolingPlant.minLift), p.copMax)
        let copA = min(p.etaTeA / max(cond - p.teA, CoolingPlant.minLift), p.copMax)
        return (sL * qL / copL + sA * qA / copA) * CoolingPhysics.stagedEIRRatio(loadRatio: load * invCapacity, units: p.units)
    }

    @Test("Chiller power skipping a loop without heat equals the written-out form bit for bit")
    func chillerPower() throws {
        var plants = [CoolingPlant(try FacilityFixtures.site("us-east-1").cooling)]
        for type in [CoolingType.liquidTower, .liquidDryCooler, .airChillerEconomizer] {
            var c = try FacilityFixtures.site("us-tx").cooling
            c.type = type
            plants.append(CoolingPlant(c))
        }
        var rng = SeededGenerator(seed: 13)
        for p in plants {
            for i in 0..<20_000 {
                let qL = i % 3 == 0 ? 0 : Double.random(in: 0..<5e7, using: &rng)
                let qA = i % 5 == 0 ? 0 : Double.random(in: 0..<5e7, using: &rng)
                let e0 = Double.random(in: 5..<35, using: &rng), c0 = e0 + Double.random(in: 0..<15, using: &rng)
                let a = Double.random(in: 0..<6, using: &rng), inv = 1 / Double.random(in: 1e7..<1.1e8, using: &rng)
                let x = p.chillerPower(liquidW: qL, airW: qA, economizerC: e0, condensingC: c0, approach: a, invCapacity: inv)
                let y = Self.chillerPowerWrittenOut(p, liquidW: qL, airW: qA, economizerC: e0, condensingC: c0, approach: a,
                                                    invCapacity: inv)
                #expect(x.bitPattern == y.bitPattern, "qL \(qL) qA \(qA) e0 \(e0) c0 \(c0)")
                if x.bitPattern != y.bitPattern { return }
            }
        }
    }

    @Test("Sampled cooling and fleet inputs, built on the base evaluator: every month equals the one-pass reference")
    func sampledSpecs() throws {
        let spec = try EngineEquivalenceTests.defaultSpec()
        let base = try FleetEvaluator(spec: spec)
        var rng = SeededGenerator(seed: 7)
        func draw(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo..<hi, using: &rng) }
        for _ in 0..<3 {
            var s = spec
            for i in s.sites.indices {
                s.sites[i].cooling.supplyAirC = draw(24, 29.4)
                s.sites[i].cooling.hallAirDeltaTC = draw(10, 15)
                s.sites[i].cooling.minDewPointC = draw(-12, -9)
                s.sites[i].cooling.adiabaticEffectivenessFraction = draw(0.7, 0.9)
                s.sites[i].cooling.cyclesOfConcentration = draw(3, 7)
                s.sites[i].cooling.condensingApproachC = draw(12, 20)
                s.sites[i].cooling.partLoadExponent = draw(2, 3)
                s.sites[i].cooling.heatRejectionPowerFraction = draw(0.02, 0.045)
            }
            for i in s.fleet.cohorts.indices { s.fleet.cohorts[i].count *= draw(0.5, 1.6) }
            let e = try FleetEvaluator(spec: s, previous: base)
            let reference = EngineEquivalenceTests.reference(e.facility, e.loads())
            #expect(EngineEquivalenceTests.maxRelativeDifference(try e.evaluate(), reference) <= 1e-12)
            #expect(EngineEquivalenceTests.maxRelativeDifference(try FleetEvaluator(spec: s).evaluate(), try e.evaluate()) == 0)
        }
    }

    @Test("Ramp months two hours at a time, odd lengths included: every hour's flows and the month's sums against HourPhysics.flows",
          arguments: [CoolingType.liquidTower, .irhx, .airChillerEconomizer, .liquidDryCooler])
    func twoLaneMonths(type: CoolingType) throws {
        let cal = try TermCalendar(start: "2026-07-01", months: 1)
        var rng = SeededGenerator(seed: 21)
        // Hot afternoons and cool nights, so some hours run the chillers and some do not.
        let dry = (0..<8760).map { 24 + 14 * sin(Double($0 % 24) * .pi / 12) + Double.random(in: -2..<2, using: &rng) }
        let weather = TypicalYearWeather(hourlyDryBulbC: dry, wetBulbC: dry.map { $0 - 6 }, source: "test")
        let site = SiteModel(site: SiteHourByHandTests.spec(type), grid: try FacilityFixtures.grid("srvc"), calendar: cal,
                             weather: weather)
        let capacity = MonthCapacity(it: 1.25e6, air: 0.3e6, liquid: 1e6, liquidToHall: type.liquidToHallAir)
        var ran = 0, hours = 0
        for count in [1, 24, 25, 743] {
            var kernel = SiteHourKernel(site: site, maxHours: 744)
            for i in 0..<count {
                kernel.it[i] = Double.random(in: 2e5..<1.2e6, using: &rng)
                kernel.liquid[i] = 0.8 * kernel.it[i]
            }
            let sums = kernel.month(start: 0, count: count, capacity: capacity, periodic: false)
            var facility = 0.0, cooling = 0.0, water = 0.0, peak = 0.0
            site.physics.partLoad.values.withUnsafeBufferPointer { g in site.physics.approachTable.values.withUnsafeBufferPointer { a in
                for i in 0..<count {
                    let f = site.physics.flows(it: kernel.it[i], liquid: kernel.liquid[i],
                                               weather: site.table!.coefficients(Int(site.typicalHour[i])),
                                               capacity: capacity, table: g, approach: a.isEmpty ? nil : a)
                    #expect(kernel.facility[i].bitPattern == f.facility.bitPattern, "\(type) hour \(i) of \(count)")
                    facility += f.facility; cooling += f.cooling; water += f.waterWithdrawnL; peak = max(peak, f.facility)
                }
            }}
            expectClose(sums.facility, facility, relative: 1e-13)
            expectClose(sums.cooling, cooling, relative: 1e-13)
            expectClose(sums.water, water, relative: 1e-13, absolute: 1e-9)
            #expect(sums.peak == peak)
            ran += kernel.chillerHours; hours += count
        }
        #expect(ran > 0 && ran < hours, "\(type): chillers ran in \(ran) of \(hours) hours")
    }

    @Test("The two-lane part-load lookup equals the scalar one bit for bit: nodes, between them, off the table, below 0, NaN")
    func twoLaneLookup() {
        let table = PartLoadTable(minSpeed: 0.2, exponent: 2.7)
        var rng = SeededGenerator(seed: 5)
        var xs = (0...512).map { Double($0) / 256 } + [-0.3, -0.0, 0, 1.999_999_999, 2, 2.5, .nan, .infinity]
        xs += (0..<4000).map { _ in Double.random(in: -0.2..<2.2, using: &rng) }
        table.values.withUnsafeBufferPointer { t in
            for (a, b) in zip(xs, xs.reversed()) {
                let v = PartLoadTable.lookup(t, SIMD2(a, b), minSpeed: 0.2, exponent: 2.7)
                let s0 = PartLoadTable.lookup(t, a, minSpeed: 0.2, exponent: 2.7)
                let s1 = PartLoadTable.lookup(t, b, minSpeed: 0.2, exponent: 2.7)
                #expect(v[0].bitPattern == s0.bitPattern && v[1].bitPattern == s1.bitPattern, "x = \(a), \(b)")
            }
        }
    }
}

import Foundation
import Testing
@testable import FleetModel
import FleetTestSupport

@Suite("Engine")
struct EngineTests {
    /// A fixed-PUE 1.0 site with lossless delivery: facility = IT exactly.
    static func lossless() throws -> FacilityModel {
        try FacilityFixtures.model(sites: ["us-east-1"], start: "2026-04-01", months: 2) { s, g in
            s.cooling = CoolingSpec(type: .fixedPUE)
            s.cooling.pue = 1; s.cooling.wueLPerKwh = 0.5
            let zero = LossStage(noLoadFraction: 0, proportionalFraction: 0, squareLawFraction: 0)
            s.powerDelivery = PowerDeliverySpec(transformer: zero, ups: zero, distribution: zero, transformerCapacityRatio: 1)
            g.carbonIntensity.annualChange = 0; g.carbonIntensity.baseKgPerKwh = 0.25
            g.price = PriceSpec(baseUsdPerKwh: 0.1, baseYear: 2026, annualEscalation: 0)
        }
    }

    @Test("Units convert exactly: 1 MW for April's 720 h is 720 MWh, 180 t CO2e, 72,000 USD, 360 m³")
    func units() throws {
        let m = try Self.lossless()
        let l = CohortLoad(cohortID: "c", siteID: "us-east-1", isGPU: true,
                           itPowerW: Array(repeating: 1e6, count: m.calendar.hourCount), liquidHeatFraction: 0,
                           installedAtMonthEnd: [10, 20], embodiedKgPerMonth: [1000, 1000])
        let ev = try m.evaluate([l])
        #expect(ev[.itEnergy, 0] == 720 && ev[.facilityEnergy, 0] == 720)
        #expect(ev[.pue, 0] == 1 && ev[.averageFacilityPower, 0] == 1 && ev[.peakFacilityPower, 0] == 1)
        expectClose(ev[.carbonLocation, 0], 180, absolute: 1e-9)
        expectClose(ev[.electricityCost, 0], 72_000, absolute: 1e-6)
        #expect(abs(ev[.waterOnsite, 0] - 360) < 1e-9)          // 0.5 L/kWh × 720,000 kWh
        #expect(ev[.carbonEmbodied, 0] == 1 && ev[.gpusInstalledPeak, 1] == 20)
        let t = ev.total()
        #expect(t[Metric.itEnergy.index] == 720 + 744 && t[Metric.gpusInstalledPeak.index] == 20)
    }

    @Test("Months aggregate to years and the term: sums, maxima, energy-weighted PUE")
    func aggregation() throws {
        let m = try FacilityFixtures.model(sites: ["us-east-1", "us-tx"], start: "2025-11-01", months: 14)
        let ev = try m.evaluate(FacilityFixtures.loads(m))
        let years = ev.annual()
        #expect(years.map(\.year) == [2025, 2026])
        let t = ev.total()
        for metric in Metric.allCases {
            let v = years.map { $0.values[metric.index] }
            switch metric.aggregation {
            case .sum: #expect(abs(v.reduce(0, +) - t[metric.index]) <= 1e-9 * abs(t[metric.index]))
            case .max: #expect(v.max() == t[metric.index])
            case .derived: break
            }
        }
        expectClose(t[Metric.pue.index], t[Metric.facilityEnergy.index] / t[Metric.itEnergy.index], absolute: 1e-15)
        let hours = Double(m.calendar.hourCount)
        expectClose(t[Metric.averageFacilityPower.index], t[Metric.facilityEnergy.index] / hours, absolute: 1e-12)
        // The fleet's peak is the peak of the summed hours: at most the sum of the sites' peaks.
        let d = try m.evaluateBySite(FacilityFixtures.loads(m))
        let sitePeaks = d.sites.map { $0.total()[Metric.peakFacilityPower.index] }.reduce(0, +)
        #expect(t[Metric.peakFacilityPower.index] <= sitePeaks + 1e-9)
        #expect(t[Metric.peakFacilityPower.index] >= d.sites.map { $0.total()[Metric.peakFacilityPower.index] }.max()!)
    }

    @Test("Hourly sum and adaptive quadrature of facility energy agree within 0.1 %")
    func quadrature() throws {
        let m = try FacilityFixtures.model(sites: ["us-east-1", "us-tx", "phoenix-az"], start: "2026-05-01", months: 3)
        let loads = FacilityFixtures.loads(m)
        let ramp = Double(m.calendar.monthStartHour[3])
        var power: [String: @Sendable (Double) -> Double] = [:]
        for l in loads {
            let peak = l.itPowerW.max()! / 1.0
            let gpu = l.isGPU
            power[l.cohortID] = { t in
                FacilityFixtures.continuousPower(t, peakW: gpu ? 100e6 : 10e6, rampHours: gpu ? ramp : Double(m.calendar.monthStartHour[1]),
                                                 swing: gpu ? 0.1 : 0.2) * (peak > 0 ? 1 : 0)
            }
        }
        let ev = try m.evaluate(loads)
        let rel = try m.quadratureVsTimestep(loads, hourly: ev, power: power)
        expectClose(rel, 0, absolute: 1e-3)
        #expect(rel != 0)
    }

    @Test("A deterministic result carries every metric for the term, each year and month, and the breakdown")
    func deterministicResult() throws {
        let m = try FacilityFixtures.model(sites: ["us-east-1", "phoenix-az"], start: "2025-11-01", months: 3)
        let loads = FacilityFixtures.loads(m)
        let r = try m.deterministicResult(loads: loads, power: [:],
                                          scenario: .init(id: "t", title: "t", source: "test", sha256: ""),
                                          inputs: [], run: .init(samples: 0, seed: 0, sampler: "random", threads: 1))
        #expect(Set(r.totals.keys) == Set(Metric.allCases))
        #expect(r.monthly.map(\.period) == ["2025-11", "2025-12", "2026-01"])
        #expect(r.annual.map(\.period) == ["2025", "2026"])
        #expect(r.breakdown?.sites.map(\.id) == ["us-east-1", "phoenix-az"])
        #expect(r.breakdown?.sites[0].monthlyPUE.count == 3 && r.breakdown?.sites[0].monthlyDryBulbC.count == 12)
        expectClose(r.diagnostics.quadratureVsTimestepRelDiff, 0, absolute: 1e-3)
        #expect(r.diagnostics.quadratureMonths == ["2025-11", "2025-12", "2026-01"], "a short term is checked month by month")
        // The JSON carries the totals to the bit (read back exactly), not just some bytes.
        let json = try #require(try TestSupport.exactJSON(r.jsonData()) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: [String: Double]])
        for m in Metric.allCases { #expect(totals[m.rawValue]?["base"] == r.totals[m]?.base, "\(m.rawValue)") }
        #expect((json["monthly"] as? [Any])?.count == 3 && (json["annual"] as? [Any])?.count == 2)
    }

    @Test("Loads naming an unknown site or the wrong length are rejected")
    func badLoads() throws {
        let m = try Self.lossless()
        let l = CohortLoad(cohortID: "c", siteID: "mars", isGPU: true, itPowerW: Array(repeating: 1, count: m.calendar.hourCount),
                           liquidHeatFraction: 0, installedAtMonthEnd: [1, 1], embodiedKgPerMonth: [0, 0])
        #expect(throws: FacilityError.unknownSite(cohort: "c", site: "mars")) { try m.evaluate([l]) }
        var short = l; short.siteID = "us-east-1"; short.itPowerW = [1]
        #expect(throws: FacilityError.self) { try m.evaluate([short]) }
    }

    @Test("A model built from a previous one reuses unchanged plants and recomputes changed ones")
    func reuse() throws {
        let base = try FacilityFixtures.model(sites: ["us-east-1", "phoenix-az"], months: 3)
        let loads = FacilityFixtures.loads(base)
        var sites = base.sites.map(\.spec)
        var grids = base.sites.map(\.grid)
        grids[0].carbonIntensity.baseKgPerKwh *= 2          // grid only: plant reused
        sites[1].cooling.hxApproachC! += 1                   // cooling: plant rebuilt
        func build(_ previous: FacilityModel?) throws -> FacilityModel {
            let models = try zip(sites, grids).map { s, g in
                SiteModel(site: s, grid: g, calendar: base.calendar, weather: try WeatherCache.shared.weather(for: s.climate),
                          previous: previous?.sites.first { $0.spec.id == s.id })
            }
            return FacilityModel(sites: models, calendar: base.calendar, contractValueUSD: 38e9)
        }
        let reused = try build(base), fresh = try build(nil)
        #expect(reused.sites[0].table!.economizerC == base.sites[0].table!.economizerC)
        #expect(reused.sites[1].table!.economizerC != base.sites[1].table!.economizerC)
        let a = try reused.evaluate(loads), b = try fresh.evaluate(loads)
        #expect(a.monthly == b.monthly)
        let before = try base.evaluate(loads).total()[Metric.carbonLocation.index]
        #expect(a.total()[Metric.carbonLocation.index] > before)
    }
}

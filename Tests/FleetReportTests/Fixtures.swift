import Foundation
import FleetModel

/// A realistic, deterministic result built in code: 84 months from 2025-11,
/// 2 sites, 3 cohorts, sampled statistics, histograms, a breakdown and, on
/// request, a tornado or Sobol sensitivity and a sweep. The physics is a
/// simple stand-in (S-curve ramps, seasonal PUE, declining grid intensity),
/// but every identity the report relies on holds: facility = IT + cooling +
/// losses, PUE = facility / IT, annual and total sums of the months.
enum Fixtures {
    static let months = 84
    static let contractUSD = 38e9
    static let samples = 2_000

    static func monthLabel(_ k: Int) -> (year: Int, month: Int) {
        let m0 = 10 + k  // November 2025 is month 10 (0-based) of 2025
        return (2025 + m0 / 12, m0 % 12 + 1)
    }

    static func hoursIn(_ k: Int) -> Double {
        let (y, m) = monthLabel(k)
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return Double(days[m - 1] * 24)
    }

    /// Logistic ramp from 0 to `count`, centred on month `mid`, `width` months wide.
    static func ramp(_ count: Double, mid: Double, width: Double) -> [Double] {
        (0..<months).map { k in (count / (1 + exp(-(Double(k) - mid) / width))).rounded() }
    }

    struct CohortDef { let id, hardware, site: String; let count, mid, width, kwPerUnit, embodiedT: Double }
    static let cohorts = [
        CohortDef(id: "gb200", hardware: "gb200", site: "us-east-1", count: 250_000, mid: 3, width: 1.2,
                  kwPerUnit: 1.45, embodiedT: 1.6),
        CohortDef(id: "gb300", hardware: "gb300", site: "us-east-2", count: 150_000, mid: 9, width: 1.5,
                  kwPerUnit: 1.62, embodiedT: 1.8),
        CohortDef(id: "cpu", hardware: "cpu-graviton4", site: "us-east-1", count: 40_000, mid: 5, width: 1.5,
                  kwPerUnit: 0.55, embodiedT: 1.2),
    ]

    struct SiteDef { let id, name, cooling, grid: String; let pue0, pueSwing, dry0, wet0: Double }
    static let sites = [
        SiteDef(id: "us-east-1", name: "Northern Virginia", cooling: "liquid-tower", grid: "srvc",
                pue0: 1.11, pueSwing: 0.05, dry0: 13.4, wet0: 9.8),
        SiteDef(id: "us-east-2", name: "Ohio", cooling: "air-chiller-economizer", grid: "rfcw",
                pue0: 1.16, pueSwing: 0.09, dry0: 11.2, wet0: 8.1),
    ]

    /// Relative spread (sd / base) of each metric's sampled distribution.
    static func spread(_ m: Metric) -> Double {
        switch m {
        case .pue: 0.025
        case .waterOnsite, .waterOffsite: 0.28
        case .carbonLocation, .carbonMarket: 0.21
        case .carbonEmbodied: 0.30
        case .electricityCost, .costShareOfContract: 0.19
        case .gpusInstalledPeak: 0.22
        default: 0.17
        }
    }

    static func stats(_ m: Metric, _ base: Double, sampled: Bool) -> Stats {
        guard sampled else { return Stats(base: base).reported(as: m) }
        let r = spread(m)
        return Stats(base: base, mean: base * (1 + 0.1 * r), sd: base * r,
                     p05: base * (1 - 1.5 * r), p50: base * (1 + 0.05 * r), p95: base * (1 + 1.9 * r)).reported(as: m)
    }

    /// Monthly base values of every metric, per site (additive metrics) and fleet-wide.
    static func monthlyBase() -> (fleet: [[Metric: Double]], sitePUE: [[Double]], installed: [[Double]]) {
        let installed = cohorts.map { ramp($0.count, mid: $0.mid, width: $0.width).map { $0.rounded() } }
        var fleet: [[Metric: Double]] = []
        var sitePUE = Array(repeating: [Double](), count: sites.count)
        for k in 0..<months {
            let (y, m) = monthLabel(k)
            let h = hoursIn(k)
            let season = cos(2 * Double.pi * (Double(m) - 7.5) / 12)  // +1 in mid-July
            let yearsIn = Double(k) / 12
            var v: [Metric: Double] = [:]
            var facilityTotal = 0.0, itTotal = 0.0
            for (s, site) in sites.enumerated() {
                let it = cohorts.indices.filter { cohorts[$0].site == site.id }
                    .map { installed[$0][k] * cohorts[$0].kwPerUnit / 1000 * h }.reduce(0, +)
                let pue = site.pue0 + site.pueSwing * (0.5 + 0.5 * season)
                sitePUE[s].append(pue)
                let facility = it * pue
                let losses = 0.045 * it
                itTotal += it; facilityTotal += facility
                v[.itEnergy, default: 0] += it
                v[.facilityEnergy, default: 0] += facility
                v[.powerDeliveryLoss, default: 0] += losses
                v[.coolingEnergy, default: 0] += facility - it - losses
                let wue = site.cooling == "liquid-tower" ? 0.30 : 0.22
                v[.waterOnsite, default: 0] += it * 1000 * wue * (0.6 + 0.6 * max(0, season)) / 1000
                v[.waterOffsite, default: 0] += facility * 1000 * 2.1 / 1000
                let intensity = (site.grid == "srvc" ? 0.33 : 0.48) * pow(0.965, yearsIn)
                v[.carbonLocation, default: 0] += facility * intensity
                v[.carbonMarket, default: 0] += facility * intensity * 0.35
                let price = (site.grid == "srvc" ? 0.082 : 0.071) * pow(1.025, yearsIn)
                v[.electricityCost, default: 0] += facility * 1000 * price
            }
            v[.carbonEmbodied] = cohorts.indices.map { installed[$0][k] * cohorts[$0].embodiedT / 72 }.reduce(0, +)
            v[.pue] = facilityTotal / itTotal
            v[.averageFacilityPower] = facilityTotal / h
            v[.peakFacilityPower] = facilityTotal / h * 1.09
            v[.costShareOfContract] = v[.electricityCost]! / contractUSD
            v[.gpusInstalledPeak] = installed[0][k] + installed[1][k]
            v[.gpuHours] = v[.gpusInstalledPeak]! * h
            v[.contractUSDPerGPUHour] = contractUSD / 84 / v[.gpuHours]!
            _ = y
            fleet.append(v)
        }
        return (fleet, sitePUE, installed)
    }

    /// Combines months into a period: sums, energy-weighted PUE, maxima, mean power.
    static func combine(_ ms: [[Metric: Double]], hours: Double) -> [Metric: Double] {
        var v: [Metric: Double] = [:]
        let additive: [Metric] = [.itEnergy, .facilityEnergy, .coolingEnergy, .powerDeliveryLoss, .waterOnsite,
                                  .waterOffsite, .carbonLocation, .carbonMarket, .carbonEmbodied,
                                  .electricityCost, .costShareOfContract]
        for m in additive { v[m] = ms.map { $0[m]! }.reduce(0, +) }
        v[.pue] = v[.facilityEnergy]! / v[.itEnergy]!
        v[.peakFacilityPower] = ms.map { $0[.peakFacilityPower]! }.max()!
        v[.gpusInstalledPeak] = ms.map { $0[.gpusInstalledPeak]! }.max()!
        v[.averageFacilityPower] = v[.facilityEnergy]! / hours
        v[.gpuHours] = ms.map { $0[.gpuHours]! }.reduce(0, +)
        v[.contractUSDPerGPUHour] = ms.map { $0[.gpuHours]! * $0[.contractUSDPerGPUHour]! }.reduce(0, +) / v[.gpuHours]!
        return v
    }

    static func histogram(_ s: Stats) -> FleetResult.Histogram {
        let lo = s.p05! - 1.2 * s.sd!, hi = s.p95! + 1.2 * s.sd!
        let bins = 24
        let edges = (0...bins).map { lo + (hi - lo) * Double($0) / Double(bins) }
        func cdf(_ x: Double) -> Double { 0.5 * (1 + erf((x - s.mean!) / (s.sd! * 2.0.squareRoot()))) }
        let counts = (0..<bins).map { Int((Double(samples) * (cdf(edges[$0 + 1]) - cdf(edges[$0]))).rounded()) }
        return FleetResult.Histogram(edges: edges, counts: counts)
    }

    static let inputs: [FleetResult.Input] = [
        .init(path: "fleet.cohorts.gb200.count", unit: "GPU", base: 250_000,
              distribution: "triangular(150000, 250000, 400000)",
              source: "assumption: the deal announcement says \"hundreds of thousands\" of GB200/GB300"),
        .init(path: "fleet.cohorts.gb300.count", unit: "GPU", base: 150_000,
              distribution: "triangular(50000, 150000, 300000)", source: "assumption: expansion share, 2026"),
        .init(path: "fleet.cohorts.cpu.count", unit: "server", base: 40_000, distribution: nil,
              source: "assumption: \"tens of millions of CPUs\" at 192 cores, 2 sockets per server"),
        .init(path: "hardware.gb200.utilization_mean_fraction", unit: "fraction", base: 0.72,
              distribution: "beta(6, 2.4, 0.3, 1)", source: "Patel et al. 2024, Characterizing power management opportunities for LLMs in the cloud"),
        .init(path: "sites.us-east-1.cooling.approach_c", unit: "°C", base: 4,
              distribution: "uniform(3, 6)", source: "ASHRAE Handbook, HVAC Systems and Equipment, ch. 40"),
        .init(path: "sites.us-east-2.cooling.chiller_cop_fraction_of_carnot", unit: "fraction", base: 0.55,
              distribution: "pert(0.45, 0.55, 0.65)", source: "assumption: centrifugal chillers, part load"),
        .init(path: "grids.srvc.carbon_intensity.annual_change", unit: "1/year", base: -0.035,
              distribution: "normal(-0.035, 0.015)", source: "EIA Annual Energy Outlook 2025, reference case"),
        .init(path: "grids.srvc.carbon_intensity_kg_per_kwh", unit: "kg/kWh", base: 0.33,
              distribution: nil, source: "EPA eGRID2022, SRVC subregion, total output emission rate"),
        .init(path: "grids.rfcw.price_usd_per_kwh", unit: "USD/kWh", base: 0.071,
              distribution: "lognormal(0.071, 0.15)", source: "EIA Electric Power Monthly, industrial, Ohio 2024"),
        .init(path: "contract.value_usd", unit: "USD", base: contractUSD, distribution: nil,
              source: "OpenAI and Amazon announcement, 3 November 2025"),
    ]

    static func sensitivity(_ method: String) -> Sensitivity {
        let paths = ["fleet.cohorts.gb200.count", "fleet.cohorts.gb300.count", "hardware.gb200.utilization_mean_fraction",
                     "grids.srvc.carbon_intensity.annual_change", "sites.us-east-2.cooling.chiller_cop_fraction_of_carnot",
                     "sites.us-east-1.cooling.approach_c"]
        let weights = [0.46, 0.28, 0.17, 0.05, 0.025, 0.012]
        let base = monthlyBase().fleet
        var rankings: [Metric: [SensitivityEntry]] = [:]
        for m in [Metric.facilityEnergy, .carbonLocation] {
            let total = base.map { $0[m]! }.reduce(0, +)
            rankings[m] = paths.indices.map { i in
                if method == "sobol" {
                    let s1 = weights[i] * 0.92, st = weights[i] * 1.05
                    return SensitivityEntry(path: paths[i], rank: i + 1, firstOrder: s1,
                                            firstOrderCI: [s1 - 0.03, s1 + 0.03], totalOrder: st,
                                            totalOrderCI: [st - 0.025, st + 0.035])
                }
                let swing = total * weights[i] * 0.6
                return SensitivityEntry(path: paths[i], rank: i + 1, lowInput: 1, highInput: 2,
                                        lowValue: total - 0.45 * swing, highValue: total + 0.55 * swing, swing: swing)
            }
        }
        return method == "sobol"
            ? Sensitivity(method: "sobol", baseSamples: 1024, bootstrap: 200, rankings: rankings)
            : Sensitivity(method: "tornado", rankings: rankings)
    }

    static func sweep() -> Sweep {
        let total = monthlyBase().fleet.map { $0[.facilityEnergy]! }.reduce(0, +)
        let carbon = monthlyBase().fleet.map { $0[.carbonLocation]! }.reduce(0, +)
        let rows = [150_000.0, 250_000, 400_000].map { n -> Sweep.Row in
            let f = (n + 150_000 + 40_000 * 0.34) / (250_000 + 150_000 + 40_000 * 0.34)
            return Sweep.Row(point: ["fleet.cohorts.gb200.count": .number(n)],
                             totals: [.facilityEnergy: Stats(base: total * f), .carbonLocation: Stats(base: carbon * f)])
        }
        return Sweep(parameters: ["fleet.cohorts.gb200.count"], metrics: [.facilityEnergy, .carbonLocation], rows: rows)
    }

    /// The result; `sensitivity` is "tornado", "sobol" or nil.
    static func result(sampled: Bool = true, sensitivity method: String? = "tornado",
                       sweep withSweep: Bool = false) -> FleetResult {
        let (fleet, sitePUE, installed) = monthlyBase()
        let monthly = (0..<months).map { k -> FleetResult.PeriodStats in
            let (y, m) = monthLabel(k)
            return FleetResult.PeriodStats(period: String(format: "%04d-%02d", y, m), isMonth: true,
                                           values: fleet[k].reduce(into: [:]) { $0[$1.key] = stats($1.key, $1.value, sampled: sampled) },
                                           hours: Int(hoursIn(k)), partial: false)
        }
        var annual: [FleetResult.PeriodStats] = []
        for year in 2025...2032 {
            let ks = (0..<months).filter { monthLabel($0).year == year }
            let v = combine(ks.map { fleet[$0] }, hours: ks.map(hoursIn).reduce(0, +))
            annual.append(.init(period: String(year), isMonth: false,
                                values: v.reduce(into: [:]) { $0[$1.key] = stats($1.key, $1.value, sampled: sampled) },
                                hours: Int(ks.map(hoursIn).reduce(0, +)), partial: year == 2025 || year == 2032))
        }
        let t = combine(fleet, hours: (0..<months).map(hoursIn).reduce(0, +))
        let totals = t.reduce(into: [Metric: Stats]()) { $0[$1.key] = stats($1.key, $1.value, sampled: sampled) }
        let siteTotals = sites.indices.map { s -> [Metric: Double] in
            let it = (0..<months).map { k in cohorts.indices.filter { cohorts[$0].site == sites[s].id }
                .map { installed[$0][k] * cohorts[$0].kwPerUnit / 1000 * hoursIn(k) }.reduce(0, +) }
            let facility = zip(it, sitePUE[s]).map { $0 * $1 }.reduce(0, +)
            return [.itEnergy: it.reduce(0, +), .facilityEnergy: facility, .pue: facility / it.reduce(0, +)]
        }
        let season = (1...12).map { cos(2 * Double.pi * (Double($0) - 7.5) / 12) }
        let breakdown = Breakdown(
            sites: sites.indices.map { s in
                Breakdown.Site(id: sites[s].id, name: sites[s].name, cooling: sites[s].cooling, grid: sites[s].grid,
                               totals: siteTotals[s], monthlyPUE: sitePUE[s],
                               monthlyDryBulbC: season.map { sites[s].dry0 + 12 * $0 },
                               monthlyWetBulbC: season.map { sites[s].wet0 + 10 * $0 })
            },
            cohorts: cohorts.indices.map { c in
                Breakdown.Cohort(id: cohorts[c].id, hardware: cohorts[c].hardware, site: cohorts[c].site,
                                 monthlyInstalled: installed[c],
                                 itEnergyMWh: (0..<months).map { installed[c][$0] * cohorts[c].kwPerUnit / 1000 * hoursIn($0) }.reduce(0, +),
                                 embodiedTCO2e: cohorts[c].count * cohorts[c].embodiedT)
            })
        let histograms: [Metric: FleetResult.Histogram]? = sampled
            ? [Metric.facilityEnergy, .carbonLocation, .waterOnsite, .electricityCost]
                .reduce(into: [:]) { $0[$1] = histogram(totals[$1]!) }
            : nil
        let se = sampled ? totals.reduce(into: [Metric: Double]()) { $0[$1.key] = $1.value.sd! / Double(samples).squareRoot() } : [:]
        return FleetResult(
            scenario: .init(id: "openai-aws-2025", title: "OpenAI–AWS compute deal, 2025–2032",
                            source: "embedded:openai-aws-2025",
                            sha256: "3f7a9c2e5b8d1f4a6c0e9b2d7f5a3c1e8b6d4f2a0c9e7b5d3f1a8c6e4b2d0f9a"),
            run: .init(samples: sampled ? samples : 0, seed: 20251103, sampler: "sobol", threads: 2,
                       overrides: ["fleet.cohorts.gb200.count=triangular(150000, 250000, 400000)"]),
            inputs: inputs, totals: totals, annual: annual, monthly: monthly,
            sensitivity: method.map(sensitivity), sweep: withSweep ? sweep() : nil,
            breakdown: breakdown, histograms: histograms,
            diagnostics: .init(quadratureVsTimestepRelDiff: 2.3e-4, mcStandardError: se,
                               warnings: ["grid rfcw carbon intensity extrapolated beyond 2030 (last data year)"]))
    }

    /// A comparison of the result with a variant 10 % larger: each variant's totals from the
    /// result's, the difference 0.1 × the baseline with common random numbers (a tenth of the
    /// spread independent sampling would give).
    static func comparison(sampled: Bool = true) -> Comparison {
        let r = result(sampled: sampled, sensitivity: nil)
        let metrics: [Metric] = [.facilityEnergy, .carbonLocation, .waterOnsite, .electricityCost, .pue]
        func scaled(_ s: Stats, _ f: Double) -> Stats {
            Stats(base: s.base * f, mean: s.mean.map { $0 * f }, sd: s.sd.map { $0 * abs(f) },
                  p05: s.p05.map { $0 * f }, p50: s.p50.map { $0 * f }, p95: s.p95.map { $0 * f })
        }
        let a = metrics.reduce(into: [Metric: Stats]()) { $0[$1] = r.totals[$1]! }
        let b = a.mapValues { scaled($0, 1.1) }
        let d = a.mapValues { scaled($0, 0.1) }
        let independent = sampled ? a.mapValues { ($0.sd! * $0.sd! * (1 + 1.21)).squareRoot() } : [:]
        return Comparison(
            run: r.run, metrics: metrics,
            variants: [.init(name: "openai-aws-2025", scenario: r.scenario, changes: [], uncertainInputs: 12, totals: a),
                       .init(name: "bigger", scenario: r.scenario, changes: ["fleet.cohorts.gb200.count=275000"],
                             uncertainInputs: 12, totals: b)],
            differences: [.init(variant: "bigger", baseline: "openai-aws-2025", totals: d, sdIfIndependent: independent)],
            sharedInputs: ["fleet.cohorts.gb200.count"], diagnostics: .init())
    }
}

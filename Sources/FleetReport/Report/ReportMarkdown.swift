import Foundation
import FleetModel

/// report.md: Markdown that pandoc turns into a PDF with no edits, through
/// weasyprint (with report.css) or LaTeX. Plain `#` headings (numbered by
/// `--number-sections`), pipe tables with units in the headers, figures with
/// captions and alt text, display equations in the TeX subset that pandoc's
/// HTML writer can draw (no `\frac`, no sums with both limits, no `\sqrt`).
public enum ReportMarkdown {
    /// US data-centre electricity use in 2023, TWh (Shehabi et al., "2024 United States
    /// Data Center Energy Usage Report", LBNL, December 2024; 4.4 % of US electricity).
    public static let usDataCentreTWh2023 = 176.0

    /// The report text.
    /// - Parameters:
    ///   - result: the evaluated scenario.
    ///   - figures: the charts, as written under `figures/` (from `Charts.figures(for:)`).
    ///   - date: the report date, "YYYY-MM-DD" (an input, so that the text is reproducible).
    public static func render(_ r: FleetResult, figures: [Figure], date: String) -> String {
        var b = Builder(r: r, figures: figures)
        b.metadata(date: date)
        b.summary()
        b.fleet()
        b.unitPower()
        b.itPower()
        b.cooling()
        b.water()
        b.carbon()
        b.cost()
        b.contractCheck()
        b.drivers()
        b.methods()
        b.reproduce()
        b.assumptions()
        return b.out
    }

    /// The contract value, USD: the `contract.value_usd` input, or cost ÷ cost share.
    static func contractValue(_ r: FleetResult) -> Double? {
        if let i = r.inputs.first(where: { $0.path == "contract.value_usd" }) { return i.base }
        if let c = r.totals[.electricityCost]?.base, let s = r.totals[.costShareOfContract]?.base, s > 0 { return c / s }
        return nil
    }

    /// The months of the term, as "Nov 2025 to Oct 2032 (84 months)".
    static func termText(_ r: FleetResult) -> String {
        guard let first = r.monthly.first?.period, let last = r.monthly.last?.period else { return "the term" }
        return "\(Charts.monthName(first)) to \(Charts.monthName(last)) (\(r.monthly.count) months)"
    }

    struct Builder {
        let r: FleetResult
        let figures: [Figure]
        var out = ""
        let sampled: Bool

        init(r: FleetResult, figures: [Figure]) {
            self.r = r; self.figures = figures
            sampled = TableRenderer.isSampled(r)
        }

        mutating func line(_ s: String = "") { out += s + "\n" }
        mutating func para(_ s: String) { out += s + "\n\n" }
        mutating func heading(_ s: String, level: Int = 1) { out += String(repeating: "#", count: level) + " " + s + "\n\n" }
        mutating func table(_ t: TextTable) { out += markdownTable(t, widths: t.fittedWidths()) + "\n" }
        mutating func figure(_ name: String) {
            if let f = figures.first(where: { $0.name == name }) { out += MarkdownText.figure(f) + "\n" }
        }

        func unit(_ m: Metric, _ v: Double? = nil) -> DisplayUnit {
            DisplayUnit.of(m, magnitude: v ?? r.totals[m]?.base ?? 0)
        }

        /// The central estimate: the P50 when sampled, else the base value.
        func central(_ s: Stats) -> Double { sampled ? (s.p50 ?? s.base) : s.base }

        /// Central estimate first, then the band, then the base case named apart:
        /// "32.8 TWh (P5–P95 25.0–41.0 TWh; base case 28.8 TWh)", or "28.8 TWh" when deterministic.
        func stat(_ m: Metric, _ s: Stats? = nil) -> String {
            guard let s = s ?? r.totals[m] else { return "n/a" }
            let u = unit(m, central(s))
            var t = u.format(central(s))
            if sampled, let lo = s.p05, let hi = s.p95 {
                t += " (P5–P95 \(NumberFormat.human(lo * u.factor, significant: 3))–\(u.format(hi)); base case \(u.format(s.base)))"
            }
            return t
        }

        /// A pipe table; `widths` (relative) become the dash counts of the separator line,
        /// which pandoc turns into column widths when a line of the table is long.
        func markdownTable(_ t: TextTable, widths: [Int]) -> String {
            var md = t.markdown().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            md[1] = "|" + zip(t.alignments, widths).map { a, w in
                a == .left ? ":" + String(repeating: "-", count: max(3, w)) : String(repeating: "-", count: max(3, w)) + ":"
            }.joined(separator: "|") + "|"
            return md.joined(separator: "\n")
        }

        /// A table of statistics: one row per metric, units in the header of the unit column.
        func statsTable(_ metrics: [Metric]) -> TextTable {
            var headers = ["Quantity", "Unit"]
            headers += sampled ? ["P50", "P5", "P95", "Base case"] : ["Base"]
            let rows = metrics.compactMap { m -> [String]? in
                guard let s = r.totals[m] else { return nil }
                let u = unit(m, s.base)
                let f = { (v: Double?) in v.map { NumberFormat.human($0 * u.factor, significant: 3) } ?? "" }
                var row = [m.label, u.label.isEmpty ? "–" : u.label]
                row += sampled ? [f(s.p50), f(s.p05), f(s.p95), f(s.base)] : [f(s.base)]
                return row
            }
            return TextTable(headers: headers, alignments: [.left, .left] + Array(repeating: .right, count: headers.count - 2),
                             rows: rows)
        }

        /// Base values by calendar year; a column per metric with its unit in the header.
        /// Metrics with the same unit share one display unit, so that columns compare at a glance.
        func annualTable(_ metrics: [Metric]) -> TextTable {
            func largest(_ m: Metric) -> Double { r.annual.compactMap { $0.values[m]?.base }.map(abs).max() ?? 0 }
            let units = metrics.map { m in
                unit(m, metrics.filter { $0.unit == m.unit }.map(largest).max() ?? 0)
            }
            let headers = ["Year"] + zip(metrics, units).map { m, u in
                u.label.isEmpty ? m.label : "\(m.label) (\(u.label))"
            }
            let rows = r.annual.map { p in
                [p.period] + zip(metrics, units).map { m, u in
                    p.values[m].map { NumberFormat.human($0.base * u.factor, significant: 3) } ?? ""
                }
            }
            return TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: metrics.count), rows: rows)
        }

        var partialYears: String {
            guard let f = r.monthly.first?.period, let l = r.monthly.last?.period else { return "" }
            var notes: [String] = []
            if !f.hasSuffix("-01") { notes.append("\(f.prefix(4)) starts in \(Charts.monthName(f))") }
            if !l.hasSuffix("-12") { notes.append("\(l.prefix(4)) ends in \(Charts.monthName(l))") }
            return notes.isEmpty ? "" : " Partial years: " + notes.joined(separator: ", ") + "."
        }

        // MARK: - Sections

        mutating func metadata(date: String) {
            let title = "Electricity, cooling, water, carbon and cost of \(r.scenario.title)"
            let runText = sampled
                ? "\(NumberFormat.grouped(Double(r.run.samples), decimals: 0)) Monte Carlo samples (\(r.run.sampler), seed \(r.run.seed))"
                : "deterministic run (every input at its base value)"
            let subtitle = "fleetwatt \(r.tool.version) · scenario \(r.scenario.id) · \(runText)"
            var abstract = (sampled ? "Central estimates (P50 of the Monte Carlo samples) with their P5–P95 band and, apart, the base case. " : "")
                + "Over \(ReportMarkdown.termText(r)), the fleet draws \(stat(.facilityEnergy)) of electricity at the "
                + "facility meter, emits \(stat(.carbonLocation)) (location-based, scope 2) and consumes \(stat(.waterOnsite)) "
                + "of water on site. Electricity costs \(stat(.electricityCost))"
            if let share = r.totals[.costShareOfContract] {
                abstract += ", \(NumberFormat.percent(central(share))) of the contract value"
            }
            abstract += ". This report gives the deployment, power, cooling, water, carbon and cost by site and month, "
                + "what drives the uncertainty, every assumption with its source, and the command that reproduces it."
            line("---")
            line("title: \(MarkdownText.yaml(title))")
            line("subtitle: \(MarkdownText.yaml(subtitle))")
            line("date: \(MarkdownText.yaml(date))")
            line("abstract: \(MarkdownText.yaml(abstract))")
            line("lang: en")
            line("css: \(ReportStyle.fileName)")
            out += ReportStyle.latexMetadata + "\n"
            line("---")
            line()
        }

        mutating func summary() {
            heading("Executive summary")
            let headline: [Metric] = [.facilityEnergy, .itEnergy, .peakFacilityPower, .pue, .wue, .waterOnsite,
                                      .waterOnsiteConsumption, .waterOffsite, .carbonLocation, .carbonMarket, .carbonMarginal,
                                      .carbonEmbodied, .electricityCost, .costShareOfContract, .gpusInstalledPeak]
            para("Totals over \(ReportMarkdown.termText(r))."
                 + (sampled ? " P50, the central estimate, and P5 and P95 are the 50th, 5th and 95th percentiles of \(NumberFormat.grouped(Double(r.run.samples), decimals: 0)) Monte Carlo samples, so nine runs in ten fall between P5 and P95. The base case, every input at its base value, is shown apart; it is not the median." : " Base is the deterministic case with every input at its base value."))
            table(statsTable(headline))
            intensities()
            if let fe = r.totals[.facilityEnergy] {
                let years = Double(max(1, r.monthly.count)) / 12
                let perYearTWh = central(fe) / 1e6 / years
                var s = "**Energy.** The fleet uses on average \(NumberFormat.human(perYearTWh, significant: 3)) TWh per year at the facility meter, "
                    + "\(NumberFormat.percent(perYearTWh / ReportMarkdown.usDataCentreTWh2023)) of the \(Int(ReportMarkdown.usDataCentreTWh2023)) TWh "
                    + "that all US data centres used in 2023 (Shehabi et al., LBNL 2024)"
                if sampled, let lo = fe.p05, let hi = fe.p95 {
                    s += "; P5–P95 \(NumberFormat.percent(lo / 1e6 / years / ReportMarkdown.usDataCentreTWh2023))–"
                        + "\(NumberFormat.percent(hi / 1e6 / years / ReportMarkdown.usDataCentreTWh2023))"
                }
                if let peak = r.totals[.peakFacilityPower] {
                    s += ". Its highest monthly peak draw is \(stat(.peakFacilityPower, peak))"
                }
                para(s + ".")
            }
            if let cost = r.totals[.electricityCost], let value = ReportMarkdown.contractValue(r) {
                var s = "**Cost.** Electricity costs \(stat(.electricityCost, cost)) in nominal dollars, "
                    + "\(NumberFormat.percent(central(cost) / value)) of the contract value of \(DisplayUnit.of(.electricityCost, magnitude: value).format(value))"
                if sampled, let lo = cost.p05, let hi = cost.p95 {
                    s += " (P5–P95 \(NumberFormat.percent(lo / value))–\(NumberFormat.percent(hi / value)))"
                }
                para(s + ".")
            }
            if r.totals[.carbonLocation] != nil, r.totals[.carbonMarket] != nil {
                var c = "**Carbon.** Location-based emissions (the grids' average intensity) are \(stat(.carbonLocation)); "
                    + "market-based emissions, contracted carbon-free electricity at zero and the rest at the grid's residual mix, are "
                    + "\(stat(.carbonMarket)). Both are the operator's Scope 2 and the customer's Scope 3 category 1 (purchased goods and services). "
                    + "Embodied emissions of the hardware, amortised over its life and reported apart as scope 3, add \(stat(.carbonEmbodied))."
                if r.totals[.carbonMarginal] != nil {
                    c += " The long-run marginal emissions the new load causes (no inventory's figure) are \(stat(.carbonMarginal))."
                }
                para(c)
            }
            if r.totals[.waterOnsite] != nil {
                var w = "**Water.** Cooling withdraws \(stat(.waterOnsite)) on site"
                if r.totals[.waterOnsiteConsumption] != nil { w += ", of which \(stat(.waterOnsiteConsumption)) evaporates" }
                para(w + "; generating the electricity consumes a further \(stat(.waterOffsite)) off site.")
            }
            figure("histograms")
        }

        mutating func fleet() {
            heading("The fleet and its deployment")
            guard let cohorts = r.breakdown?.cohorts, !cohorts.isEmpty else {
                para("The result holds no per-cohort breakdown. Peak GPUs installed: \(stat(.gpusInstalledPeak)).")
                return
            }
            para("The fleet is \(cohorts.count) cohort\(cohorts.count == 1 ? "" : "s") of hardware, each deployed at one site on its own ramp. "
                 + "At its peak, \(stat(.gpusInstalledPeak)) are installed. Table values are at base.")
            let emb = unit(.carbonEmbodied, cohorts.map(\.embodiedTCO2e).max() ?? 0)
            let it = unit(.itEnergy, cohorts.map(\.itEnergyMWh).max() ?? 0)
            let rows = cohorts.map { c -> [String] in
                let peak = c.monthlyInstalled.max() ?? 0
                let k = c.monthlyInstalled.firstIndex { $0 >= 0.95 * peak } ?? 0
                let when = k < r.monthly.count ? Charts.monthName(r.monthly[k].period) : ""
                return [MarkdownText.code(c.id), MarkdownText.code(c.hardware), MarkdownText.code(c.site),
                        NumberFormat.human(peak, significant: 3), when,
                        NumberFormat.human(c.itEnergyMWh * it.factor, significant: 3),
                        NumberFormat.human(c.embodiedTCO2e * emb.factor, significant: 3)]
            }
            table(TextTable(headers: ["Cohort", "Hardware", "Site", "Peak units", "95 % installed by",
                                      "IT energy (\(it.label))", "Embodied (\(emb.label))"],
                            alignments: [.left, .left, .left, .right, .left, .right, .right], rows: rows))
            figure("fleet-ramp")
        }

        mutating func itPower() {
            heading("IT power")
            para("IT energy, drawn by the servers, GPUs and network, is \(stat(.itEnergy)) over the term. "
                 + "The facility draws on average \(stat(.averageFacilityPower)) and at most \(stat(.peakFacilityPower)). "
                 + "Each GPU's power follows its measured power curve at the utilization of its workload, hour by hour.")
            table(annualTable([.itEnergy, .facilityEnergy, .averageFacilityPower, .peakFacilityPower, .gpusInstalledPeak]))
            if !partialYears.isEmpty { para(partialYears.trimmingCharacters(in: .whitespaces)) }
            figure("facility-power")
        }

        mutating func cooling() {
            heading("Cooling and PUE by site and month")
            para("Cooling takes \(stat(.coolingEnergy)) and power delivery (transformers, UPS, distribution) loses \(stat(.powerDeliveryLoss)); "
                 + "the energy-weighted PUE of the fleet is \(stat(.pue)). PUE is computed hour by hour from each site's weather and cooling design, "
                 + "so it is higher in summer and at sites with warmer, more humid air.")
            guard let sites = r.breakdown?.sites, !sites.isEmpty else { figure("pue-by-site"); return }
            let eu = unit(.facilityEnergy, sites.compactMap { $0.totals[.facilityEnergy] }.max() ?? 0)
            let rows = sites.map { s -> [String] in
                let pues = s.monthlyPUE.compactMap { $0 }
                let range = pues.isEmpty ? ""
                    : "\(NumberFormat.grouped(pues.min()!, decimals: 2))–\(NumberFormat.grouped(pues.max()!, decimals: 2))"
                return [MarkdownText.code(s.id), MarkdownText.escape(s.name), MarkdownText.code(s.cooling), MarkdownText.code(s.grid),
                 s.totals[.itEnergy].map { NumberFormat.human($0 * eu.factor, significant: 3) } ?? "",
                 s.totals[.facilityEnergy].map { NumberFormat.human($0 * eu.factor, significant: 3) } ?? "",
                 s.totals[.pue].map { NumberFormat.grouped($0, decimals: 3) } ?? "",
                 range]
            }
            table(TextTable(headers: ["Site", "Location", "Cooling", "Grid", "IT energy (\(eu.label))", "Facility energy (\(eu.label))",
                                      "PUE", "Monthly PUE range"],
                            alignments: [.left, .left, .left, .left, .right, .right, .right, .right], rows: rows))
            figure("pue-by-site")
            // Calendar-month means of PUE with the climate that drives them.
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            var headers = ["Month"]
            for s in sites { headers += ["\(s.id) PUE", "\(s.id) dry / wet bulb (°C)"] }
            let rows2 = (1...12).map { month -> [String] in
                var row = [names[month - 1]]
                for s in sites {
                    let values = r.monthly.indices
                        .filter { Int(r.monthly[$0].period.suffix(2)) == month && $0 < s.monthlyPUE.count }
                        .compactMap { s.monthlyPUE[$0] }
                    let mean = values.isEmpty ? Double.nan : values.reduce(0, +) / Double(values.count)
                    row.append(mean.isFinite ? NumberFormat.grouped(mean, decimals: 3) : "")
                    if s.monthlyDryBulbC.count == 12, s.monthlyWetBulbC.count == 12 {
                        row.append("\(NumberFormat.grouped(s.monthlyDryBulbC[month - 1], decimals: 1)) / \(NumberFormat.grouped(s.monthlyWetBulbC[month - 1], decimals: 1))")
                    } else { row.append("") }
                }
                return row
            }
            para("By calendar month, averaged over the years of the term, with each site's mean dry-bulb and wet-bulb temperatures:")
            table(TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1), rows: rows2))
        }

        mutating func water() {
            heading("Water")
            var s = "On-site withdrawal, the make-up water of evaporative media, towers or pads including blowdown and bleed, totals "
                + "\(stat(.waterOnsite))"
            if r.totals[.waterOnsiteConsumption] != nil {
                s += "; on-site consumption, the part evaporated or carried off as drift, totals \(stat(.waterOnsiteConsumption))"
            }
            s += "; off-site water, consumed by the power plants that generate the fleet's electricity, totals \(stat(.waterOffsite))."
            if let w = r.totals[.waterOnsite]?.base, let it = r.totals[.itEnergy]?.base, it > 0 {
                s += " The on-site water use effectiveness (WUE) is \(NumberFormat.grouped(w / it, decimals: 3)) L per kWh of IT energy."
            }
            if r.totals[.waterStressWeighted] != nil {
                s += " Weighted by each site's WRI Aqueduct baseline water stress, the on-site consumption counts as \(stat(.waterStressWeighted))."
            }
            para(s)
            table(annualTable([.waterOnsite, .waterOnsiteConsumption, .waterStressWeighted, .waterOffsite].filter { r.totals[$0] != nil }))
            figure("water")
        }

        mutating func carbon() {
            heading("Carbon")
            para("Scope 2 emissions come from the electricity the facilities draw: location-based with each grid's hourly average "
                 + "carbon intensity, \(stat(.carbonLocation)); market-based (GHG Protocol Scope 2 Guidance), the carbon-free electricity "
                 + "contracted through power purchase agreements and certificates at zero and the rest at the grid's residual mix, "
                 + "\(stat(.carbonMarket)). These are the operator's Scope 2 and the customer's Scope 3 category 1 (purchased goods and "
                 + "services). Scope 3 embodied emissions of manufacturing the GPUs, servers "
                 + "and network, amortised over their service life within the term, add \(stat(.carbonEmbodied)).")
            if r.totals[.carbonMarginal] != nil {
                para("A new load of this size is not served at the grid's average: with long-run marginal emission rates (NREL Cambium), "
                     + "which include the generation built and retired because of it, it causes \(stat(.carbonMarginal)). This is a "
                     + "consequential estimate, not an inventory figure.")
            }
            if let c = r.totals[.carbonLocation]?.base, let e = r.totals[.facilityEnergy]?.base, e > 0 {
                para("The average location-based intensity of the fleet's electricity is \(NumberFormat.grouped(c / e * 1000, decimals: 0)) g CO₂e/kWh.")
            }
            table(annualTable([.carbonLocation, .carbonMarket, .carbonMarginal, .carbonEmbodied].filter { r.totals[$0] != nil }))
            figure("cumulative-carbon")
        }

        mutating func cost() {
            heading("Cost")
            var s = "Electricity costs \(stat(.electricityCost)) over the term, in nominal US dollars with each grid's price escalation: "
                + "the delivered tariff (energy, transmission, distribution, capacity and demand charges) plus the settlement of the "
                + "virtual PPAs against the wholesale price."
            if r.totals[.demandCharges] != nil, r.totals[.ppaSettlement] != nil {
                s += " Demand and capacity charges on the sites' monthly peaks make up \(stat(.demandCharges)) of it and the PPA settlement \(stat(.ppaSettlement))."
            }
            if let c = r.totals[.electricityCost]?.base, let e = r.totals[.facilityEnergy]?.base, e > 0 {
                s += " The average price paid is \(NumberFormat.grouped(c / (e * 1000) * 100, decimals: 2)) US cents per kWh."
            }
            if let value = ReportMarkdown.contractValue(r) {
                s += " Against the contract value of \(DisplayUnit.of(.electricityCost, magnitude: value).format(value)), electricity is \(stat(.costShareOfContract))."
            }
            para(s)
            table(annualTable([.electricityCost, .demandCharges, .ppaSettlement, .costShareOfContract].filter { r.totals[$0] != nil }))
        }

        mutating func drivers() {
            heading("What drives the results")
            guard let sens = r.sensitivity else {
                para("This run did not rank the inputs. `fleetwatt sensitivity --method tornado` swings each uncertain input from its "
                     + "10th to its 90th percentile; `--method sobol` apportions the variance of each metric among the inputs.")
                return
            }
            if sens.method == "sobol" {
                para("Sobol indices apportion the variance of each metric among the uncertain inputs: the first-order index S1 is the "
                     + "share an input explains alone, the total index ST adds its interactions with the others. "
                     + "Saltelli sampling with \(sens.baseSamples.map { NumberFormat.grouped(Double($0), decimals: 0) } ?? "?") base samples, "
                     + "Jansen estimators and \(sens.bootstrap.map(String.init) ?? "?") bootstrap resamples for the 95 % intervals "
                     + "(in result.json and the charts). The table ranks the inputs by their largest total index on any headline metric "
                     + "and shows ST with S1 in brackets.")
            } else {
                para("Each uncertain input is set to its 10th and then its 90th percentile with every other input at base; the swing "
                     + "is the change in the metric. The table ranks the inputs by their largest swing, as a share of the metric's base "
                     + "value, on any headline metric; every metric's ranking is in result.json.")
            }
            let metrics = Charts.rankedMetrics(sens, limit: 4)
            if !metrics.isEmpty { table(driversTable(sens, metrics: metrics)) }
            for m in Charts.rankedMetrics(sens) { figure("\(sens.method == "sobol" ? "sobol" : "tornado")-\(m.rawValue)") }
        }

        /// One ranked table of the top inputs across the headline metrics: an input's rank is its largest
        /// effect on any of them (total Sobol index, or tornado swing as a share of the metric's base).
        func driversTable(_ s: Sensitivity, metrics: [Metric], limit: Int = 15) -> TextTable {
            let sobol = s.method == "sobol"
            func effect(_ e: SensitivityEntry, _ m: Metric) -> Double? {
                if sobol { return e.totalOrder }
                guard let sw = e.swing, let b = r.totals[m]?.base, b != 0 else { return nil }
                return abs(sw / b)
            }
            var byPath: [String: [Metric: SensitivityEntry]] = [:]
            for m in metrics { for e in s.rankings[m] ?? [] { byPath[e.path, default: [:]][m] = e } }
            let score = byPath.mapValues { es in metrics.compactMap { m in es[m].flatMap { effect($0, m) } }.max() ?? 0 }
            let ranked = byPath.keys.sorted { (score[$0]!, $1) > (score[$1]!, $0) }.prefix(limit)
            let d2 = { (v: Double?) in v.map { NumberFormat.grouped($0, decimals: 2) } ?? "" }
            let rows = ranked.enumerated().map { k, path -> [String] in
                ["\(k + 1)", MarkdownText.code(path)] + metrics.map { m in
                    guard let e = byPath[path]?[m] else { return "" }
                    if sobol { return "\(d2(e.totalOrder)) (\(d2(e.firstOrder)))" }
                    return effect(e, m).map { NumberFormat.grouped($0 * 100, decimals: 1) } ?? ""
                }
            }
            let headers = ["Rank", "Input"] + metrics.map { sobol ? "\($0.label): ST (S1)" : "\($0.label): swing (% of base)" }
            return TextTable(headers: headers, alignments: [.right, .left] + metrics.map { _ in .right }, rows: rows)
        }

        mutating func assumptions() {
            heading("Appendix: assumptions")
            let groups = AssumptionGroup.grouped(r.inputs)
            para("The \(r.inputs.count) inputs of the run in \(groups.count) assumptions: inputs that share a source, a unit and a "
                 + "distribution family form one row, with the range of their base values. Every input, with its path in the scenario, "
                 + "base value, distribution (scenario syntax), unit and source, is in assumptions.csv beside this report. "
                 + "Values given with `--set` are listed in the reproduction section.")
            let rows = groups.map { g -> [String] in
                // A series (monthly normals, curve points) counts as one path.
                let paths = InputGroup.grouped(g.inputs).map(\.path)
                var listed = paths.prefix(3).map { MarkdownText.code($0) }.joined(separator: ", ")
                if paths.count > 3 { listed += " and \(paths.count - 3) more" }
                let (lo, hi) = g.range
                let range = g.inputs.count == 1
                    ? (g.inputs[0].distribution.map { MarkdownText.code($0) } ?? NumberFormat.trimmed(lo))
                    : lo == hi ? NumberFormat.trimmed(lo) : "\(NumberFormat.trimmed(lo))–\(NumberFormat.trimmed(hi))"
                return [MarkdownText.escape(g.source), g.family, MarkdownText.escape(g.unit), "\(g.inputs.count)", listed, range]
            }
            table(TextTable(headers: ["Source or assumption", "Distribution", "Unit", "Inputs", "Paths", "Base value or range"],
                            alignments: [.left, .left, .left, .right, .left, .left], rows: rows))
        }

        mutating func methods() {
            heading("Methods")
            para("Time runs hour by hour over the term; each hour h has a length Δt = 1 h. The full model, with every symbol, unit and "
                 + "source, is in docs/METHODS.md; these are the relations behind the reported quantities.")
            para("IT energy sums the power of every installed unit, at its utilization, over the hours:")
            para("$$E_{\\text{IT}} = \\sum_{h} P_{\\text{IT}}(h) \\cdot \\Delta t$$")
            para("Facility energy adds cooling and power-delivery losses, and PUE is their ratio, weighted by energy:")
            para("$$E_{\\text{fac}} = E_{\\text{IT}} + E_{\\text{cool}} + E_{\\text{loss}} \\qquad \\text{PUE} = E_{\\text{fac}} / E_{\\text{IT}}$$")
            para("A chiller's coefficient of performance is bounded by the Carnot limit between its evaporator and condenser temperatures (in kelvin):")
            para("$$\\text{COP} \\le T_{\\text{evap}} / (T_{\\text{cond}} - T_{\\text{evap}})$$")
            para("On-site water is the water evaporated to reject heat, plus blowdown at $N$ cycles of concentration; off-site water uses each grid's water intensity of generation $w_{g}$:")
            para("$$W_{\\text{on}} = V_{\\text{evap}} \\cdot N / (N - 1) \\qquad W_{\\text{off}} = \\sum_{h} E_{\\text{fac}}(h) \\cdot w_{g}(h)$$")
            para("Location-based carbon uses the grid's carbon intensity $I_{g}$ in each hour; market-based carbon removes the contracted carbon-free share $s$; embodied carbon amortises each unit's manufacturing emissions $e_{u}$ over its life $L_{u}$, for the time $\\tau_{u}$ it serves within the term:")
            para("$$C_{\\text{loc}} = \\sum_{h} E_{\\text{fac}}(h) \\cdot I_{g}(h) \\qquad C_{\\text{mkt}} = \\sum_{h} E_{\\text{fac}}(h) \\cdot (1 - s) \\cdot I_{g}(h) \\qquad C_{\\text{emb}} = \\sum_{u} e_{u} \\cdot \\tau_{u} / L_{u}$$")
            para("Cost uses each grid's price $p_{g}$ in the year of the hour, and is compared with the contract value $V$:")
            para("$$K = \\sum_{h} E_{\\text{fac}}(h) \\cdot p_{g}(h) \\qquad \\text{share} = K / V$$")
            para("Monte Carlo draws every uncertain input from its distribution, evaluates the whole chain for each sample, and reports the "
                 + "mean, standard deviation $s$ and percentiles of each metric; the standard error of a mean of $n$ samples is")
            para("$$\\text{SE} = s / n^{1/2}$$")
            para("The tornado swing of input $i$ and the Sobol indices of a metric $Y$ are")
            para("$$\\Delta_{i} = | Y(x_{i} = q_{0.9}) - Y(x_{i} = q_{0.1}) |$$")
            para("$$S_{i} = V(E(Y | x_{i})) / V(Y) \\qquad S_{T i} = E(V(Y | x_{\\sim i})) / V(Y)$$")
            let d = r.diagnostics.quadratureVsTimestepRelDiff
            var check = "As a check on the time step, facility energy is also integrated in continuous time by adaptive quadrature (GSL)"
            let periods = r.monthly.map(\.period)
            if let months = r.diagnostics.quadratureMonths, months.count > 1, months.count < periods.count,
               let a = periods.firstIndex(of: months[0]), let b = periods.firstIndex(of: months[1]) {
                check += " over \(months.count) of the \(periods.count) months: every \(b - a)th from \(Charts.monthName(months[0])), "
                    + "so each calendar month is among them and they spread over the years (the hourly time step's error is made "
                    + "hour by hour, so these months measure it as the whole term would)"
            } else {
                check += " over the whole term"
            }
            para(check + "; the relative difference between the hourly sum and the integral is \(String(format: "%.2e", d)) "
                 + "(result.json, `diagnostics`).")
        }

        mutating func reproduce() {
            heading("How to reproduce")
            var cmd = ["fleetwatt", "report"]
            if !r.scenario.source.hasPrefix("embedded:") { cmd.append(shellQuote(r.scenario.source)) }
            cmd += ["--samples", String(r.run.samples)]
            if r.run.samples > 0 { cmd += ["--seed", String(r.run.seed), "--sampler", r.run.sampler] }
            for o in r.run.overrides { cmd += ["--set", shellQuote(o)] }
            cmd += ["--out", "DIR"]
            para("Run, with the same version of fleetwatt, then, in the output folder, turn the report into a PDF through weasyprint "
                 + "or through LaTeX, or into one HTML file:")
            out += "```\n" + ([cmd.joined(separator: " ")] + ReportStyle.commands.map { "(cd DIR && " + $0 + ")" }).joined(separator: "\n") + "\n```\n\n"
            para("pandoc before 2.19 (Debian 12 has 2.17) writes the HTML file with `\(ReportStyle.htmlOptionsBefore219)` in place of "
                 + "`--embed-resources --standalone`. The LaTeX route needs xelatex and the DejaVu fonts (on Debian: texlive-xetex, "
                 + "texlive-fonts-recommended, lmodern, fonts-dejavu).")
            para("The same seed gives the same samples, and so the same numbers, whatever the number of threads.")
            var rows: [[String]] = [
                ["Tool", "\(r.tool.name) \(r.tool.version)"],
                ["Scenario", "\(MarkdownText.code(r.scenario.id)): \(MarkdownText.escape(r.scenario.title))"],
                ["Scenario file", MarkdownText.code(r.scenario.source)],
                ["Scenario SHA-256", MarkdownText.code(r.scenario.sha256)],
                ["Samples", NumberFormat.grouped(Double(r.run.samples), decimals: 0)],
                ["Seed", String(r.run.seed)],
                ["Sampler", r.run.sampler],
                ["Threads", String(r.run.threads)],
            ]
            for o in r.run.overrides { rows.append(["Override", MarkdownText.code(o)]) }
            for w in r.diagnostics.warnings { rows.append(["Warning", MarkdownText.escape(w)]) }
            table(TextTable(headers: ["Item", "Value"], alignments: [.left, .left], rows: rows))
            para("The result file result.json (schema `fleetwatt.result/1`, printed by `fleetwatt schema`) holds every number in "
                 + "this report; series.csv holds the monthly and annual series and assumptions.csv every input with its source.")
        }

        func shellQuote(_ s: String) -> String {
            if s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,".contains($0) }) { return s }
            return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}

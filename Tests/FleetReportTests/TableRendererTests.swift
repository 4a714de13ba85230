import Foundation
import Testing
import FleetModel
import FleetTestSupport
@testable import FleetReport

@Suite("Tables and CSV")
struct TableRendererTests {
    @Test(arguments: [
        (41_234_567.0, 4, "41,230,000"), (1.18342, 4, "1.183"), (0.071234, 3, "0.0712"),
        (999.95, 4, "1,000"), (-2_500_000, 2, "−2,500,000"), (0, 4, "0"), (12.5, 4, "12.50"),
    ])
    func humanNumbers(_ value: Double, _ digits: Int, _ expected: String) {
        #expect(NumberFormat.human(value, significant: digits) == expected)
    }

    @Test func machineNumbersRoundTrip() {
        for v in [41_234_567.0, 1.1834237, 0.0712, -3.5e-7, 2.5e20, 0] {
            #expect(Double(NumberFormat.machine(v)) == v)
        }
        #expect(NumberFormat.machine(41_000_000) == "41000000")
    }

    @Test func terminalTableFitsEightyColumnsWithPercentiles() throws {
        let r = Fixtures.result()
        let text = TableRenderer.text(r)
        // The totals fit 80 columns; the ranking below keeps each input path whole, so its
        // lines may be longer, by no more than the longest path exceeds its share.
        let totalsPart = text.components(separatedBy: "\n\n").prefix(2).joined(separator: "\n")
        for line in totalsPart.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        for entry in r.sensitivity?.rankings.values.first ?? [] where entry.rank <= 10 {
            #expect(text.contains(" \(entry.path) "), "\(entry.path) is cut")
        }
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines.first { $0.hasPrefix("Metric") }!
        #expect(header.contains("P5") && header.contains("P50") && header.contains("P95"))
        // Each row's numbers, read back from the text, are the fixture's Base/P5/P50/P95 in the
        // row's unit (MWh → TWh is × 10⁻⁶ written here, not taken from DisplayUnit).
        let base = try #require(r.totals[.facilityEnergy]).base
        #expect(base >= 1e6, "the fixture's facility energy is TWh-scale")
        for (label, metric, unit, factor) in [("Facility energy", Metric.facilityEnergy, "TWh", 1e-6),
                                              ("GPUs installed", .gpusInstalledPeak, "GPUs", 1),
                                              ("Cost / contract", .costShareOfContract, "%", 100)] {
            let row = try #require(lines.first { $0.hasPrefix(label) }, "no row \(label)")
            let cells = row.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(cells.count == 6 && cells[1] == unit, "\(row)")
            let s = try #require(r.totals[metric])
            for (i, value) in [s.base, s.p05, s.p50, s.p95].enumerated() where cells.count == 6 {
                expectShown(cells[2 + i], try #require(value), factor: factor, "\(label) column \(i)")
            }
            // 4 significant digits: the rounding allowed is at most 5 × 10⁻⁴ of the value (a
            // round count such as 400,000 does not show its precision, so energies only).
            if metric == .facilityEnergy {
                #expect(TestSupport.displayed(cells[2]).map { $0.allowed <= 5e-4 * abs($0.value) } == true, "\(row)")
            }
        }
        // Counts keep their thousands separators.
        #expect(try #require(lines.first { $0.hasPrefix("GPUs installed") }).contains(","))
        // The sensitivity ranking follows the totals.
        #expect(text.contains("fleet.cohorts.gb200.count"))
        // Warnings go to standard error (the command prints them), never into the table.
        #expect(!text.contains("rfcw") && !text.contains("warning"))
    }

    @Test func deterministicTableHasNoPercentileColumns() {
        let text = TableRenderer.text(Fixtures.result(sampled: false, sensitivity: nil))
        #expect(!text.contains("P50"))
        #expect(text.contains("deterministic"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80) }
    }

    @Test func hourlyMatchingRowsAppearOnlyWhenTheOptionGivesThemValues() {
        var r = Fixtures.result(sampled: false, sensitivity: nil)
        for m in [Metric.cfeMatchedHours, .loadSiteHours, .cfeHoursShare] { r.totals[m] = Stats(base: 0) }
        var labels = TableRenderer.totalsTable(r).rows.map { $0[0] }
        #expect(!labels.contains(Metric.cfeHoursShare.shortLabel) && !labels.contains(Metric.loadSiteHours.shortLabel))
        r.totals[.cfeMatchedHours] = Stats(base: 1_200)
        r.totals[.loadSiteHours] = Stats(base: 8_760)
        labels = TableRenderer.totalsTable(r).rows.map { $0[0] }
        #expect(labels.contains(Metric.cfeMatchedHours.shortLabel) && labels.contains(Metric.loadSiteHours.shortLabel))
        #expect(!labels.contains(Metric.cfeHoursShare.shortLabel), "still 0 everywhere")
    }

    @Test func narrowWidthWrapsTheLabelColumnAtSpaces() {
        let table = TableRenderer.totalsTable(Fixtures.result())
        let text = table.plainText(width: 58)
        for line in text.split(separator: "\n") { #expect(line.count <= 58, "\(line)") }
        #expect(!text.contains("…"))
        // "GPUs installed, peak" (20 characters) no longer fits: its words go on more lines,
        // the continuation at the start of a line (the first column), none cut.
        #expect(!text.contains("GPUs installed, peak"))
        #expect(text.contains("installed,") && text.contains("\npeak"))
    }

    /// Like metrics share one unit in a table: location carbon 2,000,000 t and market carbon
    /// 50,000 t read 2.000 and 0.05000 Mt (4 significant digits), not 2 Mt and 50 kt; energies likewise.
    @Test func likeMetricsShareOneUnit() {
        var result = Fixtures.result(sampled: false, sensitivity: nil)
        result.totals[.carbonLocation] = Stats(base: 2_000_000)
        result.totals[.carbonMarket] = Stats(base: 50_000)
        result.totals[.carbonEmbodied] = Stats(base: 3_000)
        result.totals[.itEnergy] = Stats(base: 5_000_000)
        result.totals[.coolingEnergy] = Stats(base: 20_000)
        result.totals[.carbonMarginal] = Stats(base: 900)
        for m in [Metric.auxiliaryEnergy, .waterOnsiteConsumption, .waterStressWeighted, .demandCharges, .ppaSettlement] {
            result.totals[m] = Stats(base: 400)
        }
        let rows = TableRenderer.totalsTable(result).rows
        func row(_ label: String) -> [String] { rows.first { $0[0] == label } ?? [] }
        #expect(row(Metric.carbonLocation.shortLabel)[1...2] == ["MtCO2e", "2.000"])
        #expect(row(Metric.carbonMarket.shortLabel)[1...2] == ["MtCO2e", "0.05000"])
        #expect(row(Metric.carbonEmbodied.shortLabel)[1...2] == ["MtCO2e", "0.003000"])
        #expect(row("Cooling energy")[1...2] == ["TWh", "0.02000"])
        #expect(row(Metric.carbonMarginal.shortLabel).dropFirst().first == "MtCO2e")
        for group in [[Metric.itEnergy, .facilityEnergy, .coolingEnergy, .powerDeliveryLoss, .auxiliaryEnergy],
                      [.waterOnsite, .waterOffsite, .waterOnsiteConsumption, .waterStressWeighted],
                      [.peakFacilityPower, .averageFacilityPower], [.electricityCost, .demandCharges, .ppaSettlement]] {
            let units = group.map { m in row(m.shortLabel).dropFirst().first ?? "missing" }
            #expect(Set(units).count == 1 && !units.contains("missing"), "\(group): \(units)")
        }
    }

    /// A path or a source is never cut: the table wraps the source at spaces and keeps every
    /// path whole, growing wider than the terminal when a path alone is too long.
    @Test func pathsAndSourcesAreNeverCut() {
        let path = "sites.us-east-1.cooling.chiller_efficiency_fraction_of_carnot"
        let url = "https://www.eia.gov/electricity/data/eia860/a-very-long-address-without-spaces.xlsx"
        let source = "EIA-860 2023 plant-level data, see \(url) for the sheet of every generator in the region"
        let table = TextTable(headers: ["Path", "Value", "Unit", "Source"], alignments: [.left, .right, .left, .left],
                              rows: [[path, "0.55", "1", source], ["fleet.x", "1", "GPU", "assumption"]])
        let text = table.plainText(width: 80)
        #expect(text.contains(path))
        #expect(text.contains(url))
        #expect(!text.contains("…"))
        // Every word of the source is printed, in order, across the wrapped lines.
        let sourceColumn = text.split(separator: "\n").compactMap { line -> String? in
            let start = line.index(line.startIndex, offsetBy: min(line.count, path.count + 2 + 5 + 2 + 4 + 2))
            return String(line[start...]).trimmingCharacters(in: .whitespaces)
        }
        #expect(sourceColumn.dropFirst(2).filter { !$0.isEmpty && $0 != "assumption" }.joined(separator: " ") == source)
        // The widest line is the path, value, unit and the URL alone: 61 + 2 + 5 + 2 + 4 + 2 + 86.
        #expect(text.split(separator: "\n").map(\.count).max() == path.count + 2 + 5 + 2 + 4 + 2 + url.count)
    }

    /// `sensitivity` and `sweep` evaluate the base case on the way: its deterministic totals
    /// were not asked for and are not printed; the line under the title says what was run.
    @Test func analysesPrintNoUnrequestedDeterministicTable() {
        var sobol = Fixtures.result(sampled: false, sensitivity: "sobol")
        sobol.sensitivity?.baseSamples = 64
        sobol.sensitivity?.bootstrap = 200
        for text in [TableRenderer.text(sobol), TableRenderer.markdown(sobol)] {
            #expect(!text.contains("deterministic") && !text.contains("Facility energy  "), "\(text)")
            #expect(!text.contains("Base"), "\(text)")
            #expect(text.contains("S1 (95 % CI)"))
        }
        #expect(TableRenderer.text(sobol).contains("Sobol indices: N = 64 base samples, 200 bootstrap resamples"))
        let tornado = TableRenderer.text(Fixtures.result(sampled: false, sensitivity: "tornado"))
        #expect(!tornado.contains("Metric  ") && tornado.contains("At P10"))
        // A sampled result keeps its totals above the ranking.
        #expect(TableRenderer.text(Fixtures.result(sampled: true, sensitivity: "tornado")).contains("P50"))
        // A plain deterministic run still shows its totals.
        #expect(TableRenderer.text(Fixtures.result(sampled: false, sensitivity: nil)).contains("deterministic"))
    }

    @Test func markdownTableHasUnitsAndAlignment() {
        let md = TableRenderer.markdown(Fixtures.result(sensitivity: nil))
        let lines = md.split(separator: "\n")
        #expect(lines[0] == "| Metric | Unit | Base | P5 | P50 | P95 |")
        #expect(lines[1].range(of: #"^\|:-{3,}\|:-{3,}(\|-{3,}:){4}\|$"#, options: .regularExpression) != nil, "\(lines[1])")
        #expect(lines.count == 2 + Fixtures.result().totals.count)
        #expect(TextTable(headers: ["a"], alignments: [.left], rows: [["x|y"]]).markdown().contains("x\\|y"))
    }

    /// A minimal RFC 4180 reader, to check the writer against.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var chars = Array(text), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
            i += 1
        }
        chars = []
        return rows
    }

    @Test func csvQuotingFollowsRFC4180() {
        let doc = CSVRenderer.document([["a", "b,c", "say \"hi\"", "two\nlines", ""]])
        #expect(doc == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n")
        #expect(Self.parseCSV(doc) == [["a", "b,c", "say \"hi\"", "two\nlines", ""]])
    }

    @Test func seriesCSVHasMonthlyAndAnnualRowsAndStatColumns() {
        let r = Fixtures.result()
        let rows = Self.parseCSV(CSVRenderer.series(r))
        let header = rows[0]
        #expect(Array(header.prefix(4)) == ["period", "kind", "it_energy_mwh.base", "it_energy_mwh.mean"])
        #expect(header.contains("carbon_location_tco2e.p95"))
        #expect(header.count == 2 + Metric.allCases.count * 6)
        #expect(rows.count == 1 + 84 + 8)
        #expect(rows.allSatisfy { $0.count == header.count })
        #expect(rows[1][0] == "2025-11" && rows[1][1] == "month")
        #expect(rows[84][0] == "2032-10")
        #expect(rows[85][0] == "2025" && rows[85][1] == "year")
        // Annual facility energy equals the sum of its months, read back from the CSV.
        let col = header.firstIndex(of: "facility_energy_mwh.base")!
        let months2026 = rows[1...84].filter { $0[0].hasPrefix("2026-") }.map { Double($0[col])! }
        let year2026 = Double(rows.first { $0[0] == "2026" }![col])!
        expectClose(months2026.reduce(0, +), year2026, absolute: 1e-9 * year2026)
    }

    /// The long CSV types every period (never a bare month beside a bare year) and, for a
    /// deterministic run, writes the base value only; its rows number one per metric and period.
    @Test func longCSVTypesEveryPeriod() {
        let r = Fixtures.result(sampled: false, sensitivity: nil)
        let rows = Self.parseCSV(CSVRenderer.long(r))
        #expect(rows[0] == ["period_type", "period", "site", "metric", "unit", "stat", "value"])
        let body = rows.dropFirst()
        #expect(Set(body.map { $0[5] }) == ["base"])
        #expect(body.filter { $0[0] == "month" && $0[2] == "fleet" }.count == r.monthly.reduce(0) { $0 + $1.values.count })
        #expect(body.filter { $0[0] == "year" }.count == r.annual.reduce(0) { $0 + $1.values.count })
        #expect(body.allSatisfy { ($0[0] == "month") == ($0[1].count == 7) })
        #expect(body.first { $0[0] == "term" }?[1] == "2025-11/2032-10")
        let pue = body.first { $0[0] == "year" && $0[1] == "2026" && $0[3] == "pue" }
        #expect(pue.map { Double($0[6]) } == r.annual.first { $0.period == "2026" }?.values[.pue]?.base)
        #expect(pue?[4] == Metric.pue.unit)
    }

    @Test func totalsCSVIsFullPrecision() {
        let r = Fixtures.result(sampled: false, sensitivity: nil)
        let rows = Self.parseCSV(CSVRenderer.totals(r))
        #expect(rows[0] == ["metric", "unit", "base"])
        let pue = rows.first { $0[0] == "pue" }!
        #expect(Double(pue[2]) == r.totals[.pue]!.base)
    }

    @Test func inputsTableShowsDistributionOrValue() {
        let t = TableRenderer.inputsTable(Fixtures.inputs)
        #expect(t.rows.count == Fixtures.inputs.count)
        #expect(t.rows[0][1] == "triangular(150000, 250000, 400000)")
        #expect(t.rows.first { $0[0] == "fleet.cohorts.cpu.count" }?[1] == "40,000")
        // params --format csv: the same value as a plain number.
        #expect(TableRenderer.inputsTable(Fixtures.inputs, style: .machine).rows.first { $0[0] == "fleet.cohorts.cpu.count" }?[1] == "40000")
        #expect(t.rows.first { $0[0] == "grids.srvc.carbon_intensity_kg_per_kwh" }?[1] == "0.33")
        let csv = Self.parseCSV(t.csv())
        #expect(csv[1][3] == Fixtures.inputs[0].source, "quotes in sources survive CSV")
    }

    @Test func sweepTableAndCSV() {
        let r = Fixtures.result(sampled: false, sensitivity: nil, sweep: true)
        let rows = Self.parseCSV(CSVRenderer.sweep(r.sweep!, sampled: false))
        #expect(rows[0] == ["fleet.cohorts.gb200.count", "facility_energy_mwh.base", "carbon_location_tco2e.base"])
        #expect(rows.count == 4)
        let text = TableRenderer.text(r)
        #expect(text.contains("150,000") && text.contains("400,000"))
    }

    /// `sensitivity --format csv` prints the ranking of the metrics asked for (not the base
    /// totals): each input's rank and its swing or indices, in full precision.
    @Test(arguments: ["tornado", "sobol"])
    func sensitivityCSVIsTheRanking(method: String) throws {
        let r = Fixtures.result(sampled: false, sensitivity: method)
        let s = try #require(r.sensitivity)
        let rows = Self.parseCSV(String(decoding: try RenderedOutput.result(r, as: .csv), as: UTF8.self))
        let values = method == "sobol"
            ? ["first_order", "first_order_ci_low", "first_order_ci_high", "total_order", "total_order_ci_low", "total_order_ci_high"]
            : ["low_input", "high_input", "low_value", "high_value", "swing"]
        let keys = method == "sobol" ? ["metric", "rank", "input"] : ["metric", "unit", "rank", "input"]
        #expect(rows.first == keys + values)
        let entries = s.rankings.keys.sorted().flatMap { m in s.rankings[m]!.map { (m, $0) } }
        #expect(rows.count == 1 + entries.count)
        #expect(Set(rows.dropFirst().map { $0[0] }) == Set(s.rankings.keys.map(\.rawValue)))
        for (row, (m, e)) in zip(rows.dropFirst(), entries) {
            #expect(row[0] == m.rawValue && row[keys.count - 2] == "\(e.rank)" && row[keys.count - 1] == e.path)
            let expected = method == "sobol"
                ? [e.firstOrder, e.firstOrderCI?[0], e.firstOrderCI?[1], e.totalOrder, e.totalOrderCI?[0], e.totalOrderCI?[1]]
                : [e.lowInput, e.highInput, e.lowValue, e.highValue, e.swing]
            #expect(row.dropFirst(keys.count).map { Double($0) } == expected, "\(row)")
        }
        // The long form holds the same values, one per row.
        let long = Self.parseCSV(String(decoding: try RenderedOutput.result(r, as: .csvLong), as: UTF8.self))
        #expect(long.first == ["metric", "rank", "input", "stat", "value"])
        #expect(long.count == 1 + entries.count * values.count)
        let top = try #require(s.rankings[.facilityEnergy]?.first { $0.rank == 1 })
        let headline = try #require(method == "sobol" ? top.firstOrder : top.swing)
        let expectedRow = ["facility_energy_mwh", "1", top.path, method == "sobol" ? "first_order" : "swing",
                           NumberFormat.machine(headline)]
        #expect(long.contains { $0 == expectedRow })
    }

    /// `power` and `estimate` CSV carry plain full-precision numbers (no thousands separators,
    /// so no quoted values) that read back as the JSON's values; the terminal table keeps its separators.
    @Test func powerAndEstimateCSVArePlainNumbers() throws {
        let gb200 = try Catalog.embedded().decode(HardwareSpec.self, .hardware, id: "gb200")
        let power = try PowerCurveResult.compute(hardware: gb200, utilizations: [0, 0.5, 1])
        let powerCSV = String(decoding: try RenderedOutput.document(power, as: .csv) { TableRenderer.powerTable(power, style: $0) },
                              as: UTF8.self)
        #expect(!powerCSV.split(separator: "\r\n").dropFirst().contains { $0.contains("\"") }, "\(powerCSV)")
        #expect(Self.parseCSV(powerCSV).dropFirst().map { $0.compactMap(Double.init) }
                == power.points.map { [$0.utilization, $0.powerW] })
        let shown = String(decoding: try RenderedOutput.document(power, as: .table) { TableRenderer.powerTable(power, style: $0) },
                           as: UTF8.self)
        #expect(try #require(power.points.last?.powerW) >= 1000 && shown.contains("1,"), "\(shown)")

        let h100 = try Catalog.embedded().decode(HardwareSpec.self, .hardware, id: "h100-sxm")
        let e = try Estimate.run(EstimateInput(gpu: "h100-sxm", gpuHours: 30_840_000), hardware: h100)
        let estimateCSV = String(decoding: try RenderedOutput.document(e, as: .csvLong) { TableRenderer.estimateTable(e, style: $0) },
                                 as: UTF8.self)
        let rows = Self.parseCSV(estimateCSV).dropFirst()
        #expect(!estimateCSV.contains("\""), "\(estimateCSV)")
        #expect(rows.allSatisfy { $0.count == 3 && Double($0[1]) != nil }, "\(estimateCSV)")
        #expect(rows.first { $0[0] == "Facility energy" }.flatMap { Double($0[1]) } == e.energyMWh)
        #expect(rows.first { $0[0] == "GPU-hours" }?[1] == "30840000")
    }

    /// A sampled result that also carries a ranking (a merged report) still prints its totals as CSV.
    @Test func sampledTotalsWithARankingStayTheCSV() throws {
        let r = Fixtures.result(sampled: true, sensitivity: "tornado")
        let rows = Self.parseCSV(String(decoding: try RenderedOutput.result(r, as: .csv), as: UTF8.self))
        #expect(rows.first == ["metric", "unit", "base", "mean", "sd", "p05", "p50", "p95"])
    }
}

import Foundation
import Testing
import FleetModel
import FleetTestSupport

/// What a reader sees must be what result.json holds: every number of the report's
/// abstract, executive-summary table, cohort table and yearly tables, every cell of
/// series.csv, and the notebook's embedded result, read back and checked against
/// result.json of the same run. The report's numbers are parsed from the text, never
/// formatted again with the report's own formatter.
@Suite("Report agrees with result.json", .serialized)
struct ReportAgreesWithResultTests {
    /// One report run, shared by the tests (84-month scenarios are slow in the CLI); the
    /// parsed JSON is read-only, hence @unchecked.
    struct Run: @unchecked Sendable {
        let folder: URL
        let markdown: String
        let result: [String: Any]
        let seriesCSV: String
        let notebook: URL
    }

    nonisolated(unsafe) static var cached: Run?

    static func run() throws -> Run {
        if let cached { return cached }
        let dir = try TestSupport.tempFolder("report-agrees")
        let out = dir.appendingPathComponent("report")
        let scenario = "models/scenarios/h100-training-100k.yaml"
        let r = try TestSupport.fleetwatt(["report", scenario, "--samples", "50", "--seed", "7", "--out", out.path,
                                           "--quiet", "--progress", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        let notebook = dir.appendingPathComponent("n.ipynb")
        let n = try TestSupport.fleetwatt(["export-notebook", scenario, "--samples", "50", "--seed", "7",
                                           "--out", notebook.path, "--quiet", "--progress", "never"])
        #expect(n.status == 0, "\(n.stderr)")
        let json = try TestSupport.exactJSON(Data(contentsOf: out.appendingPathComponent("result.json")))
        let run = Run(folder: out,
                      markdown: try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8),
                      result: try #require(json as? [String: Any]),
                      seriesCSV: try String(contentsOf: out.appendingPathComponent("series.csv"), encoding: .utf8),
                      notebook: notebook)
        cached = run
        return run
    }

    // MARK: Reading what the report shows

    /// Factor from the result's unit to the unit the report prints, written out by hand.
    static let unitFactors: [String: Double] = [
        "TWh": 1e-6, "GWh": 1e-3, "MWh": 1, "MW": 1, "–": 1, "-": 1, "GPUs": 1,
        "billion m³": 1e-9, "million m³": 1e-6, "thousand m³": 1e-3, "m³": 1,
        "Mt CO₂e": 1e-6, "kt CO₂e": 1e-3, "t CO₂e": 1,
        "billion USD": 1e-9, "million USD": 1e-6, "thousand USD": 1e-3, "USD": 1,
        "% of contract": 100, "%": 100,
        "L/kWh": 1, "h": 1, "GPU-h": 1, "million GPU-h": 1e-6, "billion GPU-h": 1e-9, "USD/GPU-h": 1,
        "GW": 1e-3, "": 1,
    ]

    /// The metric key a label names (the report's labels are the metrics' own).
    static func metric(labelled label: String) -> String? {
        Metric.allCases.first { $0.label == label }?.rawValue
    }

    /// Every markdown table: header cells and rows of cells.
    static func tables(_ md: String) -> [(header: [String], rows: [[Substring]])] {
        var out: [(header: [String], rows: [[Substring]])] = []
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false)
        func cells(_ line: Substring) -> [Substring] {
            line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { Substring($0.trimmingCharacters(in: .whitespaces)) }
        }
        var i = 0
        while i + 1 < lines.count {
            if lines[i].hasPrefix("|"), lines[i + 1].hasPrefix("|:") || lines[i + 1].hasPrefix("|-") {
                let header = cells(lines[i]).map(String.init)
                var rows: [[Substring]] = []
                i += 2
                while i < lines.count, lines[i].hasPrefix("|") { rows.append(cells(lines[i])); i += 1 }
                out.append((header, rows))
            } else { i += 1 }
        }
        return out
    }

    /// A period's label as the report and CSV print it: "2025-01", or the year 2025 (a JSON number).
    static func period(_ value: Any?) -> String {
        if let d = value as? Double, d == d.rounded() { return String(Int(d)) }
        return value.map { "\($0)" } ?? ""
    }

    static func stats(_ json: [String: Any], _ metric: String) throws -> [String: Double] {
        try #require(json[metric] as? [String: Double], "no \(metric) in result.json")
    }

    // MARK: Tests

    @Test func abstractShowsTheTotals() throws {
        let run = try Self.run()
        let totals = try #require(run.result["totals"] as? [String: Any])
        let header = run.markdown.components(separatedBy: "\n---\n")[0]
        let abstract = try #require(header.split(separator: "\n").first { $0.hasPrefix("abstract:") })
        // "3.68 TWh (P5–P95 3.31–4.00 TWh; base case 3.60 TWh)": P50 first, then P5, P95 and the base
        // case, of facility energy, location carbon, on-site water, cost, in that order.
        let re = try NSRegularExpression(
            pattern: #"([0-9][0-9.,]*) ([^()0-9]+?) \(P5–P95 ([0-9][0-9.,]*)–([0-9][0-9.,]*) \2; base case ([0-9][0-9.,]*) \2\)"#)
        let ns = String(abstract) as NSString
        let matches = re.matches(in: String(abstract), range: NSRange(location: 0, length: ns.length))
        let metrics = ["facility_energy_mwh", "carbon_location_tco2e", "water_onsite_m3", "electricity_cost_usd"]
        #expect(matches.count == metrics.count, "abstract: \(abstract)")
        for (m, key) in zip(matches, metrics) {
            let unit = ns.substring(with: m.range(at: 2))
            let factor = try #require(Self.unitFactors[unit], "unit '\(unit)' has no factor in the test")
            let s = try Self.stats(totals, key)
            expectShown(Substring(ns.substring(with: m.range(at: 1))), try #require(s["p50"]), factor: factor, "\(key) P50")
            expectShown(Substring(ns.substring(with: m.range(at: 5))), try #require(s["base"]), factor: factor, "\(key) base")
            expectShown(Substring(ns.substring(with: m.range(at: 3))), try #require(s["p05"]), factor: factor, "\(key) P5")
            expectShown(Substring(ns.substring(with: m.range(at: 4))), try #require(s["p95"]), factor: factor, "\(key) P95")
        }
        let share = try NSRegularExpression(pattern: #"([0-9.]+) % of the contract value"#)
        let sm = try #require(share.firstMatch(in: String(abstract), range: NSRange(location: 0, length: ns.length)))
        expectShown(Substring(ns.substring(with: sm.range(at: 1))),
                         try #require(try Self.stats(totals, "cost_share_of_contract")["p50"]), factor: 100, "cost share")
    }

    @Test func summaryTableShowsEveryTotal() throws {
        let run = try Self.run()
        let totals = try #require(run.result["totals"] as? [String: Any])
        let table = try #require(Self.tables(run.markdown).first { $0.header.first == "Quantity" })
        #expect(table.header == ["Quantity", "Unit", "P50", "P5", "P95", "Base case"])
        #expect(table.rows.count >= 10)
        for row in table.rows {
            let key = try #require(Self.metric(labelled: String(row[0])), "no metric is labelled '\(row[0])'")
            let factor = try #require(Self.unitFactors[String(row[1])], "unit '\(row[1])' has no factor in the test")
            let s = try Self.stats(totals, key)
            for (i, stat) in ["p50", "p05", "p95", "base"].enumerated() {
                expectShown(row[2 + i], try #require(s[stat]), factor: factor, "\(key) \(stat)")
            }
        }
    }

    /// The intensities table's term row is the ratio of result.json's base totals.
    @Test func intensitiesAreRatiosOfTheTotals() throws {
        let run = try Self.run()
        let totals = try #require(run.result["totals"] as? [String: Any])
        let table = try #require(Self.tables(run.markdown).first { $0.header.first == "Period" })
        #expect(table.header == ["Period", "kWh per GPU-hour", "g CO₂e per kWh", "L per kWh", "USD per MWh"])
        let term = try #require(table.rows.first { $0[0] == "Term" })
        func base(_ k: String) throws -> Double { try #require(try Self.stats(totals, k)["base"]) }
        let mwh = try base("facility_energy_mwh")
        // MWh/GPU-h × 1000 = kWh/GPU-h; tCO2e/MWh × 10⁶ g / 10³ kWh = g/kWh; m³/MWh = L/kWh.
        expectShown(term[1], mwh * 1000 / (try base("gpu_hours")), factor: 1, "kWh per GPU-hour")
        expectShown(term[2], try base("carbon_location_tco2e") * 1e6 / (mwh * 1000), factor: 1, "g per kWh")
        expectShown(term[3], try base("water_onsite_m3") * 1000 / (mwh * 1000), factor: 1, "L per kWh")
        expectShown(term[4], try base("electricity_cost_usd") / mwh, factor: 1, "USD per MWh")
        #expect(table.rows.count == 1 + ((run.result["annual"] as? [Any])?.count ?? -1), "term plus one row a year")
    }

    /// Tables by year: each column "Label (unit)" is that metric's annual base value.
    @Test func yearlyTablesShowTheAnnualBaseValues() throws {
        let run = try Self.run()
        let annual = try #require(run.result["annual"] as? [[String: Any]])
        let years = Dictionary(uniqueKeysWithValues: annual.map { (Self.period($0["year"]), $0) })
        let yearly = Self.tables(run.markdown).filter { $0.header.first == "Year" }
        #expect(yearly.count >= 3, "the report has tables by year")
        var checked = 0
        for table in yearly {
            for (column, title) in table.header.enumerated().dropFirst() {
                let open = try #require(title.lastIndex(of: "("), "column '\(title)' names no unit")
                let label = title[..<open].trimmingCharacters(in: .whitespaces)
                let unit = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
                let key = try #require(Self.metric(labelled: label), "no metric is labelled '\(label)'")
                let factor = try #require(Self.unitFactors[unit], "unit '\(unit)' has no factor in the test")
                for row in table.rows {
                    let year = try #require(years[String(row[0])], "no year \(row[0]) in result.json")
                    let base = try #require(try Self.stats(year, key)["base"])
                    expectShown(row[column], base, factor: factor, "\(key) in \(row[0])")
                    checked += 1
                }
            }
        }
        #expect(checked >= 20)
    }

    /// The cohort table's IT energy and embodied carbon are the breakdown's, at base.
    @Test func cohortTableShowsTheBreakdown() throws {
        let run = try Self.run()
        let breakdown = try #require(run.result["breakdown"] as? [String: Any])
        let cohorts = try #require(breakdown["cohorts"] as? [[String: Any]])
        let table = try #require(Self.tables(run.markdown).first { $0.header.first == "Cohort" })
        let it = try #require(table.header.firstIndex { $0.hasPrefix("IT energy (") })
        let embodied = try #require(table.header.firstIndex { $0.hasPrefix("Embodied (") })
        func factor(_ title: String) throws -> Double {
            let unit = title.split(separator: "(").last.map { String($0.dropLast()) } ?? ""
            return try #require(Self.unitFactors[unit], "unit '\(unit)' has no factor in the test")
        }
        #expect(table.rows.count == cohorts.count)
        for row in table.rows {
            let id = row[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let c = try #require(cohorts.first { $0["id"] as? String == id }, "cohort \(id) not in result.json")
            expectShown(row[it], try #require(c["it_energy_mwh"] as? Double), factor: try factor(table.header[it]), "\(id) IT")
            expectShown(row[embodied], try #require(c["embodied_tco2e"] as? Double),
                             factor: try factor(table.header[embodied]), "\(id) embodied")
        }
    }

    /// series.csv holds, to the last bit, the monthly and yearly statistics of result.json.
    @Test func seriesCSVIsTheResultsSeries() throws {
        let run = try Self.run()
        let rows = run.seriesCSV.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map(String.init)
        #expect(Array(header.prefix(2)) == ["period", "kind"])
        let monthly = try #require(run.result["monthly"] as? [[String: Any]])
        let annual = try #require(run.result["annual"] as? [[String: Any]])
        #expect(rows.count == 1 + monthly.count + annual.count)
        var periods: [String: [String: Any]] = [:]
        for m in monthly { periods["month \(Self.period(m["month"]))"] = m }
        for y in annual { periods["year \(Self.period(y["year"]))"] = y }
        var cells = 0
        for row in rows.dropFirst() {
            let period = try #require(periods["\(row[1]) \(row[0])"], "no \(row[1]) \(row[0]) in result.json")
            for (i, column) in header.enumerated().dropFirst(2) {
                let parts = column.split(separator: ".")
                let s = try Self.stats(period, String(parts[0]))
                guard let expected = s[String(parts[1])] else { #expect(row[i].isEmpty, "\(column) of \(row[0])"); continue }
                #expect(Double(row[i]) == expected, "\(column) of \(row[0]): csv \(row[i]), json \(expected)")
                cells += 1
            }
        }
        #expect(cells > 1_000)
    }

    /// The notebook embeds the same result: every total, month and year equal to result.json's
    /// (both read exactly, then written back with sorted keys and compared byte for byte).
    @Test func notebookEmbedsTheSameResult() throws {
        let run = try Self.run()
        let nb = try #require(try TestSupport.exactJSON(Data(contentsOf: run.notebook)) as? [String: Any])
        let cells = try #require(nb["cells"] as? [[String: Any]])
        let source = try #require(cells.first { $0["id"] as? String == "result" }?["source"])
        let text = (source as? [String])?.joined() ?? (source as? String) ?? ""
        let start = try #require(text.range(of: "r'''")), end = try #require(text.range(of: "'''", options: .backwards))
        let embedded = try #require(try TestSupport.exactJSON(Data(text[start.upperBound..<end.lowerBound].utf8))
                                    as? [String: Any])
        for key in ["totals", "monthly", "annual", "breakdown", "histograms", "inputs"] {
            let a = try JSONSerialization.data(withJSONObject: try #require(embedded[key]), options: .sortedKeys)
            let b = try JSONSerialization.data(withJSONObject: try #require(run.result[key]), options: .sortedKeys)
            #expect(a == b, "notebook's embedded \(key) differs from result.json's")
        }
    }

    /// The result's `mc_standard_error` is the reported SD over √(valid samples) for every metric.
    @Test func monteCarloStandardErrorIsSDOverRootN() throws {
        let run = try Self.run()
        let totals = try #require(run.result["totals"] as? [String: Any])
        let diagnostics = try #require(run.result["diagnostics"] as? [String: Any])
        let se = try #require(diagnostics["mc_standard_error"] as? [String: Double])
        #expect(Set(se.keys) == Set(Metric.allCases.map(\.rawValue)))
        for (key, value) in se {
            let sd = try #require(try Self.stats(totals, key)["sd"])
            expectClose(value, sd / 50.0.squareRoot(), relative: 1e-12, "\(key)")
        }
    }
}

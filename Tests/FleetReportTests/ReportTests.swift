import FleetTestSupport
import Foundation
import Testing
import FleetModel
@testable import FleetReport

@Suite("Report")
struct ReportTests {
    static let date = "2026-11-26"

    @Test func folderHoldsEveryFileAndEveryFigureIsReferenced() throws {
        let r = Fixtures.result()
        let files = try ReportWriter.files(for: r, date: Self.date)
        for f in ["report.md", "report.css", "result.json", "series.csv", "assumptions.csv"] { #expect(files[f] != nil, "\(f)") }
        let md = String(decoding: files["report.md"]!, as: UTF8.self)
        let svgs = files.keys.filter { $0.hasPrefix("figures/") }.sorted()
        #expect(svgs.count == Charts.figures(for: r).count && svgs.count >= 8)
        for svg in svgs { #expect(md.contains("](\(svg)){#fig:"), "\(svg) not in report.md") }
        let re = try NSRegularExpression(pattern: #"\]\((figures/[^)]+\.svg)\)"#)
        let ns = md as NSString
        for m in re.matches(in: md, range: NSRange(location: 0, length: ns.length)) {
            #expect(files[ns.substring(with: m.range(at: 1))] != nil, "report cites a missing figure")
        }
    }

    @Test func markdownHasMetadataSectionsInOrderAndNothingRendererSpecific() throws {
        let md = ReportMarkdown.render(Fixtures.result(sensitivity: "sobol"), figures: Charts.figures(for: Fixtures.result(sensitivity: "sobol")),
                                       date: Self.date)
        #expect(md.hasPrefix("---\ntitle: \""))
        let header = md.components(separatedBy: "\n---\n")[0]
        for key in ["subtitle:", "date: \"2026-11-26\"", "abstract:", "css: report.css"] { #expect(header.contains(key)) }
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        #expect(headings == ["Executive summary", "The fleet and its deployment", "IT power", "Cooling and PUE by site and month",
                             "Water", "Carbon", "Cost", "What drives the results", "Methods", "How to reproduce",
                             "Appendix: assumptions"])
        for raw in ["<div", "<span", "<br", "<img", "\\begin{", "\\newpage", "\\frac", "\\sqrt"] {
            #expect(!md.contains(raw), "renderer-specific \(raw)")
        }
        #expect(md.components(separatedBy: "$$").count % 2 == 1, "balanced display math")
        #expect(md.contains(": ST (S1)"))
        #expect(md.contains("3f7a9c2e5b8d1f4a6c0e9b2d7f5a3c1e8b6d4f2a0c9e7b5d3f1a8c6e4b2d0f9a"))
        #expect(md.contains("--set 'fleet.cohorts.gb200.count=triangular(150000, 250000, 400000)'"))
        // The appendix has one row per assumption and accounts for every input.
        let appendix = try #require(md.components(separatedBy: "# Appendix: assumptions").last)
        let rows = appendix.split(separator: "\n").filter { $0.hasPrefix("|") }.dropFirst(2)
        let groups = AssumptionGroup.grouped(Fixtures.inputs)
        #expect(rows.count == groups.count)
        #expect(rows.compactMap { Int($0.split(separator: "|")[3].trimmingCharacters(in: .whitespaces)) }.reduce(0, +)
                == Fixtures.inputs.count)
    }

    @Test func reportWithoutBreakdownOrSamplesCitesOnlyTheFiguresItHas() throws {
        var r = Fixtures.result(sampled: false, sensitivity: nil)
        r.breakdown = nil
        let files = try ReportWriter.files(for: r, date: Self.date)
        let svgs = Set(files.keys.filter { $0.hasPrefix("figures/") })
        #expect(svgs == ["figures/facility-power.svg", "figures/water.svg", "figures/cumulative-carbon.svg"])
        let md = String(decoding: files["report.md"]!, as: UTF8.self)
        #expect(md.components(separatedBy: "](figures/").count - 1 == svgs.count)
        #expect(!md.contains("P5–P95"))
        #expect(md.contains("This run did not rank the inputs"))
        r.monthly = []
        #expect(throws: ReportError.missingData("monthly series")) { try ReportWriter.files(for: r, date: Self.date) }
    }

    @Test func summaryComparesWithUSDataCentresAndTheContract() throws {
        let r = Fixtures.result()
        let md = ReportMarkdown.render(r, figures: [], date: Self.date)
        // Numbers read back from the text, against arithmetic on the fixture written here:
        // the 84-month term is 7 years; US data centres used 176 TWh in 2023; the contract is 38 B USD.
        // The summary leads with the central estimate, the P50.
        let facility = try #require(r.totals[.facilityEnergy]?.p50)
        func captures(_ pattern: String) throws -> [String] {
            let re = try NSRegularExpression(pattern: pattern)
            let ns = md as NSString
            let m = try #require(re.firstMatch(in: md, range: NSRange(location: 0, length: ns.length)), "no match for \(pattern)")
            return (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
        }
        let energy = try captures(#"([0-9][0-9.,]*) TWh per year at the facility meter, ([0-9.]+) % of the 176 TWh"#)
        expectShown(energy[0], facility / 7, factor: 1e-6, "TWh per year")
        expectShown(energy[1], facility / 7 / 176e6, factor: 100, "share of US data centres")
        let cost = try captures(#"([0-9.]+) % of the contract value of"#)
        expectShown(cost[0], try #require(r.totals[.electricityCost]?.p50) / 38e9, factor: 100, "share of the contract")
    }

    @Test func writerRefusesNonEmptyFolderAndNonFiniteResults() throws {
        let dir = try TestSupport.tempFolder()
        let out = dir.appendingPathComponent("report")
        try ReportWriter.write(result: Fixtures.result(sampled: false, sensitivity: nil), to: out, date: Self.date)
        let before = try Data(contentsOf: out.appendingPathComponent("report.md"))
        #expect(throws: ReportError.folderNotEmpty(path: out.standardizedFileURL.path)) {
            try ReportWriter.write(result: Fixtures.result(), to: out, date: Self.date)
        }
        var bad = Fixtures.result()
        bad.totals[.pue] = Stats(base: .nan)
        #expect(throws: ReportError.self) { try ReportWriter.write(result: bad, to: out, force: true, date: Self.date) }
        #expect(try Data(contentsOf: out.appendingPathComponent("report.md")) == before)
        try ReportWriter.write(result: Fixtures.result(), to: out, force: true, date: Self.date)
        #expect(try Data(contentsOf: out.appendingPathComponent("report.md")) != before)
    }

    /// Text unique to each chart (an axis title or legend entry no other chart has).
    static func uniqueTexts(_ figures: [Figure]) -> [String: [String]] {
        let re = try! NSRegularExpression(pattern: #"<text[^>]*>([^<]+)</text>"#)
        func texts(_ svg: String) -> Set<String> {
            let ns = svg as NSString
            return Set(re.matches(in: svg, range: NSRange(location: 0, length: ns.length))
                .map { ns.substring(with: $0.range(at: 1)) }.filter { $0.count >= 6 && !$0.contains("&") })
        }
        var out: [String: [String]] = [:]
        for f in figures {
            var mine = texts(f.svg)
            for g in figures where g.name != f.name { mine.subtract(texts(g.svg)) }
            out[f.name] = mine.sorted()
        }
        return out
    }

    /// Warnings of pandoc and weasyprint (lowercased) that mean something is missing from the
    /// PDF: pandoc's "Could not fetch resource", weasyprint's "Failed to load image" and
    /// "Failed to load font", and missing glyphs ("No glyph", "Missing character").
    static let harmfulWarnings = ["could not fetch", "could not load", "failed to load", "image", "glyph",
                                  "missing character", "not found"]

    /// pandoc + weasyprint turn the report into a PDF without a warning that matters; every figure is in it
    /// (its own text is found by pdftotext) and so are the headline numbers.
    @Test func rendersToPDFWithPandocAndWeasyprint() throws {
        guard TestSupport.requireTools(["pandoc", "weasyprint", "pdftotext"]) else { return }
        let r = Fixtures.result(sensitivity: "tornado")
        let keep = ProcessInfo.processInfo.environment["FLEETREPORT_KEEP"]
        let out = try keep.map { URL(fileURLWithPath: $0) } ?? TestSupport.tempFolder().appendingPathComponent("report")
        try ReportWriter.write(result: r, to: out, force: keep != nil, date: Self.date)
        let run = try TestSupport.run(ReportStyle.pdfCommand.split(separator: " ").map(String.init), in: out)
        #expect(run.status == 0, "pandoc failed: \(run.stderr)")
        // Only the warnings that mean a wrong PDF fail: a figure or resource that did not load,
        // a character the fonts cannot draw. A new tool version's deprecation notice does not.
        let lines = run.stderr.split(separator: "\n").map { $0.lowercased() }
        let harmful = lines.filter { line in Self.harmfulWarnings.contains { line.contains($0) } }
        #expect(harmful.isEmpty, "pandoc/weasyprint: \(harmful.prefix(5).joined(separator: " | "))")
        let text = try TestSupport.run(["pdftotext", "-layout", "report.pdf", "-"], in: out).stdout
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let figures = Charts.figures(for: r)
        for (name, unique) in Self.uniqueTexts(figures) {
            #expect(!unique.isEmpty, "\(name) has no text of its own")
            #expect(unique.contains { flat.contains($0) }, "figure \(name) not found in the PDF (looked for \(unique.prefix(3)))")
        }
        // The headline rows of report.md's summary table (whose numbers the report-vs-result
        // tests check) reach the PDF: every number of them is in its text.
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        for label in [Metric.facilityEnergy.label, Metric.carbonLocation.label, Metric.costShareOfContract.label] {
            let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| \(label) |") }, "no row \(label)")
            let numbers = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst(2)
            #expect(numbers.count == 4)
            for number in numbers { #expect(flat.contains(number), "\(label): \(number) missing from the PDF text") }
        }
        #expect(!flat.contains("\\text{"), "TeX math left unrendered")
        #expect(!flat.contains("$$"))
    }
}

@Suite("Assumption rows")
struct InputGroupTests {
    @Test func assumptionsGroupBySourceUnitAndFamilyWithTheirRange() {
        let inputs = [
            FleetResult.Input(path: "a.pue", unit: "1", base: 1.2, distribution: "triangular(1.1, 1.2, 1.4)", source: "Uptime 2024"),
            FleetResult.Input(path: "b.pue", unit: "1", base: 1.3, distribution: "triangular(1.2, 1.3, 1.5)", source: "Uptime 2024"),
            FleetResult.Input(path: "c.pue", unit: "1", base: 1.25, distribution: "normal(1.25, 0.05)", source: "Uptime 2024"),
            FleetResult.Input(path: "a.count", unit: "count", base: 10, distribution: nil, source: "Uptime 2024"),
            FleetResult.Input(path: "d.pue", unit: "1", base: 1.1, distribution: "triangular(1, 1.1, 1.2)", source: "Uptime 2024"),
        ]
        let g = AssumptionGroup.grouped(inputs)
        // Same source and unit, three families: triangular (a, b, d), normal (c), fixed (a.count).
        #expect(g.map(\.family) == ["triangular", "normal", "fixed"])
        #expect(g[0].inputs.map(\.path) == ["a.pue", "b.pue", "d.pue"])
        #expect(g[0].range.low == 1.1 && g[0].range.high == 1.3)
        #expect(g.reduce(0) { $0 + $1.inputs.count } == inputs.count, "no input is lost")
    }

    @Test func assumptionsCSVListsEveryInputOnceAndReadsBack() throws {
        let files = try ReportWriter.files(for: Fixtures.result(), date: ReportTests.date)
        let csv = String(decoding: try #require(files["assumptions.csv"]), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "path,unit,base,distribution,source")
        #expect(lines.count == 1 + Fixtures.inputs.count)
        for (line, i) in zip(lines.dropFirst(), Fixtures.inputs) {
            #expect(line.hasPrefix("\(i.path),"), "\(line)")
            let base = line.split(separator: ",")[2]
            #expect(Double(base) == i.base, "base of \(i.path) reads back exactly")
        }
    }

    private func input(_ path: String, _ base: Double, source: String = "s", unit: String = "°C") -> FleetResult.Input {
        FleetResult.Input(path: path, unit: unit, base: base, distribution: nil, source: source)
    }

    @Test func seriesElementsSharingUnitAndSourceBecomeOneRow() {
        let groups = InputGroup.grouped([
            input("sites.a.climate.t.0", 1), input("sites.a.climate.t.1", 2), input("sites.a.climate.t.2", 3),
            input("sites.a.count", 5, unit: "count"),
            input("sites.a.climate.u.0", 1, source: "x"), input("sites.a.climate.u.1", 2, source: "y"),
        ])
        #expect(groups.map(\.path) == ["sites.a.climate.t", "sites.a.count", "sites.a.climate.u", "sites.a.climate.u"])
        #expect(groups[0].values.map(\.base) == [1, 2, 3])
        #expect(groups.reduce(0) { $0 + $1.values.count } == 6, "no input is lost")
    }
}

@Suite("Report table widths")
struct TableWidthTests {
    @Test func widestWordBreaksTextAtSpacesAndHyphensAndCodeAfterDots() {
        // Code is 4.1 pt a character: "cohorts." (8) is the widest run of this path.
        expectClose(TextTable.widestWord("`fleet.cohorts.gb200-use1.count`"), 8 * 4.1, relative: 1e-12)
        expectClose(TextTable.widestWord("`aaaa_bbbbbbbbb`"), 9 * 4.1, relative: 1e-12, "after the underscore")
        // Text by class: "Virginia)" = V 5.9, i 3.2, r 3.2, g 5.1, i 3.2, n 5.1, i 3.2, a 5.1, ) 3.2.
        expectClose(TextTable.widestWord("AWS US East (N. Virginia)"), 37.2, relative: 1e-12)
        #expect(TextTable.widestWord("gas-fired") < TextTable.points("gas-fired"), "a hyphen is a break point")
        #expect(TextTable.parts("a \\_b `c.d`").map(\.text) == ["a _b ", "c.d", ""], "escapes print one character")
    }

    @Test func aTableThatFitsGetsItsCellsFullWidths() {
        let t = TextTable(headers: ["Year", "IT energy (TWh)"], alignments: [.left, .right], rows: [["2026", "2.17"]])
        // Year: the cell 2026, four digits of 5.1 pt (wider than the header's 19.3 pt), 6 dashes of 4 pt;
        // IT energy: its widest header word, "energy" (e n e g y 5.1 pt, r 3.2 pt) = 28.7 pt, 8 dashes.
        #expect(t.fittedWidths() == [6, 8])
    }

    @Test func aWideTableKeepsEveryWordWholeAndFillsTheLine() {
        let path = "`sites.us-east-1.weather.monthly_dry_bulb_c`"
        let text = String(repeating: "a long source text ", count: 10)
        let t = TextTable(headers: ["Source or assumption", "Paths", "N"], alignments: [.left, .left, .right],
                          rows: [[text, path + ", " + path, "12"]])
        let w = t.fittedWidths(linePoints: 240)
        #expect(Double(w[0]) * TextTable.pointsPerDash >= TextTable.widestWord("assumption"))
        #expect(Double(w[1]) * TextTable.pointsPerDash >= TextTable.widestWord(path))
        #expect(abs(Double(w.reduce(0, +)) * TextTable.pointsPerDash - 240) <= 3 * TextTable.pointsPerDash,
                "the spare room is shared out: \(w)")
        #expect(w[0] > w[2] && w[1] > w[2])
    }
}

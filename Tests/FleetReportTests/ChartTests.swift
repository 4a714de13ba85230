import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import FleetTestSupport
import FleetModel
@testable import FleetReport

@Suite("SVG charts")
struct ChartTests {
    @Test(arguments: [(0.0, 1.0), (0, 817.3), (1.08, 1.27), (-3.2e6, 4.1e7), (26_670_000, 47_360_000), (0.99, 0.99),
                      (-0.035, 0.012), (3, 3)])
    func niceTicksCoverTheDataWithRoundSteps(_ a: Double, _ b: Double) {
        let s = NiceScale(min: a, max: b)
        #expect(s.lo <= min(a, b) && s.hi >= max(a, b))
        let mantissa = s.step / pow(10, floor(log10(s.step)))
        #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(s.step)")
        #expect((3...11).contains(s.ticks.count), "\(s.ticks)")
        for t in s.ticks { expectClose(t / s.step, (t / s.step).rounded(), absolute: 1e-6) }
        // No more than one empty step beyond the data at either end (unless the data is a single value).
        guard a != b else { return }
        #expect(s.lo > min(a, b) - s.step - 1e-9 * abs(s.step))
        #expect(s.hi < max(a, b) + s.step + 1e-9 * abs(s.step))
    }

    @Test func tickLabelsArePrintedExactly() {
        let s = NiceScale(min: 1.08, max: 1.27)
        #expect(s.ticks.map(s.label) == ["1.05", "1.10", "1.15", "1.20", "1.25", "1.30"])
        let big = NiceScale(min: 0, max: 47_360_000, includeZero: true)
        #expect(big.ticks.map(big.label).last == "50,000,000")
    }

    static let figures = Charts.figures(for: Fixtures.result(sensitivity: "tornado"))
        + Charts.sensitivity(Fixtures.result(sensitivity: "sobol"))

    @Test func everyChartIsDrawn() {
        let names = Set(Self.figures.map(\.name))
        for n in ["fleet-ramp", "facility-power", "pue-by-site", "water", "cumulative-carbon",
                  "tornado-facility_energy_mwh", "tornado-carbon_location_tco2e", "sobol-facility_energy_mwh", "histograms"] {
            #expect(names.contains(n), "missing \(n)")
        }
    }

    /// Every coordinate and size attribute, as numbers.
    static func coordinates(_ svg: String) -> [String] {
        let pattern = #"\b(x|y|x1|y1|x2|y2|width|height|points)="([^"]*)""#
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = svg as NSString
        return re.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 2)) }
    }

    @Test(arguments: figures)
    func chartIsWellFormedAccessibleAndFinite(_ f: Figure) throws {
        #if canImport(FoundationXML) || canImport(Darwin)
        let doc = try XMLDocument(data: Data(f.svg.utf8))
        let root = try #require(doc.rootElement())
        #expect(root.name == "svg")
        let viewBox = root.attributes?.first { $0.name == "viewBox" || $0.localName == "viewBox" }?.stringValue
        #expect(viewBox?.hasPrefix("0 0 640 ") == true, "\(root.attributes?.map { $0.name ?? "" } ?? [])")
        let children = root.children?.compactMap { $0 as? XMLElement }.map { $0.name ?? "" } ?? []
        #expect(Array(children.prefix(2)) == ["title", "desc"])
        let texts = try doc.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.count >= 8, "axis labels, ticks and legend are real text")
        #else
        Issue.record("FoundationXML is not available to parse SVG")
        #endif
        for value in Self.coordinates(f.svg) {
            for number in value.split(whereSeparator: { $0 == " " || $0 == "," }) {
                #expect(Double(number)?.isFinite == true, "\(f.name): coordinate \(number)")
            }
        }
        #expect(!f.svg.lowercased().contains("nan") && !f.svg.contains("inf\""))
        #expect(!f.alt.isEmpty && !f.caption.isEmpty)
        #expect(Self.coordinates(f.svg).count > 20)
    }

    /// The y-axis tick labels of the facility-power chart cover the P95 values.
    @Test func facilityPowerAxisCoversTheBand() throws {
        let r = Fixtures.result()
        let f = try #require(Charts.facilityPower(r))
        let p95s = r.monthly.compactMap { $0.values[.averageFacilityPower]?.p95 }
        #expect(p95s.count == r.monthly.count, "every month has a P95 of average facility power")
        let top = try #require(p95s.max())
        let labels = try NSRegularExpression(pattern: ##"text-anchor="end" fill="#4D4D4D">([0-9,.]+)</text>"##)
        let ns = f.svg as NSString
        let ticks = labels.matches(in: f.svg, range: NSRange(location: 0, length: ns.length))
            .compactMap { Double(ns.substring(with: $0.range(at: 1)).replacingOccurrences(of: ",", with: "")) }
        #expect(ticks.first == 0)
        let axisTop = try #require(ticks.max(), "no y-axis tick labels matched in the SVG")
        #expect(axisTop >= top, "axis reaches \(axisTop) MW, data \(top) MW")
        #expect(f.svg.contains("Average facility power (MW)"))
    }

    @Test func chartsUseOnlyTheOkabeItoPalette() {
        let allowed = Set([Palette.black, Palette.orange, Palette.skyBlue, Palette.green, Palette.yellow, Palette.blue,
                           Palette.vermillion, Palette.purple, Palette.grid, Palette.axis, "#FFFFFF", "#1A1A1A"])
        let re = try! NSRegularExpression(pattern: ##"(fill|stroke)="(#[0-9A-Fa-f]{6})""##)
        for f in Self.figures {
            let ns = f.svg as NSString
            let matches = re.matches(in: f.svg, range: NSRange(location: 0, length: ns.length))
            #expect(matches.count > 0, "\(f.name): no fill or stroke colour found")
            for m in matches {
                #expect(allowed.contains(ns.substring(with: m.range(at: 2))), "\(f.name)")
            }
        }
    }

    @Test func textIsEscaped() throws {
        var c = SVGCanvas()
        c.text("a < b & \"c\"", 1, 2)
        #expect(try #require(c.body.last).contains(">a &lt; b &amp; &quot;c&quot;</text>"))
    }

    @Test func shortPathsKeepTheLeaf() {
        let p = Charts.shortPath("sites.us-east-2.cooling.chiller_cop_fraction_of_carnot", limit: 38)
        #expect(p.count <= 38 && p.hasSuffix("chiller_cop_fraction_of_carnot"))
    }
}

extension Figure: CustomTestStringConvertible {
    public var testDescription: String { name }
}

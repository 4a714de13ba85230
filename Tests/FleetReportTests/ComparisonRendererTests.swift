import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel
@testable import FleetReport

/// `fleetwatt compare` rendered: the table, CSV, JSON and the report section with its chart.
@Suite("Comparison output")
struct ComparisonRendererTests {
    /// The table has a row per variant and per difference under each metric, in one unit per metric.
    @Test func tableRowsPerVariantAndDifference() {
        let c = Fixtures.comparison()
        let t = ComparisonRenderer.table(c)
        #expect(t.headers == ["Metric", "Unit", "Variant", "Base", "P5", "P50", "P95"])
        #expect(t.rows.count == c.metrics.count * 3)
        #expect(t.rows[0][0] == "Facility energy" && t.rows[0][1] == "TWh")
        #expect(t.rows.prefix(3).map { $0[2] } == ["openai-aws-2025", "bigger", "Δ bigger"])
        let text = ComparisonRenderer.text(c)
        #expect(text.hasPrefix("Comparison of 2 variants; differences are variant − openai-aws-2025"))
        #expect(text.contains("  bigger: fleet.cohorts.gb200.count=275000"))
    }

    /// CSV: one row per metric and variant or difference, full precision, with the spread
    /// independent sampling would give on the difference rows.
    @Test func csvIsLongAndFullPrecision() throws {
        let c = Fixtures.comparison()
        let lines = ComparisonRenderer.csv(c).split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "metric,unit,kind,name,base,mean,sd,p05,p50,p95,sd_if_independent")
        #expect(lines.count == 1 + c.metrics.count * 3)
        let diff = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(diff[0] == "facility_energy_mwh" && diff[2] == "difference")
        let a = try #require(c.variants[0].totals[.facilityEnergy]?.p50)
        expectClose(try #require(Double(diff[8])), 0.1 * a, relative: 1e-12, "P50 of the difference")
        #expect(!diff[10].isEmpty)
    }

    /// JSON round-trips and carries the schema version `fleetwatt schema --of compare` documents.
    @Test func jsonRoundTrips() throws {
        let c = Fixtures.comparison()
        let data = try ComparisonRenderer.data(c, as: .json)
        let back = try JSONDecoder().decode(Comparison.self, from: data)
        #expect(back == c)
        #expect(String(decoding: data, as: UTF8.self).contains("\"schema_version\" : \"fleetwatt.compare/1\""))
        #expect(ResultSchema.text(of: .compare).contains("\"const\": \"fleetwatt.compare/1\""))
    }

    /// The report: compare.md with the chart's figure and caption, the SVG, JSON and CSV; the
    /// chart's band for the difference sits inside the wider independent band.
    @Test func reportFilesAndChart() throws {
        let c = Fixtures.comparison()
        let files = try ComparisonReport.files(for: c, date: "2026-12-07")
        #expect(Set(files.keys) == ["compare.md", "compare.json", "compare.csv", "report.css", "figures/compare-differences.svg"])
        let md = String(decoding: files["compare.md"]!, as: UTF8.self)
        #expect(md.contains("# Comparing scenarios") && md.contains("](figures/compare-differences.svg)"))
        #expect(md.contains("common random numbers"))
        #expect(md.contains("fleetwatt compare openai-aws-2025 --variant bigger:fleet.cohorts.gb200.count=275000 --set "
                            + "'fleet.cohorts.gb200.count=triangular(150000, 250000, 400000)' --metric "), "\(md)")
        let figure = try #require(Charts.comparison(c))
        #expect(figure.svg.contains("<svg") && figure.svg.contains("Band if sampled independently"))
        #expect(figure.alt.contains("Facility energy: bigger moves by 10.0 %"), "\(figure.alt)")
        let deterministic = try ComparisonReport.files(for: Fixtures.comparison(sampled: false), date: "2026-12-07")
        #expect(String(decoding: deterministic["compare.md"]!, as: UTF8.self).contains("every input at its base value"))
    }
}

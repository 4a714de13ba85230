import Foundation
import FleetModel

/// A Jupyter notebook (nbformat 4.5) that holds a result and loads it into
/// pandas and draws its main charts with matplotlib, with a markdown cell that
/// explains each step. Deterministic: the same result gives the same bytes
/// (cell ids are fixed names), so exported notebooks can be checked for currency.
public enum NotebookExporter {
    /// The notebook as JSON (sorted keys, ending in a newline).
    public static func notebook(for r: FleetResult) throws(ReportError) -> Data {
        let nb = Notebook(cells: try cells(for: r), metadata: .init(fleetwatt: .init(
            scenario: r.scenario.id, sha256: r.scenario.sha256, samples: r.run.samples, seed: r.run.seed,
            sampler: r.run.sampler, version: r.tool.version)))
        return try ResultJSON.encode(nb)
    }

    /// Writes the notebook to `output` (checked before the evaluation with `OutputFile.check`).
    public static func write(result: FleetResult, to output: OutputFile) throws(ReportError) {
        try output.write(try notebook(for: result))
    }

    /// Checks `url` and writes the notebook to it atomically.
    public static func write(result: FleetResult, to url: URL) throws(ReportError) {
        try write(result: result, to: try OutputFile.check(url.path))
    }

    static func cells(for r: FleetResult) throws(ReportError) -> [Cell] {
        // Apostrophes become \u0027 (valid JSON) so that no ''' can end the Python string early.
        let json = try ResultJSON.compact(r).replacingOccurrences(of: "'", with: "\\u0027")
        let sampled = TableRenderer.isSampled(r)
        let run = sampled ? "\(r.run.samples) Monte Carlo samples (\(r.run.sampler) sampler, seed \(r.run.seed))"
                          : "a deterministic run (every input at its base value)"
        var c: [Cell] = [
            .markdown("intro", """
            # \(r.scenario.title)

            Results of fleetwatt \(r.tool.version) for scenario `\(r.scenario.id)` (`\(r.scenario.source)`, SHA-256 `\(r.scenario.sha256)`), \
            \(run), over \(ReportMarkdown.termText(r)).

            The first code cell below holds the whole result, the `fleetwatt.result/1` JSON document that `fleetwatt run --format json` \
            prints (its schema: `fleetwatt schema`). The cells after it load it into pandas and draw the main charts with matplotlib. \
            Units are part of every metric's name: `_mwh`, `_mw`, `_m3`, `_tco2e`, `_usd`; `pue` and `cost_share_of_contract` are ratios.

            Needs Python 3 with pandas and matplotlib (`python3 -m pip install pandas matplotlib`).
            """),
            .code("imports", """
            import json

            import matplotlib.pyplot as plt
            import pandas as pd
            """),
            .markdown("result-md", """
            ## The result

            `result` is the parsed document: `totals`, `annual` and `monthly` hold the statistics of every metric \
            (`base` is the deterministic value; `mean`, `sd`, `p05`, `p50`, `p95` are present when the run sampled), `inputs` lists \
            every assumption with its source, and `diagnostics` the numerical checks.
            """),
            .code("result", "RESULT_JSON = r'''\(json)'''\nresult = json.loads(RESULT_JSON)\nprint(result[\"scenario\"][\"title\"], result[\"run\"])"),
            .markdown("totals-md", """
            ## Totals over the term

            One row per metric. P5 and P95 bound the middle 90 % of the sampled outcomes.
            """),
            .code("totals", "totals = pd.DataFrame(result[\"totals\"]).T\ntotals"),
            .markdown("series-md", """
            ## Monthly and annual series

            One row per month (or year) and one column per metric and statistic, named `METRIC.STAT` as in `series.csv`, \
            for example `facility_energy_mwh.p95`.
            """),
            .code("series", """
            def flatten(periods, key):
                rows = []
                for period in periods:
                    row = {key: period[key]}
                    for metric, stats in period.items():
                        if metric != key:
                            for stat, value in stats.items():
                                row[f"{metric}.{stat}"] = value
                    rows.append(row)
                return pd.DataFrame(rows).set_index(key)


            monthly = flatten(result["monthly"], "month")
            monthly.index = pd.PeriodIndex(monthly.index, freq="M").to_timestamp()
            annual = flatten(result["annual"], "year")
            annual
            """),
            .markdown("power-md", """
            ## Facility power by month

            The average power drawn at the facility meter each month, in MW: the base case and, when the run sampled, \
            the band between the 5th and 95th percentiles.
            """),
            .code("power", """
            fig, ax = plt.subplots(figsize=(9, 4))
            ax.plot(monthly.index, monthly["avg_facility_mw.base"], color="#0072B2", label="Base case")
            if "avg_facility_mw.p05" in monthly:
                ax.fill_between(monthly.index, monthly["avg_facility_mw.p05"], monthly["avg_facility_mw.p95"],
                                color="#0072B2", alpha=0.25, label="P5–P95")
            ax.set_ylabel("Average facility power (MW)")
            ax.set_ylim(bottom=0)
            ax.legend()
            plt.show()
            """),
        ]
        if r.breakdown?.cohorts.isEmpty == false {
            c += [
                .markdown("ramp-md", """
                ## Fleet ramp

                Installed units of each cohort (GPUs, or servers for CPU cohorts) at the end of each month, stacked.
                """),
                .code("ramp", """
                cohorts = result["breakdown"]["cohorts"]
                fig, ax = plt.subplots(figsize=(9, 4))
                ax.stackplot(monthly.index, [c["monthly_installed"] for c in cohorts],
                             labels=[f'{c["id"]} ({c["hardware"]}, {c["site"]})' for c in cohorts],
                             colors=["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7"][: len(cohorts)])
                ax.set_ylabel("Installed units")
                ax.legend(loc="lower right")
                plt.show()
                """),
            ]
        }
        if r.breakdown?.sites.isEmpty == false {
            c += [
                .markdown("pue-md", """
                ## PUE by site and month

                Power usage effectiveness (facility energy ÷ IT energy), energy-weighted over each month; higher in summer, \
                when cooling works harder.
                """),
                .code("pue", """
                fig, ax = plt.subplots(figsize=(9, 4))
                for site in result["breakdown"]["sites"]:
                    ax.plot(monthly.index, site["monthly_pue"], label=f'{site["id"]} ({site["cooling"]})')
                ax.plot(monthly.index, monthly["pue.base"], color="black", linestyle="--", label="Fleet")
                ax.set_ylabel("PUE")
                ax.legend()
                plt.show()
                """),
            ]
        }
        c += [
            .markdown("carbon-md", """
            ## Cumulative carbon

            Location-based (the grids' average carbon intensity) and market-based (after contracted carbon-free electricity) \
            emissions are scope 2; embodied emissions of the hardware are scope 3. Base case, tonnes CO₂e.
            """),
            .code("carbon", """
            carbon = monthly[["carbon_location_tco2e.base", "carbon_market_tco2e.base", "carbon_embodied_tco2e.base"]].cumsum()
            ax = carbon.plot(figsize=(9, 4), color=["#D55E00", "#0072B2", "#009E73"])
            ax.set_ylabel("Cumulative emissions (t CO2e)")
            ax.legend(["Location-based (scope 2)", "Market-based (scope 2)", "Embodied (scope 3)"])
            plt.show()
            """),
            .markdown("water-md", """
            ## Water

            On-site water evaporated and drained by cooling, and off-site water consumed to generate the electricity, m³ per month.
            """),
            .code("water", """
            water = monthly[["water_onsite_m3.base", "water_offsite_m3.base"]]
            ax = water.plot.area(figsize=(9, 4), color=["#0072B2", "#56B4E9"])
            ax.set_ylabel("Water per month (m³)")
            ax.legend(["On-site", "Off-site"])
            plt.show()
            """),
        ]
        if let s = r.sensitivity, let m = Charts.rankedMetrics(s, limit: 1).first {
            let column = s.method == "sobol" ? "total_order" : "swing"
            c += [
                .markdown("drivers-md", """
                ## What drives the results

                The inputs ranked by their effect on `\(m.rawValue)` (\(s.method == "sobol" ? "total Sobol index: the share of the variance an input explains, with its interactions" : "tornado swing: the change in the metric when the input moves from its P10 to its P90")).
                """),
                .code("drivers", """
                metric = "\(m.rawValue)"
                ranking = pd.DataFrame(result["sensitivity"]["rankings"][metric]).set_index("path")
                ax = ranking["\(column)"].iloc[::-1].plot.barh(figsize=(9, 4), color="#E69F00")
                ax.set_xlabel("\(column.replacingOccurrences(of: "_", with: " ")) of \(m.rawValue)")
                plt.tight_layout()
                plt.show()
                ranking
                """),
            ]
        }
        if r.histograms?.isEmpty == false {
            c += [
                .markdown("histograms-md", """
                ## Distributions of the totals

                Histograms of the sampled totals (bin edges in each metric's unit).
                """),
                .code("histograms", """
                hists = result["histograms"]
                fig, axes = plt.subplots(1, len(hists), figsize=(4 * len(hists), 3), squeeze=False)
                for ax, (metric, h) in zip(axes[0], sorted(hists.items())):
                    ax.stairs(h["counts"], h["edges"], fill=True, color="#56B4E9")
                    ax.set_xlabel(metric)
                axes[0][0].set_ylabel("Samples")
                plt.tight_layout()
                plt.show()
                """),
            ]
        }
        return c
    }

    struct Notebook: Encodable {
        var cells: [Cell]
        var metadata: Metadata
        let nbformat = 4
        let nbformatMinor = 5
        enum CodingKeys: String, CodingKey {
            case cells, metadata, nbformat
            case nbformatMinor = "nbformat_minor"
        }
    }

    struct Metadata: Encodable {
        let kernelspec = ["display_name": "Python 3", "language": "python", "name": "python3"]
        let languageInfo = ["name": "python"]
        var fleetwatt: Provenance
        enum CodingKeys: String, CodingKey {
            case kernelspec, fleetwatt
            case languageInfo = "language_info"
        }
    }

    /// Where the notebook came from, in its metadata.
    struct Provenance: Encodable {
        var scenario: String
        var sha256: String
        var samples: Int
        var seed: UInt64
        var sampler: String
        var version: String
    }

    struct Cell: Encodable {
        var id: String
        var kind: String
        var source: [String]

        static func markdown(_ id: String, _ text: String) -> Cell { Cell(id: id, kind: "markdown", source: lines(text)) }
        static func code(_ id: String, _ text: String) -> Cell { Cell(id: id, kind: "code", source: lines(text)) }

        /// Jupyter's convention: a list of lines, each but the last ending in "\n".
        static func lines(_ text: String) -> [String] {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "\n" : $0.element }
        }

        enum CodingKeys: String, CodingKey {
            case id, source, metadata, outputs
            case kind = "cell_type"
            case executionCount = "execution_count"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(source, forKey: .source)
            try c.encode([String: String](), forKey: .metadata)
            if kind == "code" {
                try c.encode([String](), forKey: .outputs)
                try c.encodeNil(forKey: .executionCount)
            }
        }
    }
}

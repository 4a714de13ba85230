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
            for example `facility_energy_mwh.p95`, beside `hours` (the term's hours in the period) and `partial` (true for a \
            first or last month or year that the term covers only in part: its totals are not comparable with a whole one's).
            """),
            .code("series", """
            def flatten(periods, key):
                rows = []
                for period in periods:
                    row = {key: period[key]}
                    for name, value in period.items():
                        if isinstance(value, dict):
                            for stat, v in value.items():
                                row[f"{name}.{stat}"] = v
                        elif name != key:
                            row[name] = value
                    rows.append(row)
                return pd.DataFrame(rows).set_index(key)


            monthly = flatten(result["monthly"], "month")
            monthly.index = pd.PeriodIndex(monthly.index, freq="M").to_timestamp()
            annual = flatten(result["annual"], "year")
            annual
            """),
            .markdown("helpers-md", """
            ## Plotting helpers

            `band` draws a metric's median (P50) with the band between its 5th and 95th percentiles when the run sampled, \
            else its base case; the label is the metric's own, from `result["metrics"]`, so a legend cannot name the wrong \
            series. `colors(n)` gives `n` distinct colours (matplotlib's tab10, tab20 beyond ten, then the same hues \
            dashed or hatched), and `compact` writes axis numbers as 250k, 1.5M, 2G.
            """),
            .code("helpers", """
            from matplotlib.ticker import FuncFormatter, MaxNLocator

            LABELS = {metric: info["label"] for metric, info in result["metrics"].items()}
            UNITS = {metric: info["unit"] for metric, info in result["metrics"].items()}
            SAMPLED = result["run"]["samples"] > 0


            # P50 and its P5-P95 band when sampled, else the base case; gid names the JSON series drawn.
            def band(ax, frame, metric, color, source="monthly", label=None):
                label = label or LABELS[metric]
                if f"{metric}.p50" in frame:
                    ax.fill_between(frame.index, frame[f"{metric}.p05"], frame[f"{metric}.p95"], color=color, alpha=0.2,
                                    linewidth=0, label=f"{label}, P5-P95", gid=f"{source}/{metric}/p05-p95")
                    ax.plot(frame.index, frame[f"{metric}.p50"], color=color, label=f"{label}, P50", gid=f"{source}/{metric}/p50")
                else:
                    ax.plot(frame.index, frame[f"{metric}.base"], color=color, label=f"{label}, base case",
                            gid=f"{source}/{metric}/base")


            def colors(n):
                cmap = plt.get_cmap("tab10" if n <= 10 else "tab20")
                size = 10 if n <= 10 else 20
                return [(cmap(i % size), "-" if i < size else "--") for i in range(n)]


            def _compact(x, _position=None):
                for factor, suffix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
                    if abs(x) >= factor:
                        return f"{x / factor:g}{suffix}"
                return f"{x:g}"


            compact = FuncFormatter(_compact)
            """),
            .markdown("power-md", """
            ## Facility power by month

            The average power drawn at the facility meter each month, in MW: the median and, when the run sampled, \
            the band between the 5th and 95th percentiles.
            """),
            .code("power", """
            fig, ax = plt.subplots(figsize=(9, 4))
            band(ax, monthly, "avg_facility_mw", "#0072B2")
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

                Installed units of each cohort at the end of each month, stacked: GPUs and CPU-only servers on separate \
                panels, since one server is not one GPU.
                """),
                .code("ramp", """
                cohorts = result["breakdown"]["cohorts"]
                kinds = [k for k in ("gpu", "cpu-server") if any(c.get("kind", "gpu") == k for c in cohorts)]
                fig, axes = plt.subplots(len(kinds), 1, figsize=(10, 3.5 * len(kinds)), sharex=True, squeeze=False)
                for ax, kind in zip(axes[:, 0], kinds):
                    group = [c for c in cohorts if c.get("kind", "gpu") == kind]
                    styles = colors(len(group))
                    layers = ax.stackplot(monthly.index, [c["monthly_installed"] for c in group],
                                          labels=[f'{c["id"]} ({c["hardware"]}, {c["site"]})' for c in group],
                                          colors=[color for color, _ in styles])
                    for layer, (_, style) in zip(layers, styles):
                        if style != "-":
                            layer.set_hatch("//")
                    ax.set_ylabel("GPUs installed" if kind == "gpu" else "CPU servers installed")
                    ax.yaxis.set_major_formatter(compact)
                    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
                plt.tight_layout()
                plt.show()
                """),
            ]
        }
        if r.breakdown?.sites.isEmpty == false {
            c += [
                .markdown("pue-md", """
                ## PUE by site and month

                Power usage effectiveness (facility energy ÷ IT energy), energy-weighted over each month; higher in summer, \
                when cooling works harder. The fleet's median with its P5–P95 band when the run sampled, each site's base case.
                """),
                .code("pue", """
                fig, ax = plt.subplots(figsize=(9, 4))
                for site, (color, style) in zip(result["breakdown"]["sites"], colors(len(result["breakdown"]["sites"]))):
                    ax.plot(monthly.index, site["monthly_pue"], color=color, linestyle=style,
                            label=f'{site["id"]} ({site["cooling"]}), base case', gid=f'breakdown.sites.{site["id"]}/monthly_pue')
                band(ax, monthly, "pue", "black")
                ax.set_ylabel("PUE")
                ax.legend(fontsize="small")
                plt.show()
                """),
            ]
        }
        if let sites = r.breakdown?.sites, !sites.isEmpty, sites.allSatisfy({ $0.monthly != nil }) {
            c += [
                .markdown("sites-md", """
                ## Energy, water and carbon by site

                Each site's facility energy, on-site water withdrawal and location-based carbon per month: the median with its \
                P5–P95 band when the run sampled (`breakdown.sites[].monthly`), else the base case.
                """),
                .code("sites", """
                site_metrics = ["facility_energy_mwh", "water_onsite_m3", "carbon_location_tco2e"]
                sites = result["breakdown"]["sites"]
                fig, axes = plt.subplots(len(site_metrics), 1, figsize=(10, 3.2 * len(site_metrics)), sharex=True, squeeze=False)
                for ax, metric in zip(axes[:, 0], site_metrics):
                    for site, (color, _) in zip(sites, colors(len(sites))):
                        frame = flatten(site["monthly"], "month")
                        frame.index = monthly.index
                        band(ax, frame, metric, color, source=f'breakdown.sites.{site["id"]}.monthly', label=site["id"])
                    ax.set_ylabel(f"{metric} ({UNITS[metric]})", fontsize="small")
                    ax.set_title(LABELS[metric], fontsize="medium")
                    ax.yaxis.set_major_formatter(compact)
                axes[0, 0].legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
                plt.tight_layout()
                plt.show()
                """),
            ]
        }
        c += [
            .markdown("carbon-md", """
            ## Carbon

            Location-based (the grids' average carbon intensity) and market-based (contracted carbon-free electricity at zero, \
            the rest at the residual mix) emissions are the operator's Scope 2 and the customer's Scope 3 category 1; \
            embodied emissions of the hardware are scope 3; the long-run marginal line is what the new load causes \
            (NREL Cambium rates), not an inventory figure. Top: each month, the median with its P5–P95 band when the run \
            sampled. Bottom: each year, with P5–P95 whiskers; a year marked * is covered only in part by the term. Tonnes CO₂e.
            """),
            .code("carbon", """
            carbon_metrics = {"carbon_location_tco2e": "#D55E00", "carbon_market_tco2e": "#0072B2",
                              "carbon_marginal_tco2e": "#CC79A7", "carbon_embodied_tco2e": "#009E73"}
            fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7))
            for metric, color in carbon_metrics.items():
                band(top, monthly, metric, color)
            top.set_ylabel("t CO2e per month")
            top.yaxis.set_major_formatter(compact)
            top.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
            stat = "p50" if SAMPLED else "base"
            width = 0.8 / len(carbon_metrics)
            for i, (metric, color) in enumerate(carbon_metrics.items()):
                x = [j + (i - (len(carbon_metrics) - 1) / 2) * width for j in range(len(annual))]
                values = annual[f"{metric}.{stat}"]
                error = [values - annual[f"{metric}.p05"], annual[f"{metric}.p95"] - values] if SAMPLED else None
                bottom.bar(x, values, width, yerr=error, color=color, label=f"{LABELS[metric]}, {stat.upper()}",
                           gid=f"annual/{metric}/{stat}")
            bottom.set_xticks(range(len(annual)))
            partial = annual["partial"] if "partial" in annual else [False] * len(annual)
            bottom.set_xticklabels([f"{year}*" if part else str(year) for year, part in zip(annual.index, partial)])
            bottom.set_ylabel("t CO2e per year")
            bottom.yaxis.set_major_formatter(compact)
            plt.tight_layout()
            plt.show()
            """),
            .markdown("water-md", """
            ## Water

            On-site withdrawal (make-up incl. blowdown) and consumption (evaporation and drift), that consumption weighted by \
            the sites' WRI Aqueduct baseline water stress, and, on its own panel (it is tens of times larger), the off-site \
            water consumed to generate the electricity, m³ per month.
            """),
            .code("water", """
            fig, (onsite, offsite) = plt.subplots(2, 1, figsize=(10, 6.5), sharex=True)
            for metric, color in {"water_onsite_m3": "#0072B2", "water_onsite_consumption_m3": "#56B4E9",
                                  "water_stress_weighted_m3": "#E69F00"}.items():
                band(onsite, monthly, metric, color)
            onsite.set_ylabel("On-site water (m³ per month)")
            onsite.legend(fontsize="small")
            band(offsite, monthly, "water_offsite_m3", "#999999")
            offsite.set_ylabel("Off-site water (m³ per month)")
            offsite.legend(fontsize="small")
            plt.tight_layout()
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

                Histograms of the sampled totals, one small panel per metric (in its unit), with the P5, P50 and P95 of the \
                totals marked; metrics that did not vary between samples are left out.
                """),
                .code("histograms", """
                hists = sorted((metric, h) for metric, h in result["histograms"].items() if result["totals"][metric]["sd"] > 0)
                columns = 4
                rows = (len(hists) + columns - 1) // columns
                fig, axes = plt.subplots(rows, columns, figsize=(12, 2.4 * rows), squeeze=False)
                for ax, (metric, h) in zip(axes.flat, hists):
                    ax.stairs(h["counts"], h["edges"], fill=True, color="#56B4E9", gid=f"histograms/{metric}")
                    for stat in ("p05", "p50", "p95"):
                        ax.axvline(result["totals"][metric][stat], color="black", linewidth=0.8,
                                   linestyle="-" if stat == "p50" else ":")
                    ax.set_title(f"{metric} ({UNITS[metric]})", fontsize="small")
                    ax.xaxis.set_major_locator(MaxNLocator(3))
                    ax.xaxis.set_major_formatter(compact)
                    ax.tick_params(labelsize="x-small")
                for ax in list(axes.flat)[len(hists):]:
                    ax.set_visible(False)
                for ax in axes[:, 0]:
                    ax.set_ylabel("Samples", fontsize="small")
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

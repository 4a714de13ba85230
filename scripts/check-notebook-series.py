#!/usr/bin/env python3
"""Run a fleetwatt notebook's code cells headless (matplotlib's Agg backend) and check that
every series its charts draw is the one result.json holds, under the right label.

Usage: check-notebook-series.py NOTEBOOK.ipynb RESULT.json

Each drawn series names the JSON it comes from in its gid (`monthly/pue/p50`,
`annual/carbon_market_tco2e/p50`, `breakdown.sites.us-tx.monthly/water_onsite_m3/p05-p95`,
`breakdown.sites.us-tx/monthly_pue`, `histograms/gpu_hours`); the stacked fleet ramp is
checked against `breakdown.cohorts[].monthly_installed` by cohort id. A series drawn from a
period table must carry its metric's label (`metrics.METRIC.label`), one drawn from a site's
table the site's id, so a legend cannot name the wrong series. A labelled line without a gid,
or a gid that names no series, is an error.

Exit status: 0 every series matches; 1 a mismatch (each printed); 2 bad usage or a missing
package (pandas, matplotlib, nbformat).
"""
import contextlib
import io
import json
import math
import sys

SETUP = "python3 -m pip install pandas matplotlib nbformat  (or: apt-get install python3-pandas python3-matplotlib python3-nbformat)"

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import nbformat
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.collections import PolyCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle, StepPatch
except ImportError as e:
    print(f"check-notebook-series.py: {e}; install with: {SETUP}", file=sys.stderr)
    sys.exit(2)

RELATIVE = 1e-12


def close(a, b):
    """Equal within RELATIVE, None and NaN alike."""
    a = math.nan if a is None else float(a)
    b = math.nan if b is None else float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b or abs(a - b) <= RELATIVE * max(abs(a), abs(b))


def periods(result, source):
    """The list of period objects a gid's source names."""
    if source in ("monthly", "annual"):
        return result[source]
    if source.startswith("breakdown.sites.") and source.endswith(".monthly"):
        site = source[len("breakdown.sites."):-len(".monthly")]
        return next(s for s in result["breakdown"]["sites"] if s["id"] == site)["monthly"]
    raise KeyError(source)


def expected(result, gid):
    """(series, label prefix) for a gid; series is a list, or (low, high) lists for a band."""
    parts = gid.split("/")
    if parts[0] == "histograms":
        h = result["histograms"][parts[1]]
        return (h["counts"], h["edges"]), None
    if parts[0].startswith("breakdown.sites.") and parts[1] == "monthly_pue":
        site = parts[0][len("breakdown.sites."):]
        return next(s for s in result["breakdown"]["sites"] if s["id"] == site)["monthly_pue"], site
    source, metric, stat = parts
    rows = periods(result, source)
    label = result["metrics"][metric]["label"] if source in ("monthly", "annual") else source.split(".")[2]
    if stat == "p05-p95":
        return ([p[metric]["p05"] for p in rows], [p[metric]["p95"] for p in rows]), label
    return [p[metric][stat] for p in rows], label


def check(notebook, result_path):
    with open(result_path, encoding="utf-8") as f:
        result = json.load(f)
    nb = nbformat.read(notebook, as_version=4)
    figures, stacks = [], []

    def show(*_args, **_kwargs):
        figures.extend(plt.figure(n) for n in plt.get_fignums())
        plt.close("all")

    original_stackplot = Axes.stackplot

    def stackplot(self, x, *args, labels=(), **kwargs):
        stacks.append((list(labels), [list(y) for y in (args[0] if len(args) == 1 else args)]))
        return original_stackplot(self, x, *args, labels=labels, **kwargs)

    plt.show = show
    Axes.stackplot = stackplot
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nb.cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, f"{notebook}:cell {cell.get('id')}", "exec"), namespace)

    errors, checked = [], 0
    for fig in figures:
        for ax in fig.axes:
            artists = list(ax.lines) + list(ax.collections) + list(ax.patches)
            bars = {}
            for a in artists:
                gid = a.get_gid()
                label = a.get_label()
                if gid is None:
                    if isinstance(a, Line2D) and not label.startswith("_"):
                        errors.append(f"line '{label}' has no gid naming its series")
                    continue
                try:
                    series, prefix = expected(result, gid)
                except (KeyError, StopIteration, ValueError) as e:
                    errors.append(f"{gid}: names no series of result.json ({e})")
                    continue
                if isinstance(a, Rectangle):
                    bars.setdefault(gid, (series, prefix, []))[2].append(a)
                    continue
                if prefix is not None and not label.startswith(prefix):
                    errors.append(f"{gid}: drawn with label '{label}', expected one starting '{prefix}'")
                if isinstance(a, Line2D):
                    drawn = list(a.get_ydata())
                    if len(drawn) != len(series) or not all(close(u, v) for u, v in zip(drawn, series)):
                        errors.append(f"{gid}: the line differs from result.json")
                elif isinstance(a, PolyCollection):
                    ys = a.get_paths()[0].vertices[:, 1]
                    low, high = series
                    if not all(np.isclose(ys, v, rtol=RELATIVE, atol=0).any() for v in low + high):
                        errors.append(f"{gid}: the band does not span result.json's P5 and P95")
                elif isinstance(a, StepPatch):
                    counts, edges = a.get_data()[:2]
                    if list(counts) != series[0] or not all(close(u, v) for u, v in zip(edges, series[1])):
                        errors.append(f"{gid}: the histogram differs from result.json")
                checked += 1
            for gid, (series, prefix, rects) in bars.items():
                heights = [r.get_height() for r in rects]
                if len(heights) != len(series) or not all(close(u, v) for u, v in zip(heights, series)):
                    errors.append(f"{gid}: the bars differ from result.json")
                container = next((c for c in ax.containers if rects[0] in getattr(c, "patches", ())), None)
                if prefix is not None and container is not None and not container.get_label().startswith(prefix):
                    errors.append(f"{gid}: bars labelled '{container.get_label()}', expected '{prefix}…'")
                checked += 1
    cohorts = {c["id"]: c["monthly_installed"] for c in result.get("breakdown", {}).get("cohorts", [])}
    for labels, ys in stacks:
        for label, y in zip(labels, ys):
            cohort = label.split(" ")[0]
            if cohort not in cohorts or not all(close(u, v) for u, v in zip(y, cohorts[cohort])):
                errors.append(f"ramp: '{label}' differs from breakdown.cohorts[{cohort}].monthly_installed")
            checked += 1
    if checked == 0:
        errors.append("no chart drew a series")
    return checked, len(figures), errors


def main(argv):
    if len(argv) != 2:
        print("usage: check-notebook-series.py NOTEBOOK.ipynb RESULT.json", file=sys.stderr)
        return 2
    checked, figures, errors = check(argv[0], argv[1])
    for e in errors:
        print(f"{argv[0]}: {e}", file=sys.stderr)
    if errors:
        return 1
    print(f"{argv[0]}: {checked} series in {figures} figures match {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

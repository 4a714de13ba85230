#!/usr/bin/env python3
"""A vectorised NumPy/SciPy peer of fleetwatt's hourly fleet model, for timing side by side.

Derived from the team's shared benchmark peer (benchmarks/numpy_peer.py of December 2026, written
for the model as of commit d73b5d1) and brought up to the current equations of docs/METHODS.md and
the current models/ files. What changed against that peer:

* Scenario files: every unit a field's name does not fix (e.g. 'USD/GPU-h', 'USD/kW/month') is
  read as written, as fleetwatt does; units of fields with a unit suffix are converted (a small
  table); scenario options (`option:`, `options.<name>.enabled`) and generation refreshes
  (`refresh_to`, `refresh_option`, `refresh_date`) expand the cohorts as FleetSpec does.
* Fleet side (§1): the board-power route (`*_board_power_fraction`, host on the implied load),
  the split embodied carbon (GPU module, host, rack; replacements charge the module), GPU-hours.
* Facility (§3–§5): in-row heat exchangers on outside air with evaporative media,
  humidification and DX trim (irhx-outside-air); approaches that move with load; chiller shares
  and full-load COP per loop with the DOE-2 part-load curve over staged chillers; fan and pump
  heat carried by the loops; heat-rejection fans; site auxiliaries; tower evaporation from the
  hour's psychrometrics; withdrawal and consumption of on-site water; water stress.
* Grid (§6–§7): location-based carbon with shapes, market-based carbon at the residual mix with
  annual or hourly (24/7) matching, long-run marginal carbon, a delivered tariff with demand and
  capacity charges on each site's monthly peak, and virtual-PPA settlement against wholesale.
* Outputs: fleetwatt's 29 metrics (was 15), with its aggregation rules.
* Fans, pumps and approaches read max(x, x_min)^n from fleetwatt's 513-point table on [0, 2]
  (per sample, since the exponent is uncertain) instead of evaluating the law exactly, so the
  base totals agree with `fleetwatt run --samples 0` to rounding (see --compare).

As before, it is written the way a careful NumPy engineer would write it: every per-hour quantity
is an array over the whole term and, inside a chunk of Monte Carlo samples, over the samples too;
there is no Python loop over hours. What fleetwatt computes once per process is computed once
here (typical-year weather, the QAGS tables E[S(U)]/T for each curve shape and concentration, the
deployment ramps, the term calendar and the term-hour -> typical-hour maps); what depends on
sampled inputs is rebuilt per sample (cohort power by hour of day, plant coefficients of every
typical hour, part-load tables, grid series, commissioned capacities, then every site-hour).

Deliberate differences from fleetwatt: (1) every one of the term's site-hours is computed for every
sample, whereas fleetwatt reuses months that repeat an earlier month exactly (the same results);
(2) the sampler (NumPy PCG64 + Gaussian copula + scipy.stats quantiles) draws different points
from fleetwatt's (GSL MT19937), so sampled percentiles agree only statistically; (3) sums run in
a different order, so totals differ from fleetwatt's in the last digits.

Not implemented: the continuous-time cross-check of §9 (GSL QAG per day of each site), which
fleetwatt runs once per command, not per sample; hourly weather files (TMY3/EPW); sampled climate
normals. The power-cap and fixed-pue paths are implemented but no shipped scenario uses them.

Usage (from the repository root; needs numpy, scipy, pyyaml):
  python3 scripts/bench/numpy_peer.py --base [--compare fleetwatt_base.json] [--set PATH=VALUE ...]
  python3 scripts/bench/numpy_peer.py --samples 200 [--seed 20251103] [--chunk 4] [--profile]
"""
from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import re
import sys
import time

import numpy as np
import yaml
from scipy import integrate, special, stats

HOURS_PER_YEAR = 8766.0          # mean year (365.25 d) for lives and failure rates
TYPICAL_HOURS = 8760             # typical (non-leap) weather year
KELVIN = 273.15
METRICS = ["it_energy_mwh", "facility_energy_mwh", "cooling_energy_mwh", "power_delivery_loss_mwh",
           "peak_facility_mw", "avg_facility_mw", "pue", "water_onsite_m3", "water_offsite_m3",
           "carbon_location_tco2e", "carbon_market_tco2e", "carbon_embodied_tco2e", "electricity_cost_usd",
           "cost_share_of_contract", "gpus_installed_peak", "auxiliary_energy_mwh", "water_onsite_consumption_m3",
           "water_stress_weighted_m3", "carbon_marginal_tco2e", "demand_charges_usd", "ppa_settlement_usd",
           "wue_l_per_kwh", "cfe_matched_mwh", "cfe_share", "cfe_matched_site_hours", "load_site_hours",
           "cfe_hours_matched_share", "gpu_hours", "contract_usd_per_gpu_hour"]
M = {name: i for i, name in enumerate(METRICS)}
MAX_METRICS = ("peak_facility_mw", "gpus_installed_peak")
# The headline metrics whose base totals must agree with fleetwatt's (scripts/bench-peer, the test).
HEADLINE = ["facility_energy_mwh", "it_energy_mwh", "peak_facility_mw", "pue", "water_onsite_m3",
            "water_onsite_consumption_m3", "carbon_location_tco2e", "carbon_market_tco2e", "electricity_cost_usd"]


# ----------------------------------------------------------------------------------------------
# Units: a field's name suffix fixes its canonical unit (as fleetwatt's Units.swift); other fields
# take their numbers as written.
# ----------------------------------------------------------------------------------------------

SUFFIXES = [("_usd_per_kwh", "price"), ("_kg_per_kwh", "mass/energy"), ("_l_per_kwh", "volume/energy"),
            ("_fraction", "fraction"), ("_years", "years"), ("_hours", "hours"), ("_kwh", "kWh"),
            ("_mwh", "MWh"), ("_wh", "Wh"), ("_usd", "money"), ("_kw", "kW"), ("_mw", "MW"), ("_m3", "m3"),
            ("_kg", "kg"), ("_w", "W"), ("_c", "temperature"), ("_t", "t"), ("_l", "L")]
DIFFERENCE_TOKENS = {"approach", "range", "delta", "difference", "diff", "rise", "lift", "amplitude", "swing", "sd", "dt"}
# (scale, offset) to the canonical unit of each dimension, for the spellings the shipped files use and a few more.
UNIT_FACTORS = {
    "price": {"USD/kWh": 1, "$/kWh": 1, "USD/MWh": 1e-3, "$/MWh": 1e-3, "cents/kWh": 0.01, "¢/kWh": 0.01},
    "mass/energy": {"kg/kWh": 1, "g/kWh": 1e-3, "kg/MWh": 1e-3, "t/MWh": 1},
    "volume/energy": {"L/kWh": 1, "L/MWh": 1e-3, "m3/MWh": 1},
    "fraction": {"fraction": 1, "1": 1, "%": 0.01, "percent": 0.01},
    "years": {"years": 1, "year": 1, "yr": 1, "y": 1, "months": 1 / 12},
    "hours": {"hours": 1, "hour": 1, "h": 1, "hr": 1, "days": 24, "day": 24, "d": 24},
    "kWh": {"kWh": 1, "MWh": 1e3, "Wh": 1e-3}, "MWh": {"MWh": 1, "kWh": 1e-3, "GWh": 1e3},
    "Wh": {"Wh": 1, "kWh": 1e3}, "money": {"USD": 1, "$": 1, "MUSD": 1e6, "BUSD": 1e9},
    "kW": {"kW": 1, "W": 1e-3, "MW": 1e3}, "MW": {"MW": 1, "kW": 1e-3}, "m3": {"m3": 1, "L": 1e-3},
    "kg": {"kg": 1, "g": 1e-3, "t": 1e3}, "W": {"W": 1, "kW": 1e3, "MW": 1e6}, "t": {"t": 1, "kg": 1e-3},
    "L": {"L": 1, "m3": 1e3}, "temperature": {"°C": 1, "C": 1, "degC": 1},
}


def unit_conversion(field: str, unit) -> tuple[float, float]:
    """(scale, offset) taking a value written in `unit` to the canonical unit of `field`."""
    dim = next((d for s, d in SUFFIXES if field.endswith(s) and len(field) > len(s)), None)
    if dim is None or unit is None:
        return 1.0, 0.0
    u = str(unit).replace("CO2e", "").replace(" ", "").replace("m³", "m3")
    if dim == "temperature":
        diff = any(t in DIFFERENCE_TOKENS for t in field.split("_"))
        if u in ("°C", "C", "degC", "K", "Δ°C", "ΔK") and (diff or u != "K"):
            return 1.0, 0.0
        if u == "K":
            return 1.0, -KELVIN
        if u in ("°F", "F", "degF"):
            return (5 / 9, 0.0) if diff else (5 / 9, -32 * 5 / 9)
    elif u in UNIT_FACTORS[dim]:
        return float(UNIT_FACTORS[dim][u]), 0.0
    raise ValueError(f"{field}: unit {unit!r} is not converted by this peer")


# ----------------------------------------------------------------------------------------------
# Scenario: YAML files, the resolved tree, parameter leaves and distributions
# ----------------------------------------------------------------------------------------------

def default_models_dir() -> str:
    for d in (os.environ.get("FLEETWATT_MODELS"), "models"):
        if d and os.path.isdir(d):
            return d
    sys.exit("numpy_peer: no models directory found; pass --models DIR")


def _merge(base, over):
    """Deep merge as ScenarioResolver does: mappings key by key, a parameter leaf replaced whole."""
    if over is None:
        return base
    if not (isinstance(base, dict) and isinstance(over, dict)) or is_leaf(base) or is_leaf(over):
        return over
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if k in out else v
    return out


def is_leaf(node) -> bool:
    return isinstance(node, dict) and any(k in node for k in ("value", "base", "dist", "values"))


def _named(models: str, file: str, section: str, node, key: str):
    """A block naming a workload profile or cooling design (`key: id`) merged over that named
    block of models/workloads.yaml or models/cooling.yaml, as ScenarioResolver does."""
    if not isinstance(node, dict) or key not in node:
        return node
    with open(os.path.join(models, file)) as f:
        return _merge(yaml.safe_load(f)[section][node[key]], node)


def resolve_scenario(models: str, scenario_path: str) -> dict:
    """The scenario with the hardware (also refresh targets), sites and grids it refers to, and
    the workload profiles and cooling designs they name."""
    with open(scenario_path) as f:
        sc = yaml.safe_load(f)
    for c in sc["fleet"]["cohorts"].values():
        c["workload"] = _named(models, "workloads.yaml", "workloads", c.get("workload"), "profile")
    with open(os.path.join(models, "hardware.yaml")) as f:
        catalog = yaml.safe_load(f)["hardware"]
    cohorts = sc["fleet"]["cohorts"]
    hw_ids = list(dict.fromkeys(h for c in cohorts.values() for h in (c["hardware"], c.get("refresh_to")) if h))
    site_ids = list(dict.fromkeys(c["site"] for c in cohorts.values()))
    tree = dict(sc)
    tree["hardware"] = {h: _merge(catalog[h], (sc.get("hardware") or {}).get(h)) for h in hw_ids}
    sites = {}
    for s in site_ids:
        with open(os.path.join(models, "sites", f"{s}.yaml")) as f:
            sites[s] = _merge(yaml.safe_load(f)["sites"][s], (sc.get("sites") or {}).get(s))
        sites[s]["cooling"] = _named(models, "cooling.yaml", "cooling_designs", sites[s].get("cooling"), "design")
    tree["sites"] = sites
    grids = {}
    for g in dict.fromkeys(s["grid"] for s in sites.values()):
        with open(os.path.join(models, "grids", f"{g}.yaml")) as f:
            grids[g] = _merge(yaml.safe_load(f)["grids"][g], (sc.get("grids") or {}).get(g))
    tree["grids"] = grids
    return tree


class Dist:
    """A distribution in fleetwatt's syntax with a vectorised inverse CDF from scipy.stats."""
    _re = re.compile(r"^\s*([a-z]+)\s*\((.*)\)\s*$")

    def __init__(self, text: str):
        m = self._re.match(text)
        if not m:
            raise ValueError(f"cannot parse distribution {text!r}")
        self.family, body = m.group(1), m.group(2)
        self.text = text
        if self.family == "choice":
            vals, wts = [], []
            for part in body.split(","):
                v, _, w = part.partition(":")
                vals.append(float(v)); wts.append(float(w) if w.strip() else 1.0)
            order = np.argsort(vals, kind="stable")
            self.values = np.asarray(vals)[order]
            self.cum = np.cumsum(np.asarray(wts)[order])
            self.frozen = None
            self.base = float(self.values[np.argmax(np.asarray(wts)[order])])
            return
        p = [float(x) for x in body.split(",")]
        f = self.family
        if f == "uniform":
            self.frozen = stats.uniform(loc=p[0], scale=p[1] - p[0])
            self.base = (p[0] + p[1]) / 2
        elif f == "triangular":
            a, m_, b = p
            self.frozen = stats.triang(c=(m_ - a) / (b - a), loc=a, scale=b - a)
            self.base = m_
        elif f == "pert":                       # Beta-PERT, lambda = 4
            a, m_, b = p
            self.frozen = stats.beta(1 + 4 * (m_ - a) / (b - a), 1 + 4 * (b - m_) / (b - a), loc=a, scale=b - a)
            self.base = m_
        elif f == "normal":
            self.frozen = stats.norm(loc=p[0], scale=p[1])
            self.base = p[0]
        elif f == "truncnormal":
            mu, sd, a, b = p
            self.frozen = stats.truncnorm((a - mu) / sd, (b - mu) / sd, loc=mu, scale=sd)
            self.base = float(self.frozen.mean())
        elif f == "lognormal":                  # ln X ~ N(ln median, sigma)
            self.frozen = stats.lognorm(s=p[1], scale=p[0])
            self.base = p[0]
        elif f == "beta":
            al, be, a, b = p
            self.frozen = stats.beta(al, be, loc=a, scale=b - a)
            self.base = float(self.frozen.mean())
        else:
            raise ValueError(f"unknown distribution family {f!r}")

    def ppf(self, u):
        if self.frozen is None:
            idx = np.searchsorted(self.cum, np.asarray(u) * self.cum[-1], side="left")
            return self.values[np.minimum(idx, len(self.values) - 1)]
        return self.frozen.ppf(u)


class Inputs:
    """Every numeric leaf of the resolved tree by dotted path, in its field's canonical unit;
    the uncertain ones in document order."""

    def __init__(self, tree: dict):
        self.fixed: dict[str, object] = {}
        self.base: dict[str, float] = {}
        self.dists: dict[str, Dist] = {}
        self.conv: dict[str, tuple[float, float]] = {}
        self.uncertain: list[str] = []
        self.text: dict[str, object] = {}
        for key in tree:
            if key in ("schema", "id", "title", "description", "correlations"):
                continue
            self._walk(tree[key], key)
        self.correlations = [(c["paths"][0], c["paths"][1], float(c["rho"])) for c in tree.get("correlations") or []]

    def _walk(self, node, path):
        if is_leaf(node):
            a, b = unit_conversion(path.rsplit(".", 1)[-1], node.get("unit"))
            if "values" in node:
                self.fixed[path] = a * np.asarray(node["values"], dtype=float) + b
            elif "dist" in node:
                d = Dist(node["dist"])
                self.dists[path] = d
                self.conv[path] = (a, b)
                self.uncertain.append(path)
                self.base[path] = a * (float(node["base"]) if "base" in node else d.base) + b
            else:
                self.fixed[path] = a * float(node["value"] if "value" in node else node["base"]) + b
        elif isinstance(node, dict):
            for k, v in node.items():
                self._walk(v, f"{path}.{k}")
        elif isinstance(node, bool) or isinstance(node, str) or node is None:
            self.text[path] = node
        elif isinstance(node, (int, float)):
            self.fixed[path] = float(node)

    def set(self, path: str, text: str):
        """--set PATH=VALUE: a number or a string fixes the input (its correlations are dropped);
        a distribution such as 'triangular(1, 2, 3)' makes it uncertain, in the field's unit."""
        for d in (self.fixed, self.base, self.dists, self.text, self.conv):
            d.pop(path, None)
        if path in self.uncertain:
            self.uncertain.remove(path)
            self.correlations = [c for c in self.correlations if path not in c[:2]]
        if Dist._re.match(text):
            self.dists[path], self.conv[path] = Dist(text), (1.0, 0.0)
            self.base[path] = self.dists[path].base
            self.uncertain.append(path)
            return
        try:
            self.fixed[path] = float(text)
        except ValueError:
            self.text[path] = {"true": True, "false": False}.get(text, text)

    def sample(self, n: int, seed: int) -> np.ndarray:
        """n points of the uncertain inputs (n x d): pseudo-random u, a Gaussian copula over the
        correlated ones (Pearson 2 sin(pi rho_s / 6), Cholesky), x_j = F_j^-1(u_j)."""
        d = len(self.uncertain)
        u = np.random.default_rng(seed).random((n, d))
        index = {p: j for j, p in enumerate(self.uncertain)}
        corr = sorted({index[a] for a, b, _ in self.correlations} | {index[b] for a, b, _ in self.correlations})
        if corr:
            pos = {j: k for k, j in enumerate(corr)}
            c = np.eye(len(corr))
            for a, b, rho in self.correlations:
                i, k = pos[index[a]], pos[index[b]]
                c[i, k] = c[k, i] = 2 * math.sin(math.pi * rho / 6)
            chol = np.linalg.cholesky(c)
            z = special.ndtri(u[:, corr]) @ chol.T
            eps = np.finfo(float).eps
            u[:, corr] = np.clip(special.ndtr(z), eps, 1 - eps)
        x = np.empty_like(u)
        for j, p in enumerate(self.uncertain):
            a, b = self.conv[p]
            x[:, j] = a * self.dists[p].ppf(u[:, j]) + b
        return x


class Values:
    """Input values for a chunk of S samples: uncertain paths as arrays (S,), fixed ones as floats."""

    def __init__(self, inputs: Inputs, sampled: np.ndarray | None):
        self.inputs = inputs
        self.S = 1 if sampled is None else sampled.shape[0]
        self.over = {}
        for j, p in enumerate(inputs.uncertain):
            self.over[p] = np.full(1, inputs.base[p]) if sampled is None else sampled[:, j]

    def __getitem__(self, path):
        if path in self.over:
            return self.over[path]
        if path in self.inputs.fixed:
            return self.inputs.fixed[path]
        if path in self.inputs.text:
            return self.inputs.text[path]
        raise KeyError(path)

    def get(self, path, default=None):
        try:
            return self[path]
        except KeyError:
            return default

    def has(self, path) -> bool:
        return path in self.over or path in self.inputs.fixed or path in self.inputs.text

    def varies(self, prefix: str) -> bool:
        return any(p.startswith(prefix) for p in self.over)

    def vec(self, path, default=None):
        """The value as an array of shape (S,)."""
        v = self.get(path, default)
        return np.broadcast_to(np.asarray(v, dtype=float), (self.S,))


# ----------------------------------------------------------------------------------------------
# Calendar (TermCalendar): UTC hours from 00:00 of the first day, months, hour of year
# ----------------------------------------------------------------------------------------------

def is_leap(y):
    return (y % 4 == 0 and y % 100 != 0) or y % 400 == 0


def days_in(y, m):
    return 29 if m == 2 and is_leap(y) else (28 if m == 2 else (30 if m in (4, 6, 9, 11) else 31))


def day_of_year(y, m, d):
    return sum(days_in(y, k) for k in range(1, m)) + d


def days_from_civil(y0, m, d):
    y = y0 - 1 if m <= 2 else y0
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


class Calendar:
    def __init__(self, start: str, months: int):
        y, m, d = (int(x) for x in start.split("-"))
        self.start = (y, m, d)
        self.months = months
        self.labels, starts, hoy, leap = [], [], [], []
        hour = 0
        for k in range(months):
            self.labels.append((y, m))
            starts.append(hour)
            first = d if k == 0 else 1
            doy0 = day_of_year(y, m, first) - 1
            n = days_in(y, m) - first + 1
            hoy.append(np.arange(doy0 * 24, (doy0 + n) * 24, dtype=np.int64))
            leap.append(is_leap(y))
            hour += n * 24
            m += 1
            if m > 12:
                m, y = 1, y + 1
        starts.append(hour)
        self.H = hour
        self.month_start = np.asarray(starts)
        self.month_hours = np.diff(self.month_start)
        self.starts = self.month_start[:-1]
        self.month_index = np.repeat(np.arange(months), self.month_hours)
        self.hour_of_year = np.concatenate(hoy)
        self.leap_hour = np.repeat(np.asarray(leap), self.month_hours)
        self.hour_of_day = np.arange(self.H) % 24          # the term starts at midnight
        self.years = np.asarray([lab[0] for lab in self.labels])
        self.year_starts = np.flatnonzero(np.r_[True, self.years[1:] != self.years[:-1]])
        # mid-month fractional year, for the grid trajectories
        self.t_mid = np.asarray([yy + (mm - 0.5) / 12 for yy, mm in self.labels])
        self.month_of_year = np.asarray([mm for _, mm in self.labels])

    def hour_of(self, date: str) -> float:
        y, m, d = (int(x) for x in date.split("-"))
        return float((days_from_civil(y, m, d) - days_from_civil(*self.start)) * 24)

    def typical_hours(self, utc_offset: int):
        """Local typical-year hour (a leap day repeats 28 February) and local hour of day."""
        hoy = self.hour_of_year - np.where(self.leap_hour & (self.hour_of_year >= 59 * 24), 24, 0)
        return (hoy + utc_offset) % TYPICAL_HOURS, (self.hour_of_day + utc_offset) % 24


# ----------------------------------------------------------------------------------------------
# Steffen interpolation (GSL gsl_interp_steffen), vectorised along the last axis
# ----------------------------------------------------------------------------------------------

def steffen(x, y):
    """Coefficients (x, a, b, c, d) of GSL's Steffen interpolant through (x, y) along the last axis."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    h = np.diff(x, axis=-1)
    s = np.diff(y, axis=-1) / h
    yp = np.empty(np.broadcast_shapes(x.shape, y.shape))
    yp[..., 0] = s[..., 0]
    sim1, si, him1, hi = s[..., :-1], s[..., 1:], h[..., :-1], h[..., 1:]
    p = (sim1 * hi + si * him1) / (him1 + hi)
    sign = lambda v: np.where(v < 0, -1.0, 1.0)          # steffen_copysign(1, v)
    yp[..., 1:-1] = (sign(sim1) + sign(si)) * np.minimum(np.abs(sim1), np.minimum(np.abs(si), 0.5 * np.abs(p)))
    yp[..., -1] = s[..., -1]
    a = (yp[..., :-1] + yp[..., 1:] - 2 * s) / h / h
    b = (3 * s - 2 * yp[..., :-1] - yp[..., 1:]) / h
    return x, a, b, yp[..., :-1], y[..., :-1]


def steffen_eval(coef, t):
    """Evaluate at t; x shared (1-D) or one row per sample (x (S, n), t (S, m))."""
    x, a, b, c, d = coef
    n = x.shape[-1]
    if x.ndim == 1:
        i = np.clip(np.searchsorted(x, t, side="right") - 1, 0, n - 2)
        dx = t - x[i]
        return d[i] + dx * (c[i] + dx * (b[i] + dx * a[i]))
    i = np.clip((x[:, None, :] <= t[:, :, None]).sum(-1) - 1, 0, n - 2)
    take = lambda v: np.take_along_axis(v, i, axis=1)
    dx = t - take(x)
    return take(d) + dx * (take(c) + dx * (take(b) + dx * take(a)))


def steffen_scalar(xs, ys):
    """A fast scalar evaluator (for the QAGS integrands)."""
    x, a, b, c, d = (list(v) for v in steffen(xs, ys))
    n = len(x)

    def f(t):
        i = min(max(bisect.bisect_right(x, t) - 1, 0), n - 2)
        dx = t - x[i]
        return d[i] + dx * (c[i] + dx * (b[i] + dx * a[i]))
    return f


# ----------------------------------------------------------------------------------------------
# Fleet side (§1): expected board power, cohort power by hour of day, deployment ramp
# ----------------------------------------------------------------------------------------------

TABLE_MEANS = 0.01 + 0.98 * np.arange(33) / 32
_TABLES: dict = {}


def beta_expectation(g, mu, kappa):
    """E[g(U)], U ~ Beta(mu kappa, (1 - mu) kappa), by QUADPACK QAGS (scipy.integrate.quad)."""
    al, be = mu * kappa, (1 - mu) * kappa
    inv_b = math.exp(math.lgamma(al + be) - math.lgamma(al) - math.lgamma(be))
    am1, bm1 = al - 1, be - 1
    val, _ = integrate.quad(lambda u: g(u) * (u ** am1) * ((1 - u) ** bm1) * inv_b, 0.0, 1.0,
                            epsabs=1e-9, epsrel=1e-9, limit=1000)
    return val


def expected_power_table(ufrac, pfrac, kappa):
    """T_kappa(mu) = E[S(U)]/TDP at 33 means by QAGS, as a Steffen interpolant; once per shape and kappa."""
    key = (tuple(ufrac), tuple(pfrac), float(kappa))
    if key not in _TABLES:
        shape = steffen_scalar(ufrac, pfrac)
        g = lambda u: shape(min(max(u, 0.0), 1.0))
        vals = [beta_expectation(g, mu, float(kappa)) for mu in TABLE_MEANS]
        _TABLES[key] = steffen(TABLE_MEANS, vals)
    return _TABLES[key]


def expected_board_power(hw, tdp, mu, kappa, iota, cap_w):
    """E[P_iota(U)] (W) for means mu (S, k): P0 + iota (T T_kappa(mu) - P0) from the shared table
    when the cap cannot bind, QAGS of the capped curve for each mean where it can. tdp, iota,
    cap_w: (S,); kappa a float (a sampled concentration goes through one table per sample)."""
    uf, pf = hw["ufrac"], hw["pfrac"]
    kappa = np.broadcast_to(np.asarray(kappa, dtype=float), tdp.shape)
    p0 = (pf[0] * tdp)[:, None]
    if np.all(kappa == kappa[0]):
        t = steffen_eval(expected_power_table(uf, pf, kappa[0]), np.clip(mu, TABLE_MEANS[0], TABLE_MEANS[-1]))
    else:
        t = np.stack([steffen_eval(expected_power_table(uf, pf, k), np.clip(m, TABLE_MEANS[0], TABLE_MEANS[-1]))
                      for k, m in zip(kappa, mu)])
    out = p0 + iota[:, None] * (tdp[:, None] * t - p0)
    peak = pf[0] * tdp + iota * (pf[-1] * tdp - pf[0] * tdp)
    binds = cap_w < peak
    for s in np.flatnonzero(binds):                               # rare: direct QAGS per mean
        shape = steffen_scalar(uf, [f * tdp[s] for f in pf])
        ps, io, cw, kk = pf[0] * tdp[s], iota[s], cap_w[s], kappa[s]
        g = lambda u: min(ps + io * (shape(min(max(u, 0.0), 1.0)) - ps), cw)
        out[s] = [beta_expectation(g, m, kk) for m in mu[s]]
    return out


def clamp_mean(mu):
    return np.clip(mu, 0.01, 0.99)


def unit_power_by_hour(V, pre, hw, S):
    """p(tau) of one serving unit at tau = d + 1/2, d = 0..23 (W), shape (S, 24): board (board-power
    or utilization route), host on the load, network and storage (CohortPowerModel)."""
    w, hp = pre + ".workload", hw["p"]
    phi = V.vec(w + ".training_fraction")
    tdp = V.vec(hp + ".tdp_w")
    pf = hw["pfrac"]
    h_idle = V.vec(hp + ".host_idle_w")
    h_slope = V.vec(hp + ".host_max_w") - h_idle
    cap = V.get(pre + ".power_cap_fraction")
    cap_w = tdp * (1.0 if cap is None else np.asarray(cap, dtype=float))
    p0 = pf[0] * tdp
    full = np.minimum(pf[-1] * tdp, cap_w)                       # dense GEMM at u = 1, capped

    def load_of_board(board, p0, full):          # x = (B - P0)/(P_full - P0) in [0, 1], the load a board power implies
        return np.where(full > p0, np.clip((board - p0) / np.where(full > p0, full - p0, 1.0), 0, 1), 1.0)

    board = np.zeros((S, 24))
    host = np.zeros((S, 24))
    if np.any(phi > 0):
        if V.has(w + ".training_board_power_fraction"):
            tb = np.clip(V.vec(w + ".training_board_power_fraction") * tdp, p0, full)
            th = h_idle + h_slope * load_of_board(tb, p0, full)
        else:
            mu_t = V.vec(w + ".training_utilization_fraction")
            tb = expected_board_power(hw, tdp, mu_t[:, None], V[w + ".training_concentration"],
                                      V.vec(w + ".training_intensity_fraction"), cap_w)[:, 0]
            th = h_idle + h_slope * mu_t
        board += np.where(phi > 0, phi * tb, 0.0)[:, None]
        host += np.where(phi > 0, phi * th, 0.0)[:, None]
    if np.any(phi < 1):
        amp = V.vec(w + ".inference_diurnal_amplitude_fraction")[:, None]
        peak_h = float(V[w + ".inference_peak_hour_utc"])
        tau = np.arange(24) + 0.5
        cycle = 1 + amp * np.cos(2 * np.pi * (tau[None, :] - peak_h) / 24)
        if V.has(w + ".inference_board_power_fraction"):
            f = V.vec(w + ".inference_board_power_fraction")[:, None]
            ib = np.clip(p0[:, None] + (f * tdp[:, None] - p0[:, None]) * cycle, p0[:, None], full[:, None])
            ih = h_idle[:, None] + h_slope[:, None] * load_of_board(ib, p0[:, None], full[:, None])
        else:
            mu_i = V.vec(w + ".inference_utilization_fraction")
            a = amp[:, 0]
            lo, hi = clamp_mean(mu_i * (1 - a)), clamp_mean(mu_i * (1 + a))
            flat = hi - lo < 1e-9
            hi_g = np.where(flat, lo + 1e-3, hi)
            grid = lo[:, None] + (hi_g - lo)[:, None] * (np.arange(17) / 16)[None, :]        # 17 means per sample
            kap, io = V[w + ".inference_concentration"], V.vec(w + ".inference_intensity_fraction")
            coef = steffen(grid, expected_board_power(hw, tdp, grid, kap, io, cap_w))
            mu = clamp_mean(mu_i[:, None] * cycle)
            ib = steffen_eval(coef, np.clip(mu, grid[:, :1], grid[:, -1:]))
            if flat.any():
                ib = np.where(flat[:, None], expected_board_power(hw, tdp, lo[:, None], kap, io, cap_w), ib)
            ih = h_idle[:, None] + h_slope[:, None] * mu
        keep = (phi < 1)[:, None]
        board += np.where(keep, (1 - phi)[:, None] * ib, 0.0)
        host += np.where(keep, (1 - phi)[:, None] * ih, 0.0)
    return board + host + V.vec(hp + ".network_w")[:, None] + V.vec(hp + ".storage_w")[:, None]


class Ramp:
    """D(h + 1/2) over the term, units-in-service-hours per month and D at each month end."""

    def __init__(self, cal: Calendar, start, end, shape, k, life_h, refresh):
        def deployed(t):
            x = (t - start) / (end - start)
            if shape == "linear":
                r = x
            else:
                lo = 1 / (1 + math.exp(k / 2))
                span = 1 / (1 / (1 + math.exp(-k / 2)) - lo)
                r = (1 / (1 + np.exp(-k * (x - 0.5))) - lo) * span
            return np.where(t <= start, 0.0, np.where(t >= end, 1.0, r))

        def in_service(t):
            return deployed(t) if refresh else deployed(t) - deployed(t - life_h)
        with np.errstate(over="ignore"):
            self.D = in_service(np.arange(cal.H) + 0.5)
            self.at_month_end = in_service(cal.month_start[1:].astype(float))
        self.unit_hours = np.add.reduceat(self.D, cal.starts)


# ----------------------------------------------------------------------------------------------
# Weather (§2.1): typical year synthesised from monthly normals
# ----------------------------------------------------------------------------------------------

MONTH_EDGES = np.r_[0, np.cumsum([days_in(2001, m) for m in range(1, 13)])] / 365
MONTH_MIDS = (MONTH_EDGES[:-1] + MONTH_EDGES[1:]) / 2
ASHRAE = np.array([0.87, 0.92, 0.96, 0.99, 1.00, 0.98, 0.93, 0.84, 0.71, 0.56, 0.39, 0.23,
                   0.11, 0.03, 0.00, 0.03, 0.10, 0.21, 0.34, 0.47, 0.58, 0.68, 0.76, 0.82])
CYC1 = np.array([31, 43, 53, 67, 83, 101, 127.0])
CYC2 = np.array([37, 47, 59, 73, 89, 109, 131.0])
PH1 = 2 * np.pi * np.mod(0.618034 * np.arange(1, 8) + 0.13, 1)
PH2 = 2 * np.pi * np.mod(0.754878 * np.arange(1, 8) + 0.41, 1)
SKEW_K = 0.4
SKEW_S = math.sqrt((math.exp(SKEW_K ** 2) - 1) * math.exp(SKEW_K ** 2)) / SKEW_K


def _amp(cycles):
    x = np.pi * 24 * cycles / 8760
    return 1 / math.sqrt(np.sum(0.5 * (np.sin(x) / x) ** 2))


AMP1, AMP2 = _amp(CYC1), _amp(CYC2)


def mean_preserving_series(monthly):
    """Node values at mid-month of the periodic piecewise-linear curve with the given monthly means."""
    a = np.zeros((12, 12))
    c = MONTH_MIDS
    for m in range(12):
        lo, hi = MONTH_EDGES[m], MONTH_EDGES[m + 1]
        prev = c[11] - 1 if m == 0 else c[m - 1]
        nxt = c[0] + 1 if m == 11 else c[m + 1]
        l1, w1 = c[m] - lo, ((lo + c[m]) / 2 - prev) / (c[m] - prev)
        l2, w2 = hi - c[m], ((c[m] + hi) / 2 - c[m]) / (nxt - c[m])
        a[m, (m + 11) % 12] += l1 * (1 - w1) / (hi - lo)
        a[m, m] += (l1 * w1 + l2 * (1 - w2)) / (hi - lo)
        a[m, (m + 1) % 12] += l2 * w2 / (hi - lo)
    return np.linalg.solve(a, np.asarray(monthly, dtype=float))


def seasonal(v, tau):
    u = tau - np.floor(tau)
    xs = np.r_[MONTH_MIDS[11] - 1, MONTH_MIDS, MONTH_MIDS[0] + 1]
    ys = np.r_[v[11], v, v[0]]
    return np.interp(u, xs, ys)


def noise(cycles, phases, amp, t):
    return amp * np.sin(2 * np.pi * cycles[None, :] * t[:, None] / 8760 + phases[None, :]).sum(axis=1)


def saturation_hpa(t):
    return 6.112 * np.exp(17.62 * t / (243.12 + t))


def wet_bulb(t, td, p):
    """Psychrometer equation e(T_d) = e_s(T_w) - A p (T - T_w), Newton's method (at most 8 steps)."""
    tdc = np.minimum(td, t)
    e = saturation_hpa(tdc)
    tw = tdc + 0.35 * (t - tdc)
    active = np.ones(t.shape, dtype=bool)
    for _ in range(8):
        x, tt = tw[active], t[active]
        a = 6.53e-4 * (1 + 0.000944 * x)
        es = saturation_hpa(x)
        f = es - a * p * (tt - x) - e[active]
        df = es * 17.62 * 243.12 / (243.12 + x) ** 2 + a * p - 6.53e-4 * 0.000944 * p * (tt - x)
        step = f / df
        tw[active] = x - step
        idx = np.flatnonzero(active)
        active[idx[np.abs(step) < 1e-7]] = False
        if not active.any():
            break
    return np.minimum(np.maximum(tw, tdc), t)


def synthesise_weather(cl: dict):
    """Dry and wet bulb (°C) of every hour of the typical year, at mid-hour."""
    rho = max(-1.0, min(1.0, cl["rho"]))
    sd, sdd = mean_preserving_series(cl["sd"]), mean_preserving_series(cl["sd_dew"])
    t = np.arange(TYPICAL_HOURS) + 0.5
    tau = t / 8760
    n1, n2 = noise(CYC1, PH1, AMP1, t), noise(CYC2, PH2, AMP2, t)
    skew = lambda z: (1 - np.exp(-SKEW_K * z)) / (SKEW_K * SKEW_S)
    dep = skew(rho * n1 + math.sqrt(1 - rho * rho) * n2)
    starts = np.rint(MONTH_EDGES[:-1] * 8760).astype(int)
    lens = np.diff(np.rint(MONTH_EDGES * 8760).astype(int))
    n_dry = np.add.reduceat(np.maximum(seasonal(sd, tau), 0) * n1, starts) / lens
    n_dew = np.add.reduceat(np.maximum(seasonal(sdd, tau), 0) * dep, starts) / lens
    dry_mean = mean_preserving_series(np.asarray(cl["dry"]) - n_dry)
    dew_mean = mean_preserving_series(np.asarray(cl["dew"]) - n_dew)
    rng = mean_preserving_series(cl["range"])
    h = np.arange(24)
    ak = [np.sum(ASHRAE * np.cos(2 * np.pi * k * (h + 1) / 24)) / 12 for k in (1, 2, 3)]
    bk = [np.sum(ASHRAE * np.sin(2 * np.pi * k * (h + 1) / 24)) / 12 for k in (1, 2, 3)]
    fmean = ASHRAE.sum() / 24
    day = 2 * np.pi * t / 24
    f = sum(ak[k] * np.cos((k + 1) * day) + bk[k] * np.sin((k + 1) * day) for k in range(3))
    db = seasonal(dry_mean, tau) + seasonal(rng, tau) * (0.5 - fmean - f) + np.maximum(seasonal(sd, tau), 0) * n1
    dp = np.minimum(seasonal(dew_mean, tau) + np.maximum(seasonal(sdd, tau), 0) * dep, db)
    p = 1013.25 * (1 - 2.25577e-5 * cl["elev"]) ** 5.2559
    return db, wet_bulb(db, dp, p)


_WEATHER: dict = {}


def site_weather(V, sp):
    """(db, wb, e_s(wb), p): dry and wet bulb (°C) and e_s at the wet bulb (hPa) of each typical hour,
    and the station pressure (hPa), synthesised once per set of climate inputs (cached)."""
    c = sp + ".climate"
    keys = dict(dry=".dry_bulb_mean_c", range=".daily_range_c", dew=".dew_point_mean_c", sd=".daily_sd_c",
                sd_dew=".dew_point_daily_sd_c", rho=".dew_point_correlation", elev=".elevation_m")
    if V.get(c + ".weather_file"):
        raise NotImplementedError("weather files (TMY3/EPW) are not read by this peer")
    if V.varies(c):
        raise NotImplementedError(f"{c}: sampled climate inputs are not supported by this peer")
    vals = {k: V[c + s] for k, s in keys.items()}
    key = tuple(np.asarray(v, dtype=float).tobytes() for v in vals.values())
    if key not in _WEATHER:
        db, wb = synthesise_weather(vals)
        p = 1013.25 * (1 - 2.25577e-5 * float(vals["elev"])) ** 5.2559
        _WEATHER[key] = (db, wb, saturation_hpa(wb), p)
    return _WEATHER[key]


# ----------------------------------------------------------------------------------------------
# Cooling plant (§3, §5): the weather-dependent coefficients of every typical hour, per sample
# ----------------------------------------------------------------------------------------------

def hfg(t):
    """Latent heat of vaporisation, J/kg (Rogers & Yau)."""
    return 2.501e6 - 2361 * t


def humidity_ratio(e, p):
    return 0.621945 * e / (p - e)


def psychrometer_humidity(db, wb, p, es):
    """Humidity ratio from dry and wet bulb (the psychrometer equation), kg/kg."""
    e = np.maximum(es - 6.53e-4 * (1 + 0.000944 * wb) * p * (db - wb), 0.0)
    return humidity_ratio(e, p)


def enthalpy(t, w):
    return 1.006 * t + w * (2501 + 1.86 * t)


def tower_evaporated_fraction(db, wb, es, p, lg, r):
    """Latent share of a tower's heat: air in at (T, T_w), out saturated with enthalpy raised by
    (L/G) c_pw range; Newton on the exit temperature (at most 20 steps), capped to [0, 1]."""
    w_in = psychrometer_humidity(db, wb, p, es)
    dh = lg * 4.186 * r
    h_out = enthalpy(db, w_in) + dh
    shape = np.broadcast_shapes(np.shape(db), np.shape(dh))
    h_out, te = np.broadcast_to(h_out, shape).copy(), np.broadcast_to(wb + 0.5 * r, shape).copy()
    active = np.ones(shape, dtype=bool)
    for _ in range(20):
        x, ho = te[active], h_out[active]
        f = enthalpy(x, humidity_ratio(saturation_hpa(x), p)) - ho
        d = (enthalpy(x + 0.01, humidity_ratio(saturation_hpa(x + 0.01), p)) - ho - f) / 0.01
        step = f / d
        te[active] = x - step
        idx = np.flatnonzero(active.ravel())
        active.ravel()[idx[np.abs(step) < 1e-6]] = False
        if not active.any():
            break
    w_out = humidity_ratio(saturation_hpa(te), p)
    return np.clip(hfg(te) / 1000 * (w_out - w_in) / dh, 0.0, 1.0)


SHUT = 1000.0                    # economizer closed: the chiller carries the whole loop


class Plant:
    """A site's cooling design for S samples (CoolingPlant + HourPhysics): per-sample constants
    (arrays (S,) or floats) and the coefficients of every typical hour, (S or 1, 8761) with a
    last all-zero column that the padding slots read."""

    def __init__(self, V, sp, weather):
        c = sp + ".cooling."
        vec = lambda k, d: V.vec(c + k, d) if V.get(c + k) is not None else np.full(V.S, float(d))
        ctype = self.type = V[c + "type"]
        self.outside_air = oa = ctype == "irhx-outside-air"
        self.to_hall = oa
        towers = ctype in ("liquid-tower", "air-chiller-economizer")
        ace = ctype == "air-chiller-economizer"
        approach = np.zeros(V.S) if oa else vec("approach_c", 0.0)
        hx = np.zeros(V.S) if oa else vec("hx_approach_c", 0.0)
        offset, ea = vec("condensing_approach_c", 0.0), vec("evaporator_approach_c", 0.0)
        self.eta, self.cop_max = vec("chiller_eta", 0.5), vec("chiller_cop_max", 10.0)
        self.units = np.maximum(vec("chiller_units", 1.0), 1.0)
        chw, chw_dt = vec("chilled_water_supply_c", 18.0), vec("chilled_water_delta_t_c", 6.0)
        supply_air, hall_dt = vec("supply_air_c", 27.0), vec("hall_air_delta_t_c", 12.0)
        self.air_supply = supply_air if oa else chw
        self.inv_air_dt = 1 / (hall_dt if oa else chw_dt)
        opt = lambda k, d: V.vec(c + k) if V.get(c + k) is not None else d
        self.liq_supply = self.air_supply if (ace or oa) else opt("liquid_supply_c", chw)
        self.inv_liq_dt = self.inv_air_dt if (ace or oa) else 1 / opt("liquid_delta_t_c", chw_dt)
        self.te_l, self.te_a = self.liq_supply - ea, self.air_supply - ea
        self.eta_te_l, self.eta_te_a = self.eta * (self.te_l + KELVIN), self.eta * (self.te_a + KELVIN)
        cycles = vec("cycles_of_concentration", 5.0)
        self.min_speed = vec("min_speed_fraction", 0.2)
        self.exponent = vec("part_load_exponent", 3.0)
        self.approach_exponent = np.zeros(V.S) if oa else vec("approach_flow_exponent", 0.0)
        self.approach_design = approach
        self.heat_to_sink = 0.0 if oa else 1.0
        self.air_fan, self.liquid_pump = vec("air_fan_power_fraction", 0.0), vec("liquid_pump_power_fraction", 0.0)
        self.rejection = np.zeros(V.S) if oa else vec("heat_rejection_power_fraction", 0.0)
        # Weather-dependent coefficients of each typical hour (CoolingPlant.coefficients).
        db, wb, es, p = weather
        s2 = lambda v: v[:, None]
        if oa:
            ret = s2(supply_air + hall_dt)
            mdp = V.get(c + "min_dew_point_c")
            min_w = s2(humidity_ratio(saturation_hpa(V.vec(c + "min_dew_point_c")), p)) if mdp is not None else 0.0
            mixed = db[None, :] <= s2(supply_air)
            closed = db[None, :] > ret
            w = psychrometer_humidity(db, wb, p, es)[None, :]
            humid = 3600 * np.maximum(min_w - w, 0.0) / (1006 * s2(hall_dt))
            leave = np.maximum(db - s2(vec("adiabatic_effectiveness_fraction", 0.0)) * (db - wb), s2(supply_air))
            media = 3600 * (db - leave) / (s2(hall_dt) * hfg(wb))
            econ = np.where(mixed, db, np.where(closed, SHUT, leave))
            cond = db + s2(offset) + np.zeros_like(econ)
            consumed = np.where(mixed, humid, np.where(closed, 0.0, media))
            withdrawn = consumed * s2(cycles) / (s2(cycles) - 1)
        elif towers:
            fe = tower_evaporated_fraction(db, wb, es, p, s2(vec("tower_liquid_gas_ratio", 1.2)), s2(vec("tower_range_c", 5.0)))
            evap = fe / hfg(wb + s2(approach))
            drift = s2(vec("drift_fraction", 0.0) / (4186 * vec("tower_range_c", 5.0)))
            blow = np.maximum(evap / (s2(cycles) - 1) - drift, 0.0)
            consumed, withdrawn = 3600 * (evap + drift), 3600 * (evap + drift + blow)
            econ, cond = wb + s2(hx) + np.zeros_like(consumed), wb + s2(offset) + np.zeros_like(consumed)
        else:                                                   # dry coolers with adiabatic pads
            on, eff = s2(vec("adiabatic_above_c", np.inf)), s2(vec("adiabatic_effectiveness_fraction", 0.0))
            wet = (db > on) & (eff > 0)
            t = np.where(wet, db - eff * (db - wb), db)
            consumed = np.where(wet, 3600 * eff * (db - wb) / (s2(vec("dry_cooler_air_delta_t_c", 10.0)) * hfg(wb)), 0.0)
            withdrawn = consumed * s2(cycles) / (s2(cycles) - 1)
            econ, cond = t + s2(hx), t + s2(offset)
        pad = lambda a: np.concatenate([a, np.zeros((a.shape[0], 1))], axis=1)
        self.econ, self.cond, self.consumed, self.withdrawn = (pad(np.atleast_2d(a)) for a in (econ, cond, consumed, withdrawn))


PL_STEPS, PL_XMAX = 512, 2.0


def part_load_table(xmin, n):
    """max(x, x_min)^n at x = k * 2 / 512, k = 0..512, one row per sample (PartLoadTable)."""
    nodes = np.arange(PL_STEPS + 1) * PL_XMAX / PL_STEPS
    if np.all(xmin == xmin[0]) and np.all(n == n[0]):
        xmin, n = xmin[:1], n[:1]
    return np.power(np.maximum(nodes[None, :], xmin[:, None]), n[:, None]), xmin, n


def part_load(x, table, out, scratch):
    """Linear interpolation of max(x, x_min)^n in its table (exact at the nodes; the law itself
    above x = 2), as fleetwatt's hour loop reads it, into `out`. x: (S, ...); table from
    part_load_table; scratch: float, index and float buffers shaped like x."""
    tab, xmin, n = table
    u, i, lo = scratch
    np.maximum(x, 0.0, out=u)
    u *= PL_STEPS / PL_XMAX
    np.copyto(i, u, casting="unsafe")                        # truncation (u >= 0)
    np.minimum(i, PL_STEPS - 1, out=i)
    np.subtract(u, i, out=u)                                 # the fraction between nodes
    if tab.shape[0] > 1:
        i += (np.arange(tab.shape[0]) * (PL_STEPS + 1)).reshape((-1,) + (1,) * (x.ndim - 1))
    flat = tab.ravel()
    np.take(flat, i, out=lo)
    i += 1
    np.take(flat, i, out=out)
    out -= lo
    out *= u
    out += lo
    if x.max() >= PL_XMAX:
        b = (-1,) + (1,) * (x.ndim - 1)
        big = x >= PL_XMAX
        out[big] = np.power(np.maximum(x, xmin.reshape(b)), n.reshape(b))[big]
    return out


# ----------------------------------------------------------------------------------------------
# The model
# ----------------------------------------------------------------------------------------------

SLOTS = 31 * 24      # hours of the longest month: the hourly arrays are (samples, months, SLOTS), padded
EIR = (0.17149273, 0.58820208, 0.23737257)     # DOE-2 part-load curve of a centrifugal chiller


class Model:
    """The scenario resolved once; `evaluate` is one chunk of samples' worth of work.

    Hourly arrays are laid out as (samples, months, 744): every month starts at midnight and has
    whole days, so slot i of a month is hour of day i mod 24, and the per-month quantities
    (commissioned capacities and everything scaled by them) broadcast as (samples, months, 1)
    instead of being repeated hour by hour. The 1.8 % of padding slots (months shorter than 31 days)
    carry no IT load and are masked out of every sum and peak."""

    def __init__(self, models: str, scenario: str, overrides=()):
        t0 = time.perf_counter()
        self.tree = resolve_scenario(models, scenario)
        self.inputs = Inputs(self.tree)
        for o in overrides:
            path, _, text = o.partition("=")
            self.inputs.set(path.strip(), text.strip())
        txt, fixed = self.inputs.text, self.inputs.fixed
        term = self.tree["term"]
        cal = self.cal = Calendar(str(term["start"]), int(term["months"]))
        c = self.tree["contract"]["value_usd"]
        self.contract = float(c["value"] if isinstance(c, dict) else c)
        enabled = lambda name: txt.get(f"options.{name}.enabled", True) is not False
        # Cohorts: those of disabled options left out, generation refreshes written out (FleetSpec).
        self.cohorts = []
        for cid, spec in self.tree["fleet"]["cohorts"].items():
            pre = f"fleet.cohorts.{cid}"
            if txt.get(pre + ".option") and not enabled(txt[pre + ".option"]):
                continue
            co = dict(id=cid, pre=pre, hw=txt[pre + ".hardware"], site=txt[pre + ".site"],
                      refresh=bool(txt.get(pre + ".refresh", False)), life=None, delay=0.0)
            nxt, opt = txt.get(pre + ".refresh_to"), txt.get(pre + ".refresh_option")
            if nxt and not (opt and not enabled(opt)):
                life = fixed.get(f"hardware.{co['hw']}.useful_life_years", self.inputs.base.get(f"hardware.{co['hw']}.useful_life_years"))
                date = txt.get(pre + ".refresh_date")
                if date and cal.hour_of(date) > cal.hour_of(txt[pre + ".deploy_start"]):
                    life = (cal.hour_of(date) - cal.hour_of(txt[pre + ".deploy_start"])) / HOURS_PER_YEAR
                self.cohorts.append(dict(co, refresh=False, life=life))
                self.cohorts.append(dict(co, id=cid + "-refresh", hw=nxt, refresh=True, delay=life))
            else:
                self.cohorts.append(co)
        self.sites = list(dict.fromkeys(co["site"] for co in self.cohorts))
        slot = np.arange(SLOTS)
        real = slot[None, :] < cal.month_hours[:, None]
        self.mask = real.astype(float)                                  # (months, SLOTS)
        self.pad_idx = np.where(real, cal.month_start[:-1, None] + slot[None, :], 0)
        self.maps = {}
        for s in self.sites:
            th, lh = cal.typical_hours(int(self.inputs.fixed[f"sites.{s}.utc_offset_hours"]))
            # padding slots read an appended all-zero typical hour
            self.maps[s] = (np.where(real, th[self.pad_idx], TYPICAL_HOURS), lh[self.pad_idx])
        self._ramps, self._plants, self._buf = {}, {}, {}
        self.setup_s = time.perf_counter() - t0
        self.timers = {}

    def _tick(self, name, t0):
        t1 = time.process_time()
        self.timers[name] = self.timers.get(name, 0.0) + t1 - t0
        return t1

    def hardware(self, hid):
        p = f"hardware.{hid}"
        f = self.inputs.fixed
        return dict(p=p, ufrac=[float(x) for x in f[p + ".curve_utilization_fraction"]],
                    pfrac=[float(x) for x in f[p + ".curve_power_fraction"]], gpu=self.inputs.text[p + ".kind"] == "gpu")

    def ramp(self, V, co):
        """The cohort's ramp profile, built once per ramp (as fleetwatt reuses it across samples)."""
        cal, pre = self.cal, co["pre"]
        life = co["life"] if co["life"] is not None else float(V[f"hardware.{co['hw']}.useful_life_years"])
        delay = co["delay"] * HOURS_PER_YEAR
        key = (cal.hour_of(V[pre + ".deploy_start"]) + delay, cal.hour_of(V[pre + ".deploy_end"]) + delay,
               V.get(pre + ".ramp", "logistic"), float(V.get(pre + ".ramp_steepness", 10.0)),
               life * HOURS_PER_YEAR, co["refresh"])
        if key not in self._ramps:
            r = Ramp(cal, *key)
            r.D_pad = r.D[self.pad_idx] * self.mask
            self._ramps[key] = r
        return self._ramps[key]

    def buffers(self, S):
        """Named work arrays (rows, months, SLOTS), reused across chunks: fresh multi-megabyte
        temporaries for every operation would cost page faults on each."""
        def get(name, dtype=float, rows=None):
            key = (name, rows or S, dtype)
            if key not in self._buf:
                self._buf[key] = np.zeros((rows or S, self.cal.months, SLOTS), dtype=dtype)
            return self._buf[key]
        return get

    def plant(self, V, sp):
        """The site's plant; rebuilt per chunk only when one of its cooling inputs is sampled."""
        if V.varies(sp + ".cooling.") or V.varies(sp + ".climate."):
            return Plant(V, sp, site_weather(V, sp))
        if sp not in self._plants:
            self._plants[sp] = Plant(V, sp, site_weather(V, sp))
        return self._plants[sp]

    def grid(self, V, gp, S):
        """Monthly factors (S, months) of a grid: carbon, residual mix, tariff parts, settlement."""
        cal = self.cal
        t = cal.t_mid[None, :]
        v = lambda k, d=None: V.vec(gp + k, d)[:, None]
        ci = gp + ".carbon_intensity"
        ms = np.asarray(V.get(ci + ".monthly_shape", np.ones(12)), dtype=float)
        mshape = ms[cal.month_of_year - 1] / ms.mean() if ms.size == 12 and ms.mean() > 0 else np.ones(cal.months)
        trend = lambda y: np.power(1 + v(".carbon_intensity.annual_change"), t - (float(V[y]) + 0.5))
        g = {"ci": v(".carbon_intensity.base_kg_per_kwh") * mshape[None, :] * trend(ci + ".base_year"),
             "rm": v(".market.residual_mix_kg_per_kwh") * trend(gp + ".market.residual_mix_year"),
             "cfe": V.vec(gp + ".market.carbon_free_fraction"),
             "lrm": V.vec(ci + ".long_run_marginal_kg_per_kwh", 0.0),
             "wi": V.vec(gp + ".water_intensity_l_per_kwh")}
        hs = np.asarray(V.get(ci + ".hourly_shape", np.ones(24)), dtype=float)
        g["hs"] = hs / hs.mean() if hs.size == 24 and hs.mean() > 0 else np.ones(24)
        sup = V.get(gp + ".market.supply_hourly_shape")
        sup = None if sup is None else np.asarray(sup, dtype=float)
        g["supply"] = (g["cfe"][:, None] * sup[None, :] / sup.mean()) if sup is not None and sup.size == 24 and sup.mean() > 0 else None
        pr = gp + ".price"
        base_year = float(V[pr + ".base_year"])
        esc = lambda p, e, y: v(p, 0.0) * np.power(1 + v(e, 0.0), t - (float(V.get(y, base_year)) + 0.5))
        tariff = esc(".price.base_usd_per_kwh", ".price.annual_escalation", pr + ".base_year")
        share = v(".price.demand_share_fraction", 0.0)
        g["volumetric"] = (1 - share) * tariff
        g["demand"] = share * tariff * v(".price.reference_load_factor", 1.0) * cal.month_hours[None, :] \
            + v(".price.capacity_adder_usd_per_kw_month", 0.0)
        strike = esc(".price.ppa_usd_per_kwh", ".price.ppa_annual_escalation", pr + ".ppa_base_year")
        wholesale = esc(".price.wholesale_usd_per_kwh", ".price.wholesale_annual_escalation", pr + ".wholesale_base_year")
        g["settlement"] = g["cfe"][:, None] * (strike - wholesale)
        return g

    def evaluate(self, V: Values):
        """Monthly values of every metric, (S, 29, months), for the S samples of V."""
        cal, S, nm = self.cal, V.S, self.cal.months
        out = np.zeros((S, len(METRICS), nm))
        t = time.process_time()
        # Fleet side: each cohort's IT power per hour of day (rebuilt per sample) and its ramp.
        loads = {s: [] for s in self.sites}
        for co in self.cohorts:
            pre = co["pre"]
            hw = self.hardware(co["hw"])
            hp = hw["p"]
            n = V.vec(pre + ".count")
            s = V.vec(pre + ".spare_fraction", 0.0)
            lam = V.vec(hp + ".annual_failure_rate")
            in_repair = lam * V.vec(hp + ".repair_time_hours") / HOURS_PER_YEAR
            up = (1 + s) * (1 - np.minimum(in_repair, 1))
            avail = np.minimum(1, up)
            serving, spare, installed = n * avail, n * (up - avail), n * (1 + s)
            spare_w = V.vec(hp + ".idle_bare_w") + V.vec(hp + ".host_idle_w") + V.vec(hp + ".network_w") + V.vec(hp + ".storage_w")
            e_gpu = V.vec(hp + ".embodied_gpu_kg")
            whole = e_gpu + V.vec(hp + ".embodied_host_kg") + V.vec(hp + ".embodied_rack_network_kg")
            replaced = e_gpu if hw["gpu"] else V.vec(hp + ".embodied_host_kg")
            emb = whole / (V.vec(hp + ".useful_life_years") * HOURS_PER_YEAR) + replaced * lam / HOURS_PER_YEAR
            day = serving[:, None] * unit_power_by_hour(V, pre, hw, S) + (spare * spare_w)[:, None]
            r = self.ramp(V, co)
            phi = V.vec(hp + ".liquid_heat_fraction") if V.get(pre + ".liquid_cooled", False) else None
            loads[co["site"]].append((r.D_pad, np.tile(day, SLOTS // 24)[:, None, :],
                                      None if phi is None or not np.any(phi > 0) else phi[:, None, None]))
            out[:, M["carbon_embodied_tco2e"], :] += r.unit_hours[None, :] * (installed * emb)[:, None] / 1000
            if hw["gpu"]:
                out[:, M["gpus_installed_peak"], :] += installed[:, None] * r.at_month_end[None, :]
                out[:, M["gpu_hours"], :] += serving[:, None] * r.unit_hours[None, :]
        t = self._tick("fleet: cohort power models", t)
        m3 = lambda a: a[:, :, None]                       # per month  -> (S, months, 1)
        c3 = lambda v: v[:, None, None] if isinstance(v, np.ndarray) else v    # per sample -> (S, 1, 1)
        inv = lambda c: np.divide(1.0, c, out=np.zeros_like(c), where=c > 0)
        mask = self.mask
        B = self.buffers(S)
        fleet = B("fleet")
        fleet.fill(0.0)
        scratch = (B("u"), B("i", np.intp), B("lo"))
        for site in self.sites:
            sp = f"sites.{site}"
            th, lh = self.maps[site]
            X, Q, T = B("X"), B("Q"), B("T")
            X.fill(0.0); Q.fill(0.0)
            for D, tile, phi in loads[site]:               # sum of D(h + 1/2) x p_day[h mod 24] over cohorts
                np.multiply(D, tile, out=T)
                X += T
                if phi is not None:
                    T *= phi
                    Q += T
            t = self._tick("fleet: hourly IT and liquid per site", t)
            # Commissioned capacity: running maximum of the monthly peaks over the design load fraction.
            dlf = V.vec(sp + ".design_load_fraction")[:, None]
            cap_it = np.maximum.accumulate(X.max(axis=2), axis=1) / dlf
            cap_liq = np.maximum.accumulate(Q.max(axis=2), axis=1) / dlf
            cap_air = np.maximum.accumulate(np.subtract(X, Q, out=T).max(axis=2), axis=1) / dlf
            t = self._tick("capacities", t)
            pd = sp + ".power_delivery."
            stage = lambda st: tuple(V.vec(pd + st + k) for k in (".no_load_fraction", ".proportional_fraction", ".square_law_fraction"))
            (d0, d1, d2), (u0, u1, u2), (x0, x1, x2) = stage("distribution"), stage("ups"), stage("transformer")
            ratio = V.vec(pd + "transformer_capacity_ratio")[:, None]
            INV = m3(inv(cap_it))
            # Distribution then UPS losses on the IT path: L = C a0 + P (a1 + P/C a2).
            LD, LU, LOSS, BASE = B("LD"), B("LU"), B("LOSS"), B("BASE")
            np.multiply(X, INV, out=LD); LD *= c3(d2); LD += c3(d1); LD *= X; LD += m3(cap_it * d0[:, None])
            np.add(X, LD, out=T)
            np.multiply(T, INV, out=LU); LU *= c3(u2); LU += c3(u1); LU *= T; LU += m3(cap_it * u0[:, None])
            np.add(LD, LU, out=LOSS)
            np.add(X, LOSS, out=BASE)
            COOL, DEL, FAC, WW, WC, LT = B("COOL"), B("DEL"), B("FAC"), B("WW"), B("WC"), B("LT")
            ctype = V[sp + ".cooling.type"]
            if ctype == "fixed-pue":
                np.multiply(BASE, m3(inv(cap_it) / ratio), out=LT); LT *= c3(x2); LT += c3(x1); LT *= BASE
                LT += m3(cap_it * ratio * x0[:, None])
                np.multiply(X, c3(V.vec(sp + ".cooling.pue") - 1), out=T)          # overhead
                np.add(LOSS, LT, out=DEL)
                np.minimum(DEL, T, out=DEL)                    # delivery, capped at the overhead
                np.subtract(T, DEL, out=COOL)
                np.add(X, T, out=FAC)
                AUX = np.zeros((S, nm))
                np.multiply(X, c3(V.vec(sp + ".cooling.wue_l_per_kwh", 0.0) / 1000), out=WW)
                WC = WW
            else:
                pl = self.plant(V, sp)
                t = self._tick("plant tables (8760 h per site and sample)", t)
                table = part_load_table(pl.min_speed, pl.exponent)
                cap_air = cap_it if pl.to_hall else cap_air
                cap_ch = cap_air if pl.to_hall else cap_air + cap_liq
                FANA, PUMP, FANS, QA, HEAT = B("FANA"), B("PUMP"), B("FANS"), B("QA"), B("HEAT")
                if pl.to_hall:
                    A0 = BASE                                  # the hall carries all of the IT heat
                else:
                    A0 = B("A0")
                    np.subtract(X, Q, out=A0); A0 += LOSS      # air-side heat before fans
                np.multiply(A0, m3(inv(cap_air)), out=T)
                part_load(T, table, FANA, scratch)
                FANA *= m3(cap_air * pl.air_fan[:, None])
                np.multiply(Q, m3(inv(cap_liq)), out=T)
                part_load(T, table, PUMP, scratch)
                PUMP *= m3(cap_liq * pl.liquid_pump[:, None])
                np.add(FANA, PUMP, out=FANS)
                if pl.to_hall:                                 # pumps and coil fans heat the hall
                    np.add(A0, FANS, out=QA)
                    QL = None
                else:
                    np.add(A0, FANA, out=QA)
                    QL = np.add(Q, PUMP, out=B("QL"))
                np.add(BASE, FANS, out=HEAT)
                t = self._tick("hourly kernel", t)
                rows = pl.econ.shape[0]
                E, C = B("E", rows=rows), B("C", rows=rows)
                np.take(pl.econ, th, axis=1, out=E)            # typical-hour coefficients, 0 on padding
                np.take(pl.cond, th, axis=1, out=C)
                t = self._tick("typical-hour gathers", t)
                if np.any(pl.approach_design != 0):            # the approach at this hour's load
                    XR, A = B("XR"), B("A")
                    np.multiply(HEAT, INV, out=XR)
                    part_load(XR, part_load_table(pl.min_speed, -pl.approach_exponent), A, scratch)
                    A *= XR; A *= c3(pl.approach_design)
                    E, C = E + A, C + A
                SA, COP, CH, LOAD = B("SA"), B("COP"), B("CH"), B("LOAD")
                np.subtract(E, c3(pl.air_supply), out=SA); SA *= c3(pl.inv_air_dt)
                np.clip(SA, 0.0, 1.0, out=SA); SA *= QA        # air-loop heat the chillers carry
                np.subtract(C, c3(pl.te_a), out=COP); np.maximum(COP, 0.01, out=COP)
                np.divide(c3(pl.eta_te_a), COP, out=COP); np.minimum(COP, c3(pl.cop_max), out=COP)
                np.divide(SA, COP, out=CH)
                if QL is None:
                    LOAD = SA
                else:
                    np.subtract(E, c3(pl.liq_supply), out=T); T *= c3(pl.inv_liq_dt)
                    np.clip(T, 0.0, 1.0, out=T); T *= QL
                    np.add(SA, T, out=LOAD)
                    np.subtract(C, c3(pl.te_l), out=COP); np.maximum(COP, 0.01, out=COP)
                    np.divide(c3(pl.eta_te_l), COP, out=COP); np.minimum(COP, c3(pl.cop_max), out=COP)
                    T /= COP
                    CH += T
                # Staged chillers: k = ceil(r n) units run, each at p = r n / k; input EIR(p)/p per W.
                U, P, RAT = B("U"), B("P"), B("RAT")
                np.multiply(LOAD, m3(inv(cap_ch)), out=U); U *= c3(pl.units)
                np.ceil(U, out=P); np.maximum(P, 1.0, out=P); np.divide(U, P, out=P)
                np.multiply(P, EIR[2], out=T); T += EIR[1]; T *= P; T += EIR[0]
                RAT.fill(0.0)
                np.divide(T, P, out=RAT, where=U > 0)
                CH *= RAT
                REJ = B("REJ")
                np.add(HEAT, CH, out=REJ)                      # heat rejected
                if np.any(pl.rejection != 0):
                    np.multiply(REJ, INV, out=T)
                    part_load(T, table, COOL, scratch)
                    COOL *= m3(cap_it * pl.rejection[:, None])
                    COOL += FANS
                else:
                    np.copyto(COOL, FANS)
                COOL += CH                                     # cooling power
                AUX = cap_it * V.vec(sp + ".auxiliary_power_fraction", 0.0)[:, None]    # W, per month
                np.add(BASE, COOL, out=T); T += m3(AUX)        # transformer load
                np.multiply(T, m3(inv(cap_it) / ratio), out=LT); LT *= c3(x2); LT += c3(x1); LT *= T
                LT += m3(cap_it * ratio * x0[:, None])
                np.add(LOSS, LT, out=DEL)                      # delivery losses
                np.add(X, COOL, out=FAC); FAC += m3(AUX); FAC += DEL
                t = self._tick("hourly kernel", t)
                if pl.heat_to_sink:
                    HEAT += CH                                 # chiller work leaves through the sink
                W = B("W", rows=rows)
                np.take(pl.withdrawn, th, axis=1, out=W)
                np.multiply(W, HEAT, out=WW)
                np.take(pl.consumed, th, axis=1, out=W)
                np.multiply(W, HEAT, out=WC)
                t = self._tick("typical-hour gathers", t)
            COOL *= mask; DEL *= mask; FAC *= mask
            fleet += FAC
            # Grid factors and the month's sums (W h -> MWh, L -> m3, kg -> t); padding slots are zero.
            g = self.grid(V, f"grids.{V[sp + '.grid']}", S)
            hours = cal.month_hours[None, :]
            fac_m = FAC.sum(axis=2)
            kwh = fac_m / 1e3
            out[:, M["it_energy_mwh"]] += X.sum(axis=2) / 1e6
            out[:, M["cooling_energy_mwh"]] += COOL.sum(axis=2) / 1e6
            out[:, M["power_delivery_loss_mwh"]] += DEL.sum(axis=2) / 1e6
            out[:, M["auxiliary_energy_mwh"]] += AUX * hours / 1e6
            out[:, M["facility_energy_mwh"]] += fac_m / 1e6
            out[:, M["water_onsite_m3"]] += WW.sum(axis=2) / 1e3
            consumed = WC.sum(axis=2) / 1e3
            out[:, M["water_onsite_consumption_m3"]] += consumed
            out[:, M["water_stress_weighted_m3"]] += consumed * V.vec(sp + ".water_stress_fraction", 0.0)[:, None]
            out[:, M["water_offsite_m3"]] += kwh * g["wi"][:, None] / 1e3
            shaped = fac_m if np.all(g["hs"] == 1) else np.einsum("smh,mh->sm", FAC, g["hs"][lh])
            out[:, M["carbon_location_tco2e"]] += shaped / 1e3 * g["ci"] / 1e3
            if g["supply"] is None:                            # annual matching
                matched = g["cfe"][:, None] * kwh
            else:                                              # hourly (24/7) matching
                cfe = (fac_m / hours)[:, :, None] * np.take(g["supply"], lh, axis=1) * mask
                matched = np.minimum(FAC, cfe).sum(axis=2) / 1e3
                loaded = FAC > 0
                out[:, M["load_site_hours"]] += loaded.sum(axis=2)
                out[:, M["cfe_matched_site_hours"]] += (loaded & (cfe >= FAC)).sum(axis=2)
            out[:, M["carbon_market_tco2e"]] += (kwh - matched) * g["rm"] / 1e3
            out[:, M["cfe_matched_mwh"]] += matched / 1e3
            out[:, M["carbon_marginal_tco2e"]] += kwh * g["lrm"][:, None] / 1e3
            demand = FAC.max(axis=2) / 1e3 * g["demand"]
            settlement = kwh * g["settlement"]
            out[:, M["demand_charges_usd"]] += demand
            out[:, M["ppa_settlement_usd"]] += settlement
            out[:, M["electricity_cost_usd"]] += kwh * g["volumetric"] + demand + settlement
            t = self._tick("grid factors and monthly sums", t)
        out[:, M["peak_facility_mw"]] = fleet.max(axis=2) / 1e6
        out[:, M["cost_share_of_contract"]] = out[:, M["electricity_cost_usd"]] / self.contract
        self._tick("grid factors and monthly sums", t)
        return out

    def aggregate(self, monthly, starts=None):
        """Totals (starts=None) or per-period values (S, metrics, periods) from the monthly values."""
        cal = self.cal
        if starts is None:
            starts = np.array([0])
        hours = np.add.reduceat(cal.month_hours, starts).astype(float)
        agg = np.add.reduceat(monthly, starts, axis=2)
        for k in MAX_METRICS:
            agg[:, M[k]] = np.maximum.reduceat(monthly[:, M[k]], starts, axis=1)
        div = lambda a, b: np.divide(a, b, out=np.zeros_like(a), where=b > 0)
        fac, it = agg[:, M["facility_energy_mwh"]], agg[:, M["it_energy_mwh"]]
        agg[:, M["avg_facility_mw"]] = fac / hours
        agg[:, M["pue"]] = div(fac, it)
        agg[:, M["wue_l_per_kwh"]] = div(agg[:, M["water_onsite_m3"]], it)
        agg[:, M["cfe_share"]] = div(agg[:, M["cfe_matched_mwh"]], fac)
        agg[:, M["cfe_hours_matched_share"]] = div(agg[:, M["cfe_matched_site_hours"]], agg[:, M["load_site_hours"]])
        per_hour = self.contract / cal.month_hours.sum()
        gpu_hours = agg[:, M["gpu_hours"]]
        agg[:, M["contract_usd_per_gpu_hour"]] = div(np.broadcast_to(per_hour * hours, gpu_hours.shape).copy(), gpu_hours)
        return agg


# ----------------------------------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------------------------------

def run_base(model: Model):
    monthly = model.evaluate(Values(model.inputs, None))
    tot = model.aggregate(monthly)[0, :, 0]
    return {k: float(tot[M[k]]) for k in METRICS}


def compare(base: dict, path: str) -> dict:
    """Relative difference of each base total from fleetwatt's (`run --samples 0 --format json`)."""
    with open(path) as f:
        fw = json.load(f)["totals"]
    rel = {}
    for k in METRICS:
        if k not in fw:
            continue
        ref = fw[k]["base"] if isinstance(fw[k], dict) else fw[k]
        rel[k] = (base[k] - ref) / ref if ref else (0.0 if base[k] == 0 else None)
    return rel


def run_samples(model: Model, n: int, seed: int, chunk: int):
    t0 = time.perf_counter()
    x = model.inputs.sample(n, seed)
    t_sample = time.perf_counter() - t0
    totals = np.empty((n, len(METRICS)))
    t1, c1 = time.perf_counter(), time.process_time()
    for a in range(0, n, chunk):
        b = min(n, a + chunk)
        monthly = model.evaluate(Values(model.inputs, x[a:b]))
        totals[a:b] = model.aggregate(monthly)[:, :, 0]
        model.aggregate(monthly, model.cal.year_starts)      # the annual values, as fleetwatt keeps them
    t_eval, c_eval = time.perf_counter() - t1, time.process_time() - c1
    return totals, t_sample, t_eval, c_eval


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=0, help="Monte Carlo samples (0: none)")
    ap.add_argument("--base", action="store_true", help="print the deterministic base totals as JSON")
    ap.add_argument("--seed", type=int, default=20251103)
    ap.add_argument("--chunk", type=int, default=4, help="samples evaluated together in one set of arrays")
    ap.add_argument("--models", default=None, help="fleetwatt models/ directory (default: models)")
    ap.add_argument("--scenario", default=None, help="scenario YAML (default: models/scenarios/openai-aws-2025.yaml)")
    ap.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                    help="fix an input to a number or string, as fleetwatt's --set (repeatable)")
    ap.add_argument("--compare", default=None, help="fleetwatt `run --format json` output to compare base totals with")
    ap.add_argument("--profile", action="store_true", help="print where the evaluation time goes (stderr)")
    a = ap.parse_args(argv)
    if not a.base and a.samples <= 0:
        ap.error("give --base and/or --samples N")
    wall0 = time.perf_counter()
    models = a.models or default_models_dir()
    scenario = a.scenario or os.path.join(models, "scenarios", "openai-aws-2025.yaml")
    model = Model(models, scenario, a.set)
    t0 = time.perf_counter()
    base = run_base(model)              # also builds the once-per-process parts (weather, QAGS tables, ramps)
    t_base = time.perf_counter() - t0
    model.timers.clear()
    result = {"tool": "numpy_peer", "scenario": model.tree.get("id"), "uncertain_inputs": len(model.inputs.uncertain),
              "hours": model.cal.H, "sites": len(model.sites), "cohorts": len(model.cohorts)}
    if a.base:
        result["base"] = base
        if a.compare:
            rel = compare(base, a.compare)
            result["rel_diff_vs_fleetwatt"] = rel
            result["max_abs_rel_diff_headline"] = max(abs(rel[k]) for k in HEADLINE if rel.get(k) is not None)
            result["max_abs_rel_diff_all"] = max(abs(v) for v in rel.values() if v is not None)
    if a.samples > 0:
        totals, t_sample, t_eval, c_eval = run_samples(model, a.samples, a.seed, max(1, a.chunk))
        q = np.percentile(totals, [5, 50, 95], axis=0)
        result["samples"] = a.samples
        result["totals"] = {k: {"base": base[k], "mean": float(totals[:, i].mean()), "p05": float(q[0, i]),
                                "p50": float(q[1, i]), "p95": float(q[2, i])} for i, k in enumerate(METRICS)}
        result["timing_s"] = {"setup_and_base": model.setup_s + t_base, "sampling": t_sample, "evaluation": t_eval,
                              "per_sample_ms": 1e3 * t_eval / a.samples, "per_sample_cpu_ms": 1e3 * c_eval / a.samples,
                              "chunk": a.chunk}
    result.setdefault("timing_s", {})["base_s"] = t_base
    result["timing_s"]["wall_after_imports"] = time.perf_counter() - wall0
    result["timing_s"]["cpu_process_total"] = time.process_time()
    if a.profile and model.timers:
        tot = sum(model.timers.values())
        print("CPU time per part of the evaluation:", file=sys.stderr)
        for k, v in sorted(model.timers.items(), key=lambda kv: -kv[1]):
            print(f"  {k:42s} {v:8.3f} s {100 * v / tot:5.1f} %", file=sys.stderr)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

// The JSON Schemas as text, identical to the files under docs/ (a test checks it).
// Regenerate after editing a schema file: python3 scripts/embed-schemas.py

extension ResultSchema {
    /// The `fleetwatt.result/1` schema (docs/result.schema.json).
    public static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:fleetwatt:schema:result/1",
  "title": "fleetwatt.result/1",
  "description": "The result of evaluating a fleetwatt scenario (run, report, sweep, sensitivity, export-notebook). Keys are sorted; units are in the key names; numbers are plain JSON numbers, never NaN or Infinity. STATS holds the deterministic `base` value and, when the run sampled (run.samples > 0), mean, sd, p05, p50 and p95.",
  "type": "object",
  "required": ["annual", "diagnostics", "inputs", "monthly", "run", "scenario", "schema_version", "tool", "totals"],
  "additionalProperties": false,
  "properties": {
    "schema_version": {"const": "fleetwatt.result/1"},
    "tool": {"$ref": "#/$defs/tool"},
    "scenario": {"$ref": "#/$defs/scenario"},
    "run": {"$ref": "#/$defs/run"},
    "inputs": {"type": "array", "items": {"$ref": "#/$defs/input"}},
    "totals": {
      "description": "Whole-term statistics of every metric.",
      "allOf": [
        {"$ref": "#/$defs/metricStats"},
        {"required": ["it_energy_mwh", "facility_energy_mwh", "cooling_energy_mwh", "power_delivery_loss_mwh", "peak_facility_mw", "avg_facility_mw", "pue", "water_onsite_m3", "water_offsite_m3", "carbon_location_tco2e", "carbon_market_tco2e", "carbon_embodied_tco2e", "electricity_cost_usd", "cost_share_of_contract", "gpus_installed_peak", "gpu_hours", "contract_usd_per_gpu_hour"]}
      ]
    },
    "annual": {"type": "array", "items": {"$ref": "#/$defs/year"}},
    "monthly": {"type": "array", "items": {"$ref": "#/$defs/month"}},
    "sensitivity": {"$ref": "#/$defs/sensitivity"},
    "sweep": {"$ref": "#/$defs/sweep"},
    "breakdown": {"$ref": "#/$defs/breakdown"},
    "cohorts": {
      "description": "Each cohort's IT power per serving unit (one GPU with its share of host, network and storage, or one CPU server) at full deployment, the day's mean, with its uncertainty when sampled.",
      "type": "array",
      "items": {"$ref": "#/$defs/cohortPower"}
    },
    "histograms": {
      "description": "Histograms of the sampled totals (samples > 0).",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/metric"},
      "additionalProperties": {"$ref": "#/$defs/histogram"}
    },
    "diagnostics": {"$ref": "#/$defs/diagnostics"},
    "metrics": {
      "description": "Each metric's unit, label and, for carbon metrics, whose greenhouse-gas inventory it belongs to (GHG Protocol).",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/metric"},
      "additionalProperties": {
        "type": "object",
        "required": ["label", "unit"],
        "additionalProperties": false,
        "properties": {"unit": {"type": "string"}, "label": {"type": "string"}, "inventory": {"type": "string"}}
      }
    }
  },
  "$defs": {
    "metric": {
      "description": "A headline metric; the unit is in the name (pue and cost_share_of_contract are dimensionless, gpus_installed_peak is a count, gpu_hours counts serving GPU-hours delivered, contract_usd_per_gpu_hour is the contract value spread evenly over the term's hours divided by the GPU-hours delivered in the period). water_onsite_m3 is on-site withdrawal (make-up incl. blowdown), water_onsite_consumption_m3 the part evaporated or drifted, water_stress_weighted_m3 that consumption × WRI Aqueduct baseline water stress; carbon_location_tco2e and carbon_market_tco2e are the operator's Scope 2 and the customer's Scope 3 category 1, carbon_marginal_tco2e the long-run marginal (consequential) emissions; demand_charges_usd and ppa_settlement_usd are parts of electricity_cost_usd (the settlement may be negative); wue_l_per_kwh = water_onsite_m3 / it_energy_mwh; cfe_matched_mwh is the contracted carbon-free energy counted at zero in the market-based figure (annual matching: the contracted share of consumption; hourly matching: what the shaped supply covers hour by hour), cfe_share = cfe_matched_mwh / facility_energy_mwh, cfe_hours_matched_share = cfe_matched_site_hours / load_site_hours (0 without hourly matching).",
      "enum": ["it_energy_mwh", "facility_energy_mwh", "cooling_energy_mwh", "power_delivery_loss_mwh", "peak_facility_mw", "avg_facility_mw", "pue", "water_onsite_m3", "water_offsite_m3", "carbon_location_tco2e", "carbon_market_tco2e", "carbon_embodied_tco2e", "electricity_cost_usd", "cost_share_of_contract", "gpus_installed_peak", "auxiliary_energy_mwh", "water_onsite_consumption_m3", "water_stress_weighted_m3", "carbon_marginal_tco2e", "demand_charges_usd", "ppa_settlement_usd", "wue_l_per_kwh", "cfe_matched_mwh", "cfe_share", "cfe_matched_site_hours", "load_site_hours", "cfe_hours_matched_share", "gpu_hours", "contract_usd_per_gpu_hour"]
    },
    "stats": {
      "description": "STATS: the deterministic value and, when sampled, the distribution of the sampled values.",
      "type": "object",
      "required": ["base"],
      "additionalProperties": false,
      "properties": {
        "base": {"type": "number", "description": "Every input at its base value."},
        "mean": {"type": "number"},
        "sd": {"type": "number", "minimum": 0, "description": "Sample standard deviation."},
        "p05": {"type": "number"},
        "p50": {"type": "number"},
        "p95": {"type": "number"}
      },
      "dependentRequired": {
        "mean": ["sd", "p05", "p50", "p95"],
        "sd": ["mean", "p05", "p50", "p95"],
        "p05": ["mean", "sd", "p50", "p95"],
        "p50": ["mean", "sd", "p05", "p95"],
        "p95": ["mean", "sd", "p05", "p50"]
      }
    },
    "metricStats": {
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/metric"},
      "additionalProperties": {"$ref": "#/$defs/stats"}
    },
    "tool": {
      "type": "object",
      "required": ["name", "version"],
      "additionalProperties": false,
      "properties": {
        "name": {"const": "fleetwatt"},
        "version": {"type": "string", "minLength": 1}
      }
    },
    "scenario": {
      "type": "object",
      "required": ["id", "sha256", "source", "title"],
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string", "minLength": 1},
        "title": {"type": "string"},
        "source": {"type": "string", "description": "The file read, or embedded:<name> for the built-in default."},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 of the scenario file's bytes, hex."},
        "options": {"type": "object", "description": "The scenario's switchable options (options.<name>.enabled, settable with --set) and whether each was on in this run.", "additionalProperties": {"type": "boolean"}}
      }
    },
    "run": {
      "type": "object",
      "required": ["overrides", "sampler", "samples", "seed", "threads"],
      "additionalProperties": false,
      "properties": {
        "samples": {"type": "integer", "minimum": 0, "description": "0 = deterministic, every input at its base value."},
        "seed": {"type": "integer", "minimum": 0, "maximum": 18446744073709551615},
        "sampler": {"enum": ["random", "sobol", "lhs"]},
        "threads": {"type": "integer", "minimum": 1},
        "overrides": {"type": "array", "items": {"type": "string", "pattern": "^[^=]+=.*$"}, "description": "Every --set applied, in order, as PATH=VALUE."}
      }
    },
    "input": {
      "description": "One resolved input: a dotted path by id, its unit, base value, distribution in scenario syntax (absent when fixed) and source.",
      "type": "object",
      "required": ["base", "path", "source", "unit"],
      "additionalProperties": false,
      "properties": {
        "path": {"type": "string", "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"},
        "unit": {"type": "string"},
        "base": {"type": "number"},
        "distribution": {"type": "string", "pattern": "^(uniform|triangular|pert|normal|truncnormal|lognormal|beta|choice)\\(.*\\)$"},
        "source": {"type": "string"}
      }
    },
    "year": {
      "description": "One calendar year of the term (the first and last may be partial) with the STATS of every metric.",
      "type": "object",
      "required": ["year"],
      "properties": {"year": {"type": "integer", "minimum": 1900, "maximum": 2200}},
      "propertyNames": {"anyOf": [{"const": "year"}, {"$ref": "#/$defs/metric"}]},
      "additionalProperties": {"$ref": "#/$defs/stats"}
    },
    "month": {
      "description": "One month of the term (YYYY-MM) with the STATS of every metric.",
      "type": "object",
      "required": ["month"],
      "properties": {"month": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}},
      "propertyNames": {"anyOf": [{"const": "month"}, {"$ref": "#/$defs/metric"}]},
      "additionalProperties": {"$ref": "#/$defs/stats"}
    },
    "sensitivityEntry": {
      "description": "One input's effect on one metric. Tornado fills low_input, high_input (the input's P10 and P90), low_value, high_value and swing (metric unit); Sobol fills first_order, total_order and their 95 % bootstrap intervals.",
      "type": "object",
      "required": ["path", "rank"],
      "additionalProperties": false,
      "properties": {
        "path": {"type": "string"},
        "rank": {"type": "integer", "minimum": 1},
        "low_input": {"type": "number"},
        "high_input": {"type": "number"},
        "low_value": {"type": "number"},
        "high_value": {"type": "number"},
        "swing": {"type": "number", "minimum": 0},
        "first_order": {"type": "number"},
        "first_order_ci": {"$ref": "#/$defs/interval"},
        "total_order": {"type": "number"},
        "total_order_ci": {"$ref": "#/$defs/interval"}
      }
    },
    "interval": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
    "sensitivity": {
      "description": "For each metric, the inputs ranked from most to least influential.",
      "type": "object",
      "required": ["method", "rankings"],
      "additionalProperties": false,
      "properties": {
        "method": {"enum": ["tornado", "sobol"]},
        "base_samples": {"type": "integer", "minimum": 1, "description": "Sobol: base sample size N (N·(k+2) evaluations)."},
        "bootstrap": {"type": "integer", "minimum": 0, "description": "Sobol: bootstrap resamples for the intervals."},
        "rankings": {
          "type": "object",
          "propertyNames": {"$ref": "#/$defs/metric"},
          "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/sensitivityEntry"}}
        }
      }
    },
    "sweep": {
      "description": "A grid of scenario variants: one row per point with the totals of the chosen metrics.",
      "type": "object",
      "required": ["metrics", "parameters", "rows"],
      "additionalProperties": false,
      "properties": {
        "parameters": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "metrics": {"type": "array", "items": {"$ref": "#/$defs/metric"}, "minItems": 1},
        "rows": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["point", "totals"],
            "additionalProperties": false,
            "properties": {
              "point": {"type": "object", "additionalProperties": {"type": "number"}},
              "totals": {"$ref": "#/$defs/metricStats"}
            }
          }
        }
      }
    },
    "breakdown": {
      "description": "Per-site and per-cohort figures at base values.",
      "type": "object",
      "required": ["cohorts", "sites"],
      "additionalProperties": false,
      "properties": {
        "sites": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["cooling", "grid", "id", "monthly_dry_bulb_c", "monthly_pue", "monthly_wet_bulb_c", "name", "totals"],
            "additionalProperties": false,
            "properties": {
              "id": {"type": "string"},
              "name": {"type": "string"},
              "cooling": {"type": "string"},
              "grid": {"type": "string"},
              "totals": {"type": "object", "propertyNames": {"$ref": "#/$defs/metric"}, "additionalProperties": {"type": "number"}},
              "monthly_pue": {"type": "array", "description": "Energy-weighted PUE of each month of the term; null for a month in which the site carries no IT load.", "items": {"type": ["number", "null"], "minimum": 1}},
              "monthly_dry_bulb_c": {"type": "array", "items": {"type": "number"}, "minItems": 12, "maxItems": 12},
              "monthly_wet_bulb_c": {"type": "array", "items": {"type": "number"}, "minItems": 12, "maxItems": 12}
            }
          }
        },
        "cohorts": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["embodied_tco2e", "hardware", "id", "it_energy_mwh", "monthly_installed", "site"],
            "additionalProperties": false,
            "properties": {
              "id": {"type": "string"},
              "hardware": {"type": "string"},
              "site": {"type": "string"},
              "monthly_installed": {"type": "array", "items": {"type": "number", "minimum": 0}},
              "it_energy_mwh": {"type": "number", "minimum": 0},
              "embodied_tco2e": {"type": "number", "minimum": 0}
            }
          }
        }
      }
    },
    "cohortPower": {
      "type": "object",
      "required": ["board_fraction_of_tdp", "hardware", "id", "power_per_unit_w", "site"],
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string"},
        "hardware": {"type": "string", "description": "Catalog id of the accelerator or server."},
        "site": {"type": "string"},
        "power_per_unit_w": {
          "description": "Power of one serving unit, W: GPU board, host share (CPUs, memory, NICs, fans, in-tray conversion), network switches, storage, and their sum.",
          "type": "object",
          "required": ["board", "host", "network", "storage", "total"],
          "additionalProperties": false,
          "properties": {
            "board": {"$ref": "#/$defs/stats"},
            "host": {"$ref": "#/$defs/stats"},
            "network": {"$ref": "#/$defs/stats"},
            "storage": {"$ref": "#/$defs/stats"},
            "total": {"$ref": "#/$defs/stats"}
          }
        },
        "board_fraction_of_tdp": {"$ref": "#/$defs/stats", "description": "Mean board power per serving GPU / TDP (dimensionless), what nvidia-smi or DCGM telemetry reports."}
      }
    },
    "histogram": {
      "description": "Bin edges (one more than counts) in the metric's unit, and the number of samples in each bin.",
      "type": "object",
      "required": ["counts", "edges"],
      "additionalProperties": false,
      "properties": {
        "edges": {"type": "array", "items": {"type": "number"}, "minItems": 2},
        "counts": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 1}
      }
    },
    "diagnostics": {
      "type": "object",
      "required": ["mc_standard_error", "quadrature_vs_timestep_rel_diff", "warnings"],
      "additionalProperties": false,
      "properties": {
        "quadrature_vs_timestep_rel_diff": {"type": "number", "description": "(hourly sum − adaptive quadrature) / quadrature, facility energy over the term at base values."},
        "mc_standard_error": {"type": "object", "propertyNames": {"$ref": "#/$defs/metric"}, "additionalProperties": {"type": "number", "minimum": 0}},
        "warnings": {"type": "array", "items": {"type": "string"}}
      }
    }
  }
}

"""#

    /// `fleetwatt estimate --format json` (docs/schemas/estimate.schema.json).
    public static let estimateText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:fleetwatt:schema:estimate/1",
  "title": "fleetwatt.estimate/1",
  "description": "Output of `fleetwatt estimate --format json`: one job or fleet slice, without a scenario file. Units are in the key names.",
  "type": "object",
  "required": [
    "carbon_tco2e",
    "cost_usd",
    "energy_mwh",
    "inputs",
    "schema_version",
    "water_m3"
  ],
  "additionalProperties": false,
  "properties": {
    "schema_version": {
      "const": "fleetwatt.estimate/1"
    },
    "energy_mwh": {
      "type": "number",
      "minimum": 0,
      "description": "Facility energy: GPU-hours × IT power per GPU × PUE."
    },
    "carbon_tco2e": {
      "type": "number",
      "minimum": 0
    },
    "cost_usd": {
      "type": "number",
      "minimum": 0
    },
    "water_m3": {
      "type": "number",
      "minimum": 0
    },
    "inputs": {
      "$ref": "#/$defs/inputs"
    }
  },
  "$defs": {
    "inputs": {
      "description": "The values used, after defaults from the catalog.",
      "type": "object",
      "required": [
        "carbon_intensity_kg_per_kwh",
        "gpu",
        "gpu_hours",
        "it_energy_mwh",
        "power_source",
        "power_w",
        "price_usd_per_kwh",
        "pue",
        "wue_l_per_kwh"
      ],
      "additionalProperties": false,
      "properties": {
        "gpu": {
          "type": "string",
          "minLength": 1
        },
        "gpu_hours": {
          "type": "number",
          "exclusiveMinimum": 0
        },
        "utilization": {
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "description": "Utilization used to read the catalog's power curve; absent when --power-w was given."
        },
        "power_w": {
          "type": "number",
          "minimum": 0,
          "description": "IT power per GPU (board + host + network + storage share), W."
        },
        "pue": {
          "type": "number",
          "minimum": 1
        },
        "carbon_intensity_kg_per_kwh": {
          "type": "number",
          "minimum": 0
        },
        "price_usd_per_kwh": {
          "type": "number",
          "minimum": 0
        },
        "wue_l_per_kwh": {
          "type": "number",
          "minimum": 0
        },
        "power_source": {
          "enum": [
            "given",
            "catalog",
            "board"
          ],
          "description": "given: --power-w as stated; catalog: the catalog's power at the utilization; board: the measured --board-power-fraction of TDP with the host, network and storage it implies."
        },
        "board_power_w": {
          "type": "number",
          "minimum": 0,
          "description": "Board power at that utilization, or the given board power, W; absent when --power-w was given."
        },
        "it_energy_mwh": {
          "type": "number",
          "minimum": 0,
          "description": "IT energy before PUE, MWh."
        }
      }
    }
  }
}

"""#

    /// `fleetwatt power --format json` (docs/schemas/power.schema.json).
    public static let powerText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:fleetwatt:schema:power/1",
  "title": "fleetwatt.power/1",
  "description": "Output of `fleetwatt power --format json`: board power of one GPU at each requested utilization, from the catalog's power curve.",
  "type": "object",
  "required": ["gpu", "points", "schema_version"],
  "additionalProperties": false,
  "properties": {
    "schema_version": {"const": "fleetwatt.power/1"},
    "gpu": {"type": "string", "minLength": 1},
    "points": {
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "object",
        "required": ["power_w", "utilization"],
        "additionalProperties": false,
        "properties": {
          "utilization": {"type": "number", "minimum": 0, "maximum": 1},
          "power_w": {"type": "number", "minimum": 0}
        }
      }
    }
  }
}

"""#

    /// `fleetwatt params --format json` (docs/schemas/params.schema.json).
    public static let paramsText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:fleetwatt:schema:params/1",
  "title": "fleetwatt.params/1",
  "description": "Output of `fleetwatt params --format json`: every settable path of a scenario with its value or distribution, unit and source.",
  "type": "object",
  "required": ["inputs", "scenario", "schema_version"],
  "additionalProperties": false,
  "properties": {
    "schema_version": {"const": "fleetwatt.params/1"},
    "scenario": {
      "type": "object",
      "required": ["id", "sha256", "source", "title"],
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string", "minLength": 1},
        "title": {"type": "string"},
        "source": {"type": "string"},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}
      }
    },
    "inputs": {"type": "array", "items": {"$ref": "#/$defs/input"}}
  },
  "$defs": {
    "input": {
      "type": "object",
      "required": ["base", "path", "source", "unit"],
      "additionalProperties": false,
      "properties": {
        "path": {"type": "string", "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"},
        "unit": {"type": "string"},
        "base": {"type": "number"},
        "distribution": {"type": "string", "pattern": "^(uniform|triangular|pert|normal|truncnormal|lognormal|beta|choice)\\(.*\\)$"},
        "source": {"type": "string"}
      }
    }
  }
}

"""#

    /// `fleetwatt catalog --format json` (docs/schemas/catalog.schema.json).
    public static let catalogText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:fleetwatt:schema:catalog/1",
  "title": "fleetwatt.catalog/1",
  "description": "Output of `fleetwatt catalog --format json`: GPUs and servers, sites, cooling types and grids, each with its source. Numeric properties carry their unit in the key name (tdp_w, embodied_kg, carbon_intensity_kg_per_kwh, …).",
  "type": "object",
  "required": ["cooling_types", "grids", "hardware", "schema_version", "sites"],
  "additionalProperties": false,
  "properties": {
    "schema_version": {"const": "fleetwatt.catalog/1"},
    "hardware": {"type": "array", "items": {"$ref": "#/$defs/entry"}},
    "sites": {"type": "array", "items": {"$ref": "#/$defs/entry"}},
    "cooling_types": {"type": "array", "items": {"$ref": "#/$defs/entry"}},
    "grids": {"type": "array", "items": {"$ref": "#/$defs/entry"}}
  },
  "$defs": {
    "entry": {
      "type": "object",
      "required": ["id", "name", "properties", "source"],
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
        "name": {"type": "string"},
        "kind": {"type": "string", "description": "For hardware: gpu or cpu-server; for sites: the cooling type."},
        "properties": {
          "description": "Numeric facts, units in the key names.",
          "type": "object",
          "additionalProperties": {"type": "number"}
        },
        "source": {"type": "string"}
      }
    }
  }
}

"""#
}

#!/usr/bin/env python3
"""Regenerate Sources/FleetReport/ResultSchema+Text.swift from the schema files
under docs/, so that `fleetwatt schema` prints exactly what the repository holds.
Run from the repository root after editing a schema: python3 scripts/embed-schemas.py
"""
SCHEMAS = [
    ("text", "docs/result.schema.json", "The `fleetwatt.result/1` schema (docs/result.schema.json)."),
    ("estimateText", "docs/schemas/estimate.schema.json", "`fleetwatt estimate --format json` (docs/schemas/estimate.schema.json)."),
    ("powerText", "docs/schemas/power.schema.json", "`fleetwatt power --format json` (docs/schemas/power.schema.json)."),
    ("paramsText", "docs/schemas/params.schema.json", "`fleetwatt params --format json` (docs/schemas/params.schema.json)."),
    ("catalogText", "docs/schemas/catalog.schema.json", "`fleetwatt catalog --format json` (docs/schemas/catalog.schema.json)."),
]

lines = ["// The JSON Schemas as text, identical to the files under docs/ (a test checks it).",
         "// Regenerate after editing a schema file: python3 scripts/embed-schemas.py", "",
         "extension ResultSchema {"]
for i, (prop, path, doc) in enumerate(SCHEMAS):
    text = open(path, encoding="utf-8").read()
    assert text.endswith("\n") and '"""#' not in text, path
    if i:
        lines.append("")
    lines += [f"    /// {doc}", f'    public static let {prop} = #"""', text, '"""#']
lines.append("}")
open("Sources/FleetReport/ResultSchema+Text.swift", "w", encoding="utf-8").write("\n".join(lines) + "\n")

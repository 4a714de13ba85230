/// Turns a raw tree into a `ScenarioNode` tree: recognises parameter leaves and series,
/// checks them (unit, source, finite numbers, distributions, counts, fractions) and converts
/// them to the canonical unit of their field. Errors are logged and reading continues with
/// a placeholder, so that one pass finds every error of a file.
struct LeafReader {
    let log: ErrorLog

    static let parameterKeys = ["value", "base", "dist", "unit", "source", "values"]

    func read(_ raw: RawNode, path: String, field: String) -> ScenarioNode {
        switch raw.kind {
        case let .scalar(s, plain):
            return ScenarioNode(kind: raw.isNull ? .null : .scalar(s, plain: plain), location: raw.location)
        case let .list(items):
            let nodes = items.enumerated().map { i, n in read(n, path: YAMLReader.join(path, String(i)), field: field) }
            return ScenarioNode(kind: .list(nodes), location: raw.location)
        case let .mapping(entries):
            if entries.contains(where: { ["value", "base", "dist", "values"].contains($0.key) }) {
                return readParameter(raw, entries, path: path, field: field)
            }
            let out = entries.map { e in
                ScenarioNode.Entry(key: e.key, keyLocation: e.keyLocation,
                                   value: read(e.value, path: YAMLReader.join(path, e.key), field: e.key))
            }
            return ScenarioNode(kind: .mapping(out), location: raw.location)
        }
    }

    /// A finite number from a plain scalar (YAML spellings `1_000`, `1e6` accepted), or a logged error.
    func number(_ raw: RawNode, path: String, what: String) -> Double? {
        guard case let .scalar(s, plain) = raw.kind, plain, !raw.isNull else {
            log.add(raw.location, path, "expected a number for '\(what)', got \(raw.what)")
            return nil
        }
        let lowered = s.lowercased()
        if [".nan", "nan", ".inf", "+.inf", "-.inf", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lowered) {
            log.add(raw.location, path, "expected a finite number for '\(what)', got \(s)")
            return nil
        }
        guard let x = Double(s.replacingOccurrences(of: "_", with: "")), x.isFinite else {
            log.add(raw.location, path, "expected a number for '\(what)', got '\(s)'")
            return nil
        }
        return x
    }

    private func text(_ raw: RawNode?, path: String, what: String) -> String? {
        guard let raw else { return nil }
        guard case let .scalar(s, _) = raw.kind, !raw.isNull else {
            log.add(raw.location, path, "expected text for '\(what)', got \(raw.what)")
            return nil
        }
        return s
    }

    private func readParameter(_ raw: RawNode, _ entries: [RawNode.RawEntry], path: String, field: String) -> ScenarioNode {
        for e in entries where !LeafReader.parameterKeys.contains(e.key) {
            log.add(e.keyLocation, YAMLReader.join(path, e.key),
                    "unknown key '\(e.key)' in a parameter\(ClosestMatch.hint(for: e.key, among: LeafReader.parameterKeys))"
                    + "; a parameter has value (or base and dist), unit and source")
        }
        let unitText = text(raw["unit"], path: path, what: "unit")
        if raw["unit"] == nil { log.add(raw.location, path, "missing 'unit'") }
        let source = text(raw["source"], path: path, what: "source") ?? ""
        if raw["source"] == nil || source.trimmingCharacters(in: .whitespaces).isEmpty {
            log.add(raw["source"]?.location ?? raw.location, path,
                    "missing 'source' (cite a publication, a dataset or \"assumption: why\")")
        }
        let declared = unitText ?? ""
        // The conversion to the field's canonical unit, or nil for a free field.
        var conversion = UnitConversion.identity
        var unit = declared
        let canonical = Units.canonical(forField: field)
        if let canonical, unitText != nil {
            do { conversion = try Units.conversion(from: declared, forField: field) } catch {
                log.add(raw["unit"]!.location, path, "\(error)")
            }
            unit = canonical.symbol
        } else if canonical == nil, unitText != nil, ["%", "percent"].contains(declared.trimmingCharacters(in: .whitespaces)) {
            log.add(raw["unit"]!.location, path,
                    "unit '%' is only accepted for fields whose name ends in _fraction; write this value in its own unit")
        } else if field == "count", unitText != nil, !Units.countUnits.contains(declared) {
            // A count in "MW" or "kW" is a power typed where a number of units belongs.
            log.add(raw["unit"]!.location, path,
                    "unit '\(declared)' is not a count unit; a count is written in " + Units.countUnits.sorted().joined(separator: ", "))
        }
        let checks = ValueChecks(unit: unit, isFraction: canonical?.dimension == .fraction || declared == "fraction")

        if let valuesNode = raw["values"] {
            for key in ["value", "base", "dist"] where raw[key] != nil {
                log.add(raw[key]!.location, YAMLReader.join(path, key), "a series has 'values' only, not '\(key)'")
            }
            guard case let .list(items) = valuesNode.kind else {
                log.add(valuesNode.location, path, "expected a list of numbers for 'values', got \(valuesNode.what)")
                return placeholderSeries(raw, unit: unit, declared: declared, source: source)
            }
            if items.isEmpty { log.add(valuesNode.location, path, "'values' is empty") }
            var values: [Double] = []
            for (i, item) in items.enumerated() {
                let p = YAMLReader.join(path, String(i))
                guard let written = number(item, path: p, what: "values") else { values.append(0); continue }
                let x = conversion.apply(written)
                if let problem = checks.writtenProblem(x) { log.add(item.location, p, problem) }
                values.append(x)
            }
            return ScenarioNode(kind: .series(.init(values: values, distributions: Array(repeating: nil, count: values.count),
                                                    unit: unit, declaredUnit: declared, source: source,
                                                    elementLocations: items.map(\.location))),
                                location: raw.location)
        }

        var distribution: Distribution?
        if let d = raw["dist"], let t = text(d, path: path, what: "dist") {
            do {
                let converted = try Distribution.parse(t).converted(by: conversion)
                try converted.check()
                distribution = converted
            } catch {
                log.add(d.location, path, error.message)
            }
        }
        if raw["value"] != nil && (raw["dist"] != nil || raw["base"] != nil) {
            log.add(raw["value"]!.location, path, "give either 'value', or 'dist' with an optional 'base', not both")
        }
        if raw["dist"] == nil && raw["base"] != nil && raw["value"] == nil {
            log.add(raw["base"]!.location, path, "'base' needs a 'dist'; write a fixed number as 'value'")
        }
        var base: Double
        var baseNode = raw["value"] ?? raw["base"]
        if let b = baseNode, let x = number(b, path: path, what: raw["value"] != nil ? "value" : "base") {
            base = conversion.apply(x)
        } else if baseNode == nil, let distribution {
            base = distribution.base
            baseNode = raw["dist"]
        } else {
            base = distribution?.base ?? 0
            baseNode = nil
        }
        if let baseNode {
            if let problem = raw["value"] != nil ? checks.writtenProblem(base) : checks.problem(base) {
                log.add(baseNode.location, path, problem)
            } else if let distribution, !(distribution.lowerBound...distribution.upperBound).contains(base) {
                log.add(baseNode.location, path,
                        "base \(Distribution.format(base)) lies outside the range of \(distribution.syntax)")
            }
        }
        if let distribution, let problem = checks.problem(distribution) {
            log.add(raw["dist"]!.location, path, problem)
        }
        return ScenarioNode(kind: .parameter(.init(base: base, distribution: distribution, unit: unit,
                                                   declaredUnit: declared, source: source)),
                            location: raw.location)
    }

    private func placeholderSeries(_ raw: RawNode, unit: String, declared: String, source: String) -> ScenarioNode {
        ScenarioNode(kind: .series(.init(values: [], distributions: [], unit: unit, declaredUnit: declared,
                                         source: source, elementLocations: [])), location: raw.location)
    }
}

/// Range rules that depend on the unit: fractions lie in [0, 1], counts are positive.
struct ValueChecks {
    let unit: String
    let isFraction: Bool

    var isCount: Bool { Units.countUnits.contains(unit) }

    /// What is wrong with a value, if anything.
    func problem(_ x: Double) -> String? {
        if isFraction && !(0...1).contains(x) {
            return "expected a fraction in [0, 1], got \(Distribution.format(x))"
        }
        if isCount && !(x > 0) {
            return "expected a positive number, got \(Distribution.format(x))"
        }
        return nil
    }

    /// What is wrong with a value as written (in a file or a `--set`): `problem(x)`, and a count
    /// must be a whole number (a fraction of a GPU, or 1e-320 GPUs, is a typo). `--set` and
    /// `--vary` values are checked the same way. Sampled counts may be fractional: they stand
    /// for expected numbers of units.
    func writtenProblem(_ x: Double) -> String? {
        if let problem = problem(x) { return problem }
        if isCount && x != x.rounded() { return "expected a whole number of \(unit), got \(Distribution.format(x))" }
        return nil
    }

    /// What is wrong with a distribution's range, if anything.
    func problem(_ d: Distribution) -> String? {
        if isFraction && (d.lowerBound < 0 || d.upperBound > 1) {
            return "a fraction's distribution must stay in [0, 1], but \(d.syntax) ranges over "
                + "[\(Distribution.format(d.lowerBound)), \(Distribution.format(d.upperBound))]"
        }
        if isCount && d.lowerBound < 0 {
            return "a count's distribution must not go below 0, but \(d.syntax) does"
        }
        if isCount, case let .choice(values, _) = d, values.contains(where: { $0 <= 0 }) {
            return "a count's choices must be positive, got \(d.syntax)"
        }
        return nil
    }
}

/// Units of scenario inputs: a numeric field's name ends with its canonical unit
/// (`tdp_w`, `approach_c`, `price_usd_per_kwh`, …) and the loader converts the unit written
/// in the file to it exactly, rejecting a unit of another dimension.
///
/// Conversions are ratios of integers (1 lb = 45359237/10⁸ kg exactly, 1 US gal =
/// 3785411784/10⁹ L exactly, 1 Wh = 3600 J), applied as one multiplication or one division
/// when either side is 1, so converting a value written in a decimal unit gives the
/// correctly rounded canonical value. Temperatures are affine (°F → °C: (x − 32)·5/9;
/// K → °C: x − 273.15), except for temperature differences (fields whose name has a token
/// `approach`, `range`, `delta`, `difference`, `rise`, `lift`, `amplitude`, `swing` or `sd`,
/// or units written with Δ), which scale only.
public enum Units {
    /// What a unit measures.
    public enum Dimension: String, Sendable, Hashable, CaseIterable {
        case power, energy, temperature, temperatureDifference = "temperature difference"
        case money, pricePerEnergy = "price per energy", massPerEnergy = "mass per energy"
        case volumePerEnergy = "volume per energy", mass, years = "duration in years"
        case hours = "duration in hours", volume, fraction
    }

    /// The canonical unit a field's name asks for.
    public struct Canonical: Sendable, Hashable {
        public var dimension: Dimension
        /// The unit symbol values are converted to, e.g. "W", "°C", "kg/kWh", "fraction".
        public var symbol: String
    }

    /// Field-name suffixes and their canonical units, longest first.
    static let suffixes: [(String, Dimension, String)] = [
        ("_usd_per_kwh", .pricePerEnergy, "USD/kWh"), ("_kg_per_kwh", .massPerEnergy, "kg/kWh"),
        ("_l_per_kwh", .volumePerEnergy, "L/kWh"), ("_fraction", .fraction, "fraction"),
        ("_years", .years, "years"), ("_hours", .hours, "hours"),
        ("_kwh", .energy, "kWh"), ("_mwh", .energy, "MWh"), ("_wh", .energy, "Wh"),
        ("_usd", .money, "USD"), ("_kw", .power, "kW"), ("_mw", .power, "MW"), ("_m3", .volume, "m3"),
        ("_kg", .mass, "kg"), ("_w", .power, "W"), ("_c", .temperature, "°C"), ("_t", .mass, "t"),
        ("_l", .volume, "L"),
    ]

    /// Name tokens that make a `_c` field a temperature difference.
    static let differenceTokens: Set<String> = ["approach", "range", "delta", "difference", "diff", "rise",
                                                "lift", "amplitude", "swing", "sd", "dt"]

    /// Units that count things; their values must be positive.
    public static let countUnits: Set<String> = ["GPU", "GPUs", "server", "servers", "count", "CPU", "CPUs",
                                                 "node", "nodes", "rack", "racks", "chip", "chips",
                                                 "unit", "units", "switch", "switches"]

    /// A unit: factor num/den to the dimension's reference unit, with an affine offset for temperatures.
    struct Definition {
        var num: Int64
        var den: Int64
        /// Added to the value before scaling (−32 for °F).
        var before: Double = 0
        /// Added after scaling (−273.15 for K).
        var after: Double = 0
    }

    /// Units by dimension; keys are normalised spellings (see `normalise`).
    static let table: [Dimension: [String: Definition]] = {
        func d(_ n: Int64, _ m: Int64 = 1) -> Definition { Definition(num: n, den: m) }
        var t: [Dimension: [String: Definition]] = [:]
        t[.power] = ["W": d(1), "kW": d(1000), "MW": d(1_000_000), "GW": d(1_000_000_000)]
        t[.energy] = ["Wh": d(1), "kWh": d(1000), "MWh": d(1_000_000), "GWh": d(1_000_000_000),
                      "TWh": d(1_000_000_000_000), "J": d(1, 3600), "kJ": d(5, 18), "MJ": d(2500, 9),
                      "GJ": d(2_500_000, 9)]
        t[.temperature] = ["°C": d(1), "C": d(1), "degC": d(1),
                           "K": Definition(num: 1, den: 1, after: -273.15),
                           "°F": Definition(num: 5, den: 9, before: -32), "F": Definition(num: 5, den: 9, before: -32),
                           "degF": Definition(num: 5, den: 9, before: -32)]
        t[.temperatureDifference] = ["°C": d(1), "C": d(1), "K": d(1), "Δ°C": d(1), "ΔC": d(1), "ΔK": d(1),
                                     "degC": d(1), "°F": d(5, 9), "F": d(5, 9), "Δ°F": d(5, 9), "ΔF": d(5, 9),
                                     "degF": d(5, 9)]
        t[.money] = ["USD": d(1), "$": d(1), "kUSD": d(1000), "MUSD": d(1_000_000), "millionUSD": d(1_000_000),
                     "BUSD": d(1_000_000_000), "billionUSD": d(1_000_000_000)]
        t[.pricePerEnergy] = ["USD/kWh": d(1), "$/kWh": d(1), "USD/MWh": d(1, 1000), "$/MWh": d(1, 1000),
                              "USD/Wh": d(1000), "USD/GWh": d(1, 1_000_000), "cents/kWh": d(1, 100),
                              "¢/kWh": d(1, 100)]
        t[.massPerEnergy] = ["kg/kWh": d(1), "g/kWh": d(1, 1000), "kg/MWh": d(1, 1000), "t/MWh": d(1),
                             "lb/MWh": d(45_359_237, 100_000_000_000), "lb/kWh": d(45_359_237, 100_000_000),
                             "g/Wh": d(1)]
        t[.volumePerEnergy] = ["L/kWh": d(1), "L/MWh": d(1, 1000), "m3/MWh": d(1), "m3/kWh": d(1000),
                               "gal/MWh": d(3_785_411_784, 1_000_000_000_000),
                               "gal/kWh": d(3_785_411_784, 1_000_000_000)]
        t[.mass] = ["kg": d(1), "g": d(1, 1000), "t": d(1000), "kt": d(1_000_000), "Mt": d(1_000_000_000),
                    "lb": d(45_359_237, 100_000_000)]
        t[.years] = ["years": d(1), "year": d(1), "yr": d(1), "y": d(1), "a": d(1), "months": d(1, 12),
                     "month": d(1, 12)]
        t[.hours] = ["hours": d(1), "hour": d(1), "h": d(1), "hr": d(1), "min": d(1, 60), "s": d(1, 3600),
                     "days": d(24), "day": d(24), "d": d(24)]
        t[.volume] = ["L": d(1), "m3": d(1000), "kL": d(1000), "ML": d(1_000_000),
                      "gal": d(3_785_411_784, 1_000_000_000)]
        t[.fraction] = ["fraction": d(1), "1": d(1), "%": d(1, 100), "percent": d(1, 100)]
        return t
    }()

    /// The canonical unit of a field, from its name's suffix; nil for a field that declares its unit freely.
    public static func canonical(forField name: String) -> Canonical? {
        for (suffix, dim, symbol) in suffixes where name.hasSuffix(suffix) && name.count > suffix.count {
            if dim == .temperature && isDifference(field: name) {
                return Canonical(dimension: .temperatureDifference, symbol: "°C")
            }
            return Canonical(dimension: dim, symbol: symbol)
        }
        return nil
    }

    /// True when a `_c` field holds a temperature difference (scaled, never offset, by a conversion).
    static func isDifference(field name: String) -> Bool {
        name.split(separator: "_").contains { differenceTokens.contains(String($0)) }
    }

    /// A unit spelling reduced to a table key: spaces and "CO2e"/"CO2" dropped, "m³" → "m3",
    /// "litre"/"liter"/"l" → "L".
    static func normalise(_ unit: String) -> String {
        var u = unit.replacingOccurrences(of: "CO2e", with: "").replacingOccurrences(of: "CO₂e", with: "")
            .replacingOccurrences(of: "CO2", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "m³", with: "m3")
        for (a, b) in [("litres", "L"), ("liters", "L"), ("litre", "L"), ("liter", "L")] {
            u = u.replacingOccurrences(of: a, with: b)
        }
        if u == "l" { u = "L" }
        if u.hasPrefix("l/") { u = "L" + u.dropFirst() }
        return u
    }

    /// The conversion from `unit` (as written in a file) to the canonical unit of `canonical`.
    /// Throws a message naming the expected units when `unit` measures something else.
    static func conversion(from unit: String, to canonical: Canonical) throws(DistributionError) -> UnitConversion {
        let units = table[canonical.dimension]!
        guard let from = units[normalise(unit)] else {
            let known = units.keys.sorted().joined(separator: ", ")
            throw DistributionError("unit '\(unit)' is not a \(canonical.dimension.rawValue) unit (the field is in \(canonical.symbol); accepted: \(known))")
        }
        // Every table unit combines with its dimension's canonical units (a test walks them all).
        return UnitConversion.plain(from: from, to: units[normalise(canonical.symbol)]!)!
    }

    /// The conversion a scenario applies to a field: from `unit` as written to the canonical unit
    /// of `field` (identity for a field without a unit suffix). Throws for a unit of another dimension.
    public static func conversion(from unit: String, forField field: String) throws -> UnitConversion {
        guard var c = canonical(forField: field) else { return .identity }
        if unit.hasPrefix("Δ"), c.dimension == .temperature { c.dimension = .temperatureDifference }
        return try conversion(from: unit, to: c)
    }

    /// Converts `value` between two units of the same dimension, e.g. `convert(75, from: "°F", to: "°C")`.
    /// `difference` treats temperatures as differences (no offset).
    public static func convert(_ value: Double, from: String, to: String, difference: Bool = false) throws -> Double {
        let (a, b) = (normalise(from), normalise(to))
        for dim in Dimension.allCases where dim != (difference ? .temperature : .temperatureDifference) {
            guard let u = table[dim]![a], let v = table[dim]![b] else { continue }
            if let direct = UnitConversion.plain(from: u, to: v) { return direct.apply(value) }
            let toReference = UnitConversion(num: u.num, den: u.den, before: u.before, after: u.after)
            return UnitConversion(fromReferenceTo: v).apply(toReference.apply(value))
        }
        throw DistributionError("cannot convert '\(from)' to '\(to)': not the same dimension")
    }

    /// The dimension a unit belongs to, if it is a known unit (a temperature is reported as `.temperature`).
    public static func dimension(of unit: String) -> Dimension? {
        let u = normalise(unit)
        return Dimension.allCases.first { $0 != .temperatureDifference && table[$0]![u] != nil }
    }
}

/// An exact conversion between two units: y = ((x + before)·num/den) + after, with the
/// offsets only for absolute temperatures.
public struct UnitConversion: Sendable, Hashable {
    /// Scale as a ratio of integers, reduced.
    public let num: Int64
    public let den: Int64
    /// Added before scaling, e.g. −32 for °F.
    public let before: Double
    /// Added after scaling, e.g. −273.15 for K.
    public let after: Double

    public static let identity = UnitConversion(num: 1, den: 1, before: 0, after: 0)

    init(num: Int64, den: Int64, before: Double, after: Double) {
        let g = UnitConversion.gcd(num, den)
        self.num = num / g; self.den = den / g; self.before = before; self.after = after
    }

    /// From unit `u` to the offset-free unit `v` of the same dimension (both relative to the
    /// dimension's reference unit): x_v = ((x + u.before)·u.num/u.den + u.after)·v.den/v.num.
    /// Nil when the combined ratio does not fit in 64-bit integers.
    static func plain(from u: Units.Definition, to v: Units.Definition) -> UnitConversion? {
        guard v.before == 0 && v.after == 0 && (u.after == 0 || v.num == v.den) else { return nil }
        // (u.num/u.den)/(v.num/v.den), cross-reduced first so that the products stay small.
        let g1 = gcd(u.num, v.num), g2 = gcd(u.den, v.den)
        let (num, o1) = (u.num / g1).multipliedReportingOverflow(by: v.den / g2)
        let (den, o2) = (u.den / g2).multipliedReportingOverflow(by: v.num / g1)
        if o1 || o2 { return nil }
        return UnitConversion(num: num, den: den, before: u.before, after: u.after)
    }

    /// From the reference unit to unit `v`: x_v = (x − v.after)·v.den/v.num − v.before.
    init(fromReferenceTo v: Units.Definition) {
        self.init(num: v.den, den: v.num, before: -v.after, after: -v.before)
    }

    /// True when the conversion changes nothing.
    public var isIdentity: Bool { num == den && before == 0 && after == 0 }

    /// True when the conversion has an offset (absolute temperatures).
    public var isAffine: Bool { before != 0 || after != 0 }

    /// Converts a value.
    public func apply(_ x: Double) -> Double { scale(x + before) + after }

    /// Converts a difference or spread (sd, sigma-free widths): the scale only.
    public func applyToDifference(_ x: Double) -> Double { scale(x) }

    private func scale(_ x: Double) -> Double {
        if den == 1 { return num == 1 ? x : x * Double(num) }
        if num == 1 { return x / Double(den) }
        return x * Double(num) / Double(den)
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? Swift.max(a, 1) : gcd(b, a % b) }
}

extension Distribution {
    /// The same distribution in another unit: locations converted, spreads scaled.
    /// A lognormal cannot take an offset conversion (it would no longer be lognormal).
    func converted(by c: UnitConversion) throws(DistributionError) -> Distribution {
        if c.isIdentity { return self }
        let f = c.apply, g = c.applyToDifference
        switch self {
        case let .uniform(a, b): return .uniform(min: f(a), max: f(b))
        case let .triangular(a, m, b): return .triangular(min: f(a), mode: f(m), max: f(b))
        case let .pert(a, m, b): return .pert(min: f(a), mode: f(m), max: f(b))
        case let .normal(mu, sd): return .normal(mean: f(mu), sd: g(sd))
        case let .truncnormal(mu, sd, a, b): return .truncnormal(mean: f(mu), sd: g(sd), min: f(a), max: f(b))
        case let .lognormal(m, s):
            if c.isAffine { throw DistributionError("a lognormal cannot be converted from a unit with an offset; write it in °C") }
            return .lognormal(median: f(m), sigma: s)
        case let .beta(al, be, a, b): return .beta(alpha: al, beta: be, min: f(a), max: f(b))
        case let .choice(v, w): return .choice(values: v.map(f), weights: w)
        }
    }
}

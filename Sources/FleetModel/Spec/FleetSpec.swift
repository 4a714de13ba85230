/// A scenario resolved to concrete values: what the physics evaluates.
///
/// Its shape is the resolved scenario tree: `fleet.cohorts.<id>`, `hardware.<id>`,
/// `sites.<id>`, `grids.<id>`; every dotted path a user can `--set` names a field here.
/// Keys are snake_case in files (explicit `CodingKeys`).
public struct FleetSpec: Codable, Sendable {
    public var id: String
    public var title: String
    public var description: String?
    public var term: TermSpec
    public var contract: ContractSpec
    public var fleet: FleetSection
    /// Catalog entries used by the cohorts (from models/hardware.yaml, with scenario overrides).
    public var hardware: IDMap<HardwareSpec>
    /// Sites used by the cohorts (from models/sites/<id>.yaml, with scenario overrides).
    public var sites: IDMap<SiteSpec>
    /// Grids used by the sites (from models/grids/<id>.yaml, with scenario overrides).
    public var grids: IDMap<GridSpec>
    /// Named, switchable parts of the scenario (`options.<name>.enabled`); cohorts name theirs
    /// with `option:`. Nil when the scenario has none.
    public var options: IDMap<OptionSpec>?

    enum CodingKeys: String, CodingKey {
        case id, title, description, term, contract, fleet, hardware, sites, grids, options
    }

    /// The cohorts as the scenario declares them, before `finish()` leaves out those of
    /// disabled options and writes out refreshes into `fleet.cohorts`; samples write their
    /// cohort values here.
    var declaredCohorts: IDMap<CohortSpec>

    /// Decodes the scenario, then leaves out the cohorts of disabled options and adds the
    /// successor cohort of every generation refresh (`finish()`).
    /// - Throws: `DecodingError.dataCorrupted` for a cohort naming an option that does not exist.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        term = try c.decode(TermSpec.self, forKey: .term)
        contract = try c.decode(ContractSpec.self, forKey: .contract)
        fleet = try c.decode(FleetSection.self, forKey: .fleet)
        hardware = try c.decode(IDMap<HardwareSpec>.self, forKey: .hardware)
        sites = try c.decode(IDMap<SiteSpec>.self, forKey: .sites)
        grids = try c.decode(IDMap<GridSpec>.self, forKey: .grids)
        options = try c.decodeIfPresent(IDMap<OptionSpec>.self, forKey: .options)
        declaredCohorts = fleet.cohorts
        try finish(codingPath: c.codingPath)
    }

    /// Sets `fleet.cohorts` from `declaredCohorts`: leaves out the cohorts of disabled options
    /// and adds the successor cohort of every generation refresh (`expandingRefreshes()`).
    /// Decoding does this; a spec whose declared values were written since does it again.
    /// - Throws: `DecodingError.dataCorrupted` for a cohort naming an option that does not exist.
    mutating func finish(codingPath: [any CodingKey] = []) throws {
        for cohort in declaredCohorts {
            for (key, name) in [("option", cohort.option), ("refresh_option", cohort.refreshOption)] {
                guard let name, options?[id: name] == nil else { continue }
                throw DecodingError.dataCorrupted(.init(
                    codingPath: codingPath + [CodingKeys.fleet, AnyKey("cohorts"), AnyKey(cohort.id), AnyKey(key)],
                    debugDescription: "unknown option \"\(name)\"; options: \((options?.ids ?? []).joined(separator: ", "))"))
            }
        }
        fleet.cohorts = IDMap(declaredCohorts.filter { c in c.option.map { options?[id: $0]?.enabled ?? true } ?? true })
        fleet.cohorts = expandingRefreshes()
    }

    /// The cohorts with each generation refresh written out (those whose `refresh_option` is
    /// disabled keep their `refresh` as it is): a cohort with `refresh_to: X`
    /// retires after its service life L (the hardware's useful life, or the time from
    /// `deploy_start` to `refresh_date`) without identical replacement, and a successor cohort
    /// `<id>-refresh` of hardware X, same count, site and workload, deploys on the same ramp
    /// delayed by L (so installed units stay constant through the swap) and refreshes in kind.
    func expandingRefreshes() -> IDMap<CohortSpec> {
        var out: [CohortSpec] = []
        lazy var calendar = try? termCalendar().get()  // made once, for the first refresh date
        for var c in fleet.cohorts.elements {
            let switchedOff = c.refreshOption.map { options?[id: $0]?.enabled == false } ?? false
            guard let next = c.refreshTo, !switchedOff, let hw = hardware[id: c.hardware] else { out.append(c); continue }
            var life = hw.usefulLifeYears
            if let date = c.refreshDate, let cal = calendar,
               let d = try? cal.hour(of: date), let s = try? cal.hour(of: c.deployStart), d > s {
                life = (d - s) / TermCalendar.hoursPerYear
            }
            var successor = c
            successor.id = c.id + "-refresh"
            successor.hardware = next
            successor.refreshTo = nil
            successor.refreshDate = nil
            successor.refresh = true
            successor.deployDelayYears = (c.deployDelayYears ?? 0) + life
            c.refresh = false
            c.serviceLifeYears = life
            out.append(c)
            out.append(successor)
        }
        return IDMap(out)
    }
}

/// A named, switchable part of a scenario, for example an expansion the contract leaves as an option.
public struct OptionSpec: Codable, Sendable, Hashable, Identified {
    public var id: String = ""
    /// Whether the option's cohorts are part of the fleet.
    public var enabled: Bool
    /// What the option is and where it comes from.
    public var source: String?
    enum CodingKeys: String, CodingKey { case enabled, source }
}

/// The contract term.
public struct TermSpec: Codable, Sendable, Hashable {
    /// First day, "YYYY-MM-DD".
    public var start: String
    /// Length in whole months.
    public var months: Int
}

/// The commercial contract the fleet serves.
public struct ContractSpec: Codable, Sendable, Hashable {
    /// Total contract value over the term, nominal USD.
    public var valueUSD: Double
    /// Published prices of comparable capacity by name, USD per GPU-hour, to set beside the
    /// contract value per GPU-hour delivered (sources in the result's `inputs`).
    public var comparablePrices: ComparablePrices?
    enum CodingKeys: String, CodingKey {
        case valueUSD = "value_usd"
        case comparablePrices = "comparable_prices"
    }

    public init(valueUSD: Double, comparablePrices: ComparablePrices? = nil) {
        self.valueUSD = valueUSD; self.comparablePrices = comparablePrices
    }
}

/// Named prices, USD per GPU-hour, in file order.
public struct ComparablePrices: Codable, Sendable, Hashable {
    public var entries: [(name: String, usdPerGPUHour: Double)]

    public init(_ entries: [(name: String, usdPerGPUHour: Double)]) { self.entries = entries }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        entries = try c.allKeys.map { ($0.stringValue, try c.decode(Double.self, forKey: $0)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for e in entries { try c.encode(e.usdPerGPUHour, forKey: AnyKey(e.name)) }
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.entries.map(\.name) == b.entries.map(\.name) && a.entries.map(\.usdPerGPUHour) == b.entries.map(\.usdPerGPUHour)
    }

    public func hash(into h: inout Hasher) {
        for e in entries { h.combine(e.name); h.combine(e.usdPerGPUHour) }
    }
}

/// The hardware cohorts of the fleet.
public struct FleetSection: Codable, Sendable {
    public var cohorts: IDMap<CohortSpec>
}

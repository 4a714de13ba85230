/// The shared data without a scenario: hardware, sites, grids and scenarios of a models source,
/// for `fleetwatt catalog` and for commands that take a catalog id (`estimate --gpu ID`,
/// `power --gpu ID`).
public struct Catalog: Sendable {
    /// The data sections.
    public enum Section: String, Sendable, CaseIterable {
        case hardware, sites, grids
    }

    /// One entry: its id, its `name` when it has one, and the file it is defined in.
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var name: String?
        public var file: String
    }

    public let models: ModelsSource
    /// Hardware ids in catalog order.
    public private(set) var hardware: [Entry] = []
    /// Sites and grids, one file each, sorted by id.
    public private(set) var sites: [Entry] = []
    public private(set) var grids: [Entry] = []
    /// Scenario ids (file names in scenarios/), sorted.
    public let scenarios: [String]

    /// The embedded catalog.
    public static func embedded() throws -> Catalog { try Catalog(models: .embedded) }

    /// The catalog of a models source. Throws `ScenarioErrors` when a data file cannot be read.
    public init(models: ModelsSource) throws {
        self.models = models
        scenarios = models.ids(in: "scenarios")
        var errors: [ScenarioError] = []
        for section in Section.allCases {
            var entries: [Entry] = []
            for rel in Catalog.files(section, models) {
                do {
                    let node = try YAMLReader.read(models.text(rel) ?? "", file: models.fileName(rel))
                    for e in node[section.rawValue]?.entries ?? [] {
                        entries.append(Entry(id: e.key, name: e.value["name"]?.scalarText, file: models.fileName(rel)))
                    }
                } catch {
                    errors += error.errors
                }
            }
            switch section {
            case .hardware: hardware = entries
            case .sites: sites = entries
            case .grids: grids = entries
            }
        }
        if !errors.isEmpty { throw ScenarioErrors(errors) }
    }

    private static func files(_ section: Section, _ models: ModelsSource) -> [String] {
        switch section {
        case .hardware: return models.text("hardware.yaml") == nil ? [] : ["hardware.yaml"]
        case .sites, .grids: return models.ids(in: section.rawValue).map { "\(section.rawValue)/\($0).yaml" }
        }
    }

    /// The entry `id` of a section as a resolved tree (units converted), paths `<section>.<id>…`.
    public func node(_ section: Section, id: String) throws -> ScenarioNode {
        try entry(section, id: id).node
    }

    /// Every numeric input of one entry, with paths `<section>.<id>.…`.
    public func parameters(_ section: Section, id: String) throws -> [ScenarioParameter] {
        CompiledTree(try entry(section, id: id).node, path: "\(section.rawValue).\(id)").parameters
    }

    /// Decodes one entry, e.g. `catalog.decode(HardwareSpec.self, .hardware, id: "h100-sxm")`.
    /// Unknown ids get the closest known id; errors are located as for a scenario.
    public func decode<T: Decodable>(_ type: T.Type, _ section: Section, id: String) throws -> T {
        try decodeEntry(type, section, id: id)
    }

    /// Decodes one entry of an `Identified` type with its `id` set from the key.
    public func decode<T: Decodable & Identified>(_ type: T.Type, _ section: Section, id: String) throws -> T {
        var value: T = try decodeEntry(type, section, id: id)
        value.id = id
        return value
    }

    private func decodeEntry<T: Decodable>(_ type: T.Type, _ section: Section, id: String) throws -> T {
        let tree = CompiledTree(try entry(section, id: id).node, path: "\(section.rawValue).\(id)")
        let (result, errors) = TreeDecoder.decode(type, tree: tree, values: tree.baseValues, track: true)
        guard let result, errors.isEmpty else { throw ScenarioErrors(errors) }
        return result
    }

    private func entry(_ section: Section, id: String) throws -> (node: ScenarioNode, file: String) {
        let list: [Entry] = switch section {
        case .hardware: hardware
        case .sites: sites
        case .grids: grids
        }
        guard let found = list.first(where: { $0.id == id }) else {
            let kind = section == .hardware ? "hardware" : String(section.rawValue.dropLast())
            let nearest = ClosestMatch.nearest(to: id, among: list.map(\.id))
            throw ScenarioErrors([ScenarioError(file: "--\(section == .hardware ? "gpu" : kind)", line: 0, column: 0,
                                                path: "\(section.rawValue).\(id)",
                                                message: "unknown \(kind) '\(id)'"
                                                    + (nearest.map { " (the closest known id is '\($0)')" } ?? ""))])
        }
        let rel = section == .hardware ? "hardware.yaml" : "\(section.rawValue)/\(id).yaml"
        let raw = try YAMLReader.read(models.text(rel) ?? "", file: models.fileName(rel))
        guard var entry = raw[section.rawValue]?[id] else {
            throw ScenarioErrors([ScenarioError(raw.location, path: "\(section.rawValue).\(id)", "no longer defined in this file")])
        }
        let log = ErrorLog()
        if section == .sites {
            // A site names its cooling design (models/cooling.yaml), as in a scenario.
            entry = ScenarioResolver(models: models, log: log)
                .expandingCoolingDesign(RawNode.RawEntry(key: id, keyLocation: entry.location, value: entry)).value
        }
        let node = LeafReader(log: log).read(entry, path: "\(section.rawValue).\(id)", field: id)
        try log.throwIfAny()
        return (node, found.file)
    }
}

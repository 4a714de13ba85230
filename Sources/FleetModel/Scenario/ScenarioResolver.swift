/// Pulls the data a scenario refers to and merges the scenario over it.
///
/// A cohort's `hardware: <id>` pulls `hardware.<id>` from hardware.yaml, its `site: <id>` pulls
/// `sites.<id>` from sites/<id>.yaml, and a site's `grid: <id>` pulls `grids.<id>` from
/// grids/<id>.yaml. The scenario's own entries under those keys deep-merge over the pulled ones
/// (scenario wins; a parameter leaf is replaced whole). Only referenced entries are included;
/// a scenario entry that nothing refers to is an error (it is most likely a misspelt id).
final class ScenarioResolver {
    let models: ModelsSource
    let log: ErrorLog
    /// Data files already read (nil: absent or unreadable, errors logged once).
    private var cache: [String: RawNode?] = [:]
    /// Every data file read, in the order first read, with the SHA-256 of its text.
    private(set) var filesRead: [FleetResult.DataFile] = []

    init(models: ModelsSource, log: ErrorLog) {
        self.models = models; self.log = log
    }

    /// The data sections, their file kinds and schemas.
    private static let sections: [(key: String, schema: String)] = [
        ("hardware", "fleetwatt.hardware/1"), ("sites", "fleetwatt.site/1"), ("grids", "fleetwatt.grid/1"),
    ]

    func resolve(_ written: RawNode) -> RawNode {
        checkSchema(written, "fleetwatt.scenario/1")
        guard written.isMapping else {
            log.add(written.location, "", "expected a mapping at the top of the scenario, got \(written.what)")
            return written
        }
        let scenario = expandingWorkloadProfiles(written)
        var references: [String: [(id: String, node: RawNode, path: String)]] = [:]
        for entry in scenario["fleet"]?["cohorts"]?.entries ?? [] where !ModelsSource.isPlainID(entry.key) {
            log.add(entry.keyLocation, "fleet.cohorts.\(entry.key)", "a cohort id must be a plain name, \(ScenarioResolver.plainRule), got '\(entry.key)'")
        }
        for (id, cohort) in entities(scenario["fleet"]?["cohorts"]) {
            let path = "fleet.cohorts.\(id)"
            if let h = cohort["hardware"] { references["hardware", default: []].append(reference(h, "\(path).hardware")) }
            if let h = cohort["refresh_to"] { references["hardware", default: []].append(reference(h, "\(path).refresh_to")) }
            if let s = cohort["site"] { references["sites", default: []].append(reference(s, "\(path).site")) }
        }
        var resolved: [String: [RawNode.RawEntry]] = [:]
        for (key, _) in ScenarioResolver.sections {
            if key == "grids" {
                for entry in resolved["sites"] ?? [] {
                    if let g = entry.value["grid"] {
                        references["grids", default: []].append(reference(g, "sites.\(entry.key).grid"))
                    }
                }
            }
            resolved[key] = pull(key, references[key] ?? [], own: scenario[key])
            if key == "sites" { resolved[key] = resolved[key]?.map(expandingCoolingDesign) }
        }
        var out: [RawNode.RawEntry] = []
        var placed = Set<String>()
        for e in scenario.entries {
            if let merged = resolved[e.key] {
                out.append(.init(key: e.key, keyLocation: e.keyLocation, value: RawNode(kind: .mapping(merged), location: e.value.location)))
                placed.insert(e.key)
            } else {
                out.append(e)
            }
        }
        // A section is added when it has entries, or when something refers to it (empty when every
        // reference failed, so that the failed references are the only errors reported).
        for (key, _) in ScenarioResolver.sections
        where !placed.contains(key) && (!(resolved[key] ?? []).isEmpty || !(references[key] ?? []).isEmpty
                                         || key == "grids" && !(references["sites"] ?? []).isEmpty) {
            out.append(.init(key: key, keyLocation: scenario.location,
                             value: RawNode(kind: .mapping(resolved[key] ?? []), location: scenario.location)))
        }
        return RawNode(kind: .mapping(out), location: scenario.location)
    }

    /// The id a reference names, with its place.
    private func reference(_ node: RawNode, _ path: String) -> (id: String, node: RawNode, path: String) {
        guard let id = node.scalarText, !node.isNull else {
            log.add(node.location, path, "expected an id, got \(node.what)")
            return ("", node, path)
        }
        guard ModelsSource.isPlainID(id) else {
            log.add(node.location, path, "expected an id, \(ScenarioResolver.plainRule), got '\(id)'")
            return ("", node, path)
        }
        return (id, node, path)
    }

    /// What a plain id is, for messages (`ModelsSource.isPlainID`).
    static let plainRule = "ASCII letters, digits, '-' and '_' (no '.' or '/', at most 64 characters)"

    /// The (id, entry) pairs of an entity mapping.
    private func entities(_ node: RawNode?) -> [(String, RawNode)] {
        node?.entries.map { ($0.key, $0.value) } ?? []
    }

    /// Merged entries of one section for the referenced ids, in order of first reference.
    private func pull(_ section: String, _ refs: [(id: String, node: RawNode, path: String)], own: RawNode?) -> [RawNode.RawEntry] {
        let ownEntries = own?.entries ?? []
        if let own, !own.isMapping, !own.isNull {
            log.add(own.location, section, "expected a mapping of \(section) by id, got \(own.what)")
        }
        let known = availableIDs(section) + ownEntries.map(\.key)
        var out: [RawNode.RawEntry] = []
        var seen = Set<String>()
        for ref in refs where !ref.id.isEmpty && !seen.contains(ref.id) {
            let mine = ownEntries.first { $0.key == ref.id }
            let pulled = catalogEntry(section, ref.id)
            guard pulled != nil || mine != nil else {
                let kind = section == "hardware" ? "hardware" : String(section.dropLast())
                let nearest = ClosestMatch.nearest(to: ref.id, among: known.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } })
                log.add(ref.node.location, ref.path, "unknown \(kind) '\(ref.id)'"
                        + (nearest.map { " (the closest known id is '\($0)')" } ?? " (none is defined)"))
                continue
            }
            seen.insert(ref.id)
            let base = pulled?.value
            let merged = base.map { b in mine.map { ScenarioResolver.merge(b, over: $0.value) } ?? b } ?? mine!.value
            out.append(.init(key: ref.id, keyLocation: mine?.keyLocation ?? pulled!.keyLocation, value: merged))
        }
        for e in ownEntries where !seen.contains(e.key) {
            let kind = section == "hardware" ? "hardware" : String(section.dropLast())
            let user = section == "grids" ? "site" : "cohort"
            log.add(e.keyLocation, "\(section).\(e.key)", "\(kind) '\(e.key)' is not used by any \(user)"
                    + ClosestMatch.hint(for: e.key, among: refs.map(\.id)))
        }
        return out
    }

    /// Ids the data files offer for a section.
    private func availableIDs(_ section: String) -> [String] {
        if section == "hardware" { return catalog?["hardware"]?.entries.map(\.key) ?? [] }
        return models.ids(in: section)
    }

    /// The hardware catalog, read once.
    private var catalog: RawNode? { file("hardware.yaml", schema: "fleetwatt.hardware/1") }

    /// The entry for `id` in the section's data file, with its key's place.
    private func catalogEntry(_ section: String, _ id: String) -> RawNode.RawEntry? {
        guard ModelsSource.isPlainID(id) else { return nil }
        let root = section == "hardware" ? catalog
            : file("\(section)/\(id).yaml", schema: ScenarioResolver.sections.first { $0.key == section }!.schema)
        guard let root else { return nil }
        guard let entry = root[section]?.entries.first(where: { $0.key == id }) else {
            if section != "hardware" {
                log.add(root.location, section, "\(models.fileName("\(section)/\(id).yaml")) does not define \(section).\(id)")
            }
            return nil
        }
        return entry
    }

    /// A data file read and checked, nil (with the errors logged) when absent or unreadable.
    func file(_ relativePath: String, schema: String) -> RawNode? {
        if let cached = cache[relativePath] { return cached }
        var node: RawNode?
        if let text = models.text(relativePath) {
            filesRead.append(FleetResult.DataFile(path: relativePath, source: models.fileName(relativePath),
                                                  sha256: ScenarioHash.sha256Hex(Array(text.utf8))))
            do {
                node = try YAMLReader.read(text, file: models.fileName(relativePath))
                checkSchema(node!, schema)
            } catch {
                log.add(contentsOf: error.errors)
            }
        }
        cache[relativePath] = node
        return node
    }

    private func checkSchema(_ node: RawNode, _ schema: String) {
        guard let s = node["schema"] else { return }
        if s.scalarText != schema {
            log.add(s.location, "schema", "expected '\(schema)', got \(s.what)")
        }
    }

    /// `over` deep-merged over `base`: mappings merge key by key (base order, then new keys);
    /// anything else, and any parameter leaf, is replaced whole.
    static func merge(_ base: RawNode, over: RawNode) -> RawNode {
        guard case let .mapping(b) = base.kind, case let .mapping(o) = over.kind, !isParameter(over), !isParameter(base) else {
            return over
        }
        var out = b
        for e in o {
            if let i = out.firstIndex(where: { $0.key == e.key }) {
                out[i].value = merge(out[i].value, over: e.value)
            } else {
                out.append(e)
            }
        }
        return RawNode(kind: .mapping(out), location: over.location)
    }

    static func isParameter(_ node: RawNode) -> Bool {
        node.entries.contains { ["value", "base", "dist", "values"].contains($0.key) }
    }
}


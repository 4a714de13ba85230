/// Named blocks a scenario starts from instead of repeating them: a cohort's
/// `workload: {profile: <id>, …}` pulls `workloads.<id>` from models/workloads.yaml, and a
/// site's `cooling: {design: <id>, …}` pulls `cooling_designs.<id>` from models/cooling.yaml.
/// The fields written beside the id override the named block's field by field (the same
/// deep merge as sites and hardware), so the sources live in one place and a scenario says
/// only what differs. The id stays in the tree, so `--set …cooling.design=<id>` switches it.
struct NamedDefaults: Sendable {
    /// The key holding the id (`profile`, `design`).
    let key: String
    /// The data file, relative to models/.
    let file: String
    let schema: String
    /// The mapping of blocks by id inside the file.
    let section: String
    /// What a block is called in messages.
    let noun: String

    static let workloadProfiles = NamedDefaults(key: "profile", file: "workloads.yaml", schema: "fleetwatt.workloads/1",
                                                section: "workloads", noun: "workload profile")
    static let coolingDesigns = NamedDefaults(key: "design", file: "cooling.yaml", schema: "fleetwatt.cooling/1",
                                              section: "cooling_designs", noun: "cooling design")
}

extension ScenarioResolver {
    /// The scenario with every cohort's workload profile merged under what the cohort writes.
    func expandingWorkloadProfiles(_ scenario: RawNode) -> RawNode {
        guard let cohorts = scenario["fleet"]?["cohorts"], cohorts.isMapping else { return scenario }
        var changed = false
        let expanded = cohorts.entries.map { entry -> RawNode.RawEntry in
            guard let workload = entry.value["workload"], workload.isMapping else { return entry }
            guard let merged = expand(workload, .workloadProfiles, path: "fleet.cohorts.\(entry.key).workload") else {
                return entry
            }
            changed = true
            return RawNode.RawEntry(key: entry.key, keyLocation: entry.keyLocation,
                                    value: entry.value.replacing("workload", with: merged))
        }
        guard changed, let fleet = scenario["fleet"] else { return scenario }
        let newCohorts = RawNode(kind: .mapping(expanded), location: cohorts.location)
        return scenario.replacing("fleet", with: fleet.replacing("cohorts", with: newCohorts))
    }

    /// A pulled site with its cooling design merged under what the site (and scenario) write.
    func expandingCoolingDesign(_ site: RawNode.RawEntry) -> RawNode.RawEntry {
        guard let cooling = site.value["cooling"], cooling.isMapping,
              let merged = expand(cooling, .coolingDesigns, path: "sites.\(site.key).cooling") else { return site }
        return RawNode.RawEntry(key: site.key, keyLocation: site.keyLocation,
                                value: site.value.replacing("cooling", with: merged))
    }

    /// `node` merged over the named block its `named.key` entry refers to; nil when it names
    /// none, and when the id is bad (the error logged at the id, the node left as written).
    private func expand(_ node: RawNode, _ named: NamedDefaults, path: String) -> RawNode? {
        guard let ref = node.entries.first(where: { $0.key == named.key }) else { return nil }
        let at = "\(path).\(named.key)"
        guard let id = ref.value.scalarText, !ref.value.isNull, ModelsSource.isPlainID(id) else {
            log.add(ref.value.location, at, "expected the id of a \(named.noun), \(ScenarioResolver.plainRule), got \(ref.value.what)")
            return nil
        }
        let blocks = file(named.file, schema: named.schema)?[named.section]
        guard let base = blocks?.entries.first(where: { $0.key == id })?.value else {
            let known = blocks?.entries.map(\.key) ?? []
            let hint = known.isEmpty ? " (\(models.fileName(named.file)) defines none)"
                : ClosestMatch.nearest(to: id, among: known).map { " (the closest known id is '\($0)')" }
                    ?? " (known: \(known.joined(separator: ", ")))"
            log.add(ref.value.location, at, "unknown \(named.noun) '\(id)'\(hint)")
            return nil
        }
        return ScenarioResolver.merge(base, over: node)
    }
}

extension RawNode {
    /// A mapping with the value under `key` replaced (the key keeps its place).
    func replacing(_ key: String, with value: RawNode) -> RawNode {
        let entries = entries.map { $0.key == key ? RawEntry(key: key, keyLocation: $0.keyLocation, value: value) : $0 }
        return RawNode(kind: .mapping(entries), location: location)
    }
}

import Foundation

/// Where the shared data files come from: a models/ folder on disk, the copy embedded in the
/// binary, or files given in memory. Paths are relative to the models root:
/// `hardware.yaml`, `sites/<id>.yaml`, `grids/<id>.yaml`, `scenarios/<id>.yaml`.
public enum ModelsSource: Sendable, Hashable {
    /// A models/ folder; locations name files as `<root>/<relative path>`.
    case directory(String)
    /// The copy of models/ compiled into the binary; locations name files `embedded:<relative path>`.
    case embedded
    /// Files in memory (relative path → text), named `<label>/<relative path>`.
    case files([String: String], label: String)

    /// The text of a file, nil when it does not exist.
    func text(_ relativePath: String) -> String? {
        switch self {
        case let .directory(root):
            return try? String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
        case .embedded:
            return EmbeddedModels.files[relativePath]
        case let .files(files, _):
            return files[relativePath]
        }
    }

    /// The name used for a file in error locations.
    func fileName(_ relativePath: String) -> String {
        switch self {
        case let .directory(root): return root + "/" + relativePath
        case .embedded: return "embedded:" + relativePath
        case let .files(_, label): return label + "/" + relativePath
        }
    }

    /// Ids of the `.yaml` files in a folder (`sites`, `grids`, `scenarios`), sorted.
    func ids(in folder: String) -> [String] {
        let names: [String]
        switch self {
        case let .directory(root):
            names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
        case .embedded:
            names = EmbeddedModels.files.keys.filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) }
        case let .files(files, _):
            names = files.keys.filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) }
        }
        return names.filter { $0.hasSuffix(".yaml") && !$0.contains("/") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The models root for a scenario file: `<root>` when the file sits in `<root>/scenarios/`
    /// and `<root>` holds `hardware.yaml`, `sites/` or `grids/`; the embedded copy otherwise.
    /// A root is used whole, never mixed with the embedded copy: one with sites/ or grids/ but
    /// no hardware.yaml is refused (`incompleteness`), where it used to fall back silently to
    /// the embedded models and ignore the user's edited sites.
    static func forScenario(at path: String) -> ModelsSource {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard folder.lastPathComponent == "scenarios" else { return .embedded }
        // Keep the root as the user wrote it (relative paths stay relative in messages).
        var root = (path as NSString).deletingLastPathComponent
        root = (root as NSString).deletingLastPathComponent
        if root.isEmpty { root = "." }
        let marks = ["hardware.yaml", "sites", "grids"]
        return marks.contains { FileManager.default.fileExists(atPath: root + "/" + $0) } ? .directory(root) : .embedded
    }

    /// Why this source cannot serve a scenario (a models folder without hardware.yaml), if so.
    func incompleteness() -> ScenarioError? {
        guard case let .directory(root) = self, !FileManager.default.fileExists(atPath: root + "/hardware.yaml") else {
            return nil
        }
        return ScenarioError(file: root + "/hardware.yaml", line: 0, column: 0, path: "",
                             message: "this models folder has sites/ or grids/ but no hardware.yaml; "
                                + "add one (copy models/hardware.yaml) or move the scenario out of \(root)/scenarios/ "
                                + "to use the built-in models")
    }

    /// True when `id` can name a data entry: ASCII letters, digits, '-' and '_', starting with
    /// a letter or digit, at most 64 characters. Ids become file names (`sites/<id>.yaml`) and
    /// path segments (`fleet.cohorts.<id>.count`), so '/', '..' and '.' are refused.
    static func isPlainID(_ id: String) -> Bool {
        let ok = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        guard let first = id.unicodeScalars.first, ok(first), id.unicodeScalars.count <= 64 else { return false }
        return id.unicodeScalars.allSatisfy { ok($0) || $0 == "-" || $0 == "_" }
    }
}

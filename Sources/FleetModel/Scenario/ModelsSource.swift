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
    /// and `<root>/hardware.yaml` exists, the embedded copy otherwise.
    static func forScenario(at path: String) -> ModelsSource {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard folder.lastPathComponent == "scenarios" else { return .embedded }
        // Keep the root as the user wrote it (relative paths stay relative in messages).
        var root = (path as NSString).deletingLastPathComponent
        root = (root as NSString).deletingLastPathComponent
        if root.isEmpty { root = "." }
        return FileManager.default.fileExists(atPath: root + "/hardware.yaml") ? .directory(root) : .embedded
    }
}

/// The JSON Schemas (draft 2020-12) of fleetwatt's JSON outputs, kept in the
/// repository under docs/ and embedded here so that `fleetwatt schema` prints them.
public enum ResultSchema {
    /// Which command's output a schema describes. Sweep and sensitivity results
    /// are `fleetwatt.result/1` documents with `sweep` or `sensitivity`.
    public enum Kind: String, CaseIterable, Sendable {
        case result, estimate, power, params, catalog, compare
    }

    /// The schema text of `kind`, byte for byte the file at `repositoryPath(of:)`.
    public static func text(of kind: Kind) -> String {
        switch kind {
        case .result: text
        case .estimate: estimateText
        case .power: powerText
        case .params: paramsText
        case .catalog: catalogText
        case .compare: compareText
        }
    }

    /// Where the schema lives in the repository, relative to its root.
    public static func repositoryPath(of kind: Kind) -> String {
        kind == .result ? "docs/result.schema.json" : "docs/schemas/\(kind.rawValue).schema.json"
    }
}

import Foundation
import FleetModel

/// JSON text of results and the other commands' outputs, with a clear error
/// (naming the JSON path) for a NaN or infinite number instead of an encoder failure.
public enum ResultJSON {
    /// The result as `fleetwatt.result/1` JSON: sorted keys, pretty-printed, ending in a newline.
    public static func data(_ result: FleetResult) throws(ReportError) -> Data {
        try encode(result)
    }

    /// Any of the command outputs (or a result) as sorted, pretty-printed JSON with a final newline.
    public static func encode<T: Encodable>(_ value: T) throws(ReportError) -> Data {
        try reportingErrors { try FleetResult.jsonData(value) }
    }

    /// The result as one line of compact, sorted JSON (for embedding in a notebook).
    public static func compact(_ result: FleetResult) throws(ReportError) -> String {
        let e = FleetResult.encoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try reportingErrors { try e.encode(result) }, as: UTF8.self)
    }

    /// `body`'s encoding, with a non-finite number reported by its JSON path.
    private static func reportingErrors(_ body: () throws -> Data) throws(ReportError) -> Data {
        do {
            return try body()
        } catch let EncodingError.invalidValue(v, context) {
            throw .nonFiniteNumber(path: jsonPath(context.codingPath), value: "\(v)")
        } catch {
            throw .io(path: "(json)", operation: "encode JSON", reason: "\(error)")
        }
    }

    /// `totals.pue.p05`, `monthly[3].pue.base`: a coding path as a readable JSON path.
    static func jsonPath(_ path: [any CodingKey]) -> String {
        var s = ""
        for k in path {
            if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
        }
        return s.isEmpty ? "(top level)" : s
    }
}

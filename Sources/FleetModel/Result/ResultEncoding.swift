import Foundation

extension FleetResult {
    /// A JSON encoder for results: sorted keys (stable diffs), pretty-printed,
    /// plain numbers. Non-finite numbers are an error, never written.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// The result as JSON text, UTF-8, ending in a newline.
    public func jsonData() throws -> Data { try Self.jsonData(self) }

    /// Any value as results are written (`encoder()`), UTF-8, ending in a newline.
    public static func jsonData<T: Encodable>(_ value: T) throws -> Data {
        var d = try encoder().encode(value)
        d.append(0x0A)
        return d
    }
}

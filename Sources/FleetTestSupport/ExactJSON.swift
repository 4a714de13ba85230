import Foundation

extension TestSupport {
    /// Parses JSON like `JSONSerialization.jsonObject`, into dictionaries, arrays, strings,
    /// `Double`s, `Bool`s and `NSNull`, but reads every number exactly as written.
    /// On Linux, `JSONSerialization` goes through a decimal type and can land one ULP off the
    /// number in the text (20.014642909637917 compared unequal to itself read back); the
    /// `JSONDecoder` reads the shortest round-trip form exactly, so a test can compare to the bit.
    public static func exactJSON(_ data: Data) throws -> Any {
        try JSONDecoder().decode(ExactJSONValue.self, from: data).value
    }
}

/// A JSON value decoded with `JSONDecoder`, for `TestSupport.exactJSON`.
struct ExactJSONValue: Decodable {
    let value: Any

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var out: [Any] = []
            while !array.isAtEnd { out.append(try array.decode(ExactJSONValue.self).value) }
            value = out
        } else if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var out: [String: Any] = [:]
            for key in object.allKeys { out[key.stringValue] = try object.decode(ExactJSONValue.self, forKey: key).value }
            value = out
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { value = NSNull() }
            else if let b = try? single.decode(Bool.self) { value = b }
            else if let d = try? single.decode(Double.self) { value = d }
            else { value = try single.decode(String.self) }
        }
    }

    struct AnyCodingKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

import Foundation

/// Little-endian binary writing for partial results: integers as 8 bytes, doubles by their
/// IEEE 754 bit pattern (so every value round-trips exactly), arrays and text prefixed by
/// their length.
struct PartialWriter {
    private(set) var data = Data()

    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { data.append(contentsOf: $0) } }
    mutating func uint64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func double(_ v: Double) { uint64(v.bitPattern) }
    mutating func doubles(_ a: [Double]) {
        int(a.count)
        data.reserveCapacity(data.count + 8 * a.count)
        for v in a { double(v) }
    }
    mutating func counts(_ a: [UInt32]) {
        int(a.count)
        for v in a { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    }
    mutating func flags(_ a: [Bool]) {
        int(a.count)
        data.append(contentsOf: a.map { $0 ? 1 : 0 })
    }
    mutating func bytes(_ d: Data) { int(d.count); data.append(d) }
    mutating func text(_ s: String) { bytes(Data(s.utf8)) }
    mutating func texts(_ a: [String]) { int(a.count); for s in a { text(s) } }
}

/// Reads what `PartialWriter` wrote; any read past the end or out of range is `Malformed`.
struct PartialReader {
    struct Malformed: Error { var what: String }

    private let data: Data
    private var offset: Int

    init(_ data: Data, from offset: Int = 0) {
        self.data = data
        self.offset = data.startIndex + offset
    }

    var isAtEnd: Bool { offset == data.endIndex }

    private mutating func take(_ n: Int, _ what: String) throws(Malformed) -> Data {
        guard n >= 0, data.endIndex - offset >= n else { throw Malformed(what: what) }
        defer { offset += n }
        return data[offset..<(offset + n)]
    }

    mutating func uint64(_ what: String = "a number") throws(Malformed) -> UInt64 {
        let d = try take(8, what)
        var v: UInt64 = 0
        for (i, b) in d.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }

    mutating func int(_ what: String = "a count") throws(Malformed) -> Int { Int(Int64(bitPattern: try uint64(what))) }

    /// A count of items of `size` bytes each that the rest of the data can hold.
    mutating func count(_ what: String, size: Int) throws(Malformed) -> Int {
        let n = try int(what)
        guard n >= 0, n <= (data.endIndex - offset) / max(1, size) else { throw Malformed(what: what) }
        return n
    }

    mutating func double(_ what: String = "a number") throws(Malformed) -> Double { Double(bitPattern: try uint64(what)) }

    mutating func doubles(_ what: String) throws(Malformed) -> [Double] {
        let n = try count(what, size: 8)
        var a = [Double](repeating: 0, count: n)
        for i in 0..<n { a[i] = try double(what) }
        return a
    }

    mutating func counts(_ what: String) throws(Malformed) -> [UInt32] {
        let n = try count(what, size: 4)
        let d = try take(4 * n, what)
        var a = [UInt32](repeating: 0, count: n)
        var i = 0, j = d.startIndex
        while i < n {
            a[i] = UInt32(d[j]) | UInt32(d[j + 1]) << 8 | UInt32(d[j + 2]) << 16 | UInt32(d[j + 3]) << 24
            i += 1; j += 4
        }
        return a
    }

    mutating func flags(_ what: String) throws(Malformed) -> [Bool] {
        let n = try count(what, size: 1)
        return try take(n, what).map { $0 != 0 }
    }

    mutating func bytes(_ what: String) throws(Malformed) -> Data { try take(try count(what, size: 1), what) }

    mutating func text(_ what: String) throws(Malformed) -> String {
        guard let s = String(data: try bytes(what), encoding: .utf8) else { throw Malformed(what: what) }
        return s
    }

    mutating func texts(_ what: String) throws(Malformed) -> [String] {
        let n = try count(what, size: 8)
        var a: [String] = []
        for _ in 0..<n { a.append(try text(what)) }
        return a
    }
}

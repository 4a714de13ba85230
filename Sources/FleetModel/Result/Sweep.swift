/// A grid of scenario variants: one row per point, each with the chosen metrics.
public struct Sweep: Codable, Sendable, Hashable {
    /// The varied paths, in the order of `--vary`.
    public var parameters: [String]
    public var metrics: [Metric]
    public var rows: [Row]

    public init(parameters: [String], metrics: [Metric], rows: [Row]) {
        self.parameters = parameters; self.metrics = metrics; self.rows = rows
    }

    public struct Row: Codable, Sendable, Hashable {
        /// The value of each varied path at this point.
        public var point: [String: SweepValue]
        /// The totals of the chosen metrics at this point.
        public var totals: [Metric: Stats]
        public init(point: [String: SweepValue], totals: [Metric: Stats]) {
            self.point = point; self.totals = totals
        }
    }
}

/// The value a sweep gives a varied path: a number (a numeric input, in its canonical unit)
/// or text (a string, id, date or integer setting, such as a cooling type or a hardware id).
/// JSON: a number or a string.
public enum SweepValue: Codable, Sendable, Hashable, CustomStringConvertible,
                        ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case number(Double)
    case text(String)

    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(stringLiteral value: String) { self = .text(value) }

    /// The number, nil for text.
    public var number: Double? {
        if case let .number(x) = self { return x }
        return nil
    }

    /// As `--set` takes it: text as is, a whole number without a decimal point.
    public var description: String {
        switch self {
        case let .number(x): Distribution.format(x)
        case let .text(s): s
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .number(x): try c.encode(x)
        case let .text(s): try c.encode(s)
        }
    }
}

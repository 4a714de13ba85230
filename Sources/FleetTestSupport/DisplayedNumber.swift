import Foundation
import Testing

extension TestSupport {
    /// A number as a report or table shows it ("102,000", "0.950", "−2.5") and how far from
    /// the true value its rounding may be: half a unit in its last decimal, or of its last
    /// non-zero integer digit (3 significant digits of 102,000 leave ±500). Parsed here so a
    /// test never formats its expectation with the formatter under test.
    public static func displayed(_ text: some StringProtocol) -> (value: Double, allowed: Double)? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "−", with: "-")
        guard let v = Double(t) else { return nil }
        if let dot = t.firstIndex(of: ".") { return (v, 0.5 * pow(10, -Double(t.distance(from: dot, to: t.endIndex) - 1))) }
        let zeros = t.reversed().prefix { $0 == "0" }.count
        return (v, v == 0 ? 0.5 : 0.5 * pow(10, Double(zeros)))
    }
}

/// Records an issue unless the text `shown` is `value × factor` to the rounding it shows
/// (`TestSupport.displayed`), naming the error's size.
public func expectShown(_ shown: some StringProtocol, _ value: Double, factor: Double = 1, _ what: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    guard let (v, allowed) = TestSupport.displayed(shown) else {
        Issue.record("\(what): '\(shown)' is not a number", sourceLocation: sourceLocation)
        return
    }
    expectClose(v, value * factor, relative: 0, absolute: allowed * (1 + 1e-9), "\(what) shows \(shown)",
                sourceLocation: sourceLocation)
}

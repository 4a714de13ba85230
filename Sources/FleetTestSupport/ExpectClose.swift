import Testing

/// Records an issue unless `observed` lies within the larger of `absolute` and
/// `relative · |expected|` of `expected`, and says how large the error was.
///
/// Like swift-numerics' `assertClose`, which prints the error in ULPs, the message names
/// the absolute and relative error, so a failure shows how far off the number is, not
/// only that it is. Non-finite values pass only when they are identical (∞ == ∞; NaN never).
/// - Parameters:
///   - observed: the value under test.
///   - expected: the known answer (hand arithmetic, a closed form or a published figure).
///   - relative: allowed error as a fraction of |expected|, ≥ 0 (default 1e-12).
///   - absolute: allowed error in the value's own unit, ≥ 0 (default 0).
/// - Returns: whether the values were close, so a caller can stop early.
@discardableResult
public func expectClose(_ observed: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0,
                        _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    precondition(relative >= 0 && absolute >= 0, "tolerances are non-negative")
    if observed == expected { return true }
    let error = abs(observed - expected)
    let allowed = max(absolute, relative * abs(expected))
    if error <= allowed { return true }
    let relativeError = expected == 0 ? Double.infinity : error / abs(expected)
    var message = "\(observed) is not close to \(expected): error \(error) (relative \(relativeError)), allowed \(allowed)"
    if let comment { message += "; \(comment)" }
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    return false
}

/// `expectClose` element by element; arrays of different lengths fail.
@discardableResult
public func expectClose(_ observed: [Double], _ expected: [Double], relative: Double = 1e-12, absolute: Double = 0,
                        _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard observed.count == expected.count else {
        Issue.record("\(observed.count) values, expected \(expected.count)\(comment.map { "; \($0)" } ?? "")",
                     sourceLocation: sourceLocation)
        return false
    }
    var ok = true
    for (i, (o, e)) in zip(observed, expected).enumerated() {
        ok = expectClose(o, e, relative: relative, absolute: absolute,
                         Comment(rawValue: "element \(i)" + (comment.map { ": \($0.rawValue)" } ?? "")),
                         sourceLocation: sourceLocation) && ok
    }
    return ok
}

import Foundation

/// A grid of scenario variants from `--vary` flags: each flag is one axis, the grid is
/// their Cartesian product with the first flag's values outermost (row-major), so the rows
/// come out in the order a reader expects: the last `--vary` changes fastest.
///
/// Syntax of one flag:
/// - `PATH=START:STOP:COUNT`: COUNT evenly spaced values from START to STOP inclusive
///   (START > STOP sweeps downwards; the last value is STOP exactly). COUNT = 1 needs
///   START = STOP; COUNT > 1 needs START ≠ STOP.
/// - `PATH=V1,V2,…`: the listed values in the given order, no value twice (a single value
///   is a one-point axis). A value that is not a number is text, for a path that holds a
///   string, id or date (`sites.us-tx.cooling.type=liquid-tower,liquid-dry-cooler`).
/// Numbers must be finite; a path may appear in one flag only; a grid has at most
/// `maximumPoints` points.
public struct SweepSpec: Sendable, Hashable {
    public struct Axis: Sendable, Hashable {
        public var path: String
        public var values: [SweepValue]
        public init(path: String, values: [SweepValue]) { self.path = path; self.values = values }
    }

    public var axes: [Axis]

    public static let maximumPoints = 100_000

    /// Most evaluations a sweep may ask for, points × samples (a deterministic point counts
    /// one): as many as the largest single run (`MonteCarloRunner.maximumSamples`), hours of
    /// work on a laptop. 100,000 points × 1,000,000 samples was accepted and would have run
    /// for years. There is no override: split a larger study into several sweeps.
    public static let maximumEvaluations = MonteCarloRunner.maximumSamples

    /// Refuses a sweep whose points × `samples` exceeds `maximumEvaluations`, before any work.
    public func checkWork(samples: Int) throws(UncertaintyError) {
        let work = Double(count) * Double(max(samples, 1))
        guard work <= Double(Self.maximumEvaluations) else {
            throw .invalidSweep("--vary: \(count) points × \(samples) samples is \(Distribution.format(work)) evaluations, "
                + "more than the \(Self.maximumEvaluations) a sweep may take (as many as the largest single run); "
                + "use fewer points or samples, or split the sweep")
        }
    }

    public init(axes: [Axis]) { self.axes = axes }

    /// Parses repeated `--vary` flags.
    public static func parse(_ vary: [String]) throws(UncertaintyError) -> SweepSpec {
        guard !vary.isEmpty else { throw .invalidSweep("--vary: give at least one PATH=START:STOP:COUNT or PATH=V1,V2,…") }
        var axes: [Axis] = []
        for flag in vary {
            let axis = try parseAxis(flag)
            guard !axes.contains(where: { $0.path == axis.path }) else {
                throw .invalidSweep("--vary \(flag): \(axis.path) is already varied by an earlier --vary")
            }
            axes.append(axis)
        }
        let spec = SweepSpec(axes: axes)
        let total = axes.reduce(1.0) { $0 * Double($1.values.count) }
        guard total <= Double(maximumPoints) else {
            throw .invalidSweep("--vary: the grid has \(Distribution.format(total)) points, more than \(maximumPoints)")
        }
        return spec
    }

    static func parseAxis(_ flag: String) throws(UncertaintyError) -> Axis {
        let usage = "expected PATH=START:STOP:COUNT or PATH=V1,V2,…"
        guard let eq = flag.firstIndex(of: "=") else { throw .invalidSweep("--vary \(flag): \(usage)") }
        let path = String(flag[..<eq]).trimmingWhitespace
        let spec = String(flag[flag.index(after: eq)...]).trimmingWhitespace
        guard !path.isEmpty, !path.contains(where: \.isWhitespace),
              path.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty }) else {
            throw .invalidSweep("--vary \(flag): \"\(path)\" is not a dotted path such as fleet.cohorts.gb200.count")
        }
        guard !spec.isEmpty else { throw .invalidSweep("--vary \(flag): no values after \"=\"; \(usage)") }

        func number(_ s: Substring, _ what: String) throws(UncertaintyError) -> Double {
            guard let v = Double(s.trimmingWhitespace), v.isFinite else {
                throw .invalidSweep("--vary \(flag): \(what) \"\(s)\" is not a finite number")
            }
            return v
        }

        if spec.contains(":") {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3 else { throw .invalidSweep("--vary \(flag): \(usage)") }
            let start = try number(parts[0], "START"), stop = try number(parts[1], "STOP")
            guard let count = Int(parts[2].trimmingWhitespace), count >= 1 else {
                throw .invalidSweep("--vary \(flag): COUNT \"\(parts[2])\" must be a whole number of at least 1")
            }
            guard count <= maximumPoints else {
                throw .invalidSweep("--vary \(flag): COUNT \(count) is more than \(maximumPoints)")
            }
            if count == 1 {
                guard start == stop else {
                    throw .invalidSweep("--vary \(flag): COUNT 1 with START ≠ STOP; use PATH=VALUE for one point")
                }
                return Axis(path: path, values: [.number(start)])
            }
            guard start != stop else {
                throw .invalidSweep("--vary \(flag): START = STOP gives \(count) identical points")
            }
            return Axis(path: path, values: evenlySpaced(parts[0].trimmingWhitespace, parts[1].trimmingWhitespace,
                                                         start: start, stop: stop, count: count).map(SweepValue.number))
        }

        var values: [SweepValue] = []
        for part in spec.commaItemsOutsideParentheses() {
            let written = part.trimmingWhitespace
            if written.contains("(") {
                throw .invalidSweep("--vary \(flag): value \"\(written)\" is a distribution; --vary takes numbers "
                                    + "(or text for a text input); use --set PATH=DISTRIBUTION for an uncertain input")
            }
            // A number reads as one (and must be finite); anything else is text for a string or id path.
            let v: SweepValue = written.isEmpty || Double(written) != nil ? .number(try number(part, "value")) : .text(written)
            guard !values.contains(v) else { throw .invalidSweep("--vary \(flag): value \(part) is listed twice") }
            values.append(v)
        }
        return Axis(path: path, values: values)
    }

    /// `count` evenly spaced values from `start` to `stop` inclusive, computed in decimal from the
    /// numbers as the user wrote them (`startText`, `stopText`) and then read as the nearest Double:
    /// -0.08:0:5 gives -0.02, not the binary -0.08 + 0.06 = -0.020000000000000004. Numbers
    /// beyond `Decimal`'s range are spaced in binary.
    static func evenlySpaced(_ startText: String, _ stopText: String, start: Double, stop: Double, count: Int) -> [Double] {
        let steps = count - 1
        guard let a = Decimal(string: startText, locale: Locale(identifier: "en_US_POSIX")),
              let b = Decimal(string: stopText, locale: Locale(identifier: "en_US_POSIX")),
              a.isFinite, b.isFinite, Double("\(a)") == start, Double("\(b)") == stop else {
            return (0..<count).map { j in j == steps ? stop : start + (stop - start) * Double(j) / Double(steps) }
        }
        return (0..<count).map { j in
            if j == steps { return stop }
            let v = a + (b - a) * Decimal(j) / Decimal(steps)
            return Double("\(v)") ?? start + (stop - start) * Double(j) / Double(steps)
        }
    }

    /// The varied paths, in flag order.
    public var parameters: [String] { axes.map(\.path) }

    /// Checks every path and every value of the grid against the scenario, as `--set` would
    /// check them, so a bad grid is refused before anything is evaluated: a number for a
    /// numeric input, and for a path that holds text (a type, an id, a date) each value
    /// applied to the scenario and checked as `run` checks it, an unknown id naming the choices.
    public func check(against scenario: PreparedScenario) throws {
        let document = scenario.document
        var numeric: [Axis] = []
        for axis in axes {
            if try document.holdsText(at: axis.path) {
                for value in axis.values { try document.checkSweepText(value.description, at: axis.path) }
                continue
            }
            for value in axis.values {
                guard let x = value.number else {
                    throw UncertaintyError.invalidSweep("--vary: \(axis.path)=\(value): \(axis.path) is a numeric input; expected a number")
                }
                try document.checkSweepValue(x, at: axis.path)
            }
            numeric.append(Axis(path: axis.path, values: axis.values))
        }
        // The physics' checks at each axis's smallest and largest value (the other inputs at
        // base), as for a distribution's range: `count=1,1e308` ran, then failed on an
        // infinite total instead of being refused.
        let atBase = Set(scenario.spec.validationIssues().map { "\($0.path)\u{0}\($0.message)" })
        for axis in numeric {
            let xs = axis.values.compactMap(\.number)
            for value in Set([xs.min()!, xs.max()!]).sorted() {
                guard let spec = try? scenario.spec(setting: [axis.path: value]),
                      let issue = spec.validationIssues().first(where: { !atBase.contains("\($0.path)\u{0}\($0.message)") })
                else { continue }
                let detail = issue.path == axis.path ? issue.message : "then \(issue.path): \(issue.message)"
                throw UncertaintyError.invalidSweep("--vary: \(axis.path)=\(Distribution.format(value)): \(detail)")
            }
        }
    }

    /// Every file the grid's points read: the scenario's own (`filesRead`), and for a text axis
    /// those of the scenario with each value set (a sweep over `weather_file` reads each file).
    public func filesRead(by document: ScenarioDocument) -> [String] {
        var out = document.filesRead
        for axis in axes {
            for case let .text(value) in axis.values {
                var point = document
                guard (try? point.set(axis.path, to: value)) != nil else { continue }
                for file in point.filesRead where !out.contains(file) { out.append(file) }
            }
        }
        return out
    }

    /// Number of grid points.
    public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The values of every axis at grid point `index` (0 ..< count), in flag order.
    public func values(at index: Int) -> [SweepValue] {
        var rest = index
        var out = [SweepValue](repeating: 0, count: axes.count)
        for a in axes.indices.reversed() {
            let n = axes[a].values.count
            out[a] = axes[a].values[rest % n]
            rest /= n
        }
        return out
    }

    /// Grid point `index` as path → value, the overrides to apply to the scenario.
    public func point(_ index: Int) -> [String: SweepValue] {
        Dictionary(uniqueKeysWithValues: zip(parameters, values(at: index)))
    }

    /// Evaluates every grid point and collects the rows in grid order.
    ///
    /// - Parameters:
    ///   - metrics: the metrics each row keeps.
    ///   - threads: grid points evaluated at once (use 1 when each point runs its own
    ///     parallel Monte Carlo); rows do not depend on it.
    ///   - points: the grid points to evaluate (a shard's share); all by default.
    ///   - evaluate: the totals at one point (deterministic or sampled), from its values (in flag order).
    public func run(metrics: [Metric], threads: Int = 1, points: Range<Int>? = nil,
                    evaluate: @escaping @Sendable ([SweepValue]) throws -> [Metric: Stats]) throws -> Sweep {
        let share = points ?? 0..<count
        let n = share.count, first = share.lowerBound
        let results = DisjointBuffer<Result<[Metric: Stats], any Error>?>(repeating: nil, count: n)
        let workers = max(1, min(threads, n))
        let spec = self
        Parallel.forEachWorker(workers) { t in
            var i = t
            while i < n {
                results[i] = Result { try evaluate(spec.values(at: first + i)) }
                i += workers
            }
        }
        var rows: [Sweep.Row] = []
        rows.reserveCapacity(n)
        for i in share {
            let totals: [Metric: Stats]
            do {
                totals = try results[i - first]!.get()
            } catch {
                let at = zip(parameters, values(at: i)).map { "\($0)=\($1)" }.joined(separator: ", ")
                if error is any InputError { throw UncertaintyError.invalidSweep("sweep point \(at): \(error)") }
                throw EvaluationFailure("sweep point \(at): \(error)")
            }
            rows.append(Sweep.Row(point: point(i), totals: totals.filter { metrics.contains($0.key) }))
        }
        return Sweep(parameters: parameters, metrics: metrics, rows: rows)
    }
}

fileprivate extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

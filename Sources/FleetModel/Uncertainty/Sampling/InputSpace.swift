internal import GSL

/// The uncertain inputs of a run and their dependence: maps a point of the unit
/// hypercube to input values.
///
/// Independent inputs take x_j = F_j⁻¹(u_j). Correlated inputs go through a Gaussian
/// copula: z = Φ⁻¹(u) over the correlated coordinates, z' = L z with L the Cholesky factor
/// of the copula's Pearson matrix (converted from the rank correlations), u' = Φ(z'),
/// x_j = F_j⁻¹(u'_j). The marginals stay exact; the rank correlation of the sampled
/// inputs approaches the requested ρ_s (exactly so for continuous marginals). Φ, Φ⁻¹ and
/// the Cholesky factorisation are GSL's (`gsl_cdf_ugaussian_P`, `_Pinv`,
/// `gsl_linalg_cholesky_decomp1`).
public struct InputSpace: Sendable {
    public let inputs: [UncertainInput]
    public let correlations: [RankCorrelation]
    /// Indices (into `inputs`) of the inputs that appear in a correlation, ascending.
    let correlated: [Int]
    /// Row-major lower-triangular Cholesky factor of the copula matrix over `correlated`.
    let factor: [Double]

    /// - Throws: `UncertaintyError.invalidCorrelation` when a correlation names an input
    ///   that is not uncertain, pairs an input with itself, repeats a pair, has |ρ_s| ≥ 1,
    ///   or when the matrix they form is not positive definite.
    public init(inputs: [UncertainInput], correlations: [RankCorrelation] = []) throws(UncertaintyError) {
        self.inputs = inputs
        self.correlations = correlations
        var index: [String: Int] = [:]
        for (j, x) in inputs.enumerated() { index[x.path] = j }

        var pairs: [Int: [Int: Double]] = [:]
        var involved = Set<Int>()
        for (entry, c) in correlations.enumerated() {
            let name = "correlation \(c.first) ~ \(c.second)"
            guard let a = index[c.first] else {
                throw .invalidCorrelation("\(name): \(c.first) is not an uncertain input (give it a dist)", entries: [entry])
            }
            guard let b = index[c.second] else {
                throw .invalidCorrelation("\(name): \(c.second) is not an uncertain input (give it a dist)", entries: [entry])
            }
            guard a != b else { throw .invalidCorrelation("\(name): an input cannot be correlated with itself", entries: [entry]) }
            guard c.rho.isFinite, abs(c.rho) < 1 else {
                throw .invalidCorrelation("\(name): rho must lie strictly between -1 and 1, got \(c.rho)", entries: [entry])
            }
            let (lo, hi) = (min(a, b), max(a, b))
            guard pairs[lo]?[hi] == nil else { throw .invalidCorrelation("\(name): pair given twice", entries: [entry]) }
            pairs[lo, default: [:]][hi] = c.copulaPearson
            involved.insert(a); involved.insert(b)
        }
        correlated = involved.sorted()
        let n = correlated.count
        var m = [Double](repeating: 0, count: n * n)
        for r in 0..<n {
            m[r * n + r] = 1
            for c in 0..<r {
                let rho = pairs[correlated[c]]?[correlated[r]] ?? 0
                m[r * n + c] = rho
                m[c * n + r] = rho
            }
        }
        guard n > 0 else { factor = []; return }
        do {
            factor = try cholesky(Matrix(rows: n, columns: n, elements: m)).elements
        } catch {
            let (message, entries) = Self.inconsistency(matrix: m, size: n, inputs: correlated.map { inputs[$0].path },
                                                        correlations: correlations)
            throw .invalidCorrelation(message, entries: entries)
        }
    }

    /// Names the smallest leading block of the copula matrix that is not positive definite:
    /// the correlations among its inputs cannot hold together.
    static func inconsistency(matrix m: [Double], size n: Int, inputs paths: [String],
                              correlations: [RankCorrelation]) -> (message: String, entries: [Int]) {
        var r = 1
        while r < n {
            let block = (0...r).flatMap { i in (0...r).map { j in m[i * n + j] } }
            if (try? cholesky(Matrix(rows: r + 1, columns: r + 1, elements: block))) == nil { break }
            r += 1
        }
        let members = Set(paths.prefix(r + 1))
        let entries = correlations.indices.filter {
            members.contains(correlations[$0].first) && members.contains(correlations[$0].second)
        }
        let listed = entries.map { "\(correlations[$0].first) ~ \(correlations[$0].second) (rho \(correlations[$0].rho))" }
        let message = "these rank correlations cannot hold together (their matrix is not positive definite): "
            + listed.joined(separator: ", ")
            + ". An input strongly correlated with several others needs those others correlated with one "
            + "another too; weaken or complete them"
        return (message, entries)
    }

    /// Number of uncertain inputs (the sampler's dimension).
    public var dimension: Int { inputs.count }

    /// Every input at its base value.
    public var base: [Double] { inputs.map(\.base) }

    /// Input values for the unit point `u` (`u.count == dimension`), written to `x`.
    public func map(_ u: [Double], into x: inout [Double]) {
        let n = correlated.count
        if n == 0 {
            for j in 0..<inputs.count { x[j] = inputs[j].quantile(u[j]) }
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * n) { buf in
            for r in 0..<n { buf[r] = Distributions.normalQuantile(u[correlated[r]]) }
            for r in 0..<n {
                var s = 0.0
                for c in 0...r { s += factor[r * n + c] * buf[c] }
                buf[n + r] = s
            }
            var k = 0
            for j in 0..<inputs.count {
                if k < n, correlated[k] == j {
                    x[j] = inputs[j].quantile(clampOpenUnit(Distributions.normalCDF(buf[n + k])))
                    k += 1
                } else {
                    x[j] = inputs[j].quantile(u[j])
                }
            }
        }
    }

    /// Input values for the unit point `u`.
    public func values(at u: [Double]) -> [Double] {
        var x = [Double](repeating: 0, count: inputs.count)
        map(u, into: &x)
        return x
    }
}

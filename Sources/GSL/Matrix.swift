internal import CGSL

/// A dense matrix of Doubles stored row by row, as a value type.
///
/// Used for correlation matrices and their Cholesky factors; `elements[r * columns + c]`
/// is the entry in row r, column c.
public struct Matrix: Sendable, Hashable, CustomStringConvertible {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries, row-major: `rows * columns` values.
    public private(set) var elements: [Double]

    /// A rows × columns matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "a matrix needs non-negative sizes, got \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = [Double](repeating: value, count: rows * columns)
    }

    /// A rows × columns matrix from its entries in row-major order.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0 && elements.count == rows * columns,
                     "a \(rows) × \(columns) matrix needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows, which must all have the same length.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "matrix rows must have equal lengths")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// The n × n identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// The entry in row `row`, column `column` (0-based).
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index (\(row), \(column)) out of range")
            return elements[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index (\(row), \(column)) out of range")
            elements[row * columns + column] = newValue
        }
    }

    /// Whether the matrix is square and equal to its transpose within `tolerance`
    /// (absolute, for entries of order 1 such as correlations).
    public func isSymmetric(tolerance: Double = 1e-12) -> Bool {
        guard rows == columns else { return false }
        for i in 0..<rows {
            for j in 0..<i where !(abs(elements[i * columns + j] - elements[j * columns + i]) <= tolerance) {
                return false
            }
        }
        return true
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { t.elements[j * rows + i] = elements[i * columns + j] }
        }
        return t
    }

    /// The matrix product self · other.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "cannot multiply \(lhs.rows) × \(lhs.columns) by \(rhs.rows) × \(rhs.columns)")
        var p = Matrix(rows: lhs.rows, columns: rhs.columns)
        for i in 0..<lhs.rows {
            for k in 0..<lhs.columns {
                let a = lhs.elements[i * lhs.columns + k]
                for j in 0..<rhs.columns { p.elements[i * rhs.columns + j] += a * rhs.elements[k * rhs.columns + j] }
            }
        }
        return p
    }

    /// The product self · v of a rows × columns matrix and a vector of `columns` values.
    public func multiply(_ v: [Double]) -> [Double] {
        precondition(v.count == columns, "a \(rows) × \(columns) matrix needs a vector of \(columns) values, got \(v.count)")
        var out = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            var s = 0.0
            for j in 0..<columns { s += elements[i * columns + j] * v[j] }
            out[i] = s
        }
        return out
    }

    /// Writes L·z into `result` for a square lower-triangular L (such as a Cholesky factor),
    /// reading only the lower triangle: with z independent standard normals, L·z has the
    /// covariance L·Lᵀ. `result` is resized to `rows` if needed, so a caller-owned array
    /// is allocated once and reused; it must not be `z` itself.
    public func multiplyLowerTriangular(_ z: [Double], into result: inout [Double]) {
        precondition(rows == columns && z.count == columns,
                     "L·z needs a square matrix and \(columns) values, got \(rows) × \(columns) and \(z.count)")
        if result.count != rows { result = [Double](repeating: 0, count: rows) }
        elements.withUnsafeBufferPointer { l in
            z.withUnsafeBufferPointer { zb in
                result.withUnsafeMutableBufferPointer { out in
                    for i in 0..<rows {
                        var s = 0.0
                        let row = i * columns
                        for j in 0...i { s += l[row + j] * zb[j] }
                        out[i] = s
                    }
                }
            }
        }
    }

    public var description: String {
        (0..<rows).map { i in
            (0..<columns).map { j in "\(elements[i * columns + j])" }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}

/// The Cholesky factor L of a symmetric positive-definite matrix A = L·Lᵀ: lower-triangular,
/// with a positive diagonal and zeros above it.
///
/// Multiplying independent standard normals by L (`Matrix.multiplyLowerTriangular`) gives
/// normals with covariance (or correlation) A; a failed factorisation shows that a set of
/// pairwise correlations is inconsistent.
///
/// - Throws: `GSLError.domain` (GSL_EDOM) when A is not positive
///   definite, and an invalid-argument `GSLError` when A is not square, symmetric and finite.
///
/// The corresponding GSL function is `gsl_linalg_cholesky_decomp1`.
public func cholesky(_ a: Matrix) throws(GSLError) -> Matrix {
    GSLRuntime.ensure()
    guard a.rows == a.columns, a.rows > 0 else {
        throw GSLError.invalidArgument.with(context: "Cholesky needs a non-empty square matrix, got \(a.rows) × \(a.columns)")
    }
    guard a.elements.allSatisfy(\.isFinite) else {
        throw GSLError.invalidArgument.with(context: "Cholesky needs finite entries")
    }
    let scale = a.elements.reduce(0) { max($0, abs($1)) }
    guard a.isSymmetric(tolerance: 1e-12 * max(scale, 1)) else {
        throw GSLError.invalidArgument.with(context: "Cholesky needs a symmetric matrix")
    }
    let n = a.rows
    var factor = a.elements
    let status = factor.withUnsafeMutableBufferPointer { buf in
        var view = gsl_matrix_view_array(buf.baseAddress, n, n)
        return gsl_linalg_cholesky_decomp1(&view.matrix)
    }
    try check(status, "Cholesky factorisation of a \(n) × \(n) matrix")
    for i in 0..<n {
        for j in (i + 1)..<n { factor[i * n + j] = 0 }
    }
    return Matrix(rows: n, columns: n, elements: factor)
}

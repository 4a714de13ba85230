/// Points of a Monte Carlo run: sampler point i mapped through the input space.
struct SampledPoints<Sampler: UnitSampler>: PointSource {
    let sampler: Sampler
    let space: InputSpace

    struct Cursor {
        var inner: Sampler.Cursor
        var u: [Double]
    }

    var inputCount: Int { space.dimension }

    func makeCursor() -> Cursor {
        Cursor(inner: sampler.makeCursor(), u: [Double](repeating: 0.5, count: sampler.dimension))
    }

    func inputs(_ j: Int, cursor: inout Cursor, into x: inout [Double]) {
        sampler.point(j, cursor: &cursor.inner, into: &cursor.u)
        space.map(cursor.u, into: &x)
    }
}

/// Given input vectors, evaluated as listed (the deterministic base, tornado points).
struct ListedPoints: PointSource {
    let points: [[Double]]
    var inputCount: Int { points.first?.count ?? 0 }
    func makeCursor() {}
    func inputs(_ j: Int, cursor: inout Void, into x: inout [Double]) {
        for (d, v) in points[j].enumerated() { x[d] = v }
    }
}

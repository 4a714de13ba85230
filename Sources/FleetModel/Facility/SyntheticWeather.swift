import Foundation

/// Typical-year weather synthesised from monthly normals, as a smooth function of
/// the fractional hour of the year (local standard time):
///
///     T(t)  = T̄(τ) + R(τ)·(½ − f(t mod 24)) + σ(τ)·n₁(t)
///     T_d(t) = min(T̄_d(τ) + σ_d(τ)·g(ρ·n₁(t) + √(1−ρ²)·n₂(t)), T(t)),  g(z) = (1 − e^(−κz))/κ

///     T_w(t) = wet bulb of (T, T_d) at the site's pressure
///
/// τ = t / 8760. T̄ is the midpoint of the mean daily maximum and minimum (NOAA's
/// monthly "mean temperature"), so the maximum is T̄ + R/2 and the minimum T̄ − R/2.
/// T̄, R, T̄_d, σ and σ_d are periodic piecewise-linear curves through mid-month
/// nodes whose means over each calendar month equal the monthly inputs exactly
/// (solved, not sampled): continuous across month boundaries, with no overshoot. g skews the dew-point departures negatively
/// (humid air masses cap near saturation, dry ones reach far below): κ = 0.4 gives
/// the skewness −1.3 of a lognormal, close to the −1.2 of summer daily-mean dew
/// points in the Greensboro TMY3 year; g is rescaled to unit variance. f is ASHRAE's fraction of the daily range below
/// the daily maximum, hour by hour (ASHRAE Handbook—Fundamentals 2001, ch. 27,
/// table "Percentage of daily range"), smoothed by its first three harmonics.
/// n₁, n₂ are sums of sinusoids with periods of 3–12 days and whole cycles per year
/// (synoptic weather), scaled so that the daily means have standard deviation 1;
/// σ and σ_d carry the monthly standard deviations. The seasonal
/// fit subtracts the noise terms' monthly means (midpoint sums over the month's hours)
/// so monthly means stay exact (before the dew-point cap).
public struct SyntheticWeather: Sendable {
    let dryMean: [Double], range: [Double], dewMean: [Double]
    let diurnalA: [Double], diurnalB: [Double], diurnalMean: Double
    let sigmaDry: [Double], sigmaDew: [Double], rho: Double

    /// Skew parameter κ of the dew-point departures, and the SD of (1 − e^(−κz))/κ for z ~ N(0, 1).
    static let kappa = 0.4
    static let skewScale: Double = {
        let k2 = kappa * kappa
        return ((exp(k2) - 1) * exp(k2)).squareRoot() / kappa
    }()

    /// Negatively skewed transform of a unit departure, unit variance for normal z.
    @inline(__always)
    static func skew(_ z: Double) -> Double { (1 - exp(-kappa * z)) / (kappa * skewScale) }
    let pressureHPa: Double

    /// Whole cycles per (8760 h) year of the synoptic sinusoids, and their phases.
    static let cycles1: [Double] = [31, 43, 53, 67, 83, 101, 127]
    static let cycles2: [Double] = [37, 47, 59, 73, 89, 109, 131]
    static let phases1: [Double] = (0..<7).map { 2 * Double.pi * frac(0.618_034 * Double($0 + 1) + 0.13) }
    static let phases2: [Double] = (0..<7).map { 2 * Double.pi * frac(0.754_878 * Double($0 + 1) + 0.41) }

    /// ASHRAE percentage of daily range below the maximum, hours ending 1…24 (local solar time).
    static let ashraeDailyRangeFraction: [Double] = [
        0.87, 0.92, 0.96, 0.99, 1.00, 0.98, 0.93, 0.84, 0.71, 0.56, 0.39, 0.23,
        0.11, 0.03, 0.00, 0.03, 0.10, 0.21, 0.34, 0.47, 0.58, 0.68, 0.76, 0.82,
    ]

    public init(_ c: ClimateSpec) {
        let r = max(-1, min(1, c.dewPointCorrelation))
        let sd = Self.meanPreservingSeries(c.dailySdC), sdd = Self.meanPreservingSeries(c.dewPointDailySdC)
        // Monthly means of the noise terms, by the midpoint rule over the month's hours.
        var nDry = [Double](repeating: 0, count: 12), nDew = nDry
        for m in 0..<12 {
            let a = Int((Self.monthEdges[m] * 8760).rounded()), b = Int((Self.monthEdges[m + 1] * 8760).rounded())
            for h in a..<b {
                let t = Double(h) + 0.5, tau = t / 8760
                let n1 = Self.noise(Self.cycles1, Self.phases1, Self.amp1, t)
                let n2 = Self.noise(Self.cycles2, Self.phases2, Self.amp2, t)
                nDry[m] += max(Self.evaluate(sd, tau), 0) * n1
                nDew[m] += max(Self.evaluate(sdd, tau), 0) * Self.skew(r * n1 + (1 - r * r).squareRoot() * n2)
            }
            nDry[m] /= Double(b - a); nDew[m] /= Double(b - a)
        }
        dryMean = Self.meanPreservingSeries((0..<12).map { c.dryBulbMeanC[$0] - nDry[$0] })
        dewMean = Self.meanPreservingSeries((0..<12).map { c.dewPointMeanC[$0] - nDew[$0] })
        range = Self.meanPreservingSeries(c.dailyRangeC)
        sigmaDry = sd; sigmaDew = sdd; rho = r
        // Diurnal shape: first three harmonics of the ASHRAE table, hour-ending H at t = H.
        var a = [0.0, 0, 0], b = [0.0, 0, 0], mean = 0.0
        let f = Self.ashraeDailyRangeFraction
        for h in 0..<24 { mean += f[h] / 24 }
        for k in 1...3 {
            for h in 0..<24 {
                let w = 2 * Double.pi * Double(k) * Double(h + 1) / 24
                a[k - 1] += f[h] * cos(w) / 12
                b[k - 1] += f[h] * sin(w) / 12
            }
        }
        diurnalA = a; diurnalB = b; diurnalMean = mean
        pressureHPa = Psychrometrics.pressureHPa(elevationM: c.elevationM)
    }

    /// Dry bulb, dew point and wet bulb, °C, at fractional hour `t` of the year.
    public func at(_ t: Double) -> (dryBulb: Double, dewPoint: Double, wetBulb: Double) {
        let tau = t / 8760
        let day = 2 * Double.pi * t / 24
        var f = 0.0
        for k in 0..<3 {
            let w = Double(k + 1) * day
            f += diurnalA[k] * cos(w) + diurnalB[k] * sin(w)
        }
        // f̄ + f is the fraction of the range below the maximum; T̄ sits half a range below it.
        let n1 = Self.noise(Self.cycles1, Self.phases1, Self.amp1, t)
        let n2 = Self.noise(Self.cycles2, Self.phases2, Self.amp2, t)
        let db = Self.evaluate(dryMean, tau) + Self.evaluate(range, tau) * (0.5 - diurnalMean - f)
            + max(Self.evaluate(sigmaDry, tau), 0) * n1
        let dew = max(Self.evaluate(sigmaDew, tau), 0) * Self.skew(rho * n1 + (1 - rho * rho).squareRoot() * n2)
        let dp = min(Self.evaluate(dewMean, tau) + dew, db)
        return (db, dp, Psychrometrics.wetBulbC(dryBulbC: db, dewPointC: dp, pressureHPa: pressureHPa))
    }

    // MARK: - Seasonal series

    /// Month boundaries of a 365-day year, as fractions of the year (13 values).
    static let monthEdges: [Double] = {
        var e = [0.0]
        var d = 0
        for m in 1...12 { d += TermCalendar.daysIn(year: 2001, month: m); e.append(Double(d) / 365) }
        return e
    }()

    /// Mid-month nodes, fractions of the year.
    static let monthMids: [Double] = (0..<12).map { (monthEdges[$0] + monthEdges[$0 + 1]) / 2 }

    /// Node values of the periodic piecewise-linear curve through the mid-months whose
    /// exact mean over each calendar month equals `monthly`. The averaging matrix is
    /// cyclic tridiagonal with diagonal ≈ 3/4 and off-diagonals ≈ 1/8 (diagonally
    /// dominant), so the curve cannot oscillate the way a 12-term Fourier fit does.
    static func meanPreservingSeries(_ monthly: [Double]) -> [Double] {
        var a = [[Double]](repeating: [Double](repeating: 0, count: 13), count: 12)
        let c = monthMids
        for m in 0..<12 {
            let lo = monthEdges[m], hi = monthEdges[m + 1]
            let prev = m == 0 ? c[11] - 1 : c[m - 1], next = m == 11 ? c[0] + 1 : c[m + 1]
            // [lo, c_m] lies on the segment (prev, c_m); [c_m, hi] on (c_m, next).
            let l1 = c[m] - lo, w1 = ((lo + c[m]) / 2 - prev) / (c[m] - prev)
            let l2 = hi - c[m], w2 = ((c[m] + hi) / 2 - c[m]) / (next - c[m])
            a[m][(m + 11) % 12] += l1 * (1 - w1) / (hi - lo)
            a[m][m] += (l1 * w1 + l2 * (1 - w2)) / (hi - lo)
            a[m][(m + 1) % 12] += l2 * w2 / (hi - lo)
            a[m][12] = monthly[m]
        }
        return solve(&a)
    }

    /// The curve with node values `v` at year fraction `tau` (periodic).
    @inline(__always)
    static func evaluate(_ v: [Double], _ tau: Double) -> Double {
        var u = tau - tau.rounded(.down)
        let c = monthMids
        var i = 11
        if u >= c[0] {
            i = 0
            while i < 11 && u >= c[i + 1] { i += 1 }
        } else {
            u += 1
        }
        let p = c[i], q = i == 11 ? c[0] + 1 : c[i + 1]
        let f = (u - p) / (q - p)
        return v[i] + f * (v[(i + 1) % 12] - v[i])
    }

    /// Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix.
    static func solve(_ a: inout [[Double]]) -> [Double] {
        let n = a.count
        for col in 0..<n {
            var p = col
            for r in col..<n where abs(a[r][col]) > abs(a[p][col]) { p = r }
            a.swapAt(col, p)
            for r in (col + 1)..<n {
                let f = a[r][col] / a[col][col]
                for c in col...n { a[r][c] -= f * a[col][c] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = a[r][n]
            for c in (r + 1)..<n { s -= a[r][c] * x[c] }
            x[r] = s / a[r][r]
        }
        return x
    }

    // MARK: - Synoptic variability

    /// Amplitude that gives daily means unit variance: each sinusoid of period P
    /// keeps sinc(π·24/P) of its amplitude after a daily average.
    static func amplitude(_ cycles: [Double]) -> Double {
        var s = 0.0
        for c in cycles {
            let x = Double.pi * 24 * c / 8760
            let sinc = sin(x) / x
            s += 0.5 * sinc * sinc
        }
        return 1 / s.squareRoot()
    }

    static let amp1 = amplitude(cycles1), amp2 = amplitude(cycles2)

    @inline(__always)
    static func noise(_ cycles: [Double], _ phases: [Double], _ amp: Double, _ t: Double) -> Double {
        var s = 0.0
        for k in 0..<cycles.count { s += sin(2 * .pi * cycles[k] * t / 8760 + phases[k]) }
        return s * amp
    }

    static func frac(_ x: Double) -> Double { x - x.rounded(.down) }
}

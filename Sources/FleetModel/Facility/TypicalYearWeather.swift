/// A site's weather for a typical (non-leap) year: hourly arrays for the
/// time-step model and a continuous function of the fractional hour for the
/// quadrature cross-check. Hour k of the arrays covers [k, k+1) local standard time.
public struct TypicalYearWeather: Sendable {
    public static let hours = 8760

    /// Dry bulb of each hour, °C.
    public let dryBulbC: [Double]
    /// Wet bulb of each hour, °C.
    public let wetBulbC: [Double]
    /// Saturation vapour pressure at each hour's wet bulb, hPa (the psychrometer equation's
    /// pressure-independent term, kept so plant tables rebuilt per sample need no `exp`).
    public let wetBulbSaturationHPa: [Double]
    /// Where the weather came from ("synthesised from normals: …" or the file path).
    public let source: String
    let model: Model

    enum Model: Sendable {
        case synthetic(SyntheticWeather)
        /// Hourly values placed at the mid-hour, interpolated linearly in between.
        case hourly
    }

    /// Synthesises the typical year from monthly normals.
    public init(normals climate: ClimateSpec) {
        let s = SyntheticWeather(climate)
        var db = [Double](repeating: 0, count: Self.hours), wb = db
        for k in 0..<Self.hours {
            let w = s.at(Double(k) + 0.5)
            db[k] = w.dryBulb; wb[k] = w.wetBulb
        }
        dryBulbC = db; wetBulbC = wb
        wetBulbSaturationHPa = wb.map(Psychrometrics.saturationPressureHPa)
        source = "synthesised from monthly normals of \(climate.station)"
        model = .synthetic(s)
    }

    /// Weather read from an hourly file (8760 rows).
    public init(hourlyDryBulbC: [Double], wetBulbC: [Double], source: String) {
        precondition(hourlyDryBulbC.count == Self.hours && wetBulbC.count == Self.hours)
        self.dryBulbC = hourlyDryBulbC; self.wetBulbC = wetBulbC
        wetBulbSaturationHPa = wetBulbC.map(Psychrometrics.saturationPressureHPa)
        self.source = source; model = .hourly
    }

    /// Dry and wet bulb, °C, at fractional hour `t` of the typical year (periodic in 8760 h).
    public func at(_ t: Double) -> (dryBulb: Double, wetBulb: Double) {
        switch model {
        case .synthetic(let s):
            let w = s.at(t)
            return (w.dryBulb, w.wetBulb)
        case .hourly:
            let n = Double(Self.hours)
            var u = (t - 0.5).truncatingRemainder(dividingBy: n)
            if u < 0 { u += n }
            let i = Int(saturating: u, in: 0...(Self.hours - 1)), f = u - Double(i)
            let j = i + 1 == Self.hours ? 0 : i + 1
            return (dryBulbC[i] + f * (dryBulbC[j] - dryBulbC[i]), wetBulbC[i] + f * (wetBulbC[j] - wetBulbC[i]))
        }
    }

    /// Mean of `values` over each calendar month of the typical year (12 values).
    public static func monthlyMeans(_ values: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: 12)
        var start = 0
        for m in 0..<12 {
            let n = TermCalendar.daysIn(year: 2001, month: m + 1) * 24
            out[m] = values[start..<(start + n)].reduce(0, +) / Double(n)
            start += n
        }
        return out
    }

    /// Hours of the year with `values` strictly above `threshold`.
    public static func hoursAbove(_ values: [Double], _ threshold: Double) -> Int {
        values.reduce(0) { $0 + ($1 > threshold ? 1 : 0) }
    }
}

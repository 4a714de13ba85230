/// What adding a cohort's hourly power to its site's hours reads: the day's power per hour, the
/// ramp's hours and its D(h + ½) where it moves, and the liquid share. Three arrays, so a site's
/// month copies these, not the whole power model (whose copies cost retains per field).
struct HourlyFill: Sendable {
    let day: [Double], rising: [Double], tail: [Double]
    let rampStart: Int, fullStart: Int, fullEnd: Int, goneStart: Int
    let liquidHeatFraction: Double

    init(day: [Double], profile r: CohortPowerModel.RampProfile, liquidHeatFraction: Double) {
        self.day = day; rising = r.rising; tail = r.tail
        rampStart = r.rampStart; fullStart = r.fullStart; fullEnd = r.fullEnd; goneStart = r.goneStart
        self.liquidHeatFraction = liquidHeatFraction
    }

    /// Whether the cohort's power is constant over hours `a..<b` up to the daily cycle:
    /// 0 when no unit is deployed (before the ramp, or after every unit has retired), 1 when
    /// every unit is in service, 2 when the ramp moves.
    @inline(__always)
    func state(from a: Int, to b: Int) -> Int8 {
        if b <= rampStart || a >= goneStart { return 0 }
        if a >= fullStart && b <= fullEnd { return 1 }
        return 2
    }

    /// Adds the cohort's IT power of hours `a..<b` to `it[h − a]` and its liquid share to
    /// `liquid[h − a]` (the hand-off to the facility side without a term-long array per cohort):
    /// P(h) = D(h + ½)·day[h mod 24] (D = 1 read as the day's value itself). Term hour 0 is
    /// midnight, so h mod 24 is the hour of the day.
    func accumulate(from a: Int, to b: Int, it: UnsafeMutablePointer<Double>, liquid: UnsafeMutablePointer<Double>?) {
        let phi = liquidHeatFraction
        day.withUnsafeBufferPointer { day in
            rising.withUnsafeBufferPointer { up in tail.withUnsafeBufferPointer { down in
                // Two days of the daily power, so that any run of ≤ 24 hours reads it contiguously.
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 48) { days in
                    let d = days.baseAddress!
                    for i in 0..<48 { d[i] = day[i % 24] }
                    /// Hours lo..<hi, weighted by D(h + ½) = weight[h − lo] (nil: D = 1).
                    func add(_ lo: Int, _ hi: Int, _ weight: UnsafePointer<Double>?) {
                        var h = lo
                        while h < hi {
                            let n = min(24, hi - h)
                            HourVectors.addLoad(weight: weight.map { $0 + (h - lo) }, day: d + h % 24, count: n, phi: phi,
                                                it: it + (h - a), liquid: liquid.map { $0 + (h - a) })
                            h += n
                        }
                    }
                    var lo = max(a, rampStart), hi = max(lo, min(b, fullStart))
                    if hi > lo { add(lo, hi, up.baseAddress! + (lo - rampStart)) }
                    lo = max(a, fullStart); hi = max(lo, min(b, fullEnd))
                    add(lo, hi, nil)
                    lo = max(a, fullEnd); hi = max(lo, b)
                    if hi > lo { add(lo, hi, down.baseAddress! + (lo - fullEnd)) }
                }
            }}
        }
    }
}

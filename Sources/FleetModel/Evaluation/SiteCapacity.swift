/// Capacities commissioned for a site's load in each month: the running maximum
/// of the monthly peak over `design_load_fraction`, W.
struct SiteCapacity {
    var it: [Double], air: [Double], liquid: [Double]

    let liquidToHall: Bool

    /// The capacities of month `k`, with their inverses.
    @inline(__always)
    func month(_ k: Int) -> MonthCapacity {
        MonthCapacity(it: it[k], air: air[k], liquid: liquid[k], liquidToHall: liquidToHall)
    }

    init(it itW: [Double], liquid liqW: [Double], calendar: TermCalendar, designLoadFraction dlf: Double,
         liquidToHall: Bool) {
        self.liquidToHall = liquidToHall
        var it = [Double](repeating: 0, count: calendar.months), air = it, liq = it
        var pi = 0.0, pa = 0.0, pl = 0.0
        itW.withUnsafeBufferPointer { p in
            liqW.withUnsafeBufferPointer { q in
                for k in 0..<calendar.months {
                    for h in calendar.monthStartHour[k]..<calendar.monthStartHour[k + 1] {
                        pi = max(pi, p[h]); pl = max(pl, q[h]); pa = max(pa, p[h] - q[h])
                    }
                    it[k] = pi / dlf; air[k] = pa / dlf; liq[k] = pl / dlf
                }
            }
        }
        self.it = it; self.air = air; self.liquid = liq
    }
}

/// Capacities commissioned in one month, W, and their inverses (0 for no capacity).
/// When the liquid loop's heat ends in the hall air (irhx) the hall's air capacity is the IT
/// capacity; the chiller plant is sized for the heat it may carry (liquid + air loops, or the hall).
struct MonthCapacity {
    let it: Double, air: Double, liquid: Double
    let invIT: Double, invAir: Double, invLiquid: Double, invChiller: Double

    init(it: Double, air airW: Double, liquid: Double, liquidToHall: Bool = false) {
        let air = liquidToHall ? it : airW
        self.it = it; self.air = air; self.liquid = liquid
        invIT = it > 0 ? 1 / it : 0; invAir = air > 0 ? 1 / air : 0; invLiquid = liquid > 0 ? 1 / liquid : 0
        let chiller = liquidToHall ? air : air + liquid
        invChiller = chiller > 0 ? 1 / chiller : 0
    }
}

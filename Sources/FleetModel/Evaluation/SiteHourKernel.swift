/// The hour loop of one site for one month, in two passes over plain arrays (see
/// docs/METHODS.md, "The engine and aggregation"):
///
/// 1. weather-independent terms of each hour from IT and liquid power alone: distribution
///    and UPS losses, the air-loop heat, the air-handler and liquid-pump power;
/// 2. weather-dependent terms from the plant table: chillers, heat rejection fans, the
///    transformer, facility power and the month's sums.
///
/// When the site's IT power repeats every day of the month (no cohort ramping), pass 1
/// runs on one day and is copied. Each hour's arithmetic is the same, operation for
/// operation, as `HourPhysics.flows`, so the results are identical to the one-pass form.
struct SiteHourKernel {
    /// IT and liquid-loop power of the month's hours, W (filled by the caller).
    var it: [Double], liquid: [Double]
    /// Pass 1: IT + distribution + UPS losses, distribution + UPS losses, air-loop heat,
    /// liquid-loop heat (both with their fan and pump heat), air-handler + liquid-pump power, W.
    private var base: [Double], losses: [Double], air: [Double], liq: [Double], fans: [Double]
    /// Facility power of the month's hours, W (the output for the fleet's peak).
    var facility: [Double]

    /// Hours that ran each pass so far (for the operation count in docs/PERFORMANCE.md).
    private(set) var passOneHours = 0, passTwoHours = 0

    private let physics: HourPhysics
    private let fixed: Bool
    private let economizerC: [Double], condensingC: [Double], consumedLPerWh: [Double], withdrawnLPerWh: [Double]
    private let shape: [Double]
    /// Contracted supply per W of mean consumption by local hour (hourly matching), or nil.
    private let supplyPerMeanW: [Double]?
    private let typicalHour: [Int32], localHour: [UInt8]

    /// A month's sums: IT, cooling, delivery, auxiliary and facility energy (W·h), on-site water
    /// withdrawn and consumed (L), carbon-shape-weighted facility energy (W·h) and peak facility power (W).
    struct Sums: Sendable {
        var it = 0.0, cooling = 0.0, delivery = 0.0, auxiliary = 0.0, facility = 0.0
        var water = 0.0, consumed = 0.0, shaped = 0.0, peak = 0.0
        /// Hourly matching: facility energy covered by the contracted supply (W·h), hours it covered
        /// fully, hours with load.
        var matched = 0.0, matchedHours = 0.0, loadHours = 0.0
    }

    /// - Parameter maxHours: the longest month of the term, h.
    init(site: SiteModel, maxHours: Int) {
        let z = [Double](repeating: 0, count: maxHours)
        it = z; liquid = z; base = z; losses = z; air = z; liq = z; fans = z; facility = z
        physics = site.physics
        fixed = site.spec.cooling.type == .fixedPUE
        economizerC = site.table?.economizerC ?? []
        condensingC = site.table?.condensingC ?? []
        consumedLPerWh = site.table?.consumedLPerWh ?? []
        withdrawnLPerWh = site.table?.withdrawnLPerWh ?? []
        shape = site.factors.hourlyShape
        supplyPerMeanW = site.factors.supplyPerMeanW
        typicalHour = site.typicalHour; localHour = site.localHour
    }

    /// Zeroes the first `count` hours of `it` and `liquid`.
    mutating func clear(_ count: Int) {
        it.withUnsafeMutableBufferPointer { a in liquid.withUnsafeMutableBufferPointer { b in
            for i in 0..<count { a[i] = 0; b[i] = 0 }
        }}
    }

    /// The month of `count` hours starting at term hour `start`, with commissioned capacity `c`.
    ///
    /// - Parameter periodic: `it` and `liquid` hold only the first day (24 hours), which every
    ///   day of the month repeats; `start` is a midnight and `count` a multiple of 24.
    mutating func month(start: Int, count: Int, capacity c: MonthCapacity, periodic: Bool) -> Sums {
        var s = monthFlows(start: start, count: count, capacity: c, periodic: periodic)
        if let supply = supplyPerMeanW { match(&s, supply, start: start, count: count) }
        return s
    }

    /// Hourly matching of the month's facility power against the contracted supply
    /// φ·P̄·S_λ/S̄ (P̄ the month's mean facility power): matched energy, fully matched hours.
    private func match(_ s: inout Sums, _ supply: [Double], start: Int, count: Int) {
        let mean = count > 0 ? s.facility / Double(count) : 0
        var matched = 0.0, full = 0.0, loaded = 0.0
        facility.withUnsafeBufferPointer { fa in supply.withUnsafeBufferPointer { sp in localHour.withUnsafeBufferPointer { lh in
            for i in 0..<count {
                let f = fa[i], cfe = mean * sp[Int(lh[start + i])]
                matched += min(f, cfe)
                if f > 0 { loaded += 1; if cfe >= f { full += 1 } }
            }
        }}}
        s.matched = matched; s.matchedHours = full; s.loadHours = loaded
    }

    /// The month's flows and sums (before hourly matching).
    private mutating func monthFlows(start: Int, count: Int, capacity c: MonthCapacity, periodic: Bool) -> Sums {
        if periodic && c.it == 0 && c.air == 0 && c.liquid == 0 && it.prefix(24).allSatisfy({ $0 == 0 }) {
            // Nothing deployed and nothing commissioned yet: every flow of every hour is exactly 0.
            facility.withUnsafeMutableBufferPointer { f in for i in 0..<count { f[i] = 0 } }
            return Sums()
        }
        if periodic {
            repeatDay(&it, count); repeatDay(&liquid, count)
        }
        if fixed { return fixedPUEMonth(start: start, count: count, capacity: c) }
        let p = physics, plant = physics.plant!
        let mk = HourPhysics.Month(p, c)
        let first = periodic ? min(24, count) : count
        passOneHours += first; passTwoHours += count
        // Pass 1 (the operations of `HourPhysics.flows` up to the fans, in the same order).
        let d0 = c.it * p.distribution.noLoadFraction, d1 = p.distribution.proportionalFraction
        let d2 = p.distribution.squareLawFraction
        let u0 = c.it * p.ups.noLoadFraction, u1 = p.ups.proportionalFraction, u2 = p.ups.squareLawFraction
        let invIT = c.invIT, invAir = c.invAir, invLiquid = c.invLiquid
        let airK = mk.airK, liquidK = mk.liquidK, toHall = p.liquidToHall
        let ms = p.minSpeed, ex = p.exponent
        p.partLoad.values.withUnsafeBufferPointer { g in
        it.withUnsafeBufferPointer { itp in liquid.withUnsafeBufferPointer { lqp in
        base.withUnsafeMutableBufferPointer { bp in losses.withUnsafeMutableBufferPointer { lp in
        air.withUnsafeMutableBufferPointer { ap in liq.withUnsafeMutableBufferPointer { qp in
        fans.withUnsafeMutableBufferPointer { fp in
            for i in 0..<first {
                let x = itp[i], q = lqp[i]
                let ld = d0 + x * (d1 + x * invIT * d2)
                let y = x + ld
                let lu = u0 + y * (u1 + y * invIT * u2)
                lp[i] = ld + lu
                bp[i] = x + ld + lu
                let a0 = (toHall ? x : x - q) + ld + lu
                let fanA = airK * PartLoadTable.lookup(g, a0 * invAir, minSpeed: ms, exponent: ex)
                let pumpL = liquidK * PartLoadTable.lookup(g, q * invLiquid, minSpeed: ms, exponent: ex)
                ap[i] = toHall ? a0 + fanA + pumpL : a0 + fanA
                qp[i] = toHall ? 0 : q + pumpL
                fp[i] = fanA + pumpL
            }
        }}}}}}}}
        if periodic {
            repeatDay(&base, count); repeatDay(&losses, count); repeatDay(&air, count); repeatDay(&liq, count)
            repeatDay(&fans, count)
        }
        // Pass 2: each hour's flows and the month's sums, hour by hour in order (each sum adds the
        // same values in the same order as summing stored hourly flows afterwards would).
        let rejK = mk.rejK, aux = mk.aux
        let t0 = mk.t0, t1 = mk.t1, t2 = mk.t2, tInv = mk.tInv
        let aD = p.approachDesign, ams = p.approachTable.minSpeed, aex = p.approachTable.exponent
        let invChiller = c.invChiller, toSink = plant.chillerHeatToSink
        var eIT = 0.0, eCool = 0.0, eDel = 0.0, eFac = 0.0, water = 0.0, consumed = 0.0, shaped = 0.0, peak = 0.0
        p.partLoad.values.withUnsafeBufferPointer { g in p.approachTable.values.withUnsafeBufferPointer { ga in
        it.withUnsafeBufferPointer { itp in
        base.withUnsafeBufferPointer { bp in losses.withUnsafeBufferPointer { lp in
        air.withUnsafeBufferPointer { ap in liq.withUnsafeBufferPointer { qp in
        fans.withUnsafeBufferPointer { fp in
        facility.withUnsafeMutableBufferPointer { out in
        economizerC.withUnsafeBufferPointer { ec in condensingC.withUnsafeBufferPointer { cc in
        consumedLPerWh.withUnsafeBufferPointer { wc in withdrawnLPerWh.withUnsafeBufferPointer { ww in
        shape.withUnsafeBufferPointer { sh in
        typicalHour.withUnsafeBufferPointer { th in localHour.withUnsafeBufferPointer { lh in
            for i in 0..<count {
                let j = Int(th[start + i])
                let fans = fp[i]
                let heat = bp[i] + fans
                let x = heat * invIT
                let a = aD == 0 ? 0 : aD * x * PartLoadTable.lookup(ga, x, minSpeed: ams, exponent: aex)
                let chiller = plant.chillerPower(liquidW: qp[i], airW: ap[i], economizerC: ec[j], condensingC: cc[j],
                                                 approach: a, invCapacity: invChiller)
                let rejected = heat + chiller
                // rejK = 0 (no heat-rejection fans): the product is 0 whatever the (finite) table value.
                let rejection = rejK == 0 ? 0 : rejK * PartLoadTable.lookup(g, rejected * invIT, minSpeed: ms, exponent: ex)
                let cooling = chiller + (fans + rejection)
                let y = bp[i] + cooling + aux
                let lt = t0 + y * (t1 + y * tInv * t2)
                let delivery = lp[i] + lt
                let f = itp[i] + cooling + aux + delivery
                let sinkHeat = heat + toSink * chiller
                out[i] = f
                eIT += itp[i]; eCool += cooling; eDel += delivery; eFac += f
                water += sinkHeat * ww[j]; consumed += sinkHeat * wc[j]; shaped += f * sh[Int(lh[start + i])]
                peak = max(peak, f)
            }
        }}}}}}}}}}}}}}}}
        return Sums(it: eIT, cooling: eCool, delivery: eDel, auxiliary: aux * Double(count), facility: eFac,
                    water: water, consumed: consumed, shaped: shaped, peak: peak)
    }

    /// fixed-pue: one pass with `HourPhysics.flows`.
    private mutating func fixedPUEMonth(start: Int, count: Int, capacity c: MonthCapacity) -> Sums {
        var s = Sums()
        let p = physics
        let none = CoolingPlant.Coefficients(economizerC: 0, condensingC: 0, consumedLPerWh: 0, withdrawnLPerWh: 0)
        p.partLoad.values.withUnsafeBufferPointer { g in
        it.withUnsafeBufferPointer { itp in liquid.withUnsafeBufferPointer { lqp in
        facility.withUnsafeMutableBufferPointer { out in
        shape.withUnsafeBufferPointer { sh in localHour.withUnsafeBufferPointer { lh in
            for i in 0..<count {
                let f = p.flows(it: itp[i], liquid: lqp[i], weather: none, capacity: c, table: g, approach: nil)
                s.it += f.it; s.cooling += f.cooling; s.delivery += f.delivery; s.facility += f.facility
                s.water += f.waterWithdrawnL; s.consumed += f.waterConsumedL
                s.shaped += f.facility * sh[Int(lh[start + i])]
                s.peak = max(s.peak, f.facility)
                out[i] = f.facility
            }
        }}}}}}
        return s
    }

    /// Copies the first 24 values over the first `count`.
    private func repeatDay(_ v: inout [Double], _ count: Int) {
        v.withUnsafeMutableBufferPointer { p in
            var i = 24
            while i < count { p[i] = p[i - 24]; i += 1 }
        }
    }
}

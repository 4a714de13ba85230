/// The hour loop of one site for one month, in two passes over plain arrays (see
/// docs/METHODS.md, "The engine and aggregation"):
///
/// 1. the terms of each hour that follow from IT and liquid power alone: distribution and UPS
///    losses, the air- and liquid-loop heat, air-handler and pump power, the heat-rejection
///    approach, and the hour's whole flows (cooling, delivery, facility power) for the case
///    that the chillers do not run;
/// 2. per hour, the plant table's economizer temperature decides whether the chillers run; only
///    those hours compute the chillers, heat-rejection fans and transformer again. Then the
///    water and the month's sums.
///
/// When the site's IT power repeats every day of the month (no cohort ramping), pass 1 runs on
/// one day, and pass 2 counts the hours without chillers by hour of the day (with their water
/// coefficients) and multiplies once at the end: each sum then adds the same terms in another
/// order, within a few units in the last place of the in-order sum. Otherwise both passes run
/// two hours at a time (SIMD lanes), each lane summing its own hours. Every hour's flows are the
/// ones `HourPhysics.flows` gives, bit for bit.
struct SiteHourKernel {
    /// IT and liquid-loop power of the month's hours, W (filled by the caller).
    var it: [Double], liquid: [Double]
    /// Pass 1 per hour of the day of a periodic month, W: IT + distribution + UPS
    /// losses; the losses; air- and liquid-loop heat (with their fan and pump heat); air-handler
    /// + liquid-pump power; heat into the loops; the approach at this load (K); cooling, delivery
    /// and facility power when the chillers are off.
    private var base: [Double], losses: [Double], air: [Double], liq: [Double], fans: [Double], heat: [Double],
                approach: [Double], coolingOff: [Double], deliveryOff: [Double], facilityOff: [Double]
    /// Facility power of the month's hours, W (the output for the fleet's peak).
    var facility: [Double]

    /// Hours that ran each pass so far (for the operation count in docs/PERFORMANCE.md), and the
    /// hours of pass 2 whose chillers ran.
    private(set) var passOneHours = 0, passTwoHours = 0, chillerHours = 0

    private let physics: HourPhysics
    private let fixed: Bool
    private let inputs: HourInputs
    /// Contracted supply per W of mean consumption by local hour (hourly matching), or nil.
    private let supplyPerMeanW: [Double]?
    /// `Constants.bound` of the site (fixed for its evaluation).
    private let approachBound: (Double?, Double)

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
        // Each array allocated on its own (one shared zero array would be copied at its first write).
        func zeros(_ n: Int) -> [Double] { [Double](repeating: 0, count: n) }
        it = zeros(maxHours); liquid = zeros(maxHours); facility = zeros(maxHours)
        base = zeros(24); losses = zeros(24); air = zeros(24); liq = zeros(24); fans = zeros(24); heat = zeros(24)
        approach = zeros(24); coolingOff = zeros(24); deliveryOff = zeros(24); facilityOff = zeros(24)
        physics = site.physics
        fixed = site.spec.cooling.type == .fixedPUE
        inputs = HourInputs(economizerC: site.table?.economizerC ?? [], condensingC: site.table?.condensingC ?? [],
                            consumedLPerWh: site.table?.consumedLPerWh ?? [], withdrawnLPerWh: site.table?.withdrawnLPerWh ?? [],
                            shape: site.factors.hourlyShape, typicalHour: site.typicalHour, localHour: site.localHour)
        supplyPerMeanW = site.factors.supplyPerMeanW
        approachBound = fixed ? (nil, -.infinity) : Constants.bound(site.physics)
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
        facility.withUnsafeBufferPointer { fa in supply.withUnsafeBufferPointer { sp in inputs.localHour.withUnsafeBufferPointer { lh in
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
        if fixed {
            if periodic { repeatDay(&it, count); repeatDay(&liquid, count) }
            return fixedPUEMonth(start: start, count: count, capacity: c)
        }
        let k = Constants(physics, c, bound: approachBound)
        passOneHours += periodic ? 24 : count; passTwoHours += count
        if !periodic { return hourlySums(start: start, count: count, k) }
        dayTerms(k)
        return periodicSums(start: start, count: count, k)
    }

    /// The month's constants of pass 1 (capacity × coefficient products and inverses).
    private struct Constants {
        let d0: Double, d1: Double, d2: Double, u0: Double, u1: Double, u2: Double
        let invIT: Double, invAir: Double, invLiquid: Double, invChiller: Double
        let toHall: Bool, ms: Double, ex: Double, aD: Double, ams: Double, aex: Double
        let month: HourPhysics.Month
        /// A bound on the approach per unit heat ratio, K (approach ≤ bound·max(r, 0)), nil when
        /// none holds, and the economizer temperature at or below which both chiller shares are 0
        /// (the lower supply; −∞ when a ΔT is not positive), °C (see `chillersOff`).
        let approachBound: Double?, noShareAtOrBelow: Double

        init(_ p: HourPhysics, _ c: MonthCapacity, bound: (Double?, Double)) {
            d0 = c.it * p.distribution.noLoadFraction; d1 = p.distribution.proportionalFraction
            d2 = p.distribution.squareLawFraction
            u0 = c.it * p.ups.noLoadFraction; u1 = p.ups.proportionalFraction; u2 = p.ups.squareLawFraction
            invIT = c.invIT; invAir = c.invAir; invLiquid = c.invLiquid; invChiller = c.invChiller
            toHall = p.liquidToHall; ms = p.minSpeed; ex = p.exponent
            aD = p.approachDesign; ams = p.approachTable.minSpeed; aex = p.approachTable.exponent
            month = HourPhysics.Month(p, c)
            (approachBound, noShareAtOrBelow) = bound
        }

        /// `approachBound` and `noShareAtOrBelow` of a site. The approach is a_D·r·g(r) with
        /// g = max(r, x_min)^(−m) tabulated: for m ≥ 0 every value of g, tabulated, interpolated
        /// or past the table, is at most the table's largest. A share is 0 when the economizer
        /// temperature is at most its loop's supply (ΔT > 0).
        static func bound(_ p: HourPhysics) -> (Double?, Double) {
            guard let plant = p.plant, plant.invLiqDelta > 0, plant.invAirDelta > 0 else { return (nil, -.infinity) }
            let noShare = min(plant.liqSupply, plant.airSupply)
            guard p.approachDesign >= 0, p.approachTable.exponent <= 0,
                  let gMax = p.approachDesign == 0 ? 0 : p.approachTable.values.max(), gMax.isFinite
            else { return (nil, noShare) }
            return (p.approachDesign * gMax * (1 + 1e-12), noShare)
        }
    }

    /// Pass 1 of two hours (one per lane), W: IT, losses, IT + losses, fans and pumps, heat into
    /// the loops, liquid- and air-loop heat, heat over IT capacity (1), and cooling, delivery and
    /// facility power with the chillers off. Each lane's operations are those of `HourPhysics.flows`.
    private struct Terms {
        var it: Hours, losses: Hours, base: Hours, fans: Hours, heat: Hours, liquid: Hours, air: Hours, ratio: Hours
        var cooling: Hours, delivery: Hours, facility: Hours

        typealias Hours = SIMD2<Double>

        @_transparent
        init(it x: Hours, liquid q: Hours, _ k: Constants, g: UnsafeBufferPointer<Double>) {
            let m = k.month
            let ld = k.d0 + x * (k.d1 + x * k.invIT * k.d2)
            let y = x + ld
            let lu = k.u0 + y * (k.u1 + y * k.invIT * k.u2)
            let b = x + ld + lu
            let a0 = (k.toHall ? x : x - q) + ld + lu
            let fanA = m.airK * PartLoadTable.lookup(g, a0 * k.invAir, minSpeed: k.ms, exponent: k.ex)
            let pumpL = m.liquidK * PartLoadTable.lookup(g, q * k.invLiquid, minSpeed: k.ms, exponent: k.ex)
            let f = fanA + pumpL
            let h = b + f
            let r = h * k.invIT
            it = x; losses = ld + lu; base = b; fans = f; heat = h
            air = k.toHall ? a0 + fanA + pumpL : a0 + fanA
            liquid = k.toHall ? Hours() : q + pumpL
            ratio = r
            // Chillers off: the heat rejected is the loops' heat (rejK = 0: no heat-rejection
            // fans, the product is 0 whatever the finite table value).
            let rejection = m.rejK == 0 ? Hours() : m.rejK * PartLoadTable.lookup(g, r, minSpeed: k.ms, exponent: k.ex)
            cooling = f + rejection
            let yt = b + cooling + m.aux
            delivery = losses + (m.t0 + yt * (m.t1 + yt * m.tInv * m.t2))
            facility = x + cooling + m.aux + delivery
        }

        /// Lane `l`'s cooling, delivery and facility power when its chillers draw `chiller` W.
        @inline(__always)
        func running(_ chiller: Double, lane l: Int, _ k: Constants, g: UnsafeBufferPointer<Double>)
            -> (cooling: Double, delivery: Double, facility: Double) {
            SiteHourKernel.running(chiller, it: it[l], base: base[l], losses: losses[l], fans: fans[l], heat: heat[l], k, g: g)
        }
    }

    /// The heat-rejection approach at heat ratio `r`, K (as `HourPhysics.flows`).
    @inline(__always)
    private static func approach(_ r: SIMD2<Double>, _ k: Constants, ga: UnsafeBufferPointer<Double>) -> SIMD2<Double> {
        k.aD == 0 ? SIMD2() : k.aD * r * PartLoadTable.lookup(ga, r, minSpeed: k.ams, exponent: k.aex)
    }

    /// Whether both hours' chillers are surely off: economizer temperature `economizerC` plus the
    /// approach bound at ratio `r` at most the lower supply less 1 µK (so that rounding cannot
    /// cross it), so both shares are 0 and so is the chillers' load, whatever the approach's exact value.
    @inline(__always)
    private static func chillersOff(_ economizerC: SIMD2<Double>, ratio r: SIMD2<Double>, _ k: Constants) -> Bool {
        guard let bound = k.approachBound else { return false }
        var x = r
        x.replace(with: 0, where: .!(r .> 0))
        return all(economizerC + bound * x .<= k.noShareAtOrBelow - 1e-6)
    }

    /// Cooling, delivery and facility power of an hour whose chillers draw `chiller` W, from its
    /// pass-1 terms: heat-rejection fans at the heat plus the chiller work, the transformer on the new load.
    @inline(__always)
    private static func running(_ chiller: Double, it x: Double, base b: Double, losses l: Double, fans f: Double,
                                heat h: Double, _ k: Constants, g: UnsafeBufferPointer<Double>)
        -> (cooling: Double, delivery: Double, facility: Double) {
        let m = k.month
        let rejected = h + chiller
        let rejection = m.rejK == 0 ? 0 : m.rejK * PartLoadTable.lookup(g, rejected * k.invIT, minSpeed: k.ms, exponent: k.ex)
        let cooling = chiller + (f + rejection)
        let y = b + cooling + m.aux
        let delivery = l + (m.t0 + y * (m.t1 + y * m.tInv * m.t2))
        return (cooling, delivery, x + cooling + m.aux + delivery)
    }

    /// What pass 2 reads per hour besides the month's own arrays: the plant table's coefficients
    /// by typical-year hour, the grid's shape by local hour, and each term hour's typical and local hour.
    private struct HourInputs {
        let economizerC: [Double], condensingC: [Double], consumedLPerWh: [Double], withdrawnLPerWh: [Double]
        let shape: [Double]
        let typicalHour: [Int32], localHour: [UInt8]

        /// The same, as buffers, for the loops.
        struct Buffers {
            let economizerC: UnsafeBufferPointer<Double>, condensingC: UnsafeBufferPointer<Double>
            let consumedLPerWh: UnsafeBufferPointer<Double>, withdrawnLPerWh: UnsafeBufferPointer<Double>
            let shapes: UnsafeBufferPointer<Double>
            let typicalHour: UnsafeBufferPointer<Int32>, localHour: UnsafeBufferPointer<UInt8>

            /// The grid's carbon shape at term hour `h`.
            @inline(__always)
            func shape(_ h: Int) -> Double { shapes[Int(localHour[h])] }
        }

        @inline(__always)
        func withBuffers<R>(_ body: (Buffers) -> R) -> R {
            economizerC.withUnsafeBufferPointer { ec in condensingC.withUnsafeBufferPointer { cc in
            consumedLPerWh.withUnsafeBufferPointer { wc in withdrawnLPerWh.withUnsafeBufferPointer { ww in
            shape.withUnsafeBufferPointer { sh in
            typicalHour.withUnsafeBufferPointer { th in localHour.withUnsafeBufferPointer { lh in
                body(Buffers(economizerC: ec, condensingC: cc, consumedLPerWh: wc, withdrawnLPerWh: ww, shapes: sh,
                             typicalHour: th, localHour: lh))
            }}}}}}}
        }
    }

    /// Pass 1 of a periodic month's first day, into the per-hour arrays.
    private mutating func dayTerms(_ k: Constants) {
        physics.partLoad.values.withUnsafeBufferPointer { g in physics.approachTable.values.withUnsafeBufferPointer { ga in
        it.withUnsafeBufferPointer { itp in liquid.withUnsafeBufferPointer { lqp in
        base.withUnsafeMutableBufferPointer { bp in losses.withUnsafeMutableBufferPointer { lp in
        air.withUnsafeMutableBufferPointer { ap in liq.withUnsafeMutableBufferPointer { qp in
        fans.withUnsafeMutableBufferPointer { fp in heat.withUnsafeMutableBufferPointer { hp in
        approach.withUnsafeMutableBufferPointer { app in coolingOff.withUnsafeMutableBufferPointer { c0p in
        deliveryOff.withUnsafeMutableBufferPointer { d0p in facilityOff.withUnsafeMutableBufferPointer { f0p in
            for i in stride(from: 0, to: 24, by: 2) {
                let t = Terms(it: Self.load(itp, i), liquid: Self.load(lqp, i), k, g: g)
                Self.store(t.base, bp, i); Self.store(t.losses, lp, i); Self.store(t.air, ap, i); Self.store(t.liquid, qp, i)
                Self.store(t.fans, fp, i); Self.store(t.heat, hp, i); Self.store(Self.approach(t.ratio, k, ga: ga), app, i)
                Self.store(t.cooling, c0p, i); Self.store(t.delivery, d0p, i); Self.store(t.facility, f0p, i)
            }
        }}}}}}}}}}}}}}
    }

    @inline(__always)
    private static func load(_ p: UnsafeBufferPointer<Double>, _ i: Int) -> SIMD2<Double> {
        SIMD2(p[i], p[i + 1])
    }

    @inline(__always)
    private static func store(_ v: SIMD2<Double>, _ p: UnsafeMutableBufferPointer<Double>, _ i: Int) {
        p[i] = v[0]; p[i + 1] = v[1]
    }

    /// Both passes of a month whose hours differ, two hours at a time: each hour's flows as
    /// `HourPhysics.flows` gives them, summed in two interleaved partial sums (even hours in lane
    /// 0, odd in lane 1), added at the end. An odd month's last hour runs in both lanes, once counted.
    private mutating func hourlySums(start: Int, count: Int, _ k: Constants) -> Sums {
        typealias Hours = SIMD2<Double>
        let plant = physics.plant!, m = k.month, toSink = plant.chillerHeatToSink
        var eIT = Hours(), eCool = Hours(), eDel = Hours(), eFac = Hours(), water = Hours(), consumed = Hours()
        var shaped = Hours(), peak = Hours()
        var running = 0
        physics.partLoad.values.withUnsafeBufferPointer { g in physics.approachTable.values.withUnsafeBufferPointer { ga in
        it.withUnsafeBufferPointer { itp in liquid.withUnsafeBufferPointer { lqp in
        facility.withUnsafeMutableBufferPointer { out in inputs.withBuffers { w in
            var i = 0
            while i < count {
                let h0 = i, h1 = min(i + 1, count - 1), full = i + 1 < count
                let t = Terms(it: Hours(itp[h0], itp[h1]), liquid: Hours(lqp[h0], lqp[h1]), k, g: g)
                let j0 = Int(w.typicalHour[start + h0]), j1 = Int(w.typicalHour[start + h1])
                let economizer = Hours(w.economizerC[j0], w.economizerC[j1])
                var cooling = t.cooling, delivery = t.delivery, f = t.facility, sink = t.heat
                let approach = Self.chillersOff(economizer, ratio: t.ratio, k) ? nil : Self.approach(t.ratio, k, ga: ga)
                // At or below both supplies both shares are exactly 0: no load, chillers off.
                if let approach, case let econ = economizer + approach, !all(econ .<= k.noShareAtOrBelow) {
                    let sL = Self.share(econ, plant.liqSupply, plant.invLiqDelta)
                    let sA = Self.share(econ, plant.airSupply, plant.invAirDelta)
                    let load = sL * t.liquid + sA * t.air
                    let on = load .> 0
                    for l in 0..<2 where on[l] {
                        let chiller = plant.runningPower(shares: (sL[l], sA[l]), load: load[l], liquidW: t.liquid[l],
                                                         airW: t.air[l], condensingC: w.condensingC[l == 0 ? j0 : j1] + approach[l],
                                                         invCapacity: k.invChiller)
                        (cooling[l], delivery[l], f[l]) = t.running(chiller, lane: l, k, g: g)
                        sink[l] = t.heat[l] + toSink * chiller
                        if l == 0 || full { running += 1 }
                    }
                }
                var wd = Hours(w.withdrawnLPerWh[j0], w.withdrawnLPerWh[j1]), c = Hours(w.consumedLPerWh[j0], w.consumedLPerWh[j1])
                var s = Hours(w.shape(start + h0), w.shape(start + h1))
                var x = t.it
                out[h0] = f[0]
                if full {
                    out[h1] = f[1]
                } else {
                    x[1] = 0; cooling[1] = 0; delivery[1] = 0; f[1] = 0; wd[1] = 0; c[1] = 0; s[1] = 0
                }
                eIT += x; eCool += cooling; eDel += delivery; eFac += f
                water += sink * wd; consumed += sink * c; shaped += f * s
                peak.replace(with: f, where: f .>= peak)
                i += 2
            }
        }}}}}}
        chillerHours += running
        return Sums(it: eIT.sum(), cooling: eCool.sum(), delivery: eDel.sum(), auxiliary: m.aux * Double(count),
                    facility: eFac.sum(), water: water.sum(), consumed: consumed.sum(), shaped: shaped.sum(),
                    peak: peak.max())
    }

    /// A loop's chiller share clamp((T_econ − T_s)/ΔT, 0, 1) in each lane, as `CoolingPlant.shares`.
    @inline(__always)
    private static func share(_ econ: SIMD2<Double>, _ supply: Double, _ invDelta: Double) -> SIMD2<Double> {
        var v = (econ - supply) * invDelta
        v.replace(with: 0, where: v .<= 0)
        v.replace(with: 1, where: v .> 1)
        return v
    }

    /// Pass 2 of a month whose every day repeats the first: hours with chillers are summed in
    /// order; the others are counted by hour of the day, with their water coefficients, and
    /// their terms added once per hour of the day at the end.
    private mutating func periodicSums(start: Int, count: Int, _ c: Constants) -> Sums {
        let p = physics, plant = physics.plant!, mk = c.month
        let invChiller = c.invChiller, toSink = plant.chillerHeatToSink
        var eIT = 0.0, eCool = 0.0, eDel = 0.0, eFac = 0.0, water = 0.0, consumed = 0.0, shaped = 0.0, peak = 0.0
        var running = 0
        // Per hour of the day: hours without chillers, and the sums of their water coefficients.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 72) { bins in
        let hours = bins.baseAddress!, withdrawnSum = hours + 24, consumedSum = hours + 48
        hours.initialize(repeating: 0, count: 72)
        p.partLoad.values.withUnsafeBufferPointer { g in
        it.withUnsafeBufferPointer { itp in
        base.withUnsafeBufferPointer { bp in losses.withUnsafeBufferPointer { lp in
        air.withUnsafeBufferPointer { ap in liq.withUnsafeBufferPointer { qp in
        fans.withUnsafeBufferPointer { fp in heat.withUnsafeBufferPointer { hp in approach.withUnsafeBufferPointer { app in
        facilityOff.withUnsafeBufferPointer { f0p in
        facility.withUnsafeMutableBufferPointer { out in inputs.withBuffers { w in
            var i = 0
            while i < count {
                for k in 0..<24 {
                    let j = Int(w.typicalHour[start + i])
                    let a = app[k], econ = w.economizerC[j] + a
                    // At or below both supplies both shares are exactly 0 (as `shares` gives them).
                    let s = econ <= c.noShareAtOrBelow ? (liquid: 0.0, air: 0.0) : plant.shares(economizerC: econ)
                    let qL = qp[k], qA = ap[k]
                    let load = s.liquid * qL + s.air * qA
                    if load > 0 {
                        let chiller = plant.runningPower(shares: s, load: load, liquidW: qL, airW: qA, condensingC: w.condensingC[j] + a,
                                                         invCapacity: invChiller)
                        let r = Self.running(chiller, it: itp[k], base: bp[k], losses: lp[k], fans: fp[k], heat: hp[k], c, g: g)
                        let sinkHeat = hp[k] + toSink * chiller
                        out[i] = r.facility
                        eCool += r.cooling; eDel += r.delivery; eFac += r.facility
                        water += sinkHeat * w.withdrawnLPerWh[j]; consumed += sinkHeat * w.consumedLPerWh[j]
                        shaped += r.facility * w.shape(start + i)
                        peak = max(peak, r.facility)
                        running += 1
                    } else {
                        out[i] = f0p[k]
                        hours[k] += 1; withdrawnSum[k] += w.withdrawnLPerWh[j]; consumedSum[k] += w.consumedLPerWh[j]
                    }
                    i += 1
                }
            }
        }}}}}}}}}}}}
        let days = Double(count / 24)
        coolingOff.withUnsafeBufferPointer { c0p in deliveryOff.withUnsafeBufferPointer { d0p in
        facilityOff.withUnsafeBufferPointer { f0p in heat.withUnsafeBufferPointer { hp in
        it.withUnsafeBufferPointer { itp in inputs.shape.withUnsafeBufferPointer { sh in inputs.localHour.withUnsafeBufferPointer { lh in
            for k in 0..<24 {
                eIT += days * itp[k]
                let n = hours[k]
                guard n > 0 else { continue }
                eCool += n * c0p[k]; eDel += n * d0p[k]; eFac += n * f0p[k]
                water += hp[k] * withdrawnSum[k]; consumed += hp[k] * consumedSum[k]
                shaped += n * f0p[k] * sh[Int(lh[start + k])]
                peak = max(peak, f0p[k])
            }
        }}}}}}}
        }
        chillerHours += running
        return Sums(it: eIT, cooling: eCool, delivery: eDel, auxiliary: mk.aux * Double(count), facility: eFac,
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
        inputs.shape.withUnsafeBufferPointer { sh in inputs.localHour.withUnsafeBufferPointer { lh in
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

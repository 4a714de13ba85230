/// The scalar parameters of a site's hourly physics, flattened out of the spec so the
/// hourly loop touches only plain numbers.
struct HourPhysics: Sendable {
    let fixed: Bool
    let overheadPerW: Double
    let distribution: LossStage, ups: LossStage, transformer: LossStage
    let transformerRatio: Double
    let airFan: Double, liquidPump: Double, rejection: Double
    let minSpeed: Double, exponent: Double
    let partLoad: PartLoadTable
    /// max(x, x_min)^(−m) of the heat-rejection approach (empty when the design approach is 0: never read).
    let approachTable: PartLoadTable
    let approachDesign: Double
    let liquidToHall: Bool
    let auxiliaryFraction: Double
    let wue: Double
    /// nil for fixed-pue.
    let plant: CoolingPlant?

    init(_ s: SiteSpec, plant: CoolingPlant?, partLoad: PartLoadTable, approachTable: PartLoadTable) {
        let c = s.cooling, d = s.powerDelivery
        fixed = c.type == .fixedPUE
        overheadPerW = (c.pue ?? 1) - 1
        distribution = d.distribution; ups = d.ups; transformer = d.transformer
        transformerRatio = d.transformerCapacityRatio
        airFan = c.airFanPowerFraction ?? 0; liquidPump = c.liquidPumpPowerFraction ?? 0
        // irhx: the DX condensers' fans are inside the trim units' rated efficiency and the outside air is moved by the hall fans.
        rejection = c.type == .irhx ? 0 : (c.heatRejectionPowerFraction ?? 0)
        self.partLoad = partLoad; self.approachTable = approachTable
        minSpeed = partLoad.minSpeed; exponent = partLoad.exponent
        approachDesign = plant?.designApproach ?? 0
        liquidToHall = c.type.liquidToHallAir
        auxiliaryFraction = fixed ? 0 : (s.auxiliaryPowerFraction ?? 0)
        wue = c.wueLPerKwh ?? 0
        self.plant = plant
    }

    /// The facility physics of one hour (see docs/METHODS.md §3–§5): distribution and UPS
    /// losses on the IT path; air-handler fans and liquid pumps at part load, their heat added
    /// to the loop they run in (pumps and in-row coil fans into the hall air for irhx); the
    /// heat-rejection approach at this hour's load; chillers by loop with staged part load;
    /// heat-rejection fans; site auxiliaries; transformer loss on everything; on-site water.
    /// Capacities are in W (their inverses 0 when nothing is commissioned); `table` and
    /// `approach` are the part-load tables' storage, or nil to evaluate the laws with `pow`
    /// (the continuous-time form, whose integrand must be smooth). `w`: the hour's weather
    /// coefficients (ignored for fixed-pue).
    @inline(__always)
    func flows(it: Double, liquid: Double, weather w: CoolingPlant.Coefficients, capacity c: MonthCapacity,
               table: UnsafeBufferPointer<Double>?, approach: UnsafeBufferPointer<Double>?) -> HourFlows {
        @inline(__always) func loss(_ s: LossStage, _ load: Double, _ cap: Double, _ inv: Double) -> Double {
            cap * s.noLoadFraction + load * (s.proportionalFraction + load * inv * s.squareLawFraction)
        }
        @inline(__always) func g(_ x: Double) -> Double {
            if let t = table { return PartLoadTable.lookup(t, x, minSpeed: minSpeed, exponent: exponent) }
            return CoolingPhysics.partLoadPower(x, minSpeed: minSpeed, exponent: exponent)
        }
        let ld = loss(distribution, it, c.it, c.invIT)
        let lu = loss(ups, it + ld, c.it, c.invIT)
        if fixed {
            let lt = loss(transformer, it + ld + lu, c.it * transformerRatio, c.invIT / transformerRatio)
            let overhead = overheadPerW * it
            let delivery = min(ld + lu + lt, overhead)
            return HourFlows(it: it, cooling: overhead - delivery, delivery: delivery, auxiliary: 0, facility: it + overhead,
                             rejected: it + overhead, waterConsumedL: wue * it / 1000, waterWithdrawnL: wue * it / 1000)
        }
        let k = HourPhysics.Month(self, c)
        let base = it + ld + lu
        let a0 = (liquidToHall ? it : it - liquid) + ld + lu
        let fanA = k.airK * g(a0 * c.invAir)
        let pumpL = k.liquidK * g(liquid * c.invLiquid)
        let qA = liquidToHall ? a0 + fanA + pumpL : a0 + fanA
        let qL = liquidToHall ? 0 : liquid + pumpL
        let fans = fanA + pumpL
        let heat = base + fans
        let x = heat * c.invIT
        let a = approachDesign == 0 ? 0 : approachDesign * x
            * (approach.map { PartLoadTable.lookup($0, x, minSpeed: approachTable.minSpeed, exponent: approachTable.exponent) }
               ?? CoolingPhysics.partLoadPower(x, minSpeed: approachTable.minSpeed, exponent: approachTable.exponent))
        let chiller = plant!.chillerPower(liquidW: qL, airW: qA, economizerC: w.economizerC, condensingC: w.condensingC,
                                          approach: a, invCapacity: c.invChiller)
        let rejected = heat + chiller
        let cooling = chiller + (fans + k.rejK * g(rejected * c.invIT))
        let y = base + cooling + k.aux
        let lt = k.t0 + y * (k.t1 + y * k.tInv * k.t2)
        let delivery = ld + lu + lt
        let sinkHeat = heat + plant!.chillerHeatToSink * chiller
        return HourFlows(it: it, cooling: cooling, delivery: delivery, auxiliary: k.aux, facility: it + cooling + k.aux + delivery,
                         rejected: rejected, waterConsumedL: sinkHeat * w.consumedLPerWh,
                         waterWithdrawnL: sinkHeat * w.withdrawnLPerWh)
    }

    /// The month's constants of the hour physics (capacity × coefficient products).
    struct Month {
        let airK: Double, liquidK: Double, rejK: Double, aux: Double
        let t0: Double, t1: Double, t2: Double, tInv: Double

        @inline(__always)
        init(_ p: HourPhysics, _ c: MonthCapacity) {
            airK = p.airFan * c.air; liquidK = p.liquidPump * c.liquid; rejK = p.rejection * c.it
            aux = p.auxiliaryFraction * c.it
            t0 = c.it * p.transformerRatio * p.transformer.noLoadFraction; t1 = p.transformer.proportionalFraction
            t2 = p.transformer.squareLawFraction; tInv = c.invIT / p.transformerRatio
        }
    }
}

/// The values of every `Metric` in each month of the term for one evaluation
/// (one deterministic run or one Monte Carlo sample), with pure functions that
/// aggregate months into years and the whole term.
///
/// Additive metrics (energies, water, carbon, cost, cost share) add up; peaks
/// take the maximum; `avg_facility_mw` = facility energy / hours, `pue` =
/// facility energy / IT energy and `wue_l_per_kwh` = on-site withdrawal / IT energy are
/// recomputed from the sums (energy-weighted).
public struct Evaluation: Sendable {
    /// `monthly[metric.index][month]` in the metric's unit.
    public var monthly: [[Double]]
    /// Hours in each month of the term.
    public var hours: [Double]
    /// Calendar year of each month of the term.
    public var years: [Int]
    /// Contract value spread evenly over the term's hours, USD/h (set by `finishMonths`).
    public var contractUSDPerHour = 0.0

    public init(monthly: [[Double]], hours: [Double], years: [Int]) {
        self.monthly = monthly; self.hours = hours; self.years = years
    }

    /// An evaluation of zeros for `months` months.
    public init(calendar: TermCalendar) {
        monthly = [[Double]](repeating: [Double](repeating: 0, count: calendar.months), count: Metric.allCases.count)
        hours = (0..<calendar.months).map { Double(calendar.hours(inMonth: $0)) }
        years = calendar.monthLabels.map(\.year)
    }

    public var months: Int { hours.count }

    public subscript(metric: Metric, month: Int) -> Double {
        get { monthly[metric.index][month] }
        set { monthly[metric.index][month] = newValue }
    }

    /// Every metric over months `range` (indices of the term), in `Metric.allCases` order.
    public func aggregate(_ range: Range<Int>) -> [Double] {
        var out = [Double](repeating: 0, count: Metric.allCases.count)
        for m in Metric.allCases {
            let v = monthly[m.index][range]
            switch m.aggregation {
            case .sum: out[m.index] = v.reduce(0, +)
            case .max: out[m.index] = v.max() ?? 0
            case .derived: break
            }
        }
        let h = hours[range].reduce(0, +)
        let fac = out[Metric.facilityEnergy.index]
        out[Metric.averageFacilityPower.index] = h > 0 ? fac / h : 0
        for r in Metric.sumRatios { out[r.metric.index] = Metric.ratio(out[r.numerator.index], out[r.denominator.index]) }
        let gpuHours = out[Metric.gpuHours.index]
        out[Metric.contractUSDPerGPUHour.index] = gpuHours > 0 ? contractUSDPerHour * h / gpuHours : 0
        return out
    }

    /// Every metric over the whole term.
    public func total() -> [Double] { aggregate(0..<months) }

    /// Every metric for each calendar year the term touches (partial years included).
    public func annual() -> [(year: Int, values: [Double])] {
        var out: [(Int, [Double])] = []
        var start = 0
        while start < months {
            var end = start
            while end < months && years[end] == years[start] { end += 1 }
            out.append((years[start], aggregate(start..<end)))
            start = end
        }
        return out
    }

    /// Fills the derived monthly metrics (avg MW, PUE, cost share) from the sums.
    mutating func finishMonths(contractValueUSD: Double) {
        let termHours = hours.reduce(0, +)
        contractUSDPerHour = termHours > 0 ? contractValueUSD / termHours : 0
        for k in 0..<months {
            let g = self[.gpuHours, k]
            self[.contractUSDPerGPUHour, k] = g > 0 ? contractUSDPerHour * hours[k] / g : 0
            self[.averageFacilityPower, k] = hours[k] > 0 ? self[.facilityEnergy, k] / hours[k] : 0
            for r in Metric.sumRatios { self[r.metric, k] = Metric.ratio(self[r.numerator, k], self[r.denominator, k]) }
            self[.costShareOfContract, k] = contractValueUSD > 0 ? self[.electricityCost, k] / contractValueUSD : 0
        }
    }
}

extension Metric {
    /// Position in `Metric.allCases`, the row of `Evaluation.monthly`.
    public var index: Int {
        switch self {
        case .itEnergy: 0
        case .facilityEnergy: 1
        case .coolingEnergy: 2
        case .powerDeliveryLoss: 3
        case .peakFacilityPower: 4
        case .averageFacilityPower: 5
        case .pue: 6
        case .waterOnsite: 7
        case .waterOffsite: 8
        case .carbonLocation: 9
        case .carbonMarket: 10
        case .carbonEmbodied: 11
        case .electricityCost: 12
        case .costShareOfContract: 13
        case .gpusInstalledPeak: 14
        case .auxiliaryEnergy: 15
        case .waterOnsiteConsumption: 16
        case .waterStressWeighted: 17
        case .carbonMarginal: 18
        case .demandCharges: 19
        case .ppaSettlement: 20
        case .wue: 21
        case .cfeMatched: 22
        case .cfeShare: 23
        case .cfeMatchedHours: 24
        case .loadSiteHours: 25
        case .cfeHoursShare: 26
        case .gpuHours: 27
        case .contractUSDPerGPUHour: 28
        }
    }

    /// The metrics that are, over any period, one summed metric over another: PUE (facility /
    /// IT energy), on-site WUE (m³ / MWh = L / kWh) and the two carbon-free shares.
    static let sumRatios: [(metric: Metric, numerator: Metric, denominator: Metric)] = [
        (.pue, .facilityEnergy, .itEnergy), (.wue, .waterOnsite, .itEnergy),
        (.cfeShare, .cfeMatched, .facilityEnergy), (.cfeHoursShare, .cfeMatchedHours, .loadSiteHours),
    ]

    /// `numerator / denominator`, 0 where the denominator is not positive (nothing to divide by).
    @inline(__always)
    static func ratio(_ numerator: Double, _ denominator: Double) -> Double { denominator > 0 ? numerator / denominator : 0 }

    /// How months combine into longer periods.
    public enum Aggregation: Sendable { case sum, max, derived }

    public var aggregation: Aggregation {
        switch self {
        case .peakFacilityPower, .gpusInstalledPeak: .max
        case .averageFacilityPower, .pue, .wue, .cfeShare, .cfeHoursShare, .contractUSDPerGPUHour: .derived
        default: .sum
        }
    }
}

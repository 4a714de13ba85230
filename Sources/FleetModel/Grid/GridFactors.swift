import Foundation

/// A grid's carbon intensities and prices for each month of the term (the values that do
/// not change within a month), and its hourly carbon shape (docs/METHODS.md §6–§7).
public struct GridFactors: Sendable {
    /// Location-based intensity of each term month before the hourly shape, kg CO2e/kWh.
    public var carbonKgPerKwh: [Double]
    /// Hourly shape by local hour, mean 1.
    public var hourlyShape: [Double]
    /// Residual-mix intensity of each term month, kg CO2e/kWh (for the energy not matched by contracted CFE).
    public var residualKgPerKwh: [Double]
    /// Contracted carbon-free share of the consumption, φ.
    public var carbonFreeFraction: Double
    /// Hourly matching: the contracted supply per W of mean consumption by local hour, φ·S/mean(S);
    /// nil for annual matching.
    public var supplyPerMeanW: [Double]?
    /// Long-run marginal emission rate, kg CO2e/kWh (0 when the grid gives none).
    public var marginalKgPerKwh: Double
    /// Volumetric part of the delivered tariff of each term month, USD/kWh.
    public var volumetricUsdPerKwh: [Double]
    /// Demand and capacity charges of each term month, USD per kW of the site's monthly peak.
    public var demandUsdPerKw: [Double]
    /// Virtual-PPA settlement per kWh consumed, CFE share × (strike − wholesale), USD/kWh
    /// (positive: the buyer pays the difference).
    public var settlementUsdPerKwh: [Double]
    /// Off-site water per kWh, L/kWh.
    public var waterLPerKwh: Double

    /// - Parameter previous: a grid and its factors on the same term (a Monte Carlo sample's
    ///   base): the carbon series are reused when the carbon and market inputs compare equal,
    ///   the price series when the price inputs and the CFE share do.
    public init(grid g: GridSpec, calendar: TermCalendar, previous: (grid: GridSpec, factors: GridFactors)? = nil) {
        let ci = g.carbonIntensity, p = g.price, m = g.market
        marginalKgPerKwh = ci.longRunMarginalKgPerKwh ?? 0
        carbonFreeFraction = m.carbonFreeFraction
        supplyPerMeanW = m.supplyHourlyShape.flatMap { v in
            let mean = v.reduce(0, +) / Double(max(v.count, 1))
            return v.count == 24 && mean > 0 ? v.map { m.carbonFreeFraction * $0 / mean } : nil
        }
        waterLPerKwh = g.waterIntensityLPerKwh
        let sameCarbon = previous.map { $0.grid.carbonIntensity == ci && $0.grid.market == m } ?? false
        let samePrice = previous.map { $0.grid.price == p && $0.grid.market.carbonFreeFraction == m.carbonFreeFraction } ?? false
        if let f = previous?.factors, sameCarbon {
            hourlyShape = f.hourlyShape; carbonKgPerKwh = f.carbonKgPerKwh; residualKgPerKwh = f.residualKgPerKwh
        } else {
            let hMean = ci.hourlyShape.reduce(0, +) / Double(max(ci.hourlyShape.count, 1))
            hourlyShape = ci.hourlyShape.count == 24 && hMean > 0 ? ci.hourlyShape.map { $0 / hMean } : Array(repeating: 1, count: 24)
            carbonKgPerKwh = []; residualKgPerKwh = []
        }
        if let f = previous?.factors, samePrice {
            volumetricUsdPerKwh = f.volumetricUsdPerKwh; demandUsdPerKw = f.demandUsdPerKw
            settlementUsdPerKwh = f.settlementUsdPerKwh
        } else {
            volumetricUsdPerKwh = []; demandUsdPerKw = []; settlementUsdPerKwh = []
        }
        if sameCarbon && samePrice { return }
        let mMean = ci.monthlyShape.reduce(0, +) / Double(max(ci.monthlyShape.count, 1))
        for (k, (year, month)) in calendar.monthLabels.enumerated() {
            let t = Double(year) + (Double(month) - 0.5) / 12
            if !sameCarbon {
                let shape = ci.monthlyShape.count == 12 && mMean > 0 ? ci.monthlyShape[month - 1] / mMean : 1
                carbonKgPerKwh.append(ci.baseKgPerKwh * shape * pow(1 + ci.annualChange, t - (Double(ci.baseYear) + 0.5)))
                residualKgPerKwh.append(m.residualMixKgPerKwh * pow(1 + ci.annualChange, t - (Double(m.residualMixYear) + 0.5)))
            }
            if !samePrice {
                let tariff = p.baseUsdPerKwh * pow(1 + p.annualEscalation, t - (Double(p.baseYear) + 0.5))
                volumetricUsdPerKwh.append((1 - p.demandShareFraction) * tariff)
                let hours = Double(calendar.hours(inMonth: k))
                demandUsdPerKw.append(p.demandShareFraction * tariff * p.referenceLoadFactor * hours + p.capacityAdderUsdPerKwMonth)
                let strike = p.ppaUsdPerKwh * pow(1 + p.ppaAnnualEscalation, t - (Double(p.ppaBaseYear) + 0.5))
                let wholesale = p.wholesaleUsdPerKwh * pow(1 + p.wholesaleAnnualEscalation, t - (Double(p.wholesaleBaseYear) + 0.5))
                settlementUsdPerKwh.append(m.carbonFreeFraction * (strike - wholesale))
            }
        }
    }
}

import Foundation

/// A grid's carbon intensity and price for each month of the term (the values
/// that do not change within a month), and its hourly carbon shape.
public struct GridFactors: Sendable {
    /// Location-based intensity of each term month before the hourly shape, kg CO2e/kWh.
    public var carbonKgPerKwh: [Double]
    /// Hourly shape by local hour, mean 1.
    public var hourlyShape: [Double]
    /// Blended (utility + PPA) price of each term month, USD/kWh.
    public var priceUsdPerKwh: [Double]
    /// Market-based intensity over location-based: (1 − CFE share) · residual-mix factor.
    public var marketFactor: Double
    /// Off-site water per kWh, L/kWh.
    public var waterLPerKwh: Double

    /// - Parameter previous: a grid and its factors on the same term (a Monte Carlo sample's
    ///   base): the monthly carbon series is reused when the carbon inputs compare equal, the
    ///   price series when the price inputs do.
    public init(grid g: GridSpec, calendar: TermCalendar, previous: (grid: GridSpec, factors: GridFactors)? = nil) {
        let ci = g.carbonIntensity
        let p = g.price
        marketFactor = (1 - g.market.carbonFreeFraction) * g.market.residualMixFactor
        waterLPerKwh = g.waterIntensityLPerKwh
        let sameCarbon = previous.map { $0.grid.carbonIntensity == ci } ?? false
        let samePrice = previous.map { $0.grid.price == p } ?? false
        if let f = previous?.factors, sameCarbon {
            hourlyShape = f.hourlyShape; carbonKgPerKwh = f.carbonKgPerKwh
        } else {
            let hMean = ci.hourlyShape.reduce(0, +) / Double(max(ci.hourlyShape.count, 1))
            hourlyShape = ci.hourlyShape.count == 24 && hMean > 0 ? ci.hourlyShape.map { $0 / hMean } : Array(repeating: 1, count: 24)
            carbonKgPerKwh = []
        }
        if let f = previous?.factors, samePrice { priceUsdPerKwh = f.priceUsdPerKwh } else { priceUsdPerKwh = [] }
        if sameCarbon && samePrice { return }
        let mMean = ci.monthlyShape.reduce(0, +) / Double(max(ci.monthlyShape.count, 1))
        var c: [Double] = [], pr: [Double] = []
        for (year, month) in calendar.monthLabels {
            let t = Double(year) + (Double(month) - 0.5) / 12
            if !sameCarbon {
                let shape = ci.monthlyShape.count == 12 && mMean > 0 ? ci.monthlyShape[month - 1] / mMean : 1
                c.append(ci.baseKgPerKwh * shape * pow(1 + ci.annualChange, t - (Double(ci.baseYear) + 0.5)))
            }
            if !samePrice {
                let dt = t - (Double(p.baseYear) + 0.5)
                pr.append((1 - p.ppaFraction) * p.baseUsdPerKwh * pow(1 + p.annualEscalation, dt)
                          + p.ppaFraction * p.ppaUsdPerKwh * pow(1 + p.ppaAnnualEscalation, dt))
            }
        }
        if !sameCarbon { carbonKgPerKwh = c }
        if !samePrice { priceUsdPerKwh = pr }
    }
}

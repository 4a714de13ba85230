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

    public init(grid g: GridSpec, calendar: TermCalendar) {
        let ci = g.carbonIntensity
        let mMean = ci.monthlyShape.reduce(0, +) / Double(max(ci.monthlyShape.count, 1))
        let hMean = ci.hourlyShape.reduce(0, +) / Double(max(ci.hourlyShape.count, 1))
        hourlyShape = ci.hourlyShape.count == 24 && hMean > 0 ? ci.hourlyShape.map { $0 / hMean } : Array(repeating: 1, count: 24)
        let p = g.price
        var c: [Double] = [], pr: [Double] = []
        for (year, month) in calendar.monthLabels {
            let t = Double(year) + (Double(month) - 0.5) / 12
            let shape = ci.monthlyShape.count == 12 && mMean > 0 ? ci.monthlyShape[month - 1] / mMean : 1
            c.append(ci.baseKgPerKwh * shape * pow(1 + ci.annualChange, t - (Double(ci.baseYear) + 0.5)))
            let dt = t - (Double(p.baseYear) + 0.5)
            pr.append((1 - p.ppaFraction) * p.baseUsdPerKwh * pow(1 + p.annualEscalation, dt)
                      + p.ppaFraction * p.ppaUsdPerKwh * pow(1 + p.ppaAnnualEscalation, dt))
        }
        carbonKgPerKwh = c; priceUsdPerKwh = pr
        marketFactor = (1 - g.market.carbonFreeFraction) * g.market.residualMixFactor
        waterLPerKwh = g.waterIntensityLPerKwh
    }
}

/// The load one cohort places on its site over the term: the interface between
/// the fleet side (IT power) and the facility side (cooling, delivery, water,
/// carbon, cost).
public struct CohortLoad: Sendable {
    public var cohortID: String
    public var siteID: String
    /// True for accelerator cohorts (counted in `gpus_installed_peak`).
    public var isGPU: Bool
    /// Mean electrical power of the cohort's IT equipment (accelerators, host
    /// servers, network, storage) in each hour of the term, W.
    public var itPowerW: [Double]
    /// Share of the IT heat captured by liquid loops (0 for air-cooled), dimensionless.
    public var liquidHeatFraction: Double
    /// Units in service at the end of each month of the term.
    public var installedAtMonthEnd: [Double]
    /// Embodied carbon charged to each month of the term (amortised over life), kg CO2e.
    public var embodiedKgPerMonth: [Double]
    /// Serving unit-hours (units up and not spare × hours) in each month of the term; zeros when not given.
    public var servingUnitHoursPerMonth: [Double]

    public init(cohortID: String, siteID: String, isGPU: Bool, itPowerW: [Double],
                liquidHeatFraction: Double, installedAtMonthEnd: [Double], embodiedKgPerMonth: [Double],
                servingUnitHoursPerMonth: [Double]? = nil) {
        self.servingUnitHoursPerMonth = servingUnitHoursPerMonth
            ?? [Double](repeating: 0, count: installedAtMonthEnd.count)
        self.cohortID = cohortID; self.siteID = siteID; self.isGPU = isGPU
        self.itPowerW = itPowerW; self.liquidHeatFraction = liquidHeatFraction
        self.installedAtMonthEnd = installedAtMonthEnd; self.embodiedKgPerMonth = embodiedKgPerMonth
    }
}

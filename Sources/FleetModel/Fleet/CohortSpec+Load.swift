extension CohortSpec {
    /// The cohort's load over the term: hourly IT power (board + host + network +
    /// storage, W), liquid heat share, units installed at each month end and
    /// embodied carbon per month. Costs one set of QAGS integrals plus one pass over the hours.
    public func load(hardware: HardwareSpec, calendar: TermCalendar) throws -> CohortLoad {
        try CohortPowerModel(cohort: self, hardware: hardware, calendar: calendar).load(calendar: calendar)
    }

    /// IT power at time `t` (hours from the start of the term, continuous), W; equal to
    /// `load(...).itPowerW[h]` at t = h + ½. Builds the model on every call: for many
    /// calls (quadrature) build a `CohortPowerModel` once and call its `itPowerW(atHour:)`.
    public func itPowerW(hardware: HardwareSpec, calendar: TermCalendar, atHour t: Double) throws -> Double {
        try CohortPowerModel(cohort: self, hardware: hardware, calendar: calendar).itPowerW(atHour: t)
    }

    /// The precomputed power model, for repeated continuous-time evaluation.
    public func powerModel(hardware: HardwareSpec, calendar: TermCalendar) throws -> CohortPowerModel {
        try CohortPowerModel(cohort: self, hardware: hardware, calendar: calendar)
    }
}

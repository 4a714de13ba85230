import Testing
@testable import FleetModel

/// Each period of a result carries the term's hours in it and whether the term covers it only in part.
@Suite("Result periods")
struct ResultPeriodsTests {
    /// A term from 3 November 2025 for three months: November has 28 of its 30 days, December and
    /// January are whole; 2025 has 28 + 31 days of 365, 2026 has 31 days.
    @Test func partialMonthsAndYearsAreFlaggedWithTheirHours() throws {
        let calendar = try TermCalendar(start: "2025-11-03", months: 3)
        let ev = Evaluation(calendar: calendar)
        let (months, years) = FacilityModel.periods(ev, names: calendar.monthNames, metrics: Metric.allCases)
        #expect(months.map(\.period) == ["2025-11", "2025-12", "2026-01"])
        #expect(months.map(\.hours) == [28 * 24, 31 * 24, 31 * 24])
        #expect(months.map(\.partial) == [true, false, false])
        #expect(years.map(\.period) == ["2025", "2026"])
        #expect(years.map(\.hours) == [59 * 24, 31 * 24])
        #expect(years.map(\.partial) == [true, true])
        #expect(Set(months[0].values.keys) == Set(Metric.allCases))
    }

    /// A term of whole calendar years (2028 is a leap year) has no partial period.
    @Test func wholeYearsAreNotPartial() throws {
        let calendar = try TermCalendar(start: "2027-01-01", months: 24)
        let (months, years) = FacilityModel.periods(Evaluation(calendar: calendar), names: calendar.monthNames,
                                                    metrics: [.itEnergy])
        #expect(months.allSatisfy { $0.partial == false })
        #expect(months[13].hours == 29 * 24, "February 2028")
        #expect(years.map(\.hours) == [8_760, 8_784])
        #expect(years.allSatisfy { $0.partial == false })
    }

    /// Counts are reported whole (base and percentiles); the mean and SD are left as they are.
    @Test func countsAreReportedWhole() {
        let s = Stats(base: 357_000, mean: 390_661.27, sd: 67_757.4, p05: 286_434.85, p50: 385_859.48, p95: 508_494.01)
        let r = s.reported(as: .gpusInstalledPeak)
        #expect(r == Stats(base: 357_000, mean: 390_661.27, sd: 67_757.4, p05: 286_435, p50: 385_859, p95: 508_494))
        #expect(s.reported(as: .itEnergy) == s)
    }
}

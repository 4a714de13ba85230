/// The hours of a contract term and the calendar facts of each hour.
///
/// Hour `h` (0-based) covers [start + h, start + h + 1) in UTC civil time with no
/// daylight saving; `hourOfYear` counts from 1 January 00:00 of that hour's year
/// (leap days are included, so a leap year has 8,784 hours).
public struct TermCalendar: Sendable {
    /// Hours in a mean year (365.25 days), for per-year rates and lives.
    public static let hoursPerYear = 8766.0

    /// First day of the term, for example 2025-11-01.
    public let startYear: Int
    public let startMonth: Int
    public let startDay: Int
    /// Length of the term in whole months.
    public let months: Int
    /// Number of hours in the term.
    public let hourCount: Int
    /// Month of the term (0-based) of every hour.
    public let monthIndex: [Int32]
    /// Hour of the calendar year (0-based) of every hour, for indexing typical-year weather.
    public let hourOfYear: [Int32]
    /// Hour of the day, 0–23, of every hour.
    public let hourOfDay: [Int8]
    /// Calendar year and month (1–12) of each month of the term.
    public let monthLabels: [(year: Int, month: Int)]
    /// First hour of each month of the term, plus `hourCount` at the end (months + 1 values).
    public let monthStartHour: [Int]

    /// - Parameters:
    ///   - start: "YYYY-MM-DD"; the term starts at 00:00 that day.
    ///   - months: the term's length in months (84 for seven years).
    public init(start: String, months: Int) throws(CalendarError) {
        let parts = start.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
              (1...12).contains(m), d >= 1, d <= TermCalendar.daysIn(year: y, month: m) else {
            throw CalendarError.badDate(start)
        }
        guard months > 0, months <= 12 * 50 else { throw CalendarError.badLength(months) }
        startYear = y; startMonth = m; startDay = d
        self.months = months

        var labels: [(Int, Int)] = []
        var starts: [Int] = []
        var mi: [Int32] = [], hoy: [Int32] = [], hod: [Int8] = []
        let most = months * 31 * 24
        mi.reserveCapacity(most); hoy.reserveCapacity(most); hod.reserveCapacity(most)
        var year = y, month = m, day = d
        var hour = 0
        for k in 0..<months {
            labels.append((year, month))
            starts.append(hour)
            let firstDay = (k == 0) ? day : 1
            let dayOfYear0 = TermCalendar.dayOfYear(year: year, month: month, day: firstDay) - 1
            let days = TermCalendar.daysIn(year: year, month: month) - firstDay + 1
            for dd in 0..<days {
                for hh in 0..<24 {
                    mi.append(Int32(k))
                    hoy.append(Int32((dayOfYear0 + dd) * 24 + hh))
                    hod.append(Int8(hh))
                }
            }
            hour += days * 24
            month += 1
            if month > 12 { month = 1; year += 1 }
            day = 1
        }
        starts.append(hour)
        hourCount = hour
        monthIndex = mi; hourOfYear = hoy; hourOfDay = hod
        monthLabels = labels
        monthStartHour = starts
    }

    /// "2026-01" for each month of the term.
    public var monthNames: [String] {
        monthLabels.map { "\($0.year)-\($0.month < 10 ? "0" : "")\($0.month)" }
    }

    /// Hours in month `k` of the term.
    public func hours(inMonth k: Int) -> Int { monthStartHour[k + 1] - monthStartHour[k] }

    /// The term's hour (fractional) at which the given date begins, clamped to [0, hourCount].
    public func hour(of date: String) throws(CalendarError) -> Double {
        let parts = date.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
              (1...12).contains(m), d >= 1, d <= TermCalendar.daysIn(year: y, month: m) else {
            throw CalendarError.badDate(date)
        }
        let days = TermCalendar.daysFromCivil(y, m, d) - TermCalendar.daysFromCivil(startYear, startMonth, startDay)
        return Double(days * 24)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Day of the year, 1-based.
    public static func dayOfYear(year: Int, month: Int, day: Int) -> Int {
        (1..<month).reduce(0) { $0 + daysIn(year: year, month: $1) } + day
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

/// A date or term length that the calendar cannot use.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    case badDate(String)
    case badLength(Int)

    public var description: String {
        switch self {
        case .badDate(let s): "expected a date as YYYY-MM-DD, got \"\(s)\""
        case .badLength(let n): "expected a term of 1 to 600 months, got \(n)"
        }
    }
}

import Foundation

/// Readers of standard hourly weather files into a typical year.
///
/// TMY3 CSV (Wilcox & Marion 2008, NREL/TP-581-43156): line 1 is the station header
/// (USAF, name, state, UTC offset, latitude, longitude, elevation m), line 2 the
/// column names; columns are found by name ("Dry-bulb (C)", "Dew-point (C)",
/// "Pressure (mbar)"), so a file cut down to those columns reads the same.
/// EnergyPlus EPW: 8 header lines, then rows whose fields 6, 7 and 9 (0-based)
/// are dry bulb °C, dew point °C and pressure Pa. Wet bulb comes from
/// `Psychrometrics.wetBulbC` with each row's pressure. Leap-day rows are dropped.
public enum WeatherFile {
    public enum Format: Sendable { case tmy3, epw }

    /// The file's hourly dry bulb, dew point and pressure, before the wet-bulb step.
    public struct Hourly: Sendable {
        public var dryBulbC: [Double]
        public var dewPointC: [Double]
        public var pressureHPa: [Double]
        /// Station name from the header.
        public var station: String
    }

    public static func format(ofPath path: String) -> Format {
        path.lowercased().hasSuffix(".epw") ? .epw : .tmy3
    }

    /// Reads and converts a file to a typical year.
    public static func load(path: String) throws -> TypicalYearWeather {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            ?? String(data: data, encoding: .isoLatin1) else {
            throw WeatherFileError.unreadable(path)
        }
        let h = try parse(text, format: format(ofPath: path), name: path)
        return typicalYear(h, source: "\(h.station) (\(path))")
    }

    /// Wet bulb for every hour, and the typical year.
    public static func typicalYear(_ h: Hourly, source: String) -> TypicalYearWeather {
        let wb = (0..<h.dryBulbC.count).map {
            Psychrometrics.wetBulbC(dryBulbC: h.dryBulbC[$0], dewPointC: h.dewPointC[$0], pressureHPa: h.pressureHPa[$0])
        }
        return TypicalYearWeather(hourlyDryBulbC: h.dryBulbC, wetBulbC: wb, source: source)
    }

    /// Parses file text; `name` is used in error messages.
    public static func parse(_ text: String, format: Format, name: String) throws -> Hourly {
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var db: [Double] = [], dp: [Double] = [], p: [Double] = []
        var station = name
        switch format {
        case .tmy3:
            guard lines.count > 2 else { throw WeatherFileError.malformed(name, line: 1, "expected a TMY3 header") }
            let head = lines[0].split(separator: ",", omittingEmptySubsequences: false)
            if head.count > 1 { station = head[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
            let cols = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let iDate = cols.firstIndex(where: { $0.hasPrefix("Date") }),
                  let iDb = cols.firstIndex(of: "Dry-bulb (C)"), let iDp = cols.firstIndex(of: "Dew-point (C)"),
                  let iP = cols.firstIndex(of: "Pressure (mbar)") else {
                throw WeatherFileError.malformed(name, line: 2, "missing Date, Dry-bulb (C), Dew-point (C) or Pressure (mbar)")
            }
            lines.removeFirst(2)
            for (n, line) in lines.enumerated() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false)
                guard f.count > max(iDb, iDp, iP, iDate), let a = Double(f[iDb]), let b = Double(f[iDp]),
                      let c = Double(f[iP]) else {
                    throw WeatherFileError.malformed(name, line: n + 3, "expected numbers in the weather columns")
                }
                if f[iDate].hasPrefix("02/29") { continue }
                db.append(a); dp.append(b); p.append(c)
            }
        case .epw:
            guard lines.count > 8 else { throw WeatherFileError.malformed(name, line: 1, "expected 8 EPW header lines") }
            let head = lines[0].split(separator: ",", omittingEmptySubsequences: false)
            if head.count > 1 { station = String(head[1]) }
            for (n, line) in lines.dropFirst(8).enumerated() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false)
                guard f.count > 9, let a = Double(f[6]), let b = Double(f[7]), let c = Double(f[9]) else {
                    throw WeatherFileError.malformed(name, line: n + 9, "expected numbers in fields 7, 8 and 10")
                }
                if f[1] == "2" && f[2] == "29" { continue }
                db.append(a); dp.append(b); p.append(c / 100)
            }
        }
        guard db.count == TypicalYearWeather.hours else {
            throw WeatherFileError.malformed(name, line: 0, "expected 8760 hourly rows, found \(db.count)")
        }
        return Hourly(dryBulbC: db, dewPointC: dp, pressureHPa: p, station: station)
    }
}

/// A weather file that cannot be used.
public enum WeatherFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case malformed(String, line: Int, String)

    public var description: String {
        switch self {
        case .unreadable(let p): "\(p): cannot read the weather file"
        case .malformed(let p, let line, let m): "\(p):\(line): \(m)"
        }
    }
}

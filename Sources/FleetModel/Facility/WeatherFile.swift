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
///
/// Files are read as a stream of lines, refused before reading when larger than
/// `maximumBytes`, and every cell is checked against `ranges`: a bad cell is an error at its
/// file, line (blank lines counted) and column.
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

    /// Largest file read, bytes. A year of hourly EPW or TMY3 rows is 1–3 MB; 64 MB leaves room
    /// for any extra columns while a mistaken path (a disk image, a log) is refused at once.
    public static let maximumBytes = 64 << 20

    /// Rows beyond a leap year's 8,784 hours mean the file is not one typical year.
    static let maximumRows = 8_784

    /// Physically possible values. Air temperature: the extremes ever measured are −89.2 °C
    /// (Vostok, 1983) and 56.7 °C (Death Valley, 1913) (WMO World Weather and Climate Extremes
    /// Archive, https://wmo.asu.edu). Dew point: at most the dry bulb (0.1 K of rounding allowed)
    /// and above −100 °C. Station pressure: from 300 hPa (above the summit of Everest, ≈ 337 hPa)
    /// to 1,100 hPa (the sea-level record is 1,083.8 hPa, Agata, 1968, same archive).
    public static let ranges = (dryBulbC: -90.0...60.0, dewPointC: -100.0...60.0, pressureHPa: 300.0...1_100.0)

    public static func format(ofPath path: String) -> Format {
        path.lowercased().hasSuffix(".epw") ? .epw : .tmy3
    }

    /// Reads, checks and converts a file to a typical year.
    public static func load(path: String) throws(WeatherFileError) -> TypicalYearWeather {
        let h = try read(path: path)
        return typicalYear(h, source: "\(h.station) (\(path))")
    }

    /// Reads and checks a file, line by line, without holding its text.
    public static func read(path: String) throws(WeatherFileError) -> Hourly {
        // Only a regular file is opened: opening a FIFO blocks until a writer comes.
        if let problem = InputFile.problem(path) { throw .unusable(path, problem) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else {
            throw .unreadable(path, "\(size) bytes; a year of hourly rows is a few MB, at most \(maximumBytes) bytes are read")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, "permission denied") }
        defer { try? handle.close() }
        var parser = Parser(format: format(ofPath: path), name: path)
        var pending = Data()
        var total = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 16) ?? Data() } catch {
                throw .unreadable(path, "read failed: \(error.localizedDescription)")
            }
            total += chunk.count
            // A file that grew past the limit while being read (or a device) is refused too.
            if total > maximumBytes { throw .unreadable(path, "more than \(maximumBytes) bytes") }
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                try parser.feed(line(pending[pending.startIndex..<newline]))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        if !pending.isEmpty { try parser.feed(line(pending)) }
        return try parser.finish()
    }

    /// One line's text: UTF-8, or Latin-1 (older TMY3 station names), without a trailing CR.
    private static func line(_ bytes: Data) -> String {
        var b = bytes
        if b.last == 0x0D { b.removeLast() }
        return String(data: b, encoding: .utf8) ?? String(data: b, encoding: .isoLatin1) ?? ""
    }

    /// Wet bulb for every hour, and the typical year.
    public static func typicalYear(_ h: Hourly, source: String) -> TypicalYearWeather {
        let wb = (0..<h.dryBulbC.count).map {
            Psychrometrics.wetBulbC(dryBulbC: h.dryBulbC[$0], dewPointC: h.dewPointC[$0], pressureHPa: h.pressureHPa[$0])
        }
        return TypicalYearWeather(hourlyDryBulbC: h.dryBulbC, wetBulbC: wb, source: source)
    }

    /// Parses file text; `name` is used in error messages.
    public static func parse(_ text: String, format: Format, name: String) throws(WeatherFileError) -> Hourly {
        var parser = Parser(format: format, name: name)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            try parser.feed(line.hasSuffix("\r") ? String(line.dropLast()) : String(line))
        }
        return try parser.finish()
    }

    /// Reads a file one line at a time: headers, then rows whose cells are checked as they come.
    struct Parser {
        let format: Format
        let name: String
        private var lineNumber = 0
        private var headerLines = 0
        private var columns: (date: Int, dryBulb: Int, dewPoint: Int, pressure: Int)?
        private var rows = 0
        private var station: String
        private var db: [Double] = [], dp: [Double] = [], p: [Double] = []

        init(format: Format, name: String) {
            self.format = format; self.name = name; station = name
            db.reserveCapacity(TypicalYearWeather.hours); dp.reserveCapacity(TypicalYearWeather.hours)
            p.reserveCapacity(TypicalYearWeather.hours)
        }

        private func fail(_ column: Int, _ message: String) -> WeatherFileError {
            .malformed(name, line: lineNumber, column: column, message)
        }

        mutating func feed(_ line: String) throws(WeatherFileError) {
            lineNumber += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { return }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let headerCount = format == .tmy3 ? 2 : 8
            if headerLines < headerCount {
                headerLines += 1
                if headerLines == 1, fields.count > 1 {
                    station = fields[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                }
                if format == .tmy3 && headerLines == 2 {
                    let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    guard let date = names.firstIndex(where: { $0.hasPrefix("Date") }),
                          let dryBulb = names.firstIndex(of: "Dry-bulb (C)"), let dewPoint = names.firstIndex(of: "Dew-point (C)"),
                          let pressure = names.firstIndex(of: "Pressure (mbar)") else {
                        throw fail(1, "expected the columns Date, Dry-bulb (C), Dew-point (C) and Pressure (mbar)")
                    }
                    columns = (date, dryBulb, dewPoint, pressure)
                }
                return
            }
            let c = format == .epw ? (date: 1, dryBulb: 6, dewPoint: 7, pressure: 9) : columns!
            guard fields.count > max(c.date, c.dryBulb, c.dewPoint, c.pressure) else {
                throw fail(1, "expected at least \(max(c.date, c.dryBulb, c.dewPoint, c.pressure) + 1) comma-separated fields, got \(fields.count)")
            }
            rows += 1
            if rows > WeatherFile.maximumRows {
                throw fail(1, "more than \(WeatherFile.maximumRows) hourly rows (a leap year's hours); expected one typical year")
            }
            /// 1-based column of field i.
            func column(_ i: Int) -> Int { fields[..<i].reduce(1) { $0 + $1.count + 1 } }
            func number(_ i: Int, _ what: String, _ range: ClosedRange<Double>, scale: Double = 1) throws(WeatherFileError) -> Double {
                let text = fields[i].trimmingCharacters(in: .whitespaces)
                guard let x = Double(text) else { throw fail(column(i), "\(what): expected a number, got '\(text)'") }
                guard x.isFinite else { throw fail(column(i), "\(what): expected a finite number, got \(text)") }
                let v = x * scale
                guard range.contains(v) else {
                    throw fail(column(i), "\(what): \(text) is not a possible value (expected \(range.lowerBound) to \(range.upperBound))")
                }
                return v
            }
            let pressureScale = format == .epw ? 0.01 : 1
            let pressureWhat = format == .epw ? "pressure (Pa, as hPa)" : "pressure (hPa)"
            let a = try number(c.dryBulb, "dry bulb (°C)", WeatherFile.ranges.dryBulbC)
            let b = try number(c.dewPoint, "dew point (°C)", WeatherFile.ranges.dewPointC)
            let q = try number(c.pressure, pressureWhat, WeatherFile.ranges.pressureHPa, scale: pressureScale)
            guard b <= a + 0.1 else {
                throw fail(column(c.dewPoint), "dew point \(b) °C is above the dry bulb \(a) °C, which air cannot hold")
            }
            let leapDay = format == .epw ? fields.count > 2 && fields[1] == "2" && fields[2] == "29"
                : fields[c.date].hasPrefix("02/29")
            if leapDay { return }
            db.append(a); dp.append(b); p.append(q)
        }

        func finish() throws(WeatherFileError) -> Hourly {
            if (format == .tmy3 && columns == nil) || headerLines < (format == .tmy3 ? 2 : 8) {
                throw WeatherFileError.malformed(name, line: max(lineNumber, 1), column: 1,
                                                 format == .tmy3 ? "expected a TMY3 header" : "expected 8 EPW header lines")
            }
            guard db.count == TypicalYearWeather.hours else {
                throw WeatherFileError.malformed(name, line: max(lineNumber, 1), column: 1,
                                                 "expected \(TypicalYearWeather.hours) hourly rows, found \(db.count)")
            }
            return Hourly(dryBulbC: db, dewPointC: dp, pressureHPa: p, station: station)
        }
    }
}

/// A weather file that cannot be used.
public enum WeatherFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Too large or failing to read: the path and why.
    case unreadable(String, String)
    /// Not a regular file this process may open (missing, a folder, a FIFO, …): the path and why.
    case unusable(String, InputFile.Problem)
    /// A line or cell that is wrong, with its place in the file (1-based).
    case malformed(String, line: Int, column: Int, String)

    public var description: String {
        switch self {
        case let .unreadable(p, why): "\(PathText.shown(p)): cannot read the weather file (\(why))"
        case let .unusable(p, problem):
            p.isEmpty ? problem.text(expecting: "weather file") : "\(PathText.shown(p)): \(problem.text(expecting: "weather file"))"
        case let .malformed(p, line, column, m): "\(PathText.shown(p)):\(line):\(column): \(m)"
        }
    }
}

import Foundation
import FleetTestSupport
import Testing
@testable import FleetModel

@Suite("Weather")
struct WeatherTests {
    /// Monthly normals of a file year, as the synthesiser takes them.
    static func normals(of h: WeatherFile.Hourly, station: String, elevation: Double) -> ClimateSpec {
        var mean: [Double] = [], range: [Double] = [], dew: [Double] = [], sd: [Double] = [], sdd: [Double] = []
        let days = (0..<365).map { d in (h.dryBulbC[(d * 24)..<(d * 24 + 24)], h.dewPointC[(d * 24)..<(d * 24 + 24)]) }
        let dm = days.map { $0.0.reduce(0, +) / 24 }, dd = days.map { $0.1.reduce(0, +) / 24 }
        func anomalies(_ x: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: 365)
            for d in 0..<365 {
                var s = 0.0
                for j in -15...15 { s += x[((d + j) % 365 + 365) % 365] }
                out[d] = x[d] - s / 31
            }
            return out
        }
        let a = anomalies(dm), b = anomalies(dd)
        var rho = 0.0, va = 0.0, vb = 0.0
        var start = 0
        for m in 1...12 {
            let n = TermCalendar.daysIn(year: 2001, month: m)
            let r = start..<(start + n)
            mean.append(r.map { (days[$0].0.max()! + days[$0].0.min()!) / 2 }.reduce(0, +) / Double(n))
            range.append(r.map { days[$0].0.max()! - days[$0].0.min()! }.reduce(0, +) / Double(n))
            dew.append(dd[r].reduce(0, +) / Double(n))
            let ma = a[r].reduce(0, +) / Double(n), mb = b[r].reduce(0, +) / Double(n)
            sd.append((a[r].map { ($0 - ma) * ($0 - ma) }.reduce(0, +) / Double(n)).squareRoot())
            sdd.append((b[r].map { ($0 - mb) * ($0 - mb) }.reduce(0, +) / Double(n)).squareRoot())
            start += n
        }
        for i in 0..<365 { rho += a[i] * b[i]; va += a[i] * a[i]; vb += b[i] * b[i] }
        return ClimateSpec(station: station, elevationM: elevation, dryBulbMeanC: mean, dailyRangeC: range,
                           dewPointMeanC: dew, dailySdC: sd, dewPointDailySdC: sdd,
                           dewPointCorrelation: rho / (va * vb).squareRoot())
    }

    @Test("TMY3 reader: 8760 rows, header station, known first and July rows")
    func tmy3Reader() throws {
        let h = try FacilityFixtures.greensboro()
        #expect(h.dryBulbC.count == 8760)
        #expect(h.station == "GREENSBORO PIEDMONT TRIAD INT")
        // First row of the file: 01/01/1988 01:00, 10.0 °C, dew point 6.1 °C, 993 mbar.
        #expect(h.dryBulbC[0] == 10.0 && h.dewPointC[0] == 6.1 && h.pressureHPa[0] == 993)
        let w = WeatherFile.typicalYear(h, source: "test")
        // Wet bulb lies between dew point and dry bulb in every hour.
        for k in 0..<8760 {
            #expect(w.wetBulbC[k] >= min(h.dewPointC[k], h.dryBulbC[k]) - 1e-9 && w.wetBulbC[k] <= h.dryBulbC[k] + 1e-9)
        }
    }

    @Test("Psychrometrics: wet bulb of known states (ASHRAE psychrometric chart, sea level)")
    func wetBulbKnownAnswers() {
        // 35 °C dry bulb, 24 °C thermodynamic wet bulb at 1013.25 hPa: humidity ratio 0.01426
        // (ASHRAE Fundamentals 2017 ch. 1 eq. 33), vapour pressure 22.7 hPa, dew point 19.57 °C.
        let tw = Psychrometrics.wetBulbC(dryBulbC: 35, dewPointC: 19.57, pressureHPa: 1013.25)
        expectClose(tw, 24, absolute: 0.3)
        // Saturated air: wet bulb = dry bulb = dew point.
        expectClose(Psychrometrics.wetBulbC(dryBulbC: 20, dewPointC: 20, pressureHPa: 1013.25), 20, absolute: 1e-6)
        // Standard atmosphere at 1,500 m: 845.6 hPa (ASHRAE Fundamentals ch. 1, table 1).
        expectClose(Psychrometrics.pressureHPa(elevationM: 1500), 845.6, absolute: 0.5)
    }

    @Test("Synthesis preserves monthly means and is continuous across month boundaries")
    func monthlyMeansAndContinuity() throws {
        let c = try FacilityFixtures.site("us-east-1").climate
        // Without day-to-day noise, daily (max + min)/2 averages to the normal each month.
        var quiet = c
        quiet.dailySdC = Array(repeating: 0, count: 12); quiet.dewPointDailySdC = quiet.dailySdC
        let q = TypicalYearWeather(normals: quiet)
        var start = 0
        for m in 0..<12 {
            let days = TermCalendar.daysIn(year: 2001, month: m + 1)
            var mid = 0.0
            for d in 0..<days {
                let day = q.dryBulbC[((start + d) * 24)..<((start + d) * 24 + 24)]
                mid += (day.max()! + day.min()!) / 2
            }
            expectClose(mid / Double(days), c.dryBulbMeanC[m], absolute: 0.1, "month \(m + 1)")
            start += days
        }
        // With noise, each month's 24-h mean is the normal minus (f̄ − ½)·R (the ASHRAE
        // shape's offset): the noise's monthly means are removed exactly.
        let w = TypicalYearWeather(normals: c)
        let means = TypicalYearWeather.monthlyMeans(w.dryBulbC)
        let s = SyntheticWeather(c)
        for m in 0..<12 {
            let expected = c.dryBulbMeanC[m] - (s.diurnalMean - 0.5) * c.dailyRangeC[m]
            expectClose(means[m], expected, absolute: 0.05, "month \(m + 1)")
        }
        var edge = 0.0
        for m in 1...12 {
            edge += Double(TermCalendar.daysIn(year: 2001, month: m) * 24)
            let a = s.at(edge - 1e-6), b = s.at(edge + 1e-6)
            #expect(abs(a.dryBulb - b.dryBulb) < 1e-4 && abs(a.wetBulb - b.wetBulb) < 1e-4)
        }
        // Periodic: the end of the year joins its start.
        expectClose(s.at(8760 - 1e-6).dryBulb, s.at(1e-6).dryBulb, absolute: 1e-4)
    }

    /// Synthesised-from-Greensboro-normals vs the Greensboro TMY3 file: monthly mean
    /// dry and wet bulb, and annual hours above dry- and wet-bulb thresholds.
    @Test("Synthesis vs the Greensboro TMY3 year")
    func greensboroComparison() throws {
        let h = try FacilityFixtures.greensboro()
        let real = WeatherFile.typicalYear(h, source: "Greensboro TMY3")
        let synth = TypicalYearWeather(normals: Self.normals(of: h, station: "Greensboro", elevation: 273))
        let mr = TypicalYearWeather.monthlyMeans(real.dryBulbC), ms = TypicalYearWeather.monthlyMeans(synth.dryBulbC)
        let wr = TypicalYearWeather.monthlyMeans(real.wetBulbC), ws = TypicalYearWeather.monthlyMeans(synth.wetBulbC)
        var report = "month | dry bulb file | synth | wet bulb file | synth\n"
        for m in 0..<12 {
            report += String(format: "%d | %.2f | %.2f | %.2f | %.2f\n", m + 1, mr[m], ms[m], wr[m], ws[m])
            // The synthesiser takes (max + min)/2; its 24-h mean sits (f̄ − ½)·R = 0.063·R below,
            // the file's 0.011·R: up to ≈ 0.7 K, plus the TMY months' own quirks (see docs/METHODS.md).
            expectClose(mr[m], ms[m], absolute: 1.2, "dry bulb month \(m + 1)")
            expectClose(wr[m], ws[m], absolute: 0.8, "wet bulb month \(m + 1)")
        }
        for t in [18.0, 21.0, 24.0] {
            let a = TypicalYearWeather.hoursAbove(real.wetBulbC, t), b = TypicalYearWeather.hoursAbove(synth.wetBulbC, t)
            report += "wet bulb > \(t): file \(a) h, synth \(b) h\n"
            // Tolerance: ±10 % of the file's count or ±30 h, whichever is larger (see docs/METHODS.md).
            expectClose(Double(a), Double(b), absolute: Double(max(30, a / 10)), "hours above \(t) °C")
        }
        for t in [10.0, 25.0, 30.0] {
            let a = TypicalYearWeather.hoursAbove(real.dryBulbC, t), b = TypicalYearWeather.hoursAbove(synth.dryBulbC, t)
            report += "dry bulb > \(t): file \(a) h, synth \(b) h\n"
            // The same rule as the wet bulb (measured: 5,760 vs 5,707, 1,171 vs 1,168, 234 vs 248 h).
            expectClose(Double(a), Double(b), absolute: Double(max(30, a / 10)), "hours above \(t) °C dry bulb")
        }
        print(report)
    }

    @Test("A site naming a TMY3 file uses it; an EPW with the same hours parses to the same year")
    func weatherFiles() throws {
        let url = try #require(Bundle.module.url(forResource: "Data/723170TYA-columns", withExtension: "csv"))
        var c = try FacilityFixtures.site("us-east-1").climate
        c.weatherFile = url.path
        let w = try WeatherCache().weather(for: c)
        let h = try FacilityFixtures.greensboro()
        #expect(w.dryBulbC == h.dryBulbC)
        #expect(w.source.contains("GREENSBORO"))
        // Continuous form: mid-hour values are the file's, halfway between two hours the mean.
        expectClose(w.at(100.5).dryBulb, h.dryBulbC[100], absolute: 1e-12)
        expectClose(w.at(101).dryBulb, (h.dryBulbC[100] + h.dryBulbC[101]) / 2, absolute: 1e-12)
        // The same hours written as EPW rows (8 header lines; pressure in Pa).
        var epw = (0..<8).map { $0 == 0 ? "LOCATION,GREENSBORO EPW TEST,NC,USA,TMY3,723170,36.1,-79.95,-5.0,273.0" : "HEADER \($0)" }
        var k = 0
        for month in 1...12 {
            for day in 1...TermCalendar.daysIn(year: 2001, month: month) {
                for hour in 1...24 {
                    epw.append("1988,\(month),\(day),\(hour),60,?,\(h.dryBulbC[k]),\(h.dewPointC[k]),50,\(h.pressureHPa[k] * 100),0")
                    k += 1
                }
            }
        }
        let e = try WeatherFile.parse(epw.joined(separator: "\n"), format: .epw, name: "test.epw")
        #expect(e.dryBulbC == h.dryBulbC && e.dewPointC == h.dewPointC && e.station == "GREENSBORO EPW TEST")
        for i in 0..<8760 { #expect(abs(e.pressureHPa[i] - h.pressureHPa[i]) < 1e-9) }
        #expect(throws: WeatherFileError.self) { try WeatherFile.parse(epw.dropLast(5).joined(separator: "\n"), format: .epw, name: "short.epw") }
    }
}

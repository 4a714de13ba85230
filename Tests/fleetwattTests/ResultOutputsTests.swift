import Foundation
import Testing
import FleetModel
import FleetTestSupport

/// The outputs meant for other tools, read back from the shared report run: result.json's units,
/// hours, partial periods, counts, timestamp, data-file hashes and per-site months; the long
/// CSV; and the notebook's charts, run headless and compared series by series with result.json.
extension ReportAgreesWithResultTests {
    /// result.json validates against the schema, and series.long.csv's period_type matches its period.
    @Test func reportResultValidatesAgainstTheSchema() throws {
        guard TestSupport.requirePython(["jsonschema"]) else { return }
        let run = try Self.run()
        let check = try TestSupport.run([TestSupport.python, TestSupport.repoRoot.appendingPathComponent("scripts/check-schema.py").path,
                                         TestSupport.repoRoot.appendingPathComponent("docs/result.schema.json").path,
                                         run.folder.appendingPathComponent("result.json").path, "--sorted-keys"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func everyMetricHasAUnit() throws {
        let run = try Self.run()
        let metrics = try #require(run.result["metrics"] as? [String: [String: Any]])
        let totals = try #require(run.result["totals"] as? [String: Any])
        #expect(Set(totals.keys) == Set(Metric.allCases.map(\.rawValue)))
        for key in totals.keys {
            #expect((metrics[key]?["unit"] as? String)?.isEmpty == false, "\(key) has no unit")
        }
    }

    /// Each month's and year's hours are the term's hours in it; partial is set exactly when the
    /// term covers less than the whole calendar period; the years' hours add up to the months'.
    @Test func periodsCarryTheirHoursAndPartialFlag() throws {
        let run = try Self.run()
        let monthly = try #require(run.result["monthly"] as? [[String: Any]])
        let annual = try #require(run.result["annual"] as? [[String: Any]])
        var byYear: [String: Int] = [:]
        for m in monthly {
            let label = try #require(m["month"] as? String)
            let hours = Int(try #require(m["hours"] as? Double)), partial = try #require(m["partial"] as? Bool)
            let year = Int(label.prefix(4))!, month = Int(label.suffix(2))!
            let full = 24 * TermCalendar.daysIn(year: year, month: month)
            #expect(hours > 0 && hours <= full, "\(label)")
            #expect(partial == (hours < full), "\(label): partial \(partial), \(hours) of \(full) h")
            byYear[String(year), default: 0] += hours
        }
        #expect(annual.count == byYear.count)
        for y in annual {
            let year = Self.period(y["year"])
            let hours = Int(try #require(y["hours"] as? Double)), partial = try #require(y["partial"] as? Bool)
            #expect(hours == byYear[year], "\(year): hours \(hours), months add to \(byYear[year] ?? 0)")
            #expect(partial == (hours < 24 * (TermCalendar.isLeap(Int(year)!) ? 366 : 365)), "\(year)")
        }
    }

    /// GPU counts and hours are whole numbers in the JSON text, sampled percentiles included.
    @Test func countsAreIntegers() throws {
        let run = try Self.run()
        let counts = Metric.allCases.filter(\.isCount).map(\.rawValue)
        var periods = [try #require(run.result["totals"] as? [String: Any])]
        periods += try #require(run.result["monthly"] as? [[String: Any]])
        periods += try #require(run.result["annual"] as? [[String: Any]])
        var seen = 0
        for p in periods {
            for key in counts {
                let s = try Self.stats(p, key)
                for stat in ["base", "p05", "p50", "p95"] {
                    let v = try #require(s[stat], "\(key).\(stat)")
                    #expect(v == v.rounded(), "\(key).\(stat) = \(v)")
                    seen += 1
                }
            }
        }
        let cohorts = try #require((run.result["breakdown"] as? [String: Any])?["cohorts"] as? [[String: Any]])
        for c in cohorts {
            let installed = try #require(c["monthly_installed"] as? [Double])
            #expect(installed.allSatisfy { $0 == $0.rounded() }, "\(c["id"] ?? "")")
            #expect(["gpu", "cpu-server"].contains(c["kind"] as? String))
        }
        #expect(seen > 100)
    }

    /// The run's timestamp is ISO 8601 UTC, and the models data files are named with their SHA-256,
    /// which is the hash of the file in models/ (sha256sum).
    @Test func resultNamesItsTimeAndDataFiles() throws {
        let run = try Self.run()
        let stamp = try #require((run.result["run"] as? [String: Any])?["timestamp"] as? String)
        #expect(stamp.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/) != nil, "\(stamp)")
        let formatter = ISO8601DateFormatter()
        let date = try #require(formatter.date(from: stamp))
        expectClose(date.timeIntervalSinceNow, 0, absolute: abs(6 * 3600), "the run's time, not a fixed one: \(stamp)")
        let models = try #require((run.result["scenario"] as? [String: Any])?["models"] as? [[String: String]])
        let paths = models.compactMap { $0["path"] }
        #expect(paths.contains("hardware.yaml"))
        #expect(paths.contains { $0.hasPrefix("sites/") } && paths.contains { $0.hasPrefix("grids/") }, "\(paths)")
        #expect(paths == paths.sorted())
        for file in models {
            let path = try #require(file["path"])
            let sum = try TestSupport.run(["sha256sum", TestSupport.repoRoot.appendingPathComponent("models/\(path)").path])
            #expect(sum.status == 0)
            #expect(file["sha256"] == String(sum.stdout.prefix(64)), "\(path)")
            #expect(file["source"] == "models/\(path)")
        }
    }

    /// Each site's months carry the sampled statistics, and the sites' base values add up to the fleet's.
    @Test func sitesHaveMonthlyStatisticsThatAddUpToTheFleet() throws {
        let run = try Self.run()
        let monthly = try #require(run.result["monthly"] as? [[String: Any]])
        let sites = try #require((run.result["breakdown"] as? [String: Any])?["sites"] as? [[String: Any]])
        #expect(!sites.isEmpty)
        for metric in Breakdown.siteMetrics.map(\.rawValue) {
            for (k, fleet) in monthly.enumerated() {
                var sum = 0.0
                for site in sites {
                    let months = try #require(site["monthly"] as? [[String: Any]])
                    #expect(months.count == monthly.count)
                    #expect(months[k]["month"] as? String == fleet["month"] as? String)
                    let s = try Self.stats(months[k], metric)
                    let p05 = try #require(s["p05"]), p50 = try #require(s["p50"]), p95 = try #require(s["p95"])
                    #expect(s["mean"] != nil && p05 <= p50 && p50 <= p95, "\(metric) \(k)")
                    sum += try #require(s["base"])
                }
                expectClose(sum, try #require(try Self.stats(fleet, metric)["base"]), relative: 1e-9, absolute: 1e-9,
                            "\(metric) month \(k): Σ sites")
            }
        }
    }

    /// series.long.csv holds every value of result.json's term, years, months and sites' months,
    /// one per row, to the last bit; months and years are told apart by period_type.
    @Test func longCSVIsTheResultsValues() throws {
        let run = try Self.run()
        let text = try String(contentsOf: run.folder.appendingPathComponent("series.long.csv"), encoding: .utf8)
        let rows = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["period_type", "period", "site", "metric", "unit", "stat", "value"])
        let units = try #require(run.result["metrics"] as? [String: [String: Any]])
        let totals = try #require(run.result["totals"] as? [String: Any])
        var lookup: [String: [String: Any]] = [:]
        for m in try #require(run.result["monthly"] as? [[String: Any]]) { lookup["month \(Self.period(m["month"])) fleet"] = m }
        for y in try #require(run.result["annual"] as? [[String: Any]]) { lookup["year \(Self.period(y["year"])) fleet"] = y }
        let sites = try #require((run.result["breakdown"] as? [String: Any])?["sites"] as? [[String: Any]])
        for site in sites {
            for m in try #require(site["monthly"] as? [[String: Any]]) { lookup["month \(Self.period(m["month"])) \(site["id"]!)"] = m }
        }
        // One row per statistic of every metric of every period, plus each site's term totals.
        var expectedRows = 0
        for period in Array(lookup.values) + [totals] {
            expectedRows += period.values.reduce(0) { $0 + (($1 as? [String: Double])?.count ?? 0) }
        }
        expectedRows += sites.reduce(0) { $0 + (($1["totals"] as? [String: Double])?.count ?? 0) }
        var checked = 0
        for row in rows.dropFirst() {
            #expect(row.count == 7)
            let (type, period, site, metric, unit, stat) = (row[0], row[1], row[2], row[3], row[4], row[5])
            #expect(unit == units[metric]?["unit"] as? String, "\(metric) unit \(unit)")
            let value = try #require(Double(row[6]), "\(row)")
            let expected: Double?
            switch type {
            case "term":
                #expect(period.wholeMatch(of: /[0-9]{4}-[0-9]{2}\/[0-9]{4}-[0-9]{2}/) != nil)
                if site == "fleet" {
                    expected = try Self.stats(totals, metric)[stat]
                } else {
                    let s = try #require(sites.first { $0["id"] as? String == site })
                    expected = stat == "base" ? (s["totals"] as? [String: Double])?[metric] : nil
                }
            case "year":
                #expect(period.wholeMatch(of: /[0-9]{4}/) != nil)
                expected = try Self.stats(try #require(lookup["year \(period) \(site)"]), metric)[stat]
            case "month":
                #expect(period.wholeMatch(of: /[0-9]{4}-[0-9]{2}/) != nil)
                expected = try Self.stats(try #require(lookup["month \(period) \(site)"], "\(period) \(site)"), metric)[stat]
            default:
                Issue.record("period_type \(type)")
                expected = nil
            }
            #expect(value == expected, "\(row)")
            checked += 1
        }
        #expect(checked == expectedRows)
        #expect(checked > 10_000)
    }

    /// The notebook's cells, run headless, draw exactly result.json's series under their own labels.
    @Test func notebookChartsDrawTheResultsSeries() throws {
        guard TestSupport.requirePython(["pandas", "matplotlib", "nbformat"]) else { return }
        let run = try Self.run()
        let check = try TestSupport.run([TestSupport.python,
                                         TestSupport.repoRoot.appendingPathComponent("scripts/check-notebook-series.py").path,
                                         run.notebook.path, run.folder.appendingPathComponent("result.json").path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("match"))
    }
}

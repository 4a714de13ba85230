import Testing
import FleetModel

/// `--vary` paths and values are checked against the scenario before a sweep evaluates anything,
/// with errors that name the flag and the path. (Through the CLI these come after the base run,
/// which takes tens of seconds in a debug build, so they are tested on the library here.)
@Suite("Bad input: --vary paths and values")
struct BadInputVaryTests {
    static let document = Result { try ScenarioDocument.embeddedDefault() }

    @Test(arguments: [
        ("fleet.cohorts.gb200-use1.cuont",
         "--vary: fleet.cohorts.gb200-use1.cuont: unknown path: 'fleet.cohorts.gb200-use1' has no 'cuont' (did you mean 'fleet.cohorts.gb200-use1.count'?)"),
        ("fleet.cohorts.gb200-use1.site",
         "--vary: fleet.cohorts.gb200-use1.site: 'fleet.cohorts.gb200-use1.site' is not a numeric input"),
        ("sites.us-east-1.climate.dry_bulb_mean_c",
         "--vary: sites.us-east-1.climate.dry_bulb_mean_c: 'sites.us-east-1.climate.dry_bulb_mean_c' is a series; vary one element, such as 'sites.us-east-1.climate.dry_bulb_mean_c.0'"),
        ("sites.us-east-1.climate.dry_bulb_mean_c.12",
         "--vary: sites.us-east-1.climate.dry_bulb_mean_c.12: unknown path: 'sites.us-east-1.climate.dry_bulb_mean_c' is a series of 12 values, indexed 0 to 11"),
        ("fleet.cohorts.gb200-use1",
         "--vary: fleet.cohorts.gb200-use1: 'fleet.cohorts.gb200-use1' holds several values; name one numeric input in it"),
    ])
    func unknownOrNonNumericPathNamesTheFlag(path: String, expected: String) throws {
        let doc = try Self.document.get()
        #expect(throws: ScenarioErrors.self) { try doc.parameter(at: path) }
        do { _ = try doc.parameter(at: path) } catch let e as ScenarioErrors { #expect(e.description == expected) }
    }

    @Test(arguments: [
        ("fleet.cohorts.gb200-use1.count", -5.0, "--vary: fleet.cohorts.gb200-use1.count: expected a positive number, got -5"),
        ("fleet.cohorts.gb200-use1.count", 0.0, "--vary: fleet.cohorts.gb200-use1.count: expected a positive number, got 0"),
        ("fleet.cohorts.gb200-use1.workload.training_fraction", 1.5,
         "--vary: fleet.cohorts.gb200-use1.workload.training_fraction: expected a fraction in [0, 1], got 1.5"),
        // Checked as --set checks them: a swept count of 2.5 or 1e-320 GPUs ran to inf/NaN totals.
        ("fleet.cohorts.gb200-use1.count", 2.5, "--vary: fleet.cohorts.gb200-use1.count: expected a whole number of GPU, got 2.5"),
        ("fleet.cohorts.gb200-use1.count", Double("1e-320")!, "--vary: fleet.cohorts.gb200-use1.count: expected a whole number of GPU, got 1e-320"),
        ("sites.us-east-1.climate.dry_bulb_mean_c.6", Double.nan,
         "--vary: sites.us-east-1.climate.dry_bulb_mean_c.6: expected a finite number, got nan"),
    ])
    func badSweepValueNamesTheFlagAndPath(path: String, value: Double, expected: String) throws {
        let doc = try Self.document.get()
        do {
            try doc.checkSweepValue(value, at: path)
            Issue.record("\(path) = \(value) was accepted")
        } catch let e as ScenarioErrors {
            #expect(e.description == expected)
        }
    }

    @Test func validSweepValuesPass() throws {
        let doc = try Self.document.get()
        try doc.checkSweepValue(150_000, at: "fleet.cohorts.gb200-use1.count")
        try doc.checkSweepValue(0.3, at: "fleet.cohorts.gb200-use1.workload.training_fraction")
        try doc.checkSweepValue(-3, at: "sites.us-east-1.climate.dry_bulb_mean_c.0")
    }
}

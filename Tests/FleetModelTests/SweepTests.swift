import Testing
@testable import FleetModel

@Suite("Sweeps")
struct SweepTests {
    @Test func rangeGivesEvenlySpacedValuesEndingAtStop() throws {
        let s = try SweepSpec.parse(["fleet.cohorts.gb200.count=100000:400000:4"])
        #expect(s.axes == [.init(path: "fleet.cohorts.gb200.count", values: [100_000, 200_000, 300_000, 400_000])])
        let down = try SweepSpec.parse(["a.b=1:0:3"])
        #expect(down.axes[0].values == [1, 0.5, 0])
        let tenths = try SweepSpec.parse(["a.b=0:0.3:4"])
        #expect(tenths.axes[0].values.last == 0.3)
        #expect(try SweepSpec.parse(["a.b=2:2:1"]).axes[0].values == [2])
    }

    /// Grid values are the decimals a reader expects, not binary sums: in binary,
    /// -0.08 + 0.08 · 1/4 is -0.020000000000000004 (the test shows the binary sum differs).
    @Test func rangeValuesAreTheDecimalsTheUserMeant() throws {
        let binary = -0.08 + (0 - -0.08) * 1.0 / 4.0
        #expect(binary != -0.02)
        let s = try SweepSpec.parse(["grids.srvc.carbon_intensity.annual_change=-0.08:0:5"])
        #expect(s.axes[0].values == [-0.08, -0.06, -0.04, -0.02, 0])
        #expect(s.axes[0].values.map { "\($0)" } == ["-0.08", "-0.06", "-0.04", "-0.02", "0"])
        // 0.1 steps: 0.1 · 3 is 0.30000000000000004 in binary.
        #expect(try SweepSpec.parse(["a.b=0:0.5:6"]).axes[0].values == [0, 0.1, 0.2, 0.3, 0.4, 0.5])
        // Thirds cannot be exact: the nearest Double of 1/3.
        #expect(try SweepSpec.parse(["a.b=0:1:4"]).axes[0].values == [0, .number(1.0 / 3.0), .number(2.0 / 3.0), 1])
        // Beyond Decimal's range the spacing is binary, still ending at STOP.
        #expect(try SweepSpec.parse(["a.b=0:1e300:3"]).axes[0].values == [0, 5e299, 1e300])
    }

    @Test func listKeepsGivenOrder() throws {
        let s = try SweepSpec.parse(["sites.us-east-1.cooling.approach_c = 3, 5.5,4"])
        #expect(s.axes == [.init(path: "sites.us-east-1.cooling.approach_c", values: [3, 5.5, 4])])
        #expect(try SweepSpec.parse(["a.b=7"]).count == 1)
    }

    /// Grid size is the product of the axes; the last --vary changes fastest.
    @Test func gridSizeAndOrder() throws {
        let s = try SweepSpec.parse(["a=1,2", "b=10:30:3", "c=0.5,0.25"])
        #expect(s.count == 12 && s.parameters == ["a", "b", "c"])
        let all = (0..<s.count).map { s.values(at: $0) }
        #expect(all.prefix(4) == [[1, 10, 0.5], [1, 10, 0.25], [1, 20, 0.5], [1, 20, 0.25]])
        #expect(all.last == [2, 30, 0.25])
        #expect(Set(all.map { $0.description }).count == 12)
        #expect(s.point(5) == ["a": 1, "b": 30, "c": 0.25])
    }

    @Test func runProducesOneRowPerPointInGridOrder() throws {
        let s = try SweepSpec.parse(["x=1:3:3", "y=10,20"])
        let sweep = try s.run(metrics: [.itEnergy], threads: 2) { p in
            [.itEnergy: Stats(base: p[0].number! * p[1].number!), .pue: Stats(base: 1.2)]
        }
        #expect(sweep.parameters == ["x", "y"] && sweep.metrics == [.itEnergy])
        #expect(sweep.rows.map { $0.totals[.itEnergy]!.base } == [10, 20, 20, 40, 30, 60])
        #expect(sweep.rows.allSatisfy { $0.totals[.pue] == nil })
        #expect(sweep.rows[3].point == ["x": 2, "y": 20])
    }

    @Test func failingPointNamesItsValues() throws {
        let s = try SweepSpec.parse(["x=1,2,3"])
        struct Boom: Error {}
        #expect {
            try s.run(metrics: [.pue]) { p in if p[0] == 2 { throw Boom() }; return [.pue: Stats(base: 1)] }
        } throws: { "\($0)".contains("x=2") && !"\($0)".contains("x=2.0") }
    }

    @Test(arguments: [
        "a.b", "a.b=", "=1:2:3", "a..b=1", "a.b=1:2", "a.b=1:2:3:4", "a.b=1:2:0", "a.b=1:2:-3",
        "a.b=1:2:2.5", "a.b=x:2:3", "a.b=1:nan:3", "a.b=1:inf:3", "a.b=1:2:1", "a.b=3:3:4",
        "a.b=1,,2", "a.b=1,2,1", "a b=1", "a.b=1:2:200000",
    ])
    func malformedFlagsAreErrors(flag: String) {
        #expect(throws: UncertaintyError.self) { try SweepSpec.parse([flag]) }
    }

    @Test func repeatedPathAndHugeGridAreErrors() {
        #expect(throws: UncertaintyError.self) { try SweepSpec.parse(["a=1,2", "a=3"]) }
        #expect(throws: UncertaintyError.self) { try SweepSpec.parse(["a=0:1:1000", "b=0:1:1000"]) }
        #expect(throws: UncertaintyError.self) { try SweepSpec.parse([]) }
    }
}

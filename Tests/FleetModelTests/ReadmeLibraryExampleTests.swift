import Foundation
import FleetTestSupport
import Testing
import FleetModel

/// The README's library example, compiled and run here exactly as written there.
@Suite("README library example")
struct ReadmeLibraryExampleTests {
    @Test func runsAsWritten() throws {
        // README example begins
        let scenario = try PreparedScenario.open(sets: ["sites.us-east-1.cooling.supply_air_c=24"])
        let result = try scenario.evaluate(UncertaintyOptions(samples: 200, seed: 7))
        let energy = result.totals[.facilityEnergy]!
        print("facility energy, P50:", energy.p50!, "MWh")
        // README example ends
        #expect(scenario.spec.sites[id: "us-east-1"]?.cooling.supplyAirC == 24)
        #expect(result.run.samples == 200 && result.run.overrides == ["sites.us-east-1.cooling.supply_air_c=24"])
        let p05 = try #require(energy.p05), p50 = try #require(energy.p50), p95 = try #require(energy.p95)
        #expect(p05 < p50 && p50 < p95)
    }

    /// The README's ```swift block is the code above, line for line (after `import FleetModel`).
    @Test func readmeShowsThisCode() throws {
        let readme = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let start = try #require(readme.range(of: "```swift\n")), end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let shown = readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(shown.first == "import FleetModel")
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(lines.firstIndex { $0.hasSuffix("// README example begins") })
        let last = try #require(lines.firstIndex { $0.hasSuffix("// README example ends") })
        let tested = lines[(first + 1)..<last].map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(shown.dropFirst().filter { !$0.isEmpty }.map(String.init) == tested)
    }
}

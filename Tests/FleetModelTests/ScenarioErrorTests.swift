import Testing
@testable import FleetModel

@Suite("Scenario errors")
struct ScenarioErrorTests {
    @Test func probe() {
        for name in ["types.yaml", "leaves.yaml"] {
            for e in Fixtures.errors(name) { print(e) }
        }
    }
}

import ArgumentParser
import FleetModel
import FleetReport

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario without running it; reports every error of the file at once.",
        discussion: """
        Prints one line per problem (file:line:column: path: message) and exits 2, or \
        prints a summary and exits 0 when the scenario is valid.

        Example:
          fleetwatt validate models/scenarios/openai-aws-2025.yaml
        """)

    @Argument(help: "Scenario file (YAML or JSON), or a shipped scenario's id.")
    var scenario: String

    @OptionGroup var overrides: SetOptions

    @Flag(help: "Print nothing when the scenario is valid.")
    var quiet = false

    func run() throws {
        let (document, issues) = try ScenarioDocument.validation(path: scenario, sets: overrides.sets)
        guard issues.isEmpty else { throw ScenarioErrors(issues) }
        if !quiet {
            let uncertain = document.uncertainParameters.count
            try StandardOutput.write("\(scenario): valid (\(document.info.id): \(document.parameters.count) inputs, \(uncertain) uncertain)\n")
        }
    }
}

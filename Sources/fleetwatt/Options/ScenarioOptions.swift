import ArgumentParser
import FleetModel

/// The scenario to evaluate and the values to override in it.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Scenario file (YAML or JSON), or a shipped scenario's id (" + ScenarioDocument.shippedIDs.joined(separator: ", ")
            + "). Omit it for the embedded default, the OpenAI–AWS 2025–2032 fleet.",
        valueName: "scenario"))
    var scenario: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a value: PATH=VALUE, where VALUE is a number, a string or a distribution such as "
            + "'triangular(250000, 400000, 600000)'. Repeatable. Example: --set fleet.cohorts.gb200-use1.count=300000",
        valueName: "path=value"))
    var sets: [String] = []
}

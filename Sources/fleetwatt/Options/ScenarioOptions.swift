import ArgumentParser
import FleetModel

/// The scenario to evaluate and the values to override in it.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Scenario file (YAML or JSON), or a shipped scenario's id (" + ScenarioDocument.shippedIDs.joined(separator: ", ")
            + "). Omit it for the embedded default, the OpenAI–AWS 2025–2032 fleet.",
        valueName: "scenario"))
    var scenario: String?

    @OptionGroup var overrides: SetOptions

    /// Every `--set` PATH=VALUE, in order.
    var sets: [String] { overrides.sets }
}

import ArgumentParser

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario without running it; reports every error of the file at once.",
        discussion: "Example:\n  fleetwatt validate models/scenarios/openai-aws-2025.yaml")

    @Argument(help: "Scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value: PATH=VALUE (repeatable).", valueName: "path=value"))
    var sets: [String] = []

    func run() throws { throw CommandFailure.notBuiltYet("validate") }
}

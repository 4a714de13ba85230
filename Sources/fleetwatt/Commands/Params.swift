import ArgumentParser

struct Params: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every settable path of a scenario: value or distribution, unit and source.",
        discussion: """
        Examples:
          fleetwatt params
          fleetwatt params --uncertain
          fleetwatt params models/scenarios/h100-training-100k.yaml --format json
        """)

    @OptionGroup var scenario: ScenarioOptions

    @Flag(help: "Only the uncertain inputs.")
    var uncertain = false

    @OptionGroup var output: OutputOptions

    func run() throws { throw CommandFailure.notBuiltYet("params") }
}

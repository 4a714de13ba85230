import ArgumentParser
import FleetModel
import FleetReport

struct Params: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every settable path of a scenario: value or distribution, unit and source.",
        discussion: """
        Any path listed here can be given to --set and --vary.

        Examples:
          fleetwatt params
          fleetwatt params --uncertain
          fleetwatt params models/scenarios/h100-training-100k.yaml --format json
        """)

    @OptionGroup var scenario: ScenarioOptions

    @Flag(help: "Only the uncertain inputs.")
    var uncertain = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let document = try scenario.opened()
        let destination = try output.destination(reading: document.filesRead)
        let issues = document.fleetIssues()
        if !issues.isEmpty { throw ScenarioErrors(issues) }
        let inputs = document.inputs.filter { !uncertain || $0.distribution != nil }
        let params = ParamsOutput(scenario: document.info, inputs: inputs)
        try output.emit(RenderedOutput.document(params, as: output.format, width: output.out == nil ? 160 : 400) {
            TableRenderer.inputsTable(inputs, style: $0)
        }, to: destination)
    }
}

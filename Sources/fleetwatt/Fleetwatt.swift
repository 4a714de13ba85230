import ArgumentParser
import FleetModel

@main
struct Fleetwatt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetwatt",
        abstract: "Electricity, cooling, water, carbon and cost of a GPU fleet over a multi-year term.",
        version: FleetModelInfo.toolVersion
    )
}

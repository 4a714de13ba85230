import ArgumentParser

struct Power: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Board power (W) of one GPU at each utilization, from the catalog's power curve.",
        discussion: """
        Examples:
          fleetwatt power --gpu h100-sxm --utilization 0,0.25,0.5,0.75,1
          fleetwatt power --gpu gb200 --utilization 0.8 --format json
        """)

    @Option(help: "Catalog id of the GPU.")
    var gpu: String

    @Option(help: "Comma-separated utilizations in [0, 1].")
    var utilization: String

    @OptionGroup var output: OutputOptions

    func run() throws { throw CommandFailure.notBuiltYet("power") }
}

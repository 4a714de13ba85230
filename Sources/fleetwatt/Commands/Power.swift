import ArgumentParser
import FleetModel
import FleetReport

struct Power: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Board power (W) of one GPU at each utilization, from the catalog's power curve.",
        discussion: """
        Utilization is nvidia-smi's GPU utilization (the fraction of time a kernel runs) under a \
        compute-bound load, with a process holding a CUDA context.

        Examples:
          fleetwatt power --gpu h100-sxm --utilization 0,0.25,0.5,0.75,1
          fleetwatt power --gpu gb200 --utilization 0.8 --format json
        """)

    @Option(help: "Catalog id of the GPU (see `fleetwatt catalog`).")
    var gpu: String

    @Option(parsing: .unconditional, help: "Comma-separated utilizations in [0, 1].")
    var utilization: String

    @Option(parsing: .unconditional, help: "Optional power cap as a fraction of TDP, in [0.1, 1].")
    var capFraction: Double?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let destination = try output.destination()
        let points = try utilization.split(separator: ",", omittingEmptySubsequences: false).map { text in
            guard let u = Double(text.trimmingCharacters(in: .whitespaces)), (0...1).contains(u) else {
                throw CommandFailure.badInput("--utilization: expected numbers from 0 to 1 separated by commas, got '\(text)'")
            }
            return u
        }
        let hardware = try FleetModel.Catalog.embedded().decode(HardwareSpec.self, .hardware, id: gpu)
        let result = try CommandFailure.namingFlags {
            try PowerCurveResult.compute(hardware: hardware, utilizations: points, capFraction: capFraction)
        }
        try output.emit(RenderedOutput.document(result, as: output.format) { TableRenderer.powerTable(result, style: $0) },
                        to: destination)
    }
}

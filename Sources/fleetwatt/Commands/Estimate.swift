import ArgumentParser

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Energy, carbon, cost and water of a single job or fleet slice, without a scenario file.",
        discussion: """
        Examples:
          fleetwatt estimate --gpu h100-sxm --gpu-hours 30840000
          fleetwatt estimate --gpu gb200 --count 100000 --hours 8760 --pue 1.15 --carbon-intensity 0.284
          fleetwatt estimate --gpu a100-80gb --power-w 300 --gpu-hours 1000 --format json
        """)

    @Option(help: "Catalog id of the GPU (see `fleetwatt catalog`).")
    var gpu: String

    @Option(help: "Average power per GPU in W, used as given (default: the catalog's curve at --utilization).")
    var powerW: Double?

    @Option(help: "Utilization (0–1) at which to read the catalog's power curve (default: the catalog's).")
    var utilization: Double?

    @Option(help: "GPU-hours of the job.")
    var gpuHours: Double?

    @Option(help: "Number of GPUs (with --hours).")
    var count: Double?

    @Option(help: "Hours (with --count).")
    var hours: Double?

    @Option(help: "Power usage effectiveness (default: the catalog's documented default).")
    var pue: Double?

    @Option(help: "Grid carbon intensity, kg CO2e/kWh.")
    var carbonIntensity: Double?

    @Option(help: "Electricity price, USD/kWh.")
    var priceUsdPerKwh: Double?

    @Option(help: "Water usage effectiveness, L/kWh of IT energy (on-site).")
    var wueLPerKwh: Double?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        switch (gpuHours, count, hours) {
        case (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("give either --gpu-hours or --count with --hours, not both")
        default: throw ValidationError("give --gpu-hours H, or --count N with --hours H")
        }
    }

    func run() throws { throw CommandFailure.notBuiltYet("estimate") }
}

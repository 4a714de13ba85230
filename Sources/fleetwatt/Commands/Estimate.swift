import ArgumentParser
import FleetModel
import FleetReport

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Energy, carbon, cost and water of a single job or fleet slice, without a scenario file.",
        discussion: """
        Energy = GPU-hours × IT power per GPU × PUE. Without --power-w, the IT power per GPU is the \
        board power plus the GPU's share of host, network and storage; the board power is the \
        catalog curve at --utilization, or the measured mean --board-power-fraction of TDP \
        (nvidia-smi/DCGM telemetry; serving fleets run at ≈ 0.7–0.8). \
        Defaults: PUE 1.56 (Uptime Institute 2024 average), 0.375 kg CO2e/kWh (eGRID2022 US), \
        0.0806 USD/kWh (EIA 2023 industrial), WUE 0.84 L/kWh.

        Examples:
          fleetwatt estimate --gpu h100-sxm --gpu-hours 30840000
          fleetwatt estimate --gpu gb200 --count 100000 --hours 8760 --pue 1.15
          fleetwatt estimate --gpu a100-80gb --power-w 300 --gpu-hours 1000
          fleetwatt estimate --gpu h100-sxm --board-power-fraction 0.71 --gpu-hours 1e6
        """)

    @Option(help: "Catalog id of the GPU (see `fleetwatt catalog`).")
    var gpu: String

    @Option(parsing: .unconditional, help: "Average IT power per GPU in W, used as given.")
    var powerW: Double?

    @Option(parsing: .unconditional, help: "Utilization (0–1) at which to read the catalog's power curve (default: the catalog's).")
    var utilization: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Measured mean board power per GPU as a fraction of TDP (0–1], instead of --utilization; held between idle "
            + "with a CUDA context and full load on the catalog curve, with a warning when moved."))
    var boardPowerFraction: Double?

    @Option(parsing: .unconditional, help: "GPU-hours of the job.")
    var gpuHours: Double?

    @Option(parsing: .unconditional, help: "Number of GPUs (with --hours).")
    var count: Double?

    @Option(parsing: .unconditional, help: "Hours (with --count).")
    var hours: Double?

    @Option(parsing: .unconditional, help: "Power usage effectiveness (≥ 1).")
    var pue: Double?

    @Option(parsing: .unconditional, help: "Grid carbon intensity, kg CO2e/kWh.")
    var carbonIntensity: Double?

    @Option(parsing: .unconditional, help: "Electricity price, USD/kWh.")
    var priceUsdPerKwh: Double?

    @Option(parsing: .unconditional, help: "Water usage effectiveness, L/kWh of IT energy (on-site).")
    var wueLPerKwh: Double?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        switch (gpuHours, count, hours) {
        case (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("give either --gpu-hours or --count with --hours, not both")
        default: throw ValidationError("give --gpu-hours H, or --count N with --hours H")
        }
    }

    func run() throws {
        let destination = try output.destination()
        let hardware = try FleetModel.Catalog.embedded().decode(HardwareSpec.self, .hardware, id: gpu)
        let input = EstimateInput(gpu: gpu, powerW: powerW, gpuHours: gpuHours, count: count, hours: hours,
                                  pue: pue, carbonIntensityKgPerKwh: carbonIntensity,
                                  priceUSDPerKwh: priceUsdPerKwh, wueLPerKwh: wueLPerKwh, utilization: utilization,
                                  boardPowerFraction: boardPowerFraction)
        let result = try CommandFailure.namingFlags { try FleetModel.Estimate.run(input, hardware: hardware) }
        try output.emit(RenderedOutput.document(result, as: output.format) { TableRenderer.estimateTable(result, style: $0) },
                        to: destination, warnings: result.warnings)
    }
}

import ArgumentParser
import FleetReport

/// Where results go and in what form.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Write to this file instead of standard output (written beside it, then renamed into place; a device or FIFO is written in place).")
    var out: String?

    @Option(help: "Progress on standard error: auto (only when stderr is a terminal), always or never.")
    var progress: ProgressMode = .auto

    @Flag(help: "Print nothing but the result and errors.")
    var quiet = false
}

extension OutputFormat: ExpressibleByArgument {}

enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

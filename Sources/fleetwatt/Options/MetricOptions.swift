import ArgumentParser
import FleetModel

/// `--metric`: which metrics a command reports, ranks or compares.
struct MetricOptions: ParsableArguments {
    @Option(name: .customLong("metric"), help: "Metric (repeatable or comma-separated contract names, such as facility_energy_mwh,pue); default: all.")
    var names: [String] = []

    /// The metrics named, or nil when none was (every metric).
    func chosen() throws -> [Metric]? {
        guard !names.isEmpty else { return nil }
        do { return try Metric.parse(names) } catch { throw CommandFailure.badInput("--metric: \(error)") }
    }
}

import ArgumentParser
import FleetModel
import FleetReport

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Monte Carlo speed and memory on a scenario (see docs/PERFORMANCE.md).",
        discussion: """
        Times a Monte Carlo run of the scenario (the embedded default when none is given) for \
        each sample count with each thread count, then one Sobol analysis; prints wall time, \
        sample-hours per second and the process's peak memory. Build in release mode first.

        Example:
          fleetwatt bench --samples 1000,10000 --threads 1,2 --sobol-base-samples 64
        """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(parsing: .unconditional, help: "Comma-separated sample counts to time.")
    var samples: String = "1000,10000"

    @Option(parsing: .unconditional, help: "Comma-separated thread counts.")
    var threads: String = "1,2"

    @Option(parsing: .unconditional, help: "Sobol base samples for the timed Sobol analysis (0: none).")
    var sobolBaseSamples: Int = 0

    @Option(help: "Sampler: random, sobol or lhs.")
    var sampler: SamplerKind = .random

    @Option(help: "Output format: table, json, csv, csv-long (one value per row) or markdown.")
    var format: OutputFormat = .table

    func validate() throws {
        try SobolBaseSamples.check(sobolBaseSamples, flag: "--sobol-base-samples", noneAllowed: true)
    }

    func run() throws {
        let sampleCounts = try Self.integers(samples, flag: "--samples", max: MonteCarloRunner.maximumSamples)
        let threadCounts = try Self.integers(threads, flag: "--threads", max: MonteCarloRunner.maximumThreads)
        let rows = try scenario.prepared().bench(samples: sampleCounts, threads: threadCounts, sampler: sampler,
                                                 sobolBaseSamples: sobolBaseSamples) { row in
            if format == .table {
                printError("\(row.kind): \(row.evaluations) evaluations on \(row.threads) threads: \(row.seconds) s")
            }
        }
        try StandardOutput.write(RenderedOutput.document(rows, as: format, width: 120) { TableRenderer.benchTable(rows, style: $0) })
    }

    /// Comma-separated whole numbers in 1…max; an empty item (`10,,20`) is refused.
    private static func integers(_ text: String, flag: String, max: Int) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map {
            guard let n = Int($0.trimmingCharacters(in: .whitespaces)), n > 0, n <= max else {
                throw CommandFailure.badInput("\(flag): expected whole numbers from 1 to \(max) separated by commas, got '\(text)'")
            }
            return n
        }
    }
}

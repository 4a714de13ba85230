import ArgumentParser
import FleetModel
import FleetReport

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare scenarios or variants of one, with common random numbers for tight differences.",
        discussion: """
        Variants are the scenarios given (files or shipped ids; none: the embedded default), then \
        each --variant applied to the first scenario. The first variant is the baseline: each \
        other's difference from it is taken sample by sample, with every uncertain input the \
        variants share at the same sampled value in each (common random numbers), so its P5–P95 \
        band shows the effect of what differs, not sampling noise.

        --variant NAME:PATH=VALUE[,PATH=VALUE…] changes values as --set does (a number, a string \
        or id, or a distribution); NAME:options.ID (or options.ID alone) switches a scenario \
        option the other way. Every variant is checked before anything is evaluated.

        --shard I/N evaluates one share of the samples (whole blocks of 1,024) and writes a \
        partial result to --out; fleetwatt merge joins the N parts into exactly this \
        command's output (--format, --report).

        Examples:
          fleetwatt compare --variant options.expansion-2027 --samples 200
          fleetwatt compare h100-training-100k --variant az:sites.us-tx.grid=aznm
          fleetwatt compare h100-training-100k inference-phoenix-air --out c.csv
          fleetwatt compare --variant no-exp:options.expansion-2027 --report out/cmp
          fleetwatt compare --variant options.expansion-2027 --shard 3/8 --out 3.fwpart
        """)

    @Argument(help: ArgumentHelp(
        "Scenario files or shipped ids (" + ScenarioDocument.shippedIDs.joined(separator: ", ")
            + "); the first is the baseline. Omit them for the embedded default.", valueName: "scenario"))
    var scenarios: [String] = []

    @Option(name: .customLong("variant"), help: ArgumentHelp(
        "A variant of the first scenario: NAME:PATH=VALUE[,PATH=VALUE…] or NAME:options.ID; repeatable.",
        valueName: "name:path=value"))
    var variants: [String] = []

    /// Values overridden in every scenario compared.
    @OptionGroup var overrides: SetOptions

    @OptionGroup var metrics: MetricOptions

    @OptionGroup var sampling: SamplingOptions

    @Option(help: "Also write a report folder: compare.md, figures/compare-differences.svg, compare.json, compare.csv, report.css.")
    var report: String?

    @OptionGroup var replacing: ForceOption

    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        guard max(scenarios.count, 1) + variants.count >= 2 else {
            throw ValidationError("give two or more scenarios, or a scenario and at least one --variant NAME:PATH=VALUE")
        }
    }

    func run() throws {
        if let shard = sharding.parsed, report != nil {
            throw CommandFailure.badInput("--shard \(shard) writes a partial result; give --report to fleetwatt merge instead")
        }
        let chosen = try metrics.chosen() ?? Metric.allCases
        let compared = try Self.variants(scenarios: scenarios, sets: overrides.sets, variants: variants)
        // Every scenario and weather file any variant reads, not only the first scenario.
        let reads = compared.flatMap(\.document.filesRead)
        if try sharding.writePartial(out: output.out, reading: reads, feedback: output.feedback, { shard, tick in
            try ScenarioVariant.comparePartial(compared, metrics: chosen, options: sampling.options(), sets: overrides.sets,
                                               shard: shard, progress: tick)
        }) { return }
        let destination = try output.destination(reading: reads)
        let folder = try report.map { try ReportFolder.check($0, force: replacing.force, avoiding: reads) }
        try destination.checkApart(from: folder)
        let comparison = try sampling.compare(compared, sets: overrides.sets, metrics: chosen,
                                              progress: output.feedback.progress, quiet: output.feedback.quiet)
        if let folder {
            try folder.write(try ComparisonReport.files(for: comparison, date: ReportWriter.today()), lead: "compare.md",
                             quiet: output.feedback.quiet)
        }
        try output.emit(ComparisonRenderer.data(comparison, as: output.format), to: destination,
                        warnings: comparison.diagnostics.warnings)
    }
}

extension Compare {
    /// Opens each scenario with the shared `--set` values, applies each `--variant` to the
    /// first and checks them all: the variants compared, whole or sharded.
    fileprivate static func variants(scenarios: [String], sets: [String], variants: [String]) throws -> [ScenarioVariant] {
        let specs = try variants.map(VariantSpec.parse)
        let documents = try (scenarios.isEmpty ? [nil] : scenarios.map { Optional($0) })
            .map { try ScenarioDocument.open(path: $0, sets: sets) }
        return try ScenarioVariant.variants(scenarios: documents, specs: specs)
    }
}

extension SamplingOptions {
    /// The variants evaluated with common random numbers, with a progress bar on stderr.
    fileprivate func compare(_ chosen: [ScenarioVariant], sets: [String], metrics: [Metric],
                             progress: ProgressMode, quiet: Bool) throws -> Comparison {
        try ProgressBar.run(progress, quiet: quiet, label: "compare") { tick in
            try ScenarioVariant.compare(chosen, metrics: metrics, options: options(), sets: sets, progress: tick)
        }
    }
}

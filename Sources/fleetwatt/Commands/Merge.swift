import Foundation
import ArgumentParser
import FleetModel
import FleetReport

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the partial results of --shard I/N runs into exactly the unsharded result.",
        discussion: """
        Give every part of one sharded run of run, report, sweep, compare or sensitivity, in \
        any order. The result is the one the unsharded command gives, byte for byte apart \
        from run.threads (each shard's --threads; give the same to compare): a result \
        document, or for compare its comparison (--format and --report as compare writes \
        them). Parts from \
        different scenarios, models, --set values, seeds, samplers, sample counts, settings or \
        fleetwatt versions are refused, as are a shard given twice, a missing shard and a \
        corrupted file, each naming the file, before anything is joined. Parts are read one at \
        a time. docs/SCALE-OUT.md shows a Slurm job array and a Kubernetes Indexed Job.

        Examples:
          fleetwatt merge parts/*.fwpart --out result.json
          fleetwatt merge parts/*.fwpart --report out/report
          fleetwatt merge cmp-parts/*.fwpart --format markdown --out compare.md
        """)

    @Argument(help: ArgumentHelp("Partial results written with --shard I/N.", valueName: "part"))
    var parts: [String] = []

    @Option(help: ArgumentHelp("Also write a report into this folder, as report --out DIR does (compare parts: as compare --report does).",
                               valueName: "dir"))
    var report: String?

    @OptionGroup var replacing: ForceOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !parts.isEmpty else { throw ValidationError("give the partial results to merge (fleetwatt merge PART… --out FILE)") }
    }

    func run() throws {
        let destination = try OutputFile.check(output.out, avoiding: parts)
        let folder = try report.map { try ReportFolder.check($0, force: replacing.force, avoiding: parts) }
        try destination.checkApart(from: folder)
        let merged = try PartialMerge.merge(files: parts)
        let emitting = report == nil || output.out != nil
        // What the merged output writes: its report folder's files, what --out or stdout gets, and its warnings.
        let written: (files: () throws -> [String: Data], lead: String, data: () throws -> Data, warnings: [String])
        switch merged.output {
        case .result(let result):
            written = ({ try ReportWriter.files(for: result, date: ReportWriter.today()) }, "report.md",
                      { try RenderedOutput.result(result, as: output.format) }, result.diagnostics.warnings)
        case .comparison(let comparison):
            written = ({ try ComparisonReport.files(for: comparison, date: ReportWriter.today()) }, "compare.md",
                      { try ComparisonRenderer.data(comparison, as: output.format) }, comparison.diagnostics.warnings)
        }
        if let folder { try folder.write(try written.files(), lead: written.lead, quiet: output.feedback.quiet) }
        if emitting {
            try output.emit(try written.data(), to: destination, warnings: written.warnings)
        } else {
            output.feedback.warn(written.warnings)
        }
    }
}

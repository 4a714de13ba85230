import ArgumentParser
import Foundation
import FleetModel
import FleetReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a PDF-ready Markdown report with SVG charts, result.json and series.csv.",
        discussion: """
        Writes DIR/report.md, DIR/report.css, DIR/figures/*.svg, DIR/result.json, DIR/series.csv, DIR/series.long.csv (one value per row) and DIR/assumptions.csv (every input), \
        staged inside DIR and renamed into place at the end. --force replaces only the files an \
        earlier report wrote (listed in DIR/.fleetwatt-report) and refuses a folder holding anything \
        else. The report includes a tornado ranking of the uncertain inputs (or Sobol indices with \
        --sensitivity sobol).

        To make a PDF (weasyprint or LaTeX) or one HTML file, in DIR:
          pandoc report.md -o report.pdf --pdf-engine=weasyprint --number-sections
          pandoc report.md -o report.pdf --pdf-engine=xelatex
          pandoc report.md --embed-resources --standalone -o report.html
        (pandoc before 2.19: --self-contained for --embed-resources --standalone)

        Examples:
          fleetwatt report --out out/default
          fleetwatt report inference-phoenix-air --out out/phoenix --samples 2000
        """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var sampling: SamplingOptions

    @Option(help: "Folder to write the report into.")
    var out: String

    @Option(help: "Sensitivity section: tornado, sobol or none.")
    var sensitivity: ReportSensitivity = .tornado

    @Option(parsing: .unconditional, help: "Sobol base samples when --sensitivity sobol.")
    var sobolBaseSamples: Int = 256

    @OptionGroup var replacing: ForceOption

    @OptionGroup var feedback: ProgressOptions
    private var progress: ProgressMode { feedback.progress }
    private var quiet: Bool { feedback.quiet }

    /// With --shard, --out names the partial result; `merge --report DIR` writes the report.
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        try SobolBaseSamples.check(sobolBaseSamples, flag: "--sobol-base-samples")
    }

    func run() throws {
        let document = try scenario.opened()
        if try sharding.writePartial(out: out, reading: document.filesRead, feedback: feedback, { shard, tick in
            guard sensitivity != .sobol else {
                throw CommandFailure.badInput("report --shard: --sensitivity sobol is its own sharded run; use "
                    + "--sensitivity tornado or none here and shard `sensitivity --method sobol`")
            }
            let prepared = try PreparedScenario(document: document)
            return try sampling.partial(prepared, shard: shard, command: "report", progress: tick) { head, options in
                if sensitivity == .tornado { head.sensitivity = try prepared.tornado(threads: options.threads) }
            }
        }) { return }
        let destination = try ReportFolder.check(out, force: replacing.force, avoiding: document.filesRead)
        let prepared = try PreparedScenario(document: document)
        var result = try sampling.evaluate(prepared, progress: progress, quiet: quiet)
        let options = sampling.options()
        if let method = sensitivity.method {
            try ProgressBar.run(progress, quiet: quiet, label: method.rawValue) { progress in
                try prepared.rank(method, into: &result, baseSamples: sobolBaseSamples, bootstrap: 200, options: options,
                                  progress: progress)
            }
        }
        try destination.write(try ReportWriter.files(for: result, date: ReportWriter.today()), lead: "report.md", quiet: quiet)
        feedback.warn(result.diagnostics.warnings)
    }
}

/// `report --sensitivity`: a `SensitivityMethod`, or none.
enum ReportSensitivity: String, ExpressibleByArgument, CaseIterable {
    case tornado, sobol, none

    var method: SensitivityMethod? { SensitivityMethod(rawValue: rawValue) }
}

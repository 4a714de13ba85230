import ArgumentParser

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a PDF-ready Markdown report with SVG charts, result.json and series.csv.",
        discussion: """
        Writes DIR/report.md, DIR/figures/*.svg, DIR/result.json and DIR/series.csv.
        To make a PDF: pandoc DIR/report.md -o report.pdf --pdf-engine=weasyprint (see README).

        Examples:
          fleetwatt report --out out/default
          fleetwatt report models/scenarios/inference-phoenix-air.yaml --out out/phoenix --samples 2000
        """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var sampling: SamplingOptions

    @Option(help: "Folder to write the report into.")
    var out: String

    @Flag(help: "Replace the output folder even if it is not empty.")
    var force = false

    @Option(help: "Progress on standard error: auto, always or never.")
    var progress: ProgressMode = .auto

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws { throw CommandFailure.notBuiltYet("report") }
}

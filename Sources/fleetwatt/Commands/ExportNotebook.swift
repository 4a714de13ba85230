import ArgumentParser
import Foundation
import FleetModel
import FleetReport

struct ExportNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-notebook",
        abstract: "Write a Jupyter notebook holding the result and cells that plot it.",
        discussion: """
        The notebook (nbformat 4) embeds the result JSON and has cells that load it into pandas \
        and draw the main charts with matplotlib. scripts/export-notebooks regenerates the \
        notebooks of the shipped scenarios in notebooks-export/.

        Example:
          fleetwatt export-notebook --out out/openai-aws-2025.ipynb
        """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var sampling: SamplingOptions

    @Option(help: "The notebook file to write (.ipynb).")
    var out: String

    @Option(help: "Progress on standard error: auto, always or never.")
    var progress: ProgressMode = .auto

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let destination = try OutputFile.check(out, avoiding: [scenario.scenario].compactMap { $0 })
        let (_, result) = try sampling.evaluate(scenario, progress: progress, quiet: quiet)
        try NotebookExporter.write(result: result, to: destination)
        if !quiet && destination.kind != .standardOutput { printError("wrote \(out)") }
    }
}

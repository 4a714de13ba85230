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

    @OptionGroup var feedback: ProgressOptions

    func run() throws {
        let document = try scenario.opened()
        let destination = try OutputFile.check(out, avoiding: document.filesRead)
        let result = try sampling.evaluate(PreparedScenario(document: document), progress: feedback.progress,
                                           quiet: feedback.quiet)
        try NotebookExporter.write(result: result, to: destination)
        if !feedback.quiet && destination.kind != .standardOutput { printError("wrote \(PathText.shown(out))") }
        feedback.warn(result.diagnostics.warnings)
    }
}

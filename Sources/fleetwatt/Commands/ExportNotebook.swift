import ArgumentParser

struct ExportNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-notebook",
        abstract: "Write a Jupyter notebook holding the result and cells that plot it.",
        discussion: "Example:\n  fleetwatt export-notebook --out notebooks-export/openai-aws-2025.ipynb")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var sampling: SamplingOptions

    @Option(help: "The notebook file to write (.ipynb).")
    var out: String

    @Option(help: "Progress on standard error: auto, always or never.")
    var progress: ProgressMode = .auto

    func run() throws { throw CommandFailure.notBuiltYet("export-notebook") }
}

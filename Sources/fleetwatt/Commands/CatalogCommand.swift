import ArgumentParser

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List GPUs, servers, sites, cooling types and grids, with sources.")

    @OptionGroup var output: OutputOptions

    func run() throws { throw CommandFailure.notBuiltYet("catalog") }
}

import ArgumentParser
import FleetModel
import FleetReport

struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List GPUs, servers, sites, cooling types and grids, with sources.",
        discussion: """
        Every id listed can be used in a scenario (hardware, site, grid, cooling.type) and with \
        `estimate --gpu` and `power --gpu`. `--format json` gives every property with its unit \
        in its name.

        Examples:
          fleetwatt catalog
          fleetwatt catalog --format json
        """)

    @OptionGroup var output: OutputOptions

    func run() throws {
        let destination = try output.destination()
        let listing = try CatalogOutput(catalog: FleetModel.Catalog.embedded())
        try output.emit(RenderedOutput.document(listing, as: output.format, width: output.out == nil ? 160 : 400) { _ in
            TableRenderer.catalogTable(listing)
        }, to: destination)
    }
}

import ArgumentParser
import FleetReport

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the result file, or of another command's JSON.",
        discussion: "Examples:\n  fleetwatt schema > result.schema.json\n  fleetwatt schema --of estimate")

    @Option(help: ArgumentHelp("Which document: \(ResultSchema.Kind.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "kind"))
    var of: ResultSchema.Kind = .result

    func run() throws { try StandardOutput.write(ResultSchema.text(of: of)) }
}

extension ResultSchema.Kind: ExpressibleByArgument {}

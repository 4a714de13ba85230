import ArgumentParser

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the result file, or of another command's JSON.",
        discussion: "Examples:\n  fleetwatt schema > result.schema.json\n  fleetwatt schema --of estimate")

    @Option(help: "Which document: result (default), estimate, power, params or catalog.")
    var of: String = "result"

    func run() throws { throw CommandFailure.notBuiltYet("schema") }
}

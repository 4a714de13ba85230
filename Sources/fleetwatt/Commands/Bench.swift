import ArgumentParser

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Monte Carlo speed and memory on the default scenario (see docs/PERFORMANCE.md).",
        discussion: "Example:\n  fleetwatt bench --samples 1000,10000,100000 --threads 1,2")

    @Option(help: "Comma-separated sample counts to time.")
    var samples: String = "1000,10000"

    @Option(help: "Comma-separated thread counts.")
    var threads: String = "1,2"

    func run() throws { throw CommandFailure.notBuiltYet("bench") }
}

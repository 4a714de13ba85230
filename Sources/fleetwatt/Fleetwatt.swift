import ArgumentParser
import FleetModel
import FleetReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Fleetwatt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetwatt",
        abstract: "Electricity, cooling, water, carbon and cost of a GPU fleet over a multi-year term.",
        discussion: """
        With no scenario file, commands use the embedded default: the OpenAI–AWS compute deal \
        of November 2025 (seven years, GB200/GB300 fleet), identical to \
        models/scenarios/openai-aws-2025.yaml.

        Exit codes: 0 success, 1 a run that failed, 2 bad usage or bad input.
        """,
        version: FleetModelInfo.toolVersion,
        subcommands: [
            Run.self, Report.self, Sweep.self, Sensitivity.self, Compare.self, Estimate.self,
            Power.self, Params.self, Catalog.self, Validate.self, Schema.self,
            ExportNotebook.self, Bench.self, Merge.self,
        ]
    )

    /// Parses, runs, and maps every failure to the contract's exit codes
    /// (2 for bad usage or input, 1 for a failed run) with a message on stderr.
    static func main() {
        StandardOutput.prepare()
        Interrupts.install()
        let status: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            status = 0
        } catch {
            status = report(error)
        }
        Interrupts.cleanUp()
        // Qualified: inside a ParsableCommand, `exit` names ArgumentParser's `exit(withError:)`.
        #if canImport(Glibc)
        Glibc.exit(status)
        #elseif canImport(Darwin)
        Darwin.exit(status)
        #endif
    }

    /// Prints the error (help and version go to stdout) and returns the exit status.
    private static func report(_ error: any Error) -> Int32 {
        if let failure = error as? CommandFailure {
            printError(failure.message)
            return failure.status
        }
        let code = exitCode(for: error)
        if code == .success {
            let text = fullMessage(for: error)
            guard !text.isEmpty else { return 0 }
            do {
                try StandardOutput.write(text + "\n")
            } catch {
                printError("error: \(error)")
                return 1
            }
            return 0
        }
        if code == .validationFailure {
            // Everything ArgumentParser rejects (unknown flag, bad value, validate()) is bad usage.
            printError(fullMessage(for: error))
            return 2
        }
        if let exit = error as? ExitCode { return exit.rawValue }
        let mapped = CommandFailure(libraryError: error)
        printError(mapped.message)
        return mapped.status
    }
}

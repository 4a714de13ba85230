import FleetModel
import FleetReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure the CLI reports in a line or a few, with the contract's exit status:
/// 2 for bad usage or bad input, 1 for a run that failed.
struct CommandFailure: Error {
    var message: String
    var status: Int32

    init(message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    static func badInput(_ message: String) -> CommandFailure { .init(message: message, status: 2) }
    static func runFailed(_ message: String) -> CommandFailure { .init(message: message, status: 1) }

    /// Maps an error thrown by the libraries: input errors exit 2, anything else 1.
    init(libraryError error: any Error) {
        if let input = error as? any InputError {
            self = .badInput(input.description)
        } else if let output = error as? ReportError {
            self = output.isBadUsage ? .badInput("error: \(output)") : .runFailed("error: \(output)")
        } else {
            self = .runFailed("error: \(String(describing: error))")
        }
    }
}

/// Writes a line to standard error (unbuffered, so it is safe in a signal handler too).
func printError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    var bytes = Array(line.utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

extension CommandFailure {
    /// An `estimate`/`power` input error, named by its flag (`--pue: expected 1 to 10, got 0.5`).
    static func flagged(_ error: EstimateError) -> CommandFailure {
        switch error {
        case let .invalid(field, value, expected):
            let flag = field == "carbon_intensity_kg_per_kwh" ? "carbon-intensity" : field.replacingOccurrences(of: "_", with: "-")
            return .badInput("--\(flag): expected \(expected), got \(value)")
        case .missingHours, .conflictingHours:
            return .badInput("error: \(error)")
        }
    }

    /// Runs `body`, reporting an `EstimateError` by the flag it concerns.
    static func namingFlags<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as EstimateError { throw flagged(e) }
    }
}

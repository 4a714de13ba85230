import Foundation
import FleetModel
import FleetReport

extension OutputOptions {
    /// Checks `--out` (or standard output) before any work, so that a bad location is refused
    /// before the evaluation; `inputs` are files the command reads, which it must not replace.
    func destination(reading inputs: [String] = []) throws -> OutputFile {
        try OutputFile.check(out, avoiding: inputs)
    }

    /// Writes `data` to the checked destination and says where, unless `--quiet`; then the
    /// run's `warnings` on standard error (they stay in the JSON's warnings, never in the data).
    func emit(_ data: Data, to destination: OutputFile, warnings: [String] = []) throws {
        try destination.write(data)
        if !feedback.quiet && destination.kind != .standardOutput { printError("wrote \(PathText.shown(destination.name))") }
        feedback.warn(warnings)
    }
}

extension ProgressOptions {
    /// Prints each warning as `warning: …` on standard error, unless `--quiet`.
    func warn(_ warnings: [String]) {
        guard !quiet else { return }
        for w in warnings { printError("warning: \(w)") }
    }
}

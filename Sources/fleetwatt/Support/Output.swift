import Foundation
import FleetReport

extension OutputOptions {
    /// Checks `--out` (or standard output) before any work, so that a bad location is refused
    /// before the evaluation; `inputs` are files the command reads, which it must not replace.
    func destination(reading inputs: [String] = []) throws -> OutputFile {
        try OutputFile.check(out, avoiding: inputs)
    }

    /// Writes `data` to the checked destination and says where, unless `--quiet`.
    func emit(_ data: Data, to destination: OutputFile) throws {
        try destination.write(data)
        if !feedback.quiet && destination.kind != .standardOutput { printError("wrote \(destination.name)") }
    }
}

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

extension ReportFolder {
    /// Writes a report's `files` into the folder and, unless `quiet`, says what it wrote:
    /// "wrote DIR/report.md, figures/, assumptions.csv, …" (`lead` first, the figures as one
    /// folder, the rest in name order), so every command that writes a report names the same files.
    func write(_ files: [String: Data], lead: String, quiet: Bool) throws {
        try write(files)
        guard !quiet else { return }
        let figures = files.keys.contains { $0.hasPrefix("figures/") } ? ["figures/"] : []
        let rest = files.keys.filter { $0 != lead && !$0.hasPrefix("figures/") }.sorted()
        printError("wrote " + ([PathText.shown(path + "/" + lead)] + figures + rest).joined(separator: ", "))
    }
}

import ArgumentParser
import Foundation
import FleetReport

/// Where results go and in what form.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output format: table, json, csv, csv-long (one value per row) or markdown (default: from the --out "
            + "file's extension, .json, .csv, .long.csv or .md; else table).", valueName: "format"))
    var formatGiven: OutputFormat?

    @Option(help: "Write to this file instead of standard output (written beside it, then renamed into place; a device or FIFO is written in place).")
    var out: String?

    @OptionGroup var feedback: ProgressOptions
}

extension OutputOptions {
    /// --format when given, else the format the --out file's extension names, else a table.
    var format: OutputFormat {
        formatGiven ?? out.flatMap(OutputFormat.init(fileExtensionOf:)) ?? .table
    }
}

extension OutputFormat: ExpressibleByArgument {
    /// The format a file name's extension names (case-insensitive): .json, .csv (.long.csv:
    /// the long CSV), .md or .markdown, .txt (a table); nil for any other.
    init?(fileExtensionOf path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": self = .json
        case "csv": self = path.lowercased().hasSuffix(".long.csv") ? .csvLong : .csv
        case "md", "markdown": self = .markdown
        case "txt": self = .table
        default: return nil
        }
    }
}

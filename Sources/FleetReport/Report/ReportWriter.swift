import Foundation
import FleetModel

/// Writes a report folder: report.md, report.css, figures/*.svg, result.json and
/// series.csv, all at once (staged and swapped in by `AtomicWriter`).
public enum ReportWriter {
    /// The files of a report, relative path → contents. Pure: nothing is written.
    /// - Parameter date: the report date "YYYY-MM-DD" shown under its title.
    public static func files(for result: FleetResult, date: String) throws(ReportError) -> [String: Data] {
        guard !result.monthly.isEmpty else { throw .missingData("monthly series") }
        let json = try ResultJSON.data(result)   // first: a non-finite number stops everything
        let figures = Charts.figures(for: result)
        var files: [String: Data] = [
            "result.json": json,
            "series.csv": Data(CSVRenderer.series(result).utf8),
            "report.md": Data(ReportMarkdown.render(result, figures: figures, date: date).utf8),
            ReportStyle.fileName: Data(ReportStyle.css.utf8),
        ]
        for f in figures { files["figures/\(f.name).svg"] = Data(f.svg.utf8) }
        return files
    }

    /// Writes the report folder `folder`; refuses a non-empty folder unless `force`.
    /// On failure nothing is left half-written and an earlier report is untouched.
    public static func write(result: FleetResult, to folder: URL, force: Bool = false,
                             date: String = ReportWriter.today()) throws(ReportError) {
        try AtomicWriter.writeFolder(try files(for: result, date: date), to: folder, force: force)
    }

    /// Today's date in UTC, "YYYY-MM-DD".
    public static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }
}

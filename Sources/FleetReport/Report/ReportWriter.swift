import Foundation
import FleetModel

/// Writes a report folder: report.md, report.css, figures/*.svg, result.json,
/// series.csv, series.long.csv (one value per row) and assumptions.csv (every input), each staged and renamed into place (see `ReportFolder`).
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
            "series.long.csv": Data(CSVRenderer.long(result).utf8),
            "assumptions.csv": Data(AssumptionGroup.csv(result.inputs).utf8),
            "report.md": Data(ReportMarkdown.render(result, figures: figures, date: date).utf8),
            ReportStyle.fileName: Data(ReportStyle.css.utf8),
        ]
        for f in figures { files["figures/\(f.name).svg"] = Data(f.svg.utf8) }
        return files
    }

    /// Writes the report into `folder` (checked before the evaluation with `ReportFolder.check`).
    /// On failure nothing is left half-written and an earlier report is untouched.
    public static func write(result: FleetResult, to folder: ReportFolder,
                             date: String = ReportWriter.today()) throws(ReportError) {
        try folder.write(try files(for: result, date: date))
    }

    /// Checks `folder` and writes the report into it; refuses a non-empty folder unless
    /// `force`, and with `force` one that holds files no earlier report wrote.
    public static func write(result: FleetResult, to folder: URL, force: Bool = false,
                             date: String = ReportWriter.today()) throws(ReportError) {
        try write(result: result, to: try ReportFolder.check(folder.path, force: force), date: date)
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

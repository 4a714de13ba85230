import Foundation
import FleetModel

/// The formats every command can print. `csv-long` is one value per row
/// (`CSVRenderer.long`); for outputs that are already one row per item (params, catalog,
/// estimate, power) it is the same as `csv`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
    case csvLong = "csv-long"
}

/// Renders a command's output in the chosen format, as the bytes to print or write.
public enum RenderedOutput {
    /// A full result (`run`, `sweep`, `sensitivity`). A CSV holds one table: the sweep's rows,
    /// else the sensitivity ranking (unless the totals were sampled, as a merged report's are), else the totals.
    public static func result(_ result: FleetResult, as format: OutputFormat, width: Int = 80) throws(ReportError) -> Data {
        let ranking = TableRenderer.showsTotals(result) ? nil : result.sensitivity
        switch format {
        case .json: return try ResultJSON.data(result)
        case .table: return Data(TableRenderer.text(result, width: width).utf8)
        case .markdown: return Data(TableRenderer.markdown(result).utf8)
        case .csv:
            if let sweep = result.sweep {
                return Data(CSVRenderer.sweep(sweep, sampled: TableRenderer.sweepSampled(sweep)).utf8)
            }
            if let ranking { return Data(CSVRenderer.sensitivity(ranking).utf8) }
            return Data(TableRenderer.csv(result).utf8)
        case .csvLong:
            if let sweep = result.sweep {
                return Data(CSVRenderer.sweepLong(sweep, sampled: TableRenderer.sweepSampled(sweep)).utf8)
            }
            if let ranking { return Data(CSVRenderer.sensitivityLong(ranking).utf8) }
            return Data(CSVRenderer.long(result).utf8)
        }
    }

    /// Any other document: JSON from its Codable form, the other formats from its table,
    /// built with numbers for people (table, Markdown) or plain full-precision numbers (CSV).
    public static func document<T: Encodable>(_ value: T, as format: OutputFormat, width: Int = 80,
                                              table: (NumberStyle) -> TextTable) throws(ReportError) -> Data {
        switch format {
        case .json: return try ResultJSON.encode(value)
        case .table: return Data(table(.human).plainText(width: width).utf8)
        case .markdown: return Data(table(.human).markdown().utf8)
        case .csv, .csvLong: return Data(table(.machine).csv().utf8)
        }
    }
}

/// A table of text cells that renders as aligned plain text, a Markdown pipe
/// table or CSV: one model for the three renderings of the same figures.
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]

    public init(headers: [String], alignments: [Alignment], rows: [[String]]) {
        precondition(headers.count == alignments.count, "one alignment per column")
        self.headers = headers; self.alignments = alignments; self.rows = rows
    }

    /// Aligned columns separated by two spaces, a dashed rule under the header.
    /// When wider than `width`, the widest left-aligned column is shortened by
    /// cutting the middle of its longest cells ("sites.us-east-2…of_carnot").
    public func plainText(width: Int = 80) -> String {
        var cells = [headers] + rows
        var widths = columnWidths(cells)
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > width, let j = widths.indices.filter({ alignments[$0] == .left }).max(by: { widths[$0] < widths[$1] }) {
            let limit = max(8, widths[j] - (total - width))
            for i in cells.indices where cells[i][j].count > limit {
                let cell = cells[i][j]
                let head = (limit - 1) / 2, tail = limit - 1 - head
                cells[i][j] = String(cell.prefix(head)) + "…" + String(cell.suffix(tail))
            }
            widths = columnWidths(cells)
        }
        var lines: [String] = []
        for (i, row) in cells.enumerated() {
            var parts: [String] = []
            for (j, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[j] - cell.count))
                parts.append(alignments[j] == .left ? cell + pad : pad + cell)
            }
            lines.append(trimTrailing(parts.joined(separator: "  ")))
            if i == 0 {
                lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A pipe table (pandoc, GitHub): `|` in cells escaped, once (a cell that `MarkdownText`
    /// already escaped keeps its `\|`; escaping it again gave `\\|`, an escaped backslash
    /// followed by a bare pipe, which split the cell: a title "A | B" broke the report's tables).
    public func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(Self.escapingPipes).joined(separator: " | ") + " |"
        }
        // Dash counts follow the longest cell or header word, within 7…40: pandoc takes
        // them as the relative column widths when a row is longer than its line width.
        let rule = "|" + headers.indices.map { j -> String in
            let longestWord = headers[j].split(separator: " ").map(\.count).max() ?? 0
            let n = min(40, max(7, longestWord, rows.map { $0[j].count }.max() ?? 0))
            let dashes = String(repeating: "-", count: n)
            return alignments[j] == .left ? ":" + dashes : dashes + ":"
        }.joined(separator: "|") + "|"
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// `s` with every `|` that is not already escaped (an odd run of backslashes before it)
    /// preceded by a backslash.
    static func escapingPipes(_ s: String) -> String {
        var out = "", backslashes = 0
        for c in s {
            if c == "|" && backslashes % 2 == 0 { out.append("\\") }
            backslashes = c == "\\" ? backslashes + 1 : 0
            out.append(c)
        }
        return out
    }

    /// RFC 4180 CSV (CRLF line ends, fields quoted when needed).
    public func csv() -> String {
        CSVRenderer.document([headers] + rows)
    }

    private func columnWidths(_ cells: [[String]]) -> [Int] {
        headers.indices.map { j in cells.map { $0[j].count }.max() ?? 0 }
    }

    private func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}

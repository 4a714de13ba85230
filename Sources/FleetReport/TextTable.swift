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
    /// When wider than `width`, the widest left-aligned column is wrapped at spaces onto more
    /// lines (then the next widest), never narrower than its longest word: a path or a source
    /// URL is never cut, so it can be pasted back into `--set`; a table of long paths grows
    /// wider than `width` instead.
    public func plainText(width: Int = 80) -> String {
        let cells = [headers] + rows
        var widths = columnWidths(cells)
        let longestWords = headers.indices.map { j in
            cells.map { Self.words($0[j]).map(\.count).max() ?? 0 }.max() ?? 0
        }
        var excess = widths.reduce(0, +) + 2 * (widths.count - 1) - width
        while excess > 0, let j = widths.indices
            .filter({ alignments[$0] == .left && widths[$0] > longestWords[$0] })
            .max(by: { widths[$0] < widths[$1] }) {
            let narrowed = max(longestWords[j], widths[j] - excess)
            excess -= widths[j] - narrowed
            widths[j] = narrowed
        }
        var lines: [String] = []
        for (i, row) in cells.enumerated() {
            let wrapped = row.indices.map { j in Self.wrap(row[j], width: widths[j]) }
            for k in 0..<(wrapped.map(\.count).max() ?? 1) {
                var parts: [String] = []
                for (j, cellLines) in wrapped.enumerated() {
                    let cell = k < cellLines.count ? cellLines[k] : ""
                    let pad = String(repeating: " ", count: max(0, widths[j] - cell.count))
                    parts.append(alignments[j] == .left ? cell + pad : pad + cell)
                }
                lines.append(trimTrailing(parts.joined(separator: "  ")))
            }
            if i == 0 {
                lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The words of a cell (split at spaces).
    private static func words(_ cell: String) -> [Substring] {
        cell.split(separator: " ")
    }

    /// `cell` as lines of at most `width` characters, broken at spaces only (a longer word
    /// gets a line of its own); a cell that fits is one line, as it is.
    static func wrap(_ cell: String, width: Int) -> [String] {
        guard cell.count > width else { return [cell] }
        var lines: [String] = [], line = ""
        for word in words(cell) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
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

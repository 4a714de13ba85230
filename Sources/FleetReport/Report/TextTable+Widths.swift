extension TextTable {
    /// Text width of the LaTeX route's page, pt: A4 (595.3 pt) less two 1.9 cm margins.
    static let textWidthPoints = 487.6
    /// Gap on each side of a table column in the LaTeX route (`\tabcolsep`), pt.
    static let columnGapPoints = 4.0
    /// Points of estimated text width per dash of the pipe-table rule.
    static let pointsPerDash = 4.0

    /// Relative column widths for a report table, as the dash counts of its pipe-table rule
    /// (pandoc's column widths when a line of the table is longer than 72 characters).
    ///
    /// Every column gets at least its widest unbreakable word: a header word (the LaTeX route
    /// does not hyphenate table text) or a cell word, with the break points the LaTeX route
    /// gives (`ReportStyle.latexMetadata`). So nothing overprints its neighbour. When the cells'
    /// full widths (each counted up to `capPoints`) fit across the page the columns get those;
    /// otherwise the room left after the words goes to the columns in proportion to what they lack.
    /// Widths are estimated in points of the LaTeX route's 8 pt table type (`points(_:)`).
    ///
    /// - Parameter linePoints: the width the columns share, pt (default: the page's text width
    ///   less the gaps between columns, with 3 % to spare).
    func fittedWidths(linePoints: Double? = nil, capPoints: Double = 250) -> [Int] {
        let n = headers.count
        let line = linePoints ?? (Self.textWidthPoints - 2 * Self.columnGapPoints * Double(n)) * 0.97
        var least = headers.map { Self.widestWord($0) }
        var full = least
        for row in rows {
            for (j, cell) in row.enumerated() where j < n {
                least[j] = max(least[j], Self.widestWord(cell))
                full[j] = max(full[j], min(capPoints, Self.points(cell)))
            }
        }
        var widths = full
        if full.reduce(0, +) > line {
            let spare = max(0, line - least.reduce(0, +))
            let lacking = zip(full, least).map { $0 - $1 }.reduce(0, +)
            widths = zip(full, least).map { f, l in l + (lacking > 0 ? spare * (f - l) / lacking : 0) }
        }
        return widths.map { max(3, Int(($0 / Self.pointsPerDash).rounded(.up))) }
    }

    /// The estimated printed width of a cell (Markdown, with code spans between backticks), pt:
    /// text in 8 pt DejaVu Sans, by character class from the font's advance widths and rounded
    /// up; code in DejaVu Sans Mono at 0.85 of that, 4.1 pt a character.
    static func points(_ cell: String) -> Double {
        parts(cell).map { part in part.text.reduce(0) { $0 + (part.code ? 4.1 : textPoints($1)) } }.reduce(0, +)
    }

    /// The widest run of a cell's printed text without a break point, pt. Text breaks at spaces
    /// and after hyphens, slashes and en dashes; code also after dots, underscores and opening
    /// brackets (the LaTeX route's break points in monospaced text).
    static func widestWord(_ cell: String) -> Double {
        var widest = 0.0
        for part in parts(cell) {
            let breaks: Set<Character> = part.code ? [" ", ".", "_", "-", "/", "("] : [" ", "-", "/", "–"]
            var run = 0.0
            for c in part.text {
                if c == " " { widest = max(widest, run); run = 0; continue }
                run += part.code ? 4.1 : textPoints(c)
                if breaks.contains(c) { widest = max(widest, run); run = 0 }
            }
            widest = max(widest, run)
        }
        return widest
    }

    /// A cell's printed text in its runs of text and code: backticks delimit code, and a
    /// backslash escape prints as the character it escapes.
    static func parts(_ cell: String) -> [(text: String, code: Bool)] {
        var out: [(text: String, code: Bool)] = [("", false)]
        var escaped = false
        for c in cell {
            if escaped { out[out.count - 1].text.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "`" { out.append(("", !out[out.count - 1].code)); continue }
            out[out.count - 1].text.append(c)
        }
        return out
    }

    /// Advance width of a character of 8 pt DejaVu Sans, pt, by class (rounded up).
    static func textPoints(_ c: Character) -> Double {
        if c.isNumber || c.isUppercase { return c.isUppercase ? 5.9 : 5.1 }
        if "iljftr".contains(c) { return 3.2 }
        if "mw".contains(c) { return 7.8 }
        if c.isLowercase { return 5.1 }
        if " .,:;'|!".contains(c) { return 2.6 }
        if "()[]/".contains(c) { return 3.2 }
        if c == "%" { return 7.6 }
        return 5.2
    }
}

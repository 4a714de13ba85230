/// Helpers that keep report.md portable: text escaped for pandoc's Markdown,
/// YAML strings quoted, no raw HTML or LaTeX.
enum MarkdownText {
    /// Free text (sources, titles) with the characters pandoc would interpret escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "*", "_", "`", "$", "<", ">", "[", "]", "|", "#", "^", "~", "@":
                out.append("\\"); out.append(c)
            case "\n", "\r": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }

    /// An inline code span that holds `s` whatever backticks it contains.
    static func code(_ s: String) -> String {
        let fence = s.contains("`") ? "``" : "`"
        let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
        return fence + pad + s.replacingOccurrences(of: "|", with: "\\|") + pad + fence
    }

    /// A double-quoted YAML scalar.
    static func yaml(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }

    /// A figure: caption (also its alt text in pandoc 2) and `fig-alt` (pandoc 3).
    static func figure(_ f: Figure, folder: String = "figures") -> String {
        let alt = f.alt.replacingOccurrences(of: "\"", with: "'")
        return "![\(escape(f.caption)) \(escape(f.alt))](\(folder)/\(f.name).svg){#fig:\(f.name) fig-alt=\"\(alt)\"}\n"
    }
}

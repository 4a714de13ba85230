/// A path as messages print it: as given, unless it holds a control character (a newline
/// would split one error into two lines), then in double quotes with those characters, the
/// quotes and backslashes escaped as Swift writes them: `"bad\nname.yaml"`.
public enum PathText {
    public static func shown(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: isControl) else { return path }
        var out = "\""
        for s in path.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where isControl(s): out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out + "\""
    }

    /// C0 and C1 controls, DEL, and the line and paragraph separators.
    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .control || s == "\u{2028}" || s == "\u{2029}"
    }
}

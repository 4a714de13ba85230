/// Suggestions for misspelt keys, ids and paths: the known word with the
/// smallest Levenshtein (edit) distance, if it is close enough to be a likely typo.
enum ClosestMatch {
    /// Longer words are compared on their first `maxLength` characters (bounded time on any input).
    static let maxLength = 80

    /// Edit distance between two strings (insertions, deletions, substitutions of characters).
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars.prefix(maxLength)), t = Array(b.unicodeScalars.prefix(maxLength))
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[t.count]
    }

    /// The candidate closest to `word`, when its distance is at most a third of the longer
    /// length (at least 2 edits allowed), or when one contains the other; ties go to the first.
    static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for c in candidates where c != word {
            let d = levenshtein(word.lowercased(), c.lowercased())
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        let limit = max(2, max(word.count, c.count) / 3)
        if d <= limit || c.contains(word) || word.contains(c) { return c }
        return nil
    }

    /// " (did you mean 'x'?)" or "".
    static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The closest candidate however far it is, for references that must name a known id.
    static func nearest(to word: String, among candidates: some Sequence<String>) -> String? {
        candidates.min { levenshtein(word, $0) < levenshtein(word, $1) }
    }
}

/// Suggestions for misspelt keys, ids and paths: a known word that starts with the word, else
/// one that contains it, else the one with the smallest Levenshtein (edit) distance, if it is
/// close enough to be a likely typo. Prefixes come first because users abbreviate ids: `h100`
/// means `h100-sxm` (4 edits away), not `v100` (1 edit away).
enum ClosestMatch {
    /// Longer words are compared on their first `maxLength` characters (bounded time on any input).
    static let maxLength = 80

    /// Edit distance between two strings (insertions, deletions, substitutions of characters).
    static func levenshtein(_ a: String, _ b: String) -> Int {
        distance(scalars(a), scalars(b), atMost: Int.max)!
    }

    /// The first `maxLength` Unicode scalars of a word.
    static func scalars(_ word: String) -> [Unicode.Scalar] { Array(word.unicodeScalars.prefix(maxLength)) }

    /// Edit distance, or nil as soon as it is known to exceed `bound`: a row of the table whose
    /// smallest entry exceeds the bound ends the computation, so ranking hundreds of long
    /// candidate paths stays cheap (a fuzzed scenario with unknown correlation paths took 10 s).
    static func distance(_ s: [Unicode.Scalar], _ t: [Unicode.Scalar], atMost bound: Int) -> Int? {
        if abs(s.count - t.count) > bound { return nil }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) }
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            var rowMin = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > bound { return nil }
            swap(&previous, &current)
        }
        return previous[t.count] <= bound ? previous[t.count] : nil
    }

    /// The first candidate at the smallest edit distance from `word` (compared as given), with it.
    private static func closest(to word: String, among candidates: some Sequence<String>,
                                key: (String) -> String) -> (String, Int)? {
        let w = scalars(key(word))
        var best: (String, Int)?
        for c in candidates where c != word {
            let bound = best.map { $0.1 - 1 } ?? Int.max
            if bound < 0 { break }
            if let d = distance(w, scalars(key(c)), atMost: bound) { best = (c, d) }
        }
        return best
    }

    /// The candidate that starts with `word`, else one that contains it (case-insensitive, `word`
    /// at least 2 characters), the one with the fewest extra characters first; ties go to the first.
    static func abbreviated(_ word: String, among candidates: some Sequence<String>) -> String? {
        let w = word.lowercased()
        guard w.count >= 2 else { return nil }
        var prefix: (String, Int)?, containing: (String, Int)?
        for c in candidates where c != word {
            let l = c.lowercased(), extra = l.count - w.count
            if l.hasPrefix(w) {
                if prefix.map({ extra < $0.1 }) ?? true { prefix = (c, extra) }
            } else if l.contains(w) {
                if containing.map({ extra < $0.1 }) ?? true { containing = (c, extra) }
            }
        }
        return (prefix ?? containing)?.0
    }

    /// The candidate `word` abbreviates (see `abbreviated`), else the closest one when its
    /// distance is at most a third of the longer length (at least 2 edits allowed); ties go to the first.
    static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        if let c = abbreviated(word, among: candidates) { return c }
        guard let (c, d) = closest(to: word, among: candidates, key: { $0.lowercased() }) else { return nil }
        let limit = max(2, max(word.count, c.count) / 3)
        if d <= limit || word.lowercased().contains(c.lowercased()) { return c }
        return nil
    }

    /// " (did you mean 'x'?)" or "".
    static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The closest candidate however far it is, for references that must name a known id.
    static func nearest(to word: String, among candidates: some Sequence<String>) -> String? {
        if let exact = candidates.first(where: { $0 == word }) { return exact }
        if let c = abbreviated(word, among: candidates) { return c }
        return closest(to: word, among: candidates, key: { $0 })?.0
    }
}

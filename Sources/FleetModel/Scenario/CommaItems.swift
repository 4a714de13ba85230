extension StringProtocol {
    /// The text cut at the commas outside parentheses, so `triangular(1,2,3),5` is two items:
    /// the lists of `--vary` and `--variant`, whose values may be distributions.
    func commaItemsOutsideParentheses() -> [SubSequence] {
        var items: [SubSequence] = [], depth = 0, start = startIndex
        for i in indices {
            switch self[i] {
            case "(": depth += 1
            case ")": depth = Swift.max(0, depth - 1)
            case "," where depth == 0:
                items.append(self[start..<i])
                start = index(after: i)
            default: break
            }
        }
        items.append(self[start...])
        return items
    }
}

/// A flag's comma-separated list of numbers, each checked; an empty item (`10,,20`) is refused.
/// The message names the flag, what was expected and the item at fault.
enum CommaList {
    /// The items of `text` as `T`, each passing `valid`; `expected` says what they must be
    /// ("numbers from 0 to 1").
    static func parse<T: LosslessStringConvertible>(_ text: String, flag: String, expected: String,
                                                    valid: (T) -> Bool) throws -> [T] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            guard let x = T(item.trimmingCharacters(in: .whitespaces)), valid(x) else {
                throw CommandFailure.badInput("\(flag): expected \(expected) separated by commas, got '\(item)'")
            }
            return x
        }
    }
}

/// Why an output could not be produced. Every case says what to do.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output folder exists, holds files, and `force` was not given.
    case folderNotEmpty(path: String)
    /// A file or folder could not be written, renamed or removed.
    case io(path: String, operation: String, reason: String)
    /// A relative output path that would escape its folder or is empty.
    case badRelativePath(String)
    /// A number in the result is NaN or infinite; JSON cannot hold it.
    case nonFiniteNumber(path: String, value: String)
    /// The result lacks what the output needs (for example no months).
    case missingData(String)

    public var description: String {
        switch self {
        case .folderNotEmpty(let p):
            "\(p): the output folder is not empty; choose another folder or pass --force to replace it"
        case .io(let p, let op, let r):
            "\(p): could not \(op): \(r)"
        case .badRelativePath(let p):
            "\(p): an output file must be a relative path inside the output folder"
        case .nonFiniteNumber(let p, let v):
            "\(p): the result holds a non-finite number (\(v)); the model produced an invalid value, nothing was written"
        case .missingData(let what):
            "the result has no \(what); nothing was written"
        }
    }
}

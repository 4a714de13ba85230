import FleetModel

/// Why an output could not be produced. Every case says what to do.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output folder exists, holds files, and `force` was not given.
    case folderNotEmpty(path: String)
    /// `--force` was given, but the folder holds `file`, which no earlier report wrote.
    case foreignFile(folder: String, file: String)
    /// The output location cannot be used (checked before any evaluation).
    case unusableOutput(path: String, reason: String)
    /// Writing, renaming or removing failed while the output was being written.
    case io(path: String, operation: String, reason: String)
    /// A relative output path that would escape its folder or is empty.
    case badRelativePath(String)
    /// A number in the result is NaN or infinite; JSON cannot hold it.
    case nonFiniteNumber(path: String, value: String)
    /// The result lacks what the output needs (for example no months).
    case missingData(String)

    public var description: String {
        let shown = PathText.shown
        return switch self {
        case .folderNotEmpty(let p):
            "\(shown(p)): the output folder is not empty; choose another folder or pass --force to replace the report in it"
        case .foreignFile(let folder, let file):
            "\(shown(folder)): holds \(shown(file)), which no earlier report wrote; --force replaces only a report's own files "
                + "(listed in \(ReportFolder.manifestName)), so nothing was changed: move \(shown(file)) away or choose another folder"
        case .unusableOutput(let p, let r):
            "\(shown(p)): cannot write the output here: \(r)"
        case .io(let p, let op, let r):
            "\(shown(p)): could not \(op): \(r)"
        case .badRelativePath(let p):
            "\(shown(p)): an output file must be a relative path inside the output folder"
        case .nonFiniteNumber(let p, let v):
            "\(shown(p)): the result holds a non-finite number (\(v)); the model produced an invalid value, nothing was written"
        case .missingData(let what):
            "the result has no \(what); nothing was written"
        }
    }

    /// True for a problem with the user's request (a bad output location: exit 2), false for
    /// a failure while producing or writing the output (exit 1).
    public var isBadUsage: Bool {
        switch self {
        case .folderNotEmpty, .foreignFile, .unusableOutput, .badRelativePath: true
        case .io, .nonFiniteNumber, .missingData: false
        }
    }
}

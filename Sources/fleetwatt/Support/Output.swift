import Foundation
import FleetReport

extension OutputOptions {
    /// Prints `data` to standard output, or writes it to `--out` atomically
    /// (beside the target, then renamed into place).
    func emit(_ data: Data) throws {
        if let out {
            try AtomicWriter.write(data, to: URL(fileURLWithPath: out))
            if !quiet { printError("wrote \(out)") }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

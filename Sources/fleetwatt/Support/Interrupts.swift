import Dispatch
import FleetReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM handling: output is staged in temporary files and renamed into place
/// under `OutputJournal`'s lock, so an interrupted run removes what it staged, says what is
/// on disk (an earlier output unchanged, or the new one in place) and exits 130 (SIGINT)
/// or 143 (SIGTERM).
enum Interrupts {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for (sig, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                printError(OutputJournal.shared.interrupted())
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes staged temporary files and folders (called at exit).
    static func cleanUp() { OutputJournal.shared.removeTemporaries() }
}

import Dispatch
import FleetReport
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM handling: output is staged in temporary files, so an
/// interrupted run removes what it staged and exits 130 (SIGINT) or 143 (SIGTERM),
/// leaving any earlier output untouched.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for (sig, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                cleanUp()
                printError("fleetwatt: interrupted; no output was written")
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes staged temporary files and folders (called at exit and on a signal).
    static func cleanUp() { AtomicWriter.removeTemporaries() }
}

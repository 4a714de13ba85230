import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What this process is writing, so that a SIGINT/SIGTERM handler can remove what was
/// staged and say truthfully what is on disk.
///
/// Every output moves through `pending` (checked, nothing written), `staging` (temporary
/// files being written beside the target), `streaming` (bytes going straight to a device,
/// FIFO or standard output) and `done` (in place). The switch from staged files to the
/// target (the renames) runs while holding the journal's lock, and `interrupted()` takes
/// the same lock, so an interrupt never lands between two renames: it sees either the
/// earlier output or the new one.
public final class OutputJournal: @unchecked Sendable {
    public static let shared = OutputJournal()

    /// The state of one output.
    public enum Phase: Sendable, Equatable { case pending, staging, streaming, done }

    struct Entry {
        var target: String
        var existed: Bool
        var phase: Phase
        /// Folders made on the way to this output (as `mkdir -p` does), outermost first.
        var createdFolders: [String] = []
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextID = 0
    private var temporaries: Set<String> = []

    init() {}

    /// Records an output to come; `target` is the path as the user wrote it.
    func plan(_ target: String, existed: Bool) -> Int {
        locked {
            nextID += 1
            entries[nextID] = Entry(target: target, existed: existed, phase: .pending)
            return nextID
        }
    }

    func set(_ id: Int, _ phase: Phase) { locked { entries[id]?.phase = phase } }

    func addTemporary(_ path: String) { locked { _ = temporaries.insert(path) } }
    func removeTemporary(_ path: String) { locked { _ = temporaries.remove(path) } }
    func isTemporary(_ path: String) -> Bool { locked { temporaries.contains(path) } }

    /// A folder made on the way to output `id`; removed again, if still empty, when the
    /// output fails or the run is interrupted before it is in place.
    func addCreatedFolder(_ path: String, for id: Int) { locked { entries[id]?.createdFolders.append(path) } }

    /// Output `id` failed: removes the folders made for it that are still empty.
    func abandon(_ id: Int) {
        locked {
            for folder in entries[id]?.createdFolders.reversed() ?? [] { rmdir(folder) }
            entries[id] = nil
        }
    }

    /// Runs the renames that put output `id` in place; an interrupt waits until they are done.
    func commit(_ id: Int, _ body: () throws(ReportError) -> Void) throws(ReportError) {
        lock.lock()
        defer { lock.unlock() }
        try body()
        entries[id]?.phase = .done
    }

    /// For a SIGINT/SIGTERM handler: waits for a commit in progress, removes every staged
    /// temporary (and folders made for outputs that never arrived) and returns one line
    /// that says what is on disk. Keeps the lock, so nothing is committed afterwards:
    /// the caller must exit.
    public func interrupted() -> String {
        lock.lock()
        removeTemporariesLocked()
        let parts = entries.keys.sorted().compactMap { id -> String? in
            let e = entries[id]!
            switch e.phase {
            case .pending, .staging: return e.existed ? "\(e.target) is unchanged" : "\(e.target) was not created"
            case .streaming: return "\(e.target) received incomplete output"
            case .done: return "\(e.target) was written in full"
            }
        }
        return "fleetwatt: interrupted; " + (parts.isEmpty ? "nothing was written" : parts.joined(separator: "; "))
    }

    /// Removes every temporary this process has in flight (for the exit path).
    public func removeTemporaries() { locked { removeTemporariesLocked() } }

    private func removeTemporariesLocked() {
        for path in temporaries { try? FileManager.default.removeItem(atPath: path) }
        temporaries.removeAll()
        // rmdir(2) removes only empty folders: a folder that received anything stays.
        for e in entries.values where e.phase != .done {
            for folder in e.createdFolders.reversed() { rmdir(folder) }
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock(); defer { lock.unlock() }
        return body()
    }

    /// The name of the test hook: `FLEETWATT_TEST_PAUSE_AT=staged` (temporaries written,
    /// nothing renamed) or `committed` (everything renamed into place) makes the writer print
    /// `fleetwatt: test pause at POINT` on stderr and wait up to 60 s, so that a test can
    /// send a signal at exactly that moment. Unset, it costs one environment lookup.
    public static let pauseVariable = "FLEETWATT_TEST_PAUSE_AT"

    static func pause(at point: String) {
        guard ProcessInfo.processInfo.environment[pauseVariable] == point else { return }
        let line = Array("fleetwatt: test pause at \(point)\n".utf8)
        _ = line.withUnsafeBytes { systemWrite(STDERR_FILENO, $0.baseAddress!, $0.count) }
        for _ in 0..<600 { usleep(100_000) }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, never on standard output.
///
/// With `auto` it draws only when stderr is a terminal and the run has lasted more than
/// a second; `always` draws whatever stderr is (one line per update when not a terminal,
/// at most every 10 %); `never` is silent.
final class ProgressBar: @unchecked Sendable {
    private let mode: ProgressMode
    private let label: String
    private let start = Date()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDrawn = -1
    private var drew = false
    private let lock = NSLock()

    init(mode: ProgressMode, quiet: Bool = false, label: String) {
        self.mode = quiet ? .never : mode
        self.label = label
    }

    /// Reports `done` of `total` units of work.
    func update(_ done: Int, _ total: Int) {
        guard total > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        switch mode {
        case .never: return
        case .auto: guard isTerminal, Date().timeIntervalSince(start) > 1 else { return }
        case .always: break
        }
        let percent = min(100, done * 100 / total)
        if isTerminal {
            guard percent != lastDrawn else { return }
            let width = 30, filled = width * percent / 100
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            printRaw("\r\(label) [\(bar)] \(percent)% (\(done)/\(total))")
        } else {
            guard percent / 10 != lastDrawn / 10 || lastDrawn < 0 else { return }
            printRaw("\(label): \(percent)% (\(done)/\(total))\n")
        }
        lastDrawn = percent
        drew = true
    }

    /// Ends the bar's line, if one was drawn.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drew && isTerminal { printRaw("\n") }
    }

    private func printRaw(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

extension ProgressBar {
    /// Runs `work` with a progress callback and closes the bar afterwards.
    static func run<T>(_ mode: ProgressMode, quiet: Bool = false, label: String,
                       _ work: (@escaping (Int, Int) -> Void) throws -> T) rethrows -> T {
        let bar = ProgressBar(mode: mode, quiet: quiet, label: label)
        defer { bar.finish() }
        return try work { bar.update($0, $1) }
    }
}

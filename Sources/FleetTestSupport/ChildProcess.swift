import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A running `fleetwatt` that a test can watch and signal: for the interrupt tests, which
/// wait for the test pause line (`FLEETWATT_TEST_PAUSE_AT`) before sending a signal.
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    private let err = Pipe()
    private let out = Pipe()
    private var stderrSoFar = Data()

    /// Starts the built `fleetwatt` with `arguments` and extra `environment` in `folder`.
    public init(fleetwatt arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws {
        process.executableURL = TestSupport.fleetwattExecutable
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? TestSupport.repoRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = err
        process.standardOutput = out
        try process.run()
    }

    /// Reads stderr until a line contains `text` (true) or the process closes stderr (false).
    public func waitForLine(containing text: String) -> Bool {
        while !String(decoding: stderrSoFar, as: UTF8.self).contains(text) {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { return false }
            stderrSoFar.append(chunk)
        }
        return true
    }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the end and returns what it printed (stderr includes what was read before).
    public func finish() -> TestSupport.Run {
        let o = out.fileHandleForReading.readDataToEndOfFile()
        stderrSoFar.append(err.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        return TestSupport.Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                               stderr: String(decoding: stderrSoFar, as: UTF8.self))
    }
}

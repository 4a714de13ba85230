import Dispatch
import Foundation

/// Runs work on a fixed number of threads and shares memory that workers write in
/// disjoint parts. Results never depend on the number of threads: callers give every
/// worker a fixed share and combine the shares in a fixed order.
enum Parallel {
    /// Calls `body(t)` for every t in 0..<threads, concurrently, and returns when all are done.
    static func forEachWorker(_ threads: Int, _ body: @Sendable (Int) -> Void) {
        if threads <= 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads, execute: body)
        }
    }

    /// The machine's active processor count, the default for `--threads`.
    static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// A fixed-size buffer that several workers mutate at the same time, each only at
/// indices no other worker touches during that parallel section.
final class DisjointBuffer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Element>

    init(repeating value: Element, count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: value)
    }

    init(_ elements: [Element]) {
        pointer = .allocate(capacity: elements.count)
        _ = pointer.initialize(from: elements)
    }

    deinit {
        pointer.deinitialize()
        pointer.deallocate()
    }

    var count: Int { pointer.count }

    /// Element i, accessed in place: mutating an element that owns arrays (an accumulator)
    /// does not copy them.
    subscript(i: Int) -> Element {
        unsafeAddress { UnsafePointer(pointer.baseAddress! + i) }
        unsafeMutableAddress { pointer.baseAddress! + i }
    }
}

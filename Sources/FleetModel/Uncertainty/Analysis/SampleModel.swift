/// A model the uncertainty engine can evaluate: input values in, one `OutputLayout`
/// buffer out. The engine knows nothing else about it, so the same runner drives the
/// fleet physics and the analytic models of the tests.
public protocol SampleModel: Sendable {
    associatedtype Evaluator: SampleEvaluator
    /// The outputs every evaluation writes.
    var layout: OutputLayout { get }
    /// Per-thread evaluation state (scratch buffers, precomputed tables); one per worker.
    func makeEvaluator() -> Evaluator
}

/// Evaluates a model for one input vector. Owned by one thread at a time.
public protocol SampleEvaluator {
    /// Writes every output of `layout` for the input values `inputs` (in the order of the
    /// run's `InputSpace`) into `outputs[0..<layout.count]`.
    mutating func evaluate(_ inputs: [Double], into outputs: inout [Double]) throws
}

/// A model given as a function, for analytic models and adapters.
public struct FunctionModel: SampleModel {
    public let layout: OutputLayout
    public let function: @Sendable ([Double], inout [Double]) throws -> Void

    public init(layout: OutputLayout, function: @escaping @Sendable ([Double], inout [Double]) throws -> Void) {
        self.layout = layout
        self.function = function
    }

    /// A model with a single output, its whole-term total of `metric`, and no years or months.
    public init(metric: Metric, _ f: @escaping @Sendable ([Double]) -> Double) {
        self.layout = OutputLayout(metrics: [metric], years: [], months: [])
        self.function = { x, y in y[0] = f(x) }
    }

    public struct Evaluator: SampleEvaluator {
        let function: @Sendable ([Double], inout [Double]) throws -> Void
        public mutating func evaluate(_ inputs: [Double], into outputs: inout [Double]) throws {
            try function(inputs, &outputs)
        }
    }

    public func makeEvaluator() -> Evaluator { Evaluator(function: function) }
}

/// Every variant's model behind one evaluator: the input vector is a unit point over the
/// union of the variants' uncertain inputs; each variant takes its own coordinates, maps
/// them through its input space and writes the whole-term totals of the compared metrics,
/// variant k's metric j at slot k · metrics + j.
struct PairedModel<Model: SampleModel>: SampleModel {
    let models: [Model]
    let spaces: [InputSpace]
    /// For each variant, the union coordinate of each of its inputs.
    let coordinates: [[Int]]
    /// For each variant, the slot in its model's layout of each compared metric's total.
    let slots: [[Int]]
    let metricCount: Int
    let layout: OutputLayout

    init(models: [Model], spaces: [InputSpace], union: [String], metrics: [Metric]) {
        self.models = models
        self.spaces = spaces
        let position = Dictionary(uniqueKeysWithValues: union.enumerated().map { ($1, $0) })
        coordinates = spaces.map { $0.inputs.map { position[$0.path]! } }
        slots = models.map { model in metrics.map { m in model.layout.total(model.layout.metrics.firstIndex(of: m)!) } }
        metricCount = metrics.count
        layout = OutputLayout(metrics: [], years: [], months: [],
                              extras: models.indices.flatMap { k in metrics.map { "variant \(k) \($0.rawValue)" } })
    }

    struct Evaluator: SampleEvaluator {
        let model: PairedModel
        var evaluators: [Model.Evaluator]
        var u: [[Double]]
        var x: [[Double]]
        var y: [[Double]]

        mutating func evaluate(_ inputs: [Double], into outputs: inout [Double]) throws {
            for k in evaluators.indices {
                for (j, c) in model.coordinates[k].enumerated() { u[k][j] = inputs[c] }
                model.spaces[k].map(u[k], into: &x[k])
                try evaluators[k].evaluate(x[k], into: &y[k])
                for (mi, s) in model.slots[k].enumerated() { outputs[k * model.metricCount + mi] = y[k][s] }
            }
        }
    }

    func makeEvaluator() -> Evaluator {
        Evaluator(model: self, evaluators: models.map { $0.makeEvaluator() },
                  u: spaces.map { [Double](repeating: 0.5, count: $0.dimension) },
                  x: spaces.map { $0.base },
                  y: models.map { [Double](repeating: 0, count: $0.layout.count) })
    }
}

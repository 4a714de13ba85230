extension UncertainInput {
    /// The uncertain input of a scenario parameter (nil when it has no distribution).
    public init?(_ parameter: ScenarioParameter) {
        guard let d = parameter.distribution else { return nil }
        self.init(path: parameter.path, base: parameter.base, distribution: d.syntax) { d.quantile($0) }
    }
}

extension InputSpace {
    /// The uncertain inputs of a scenario, in parameter order, with its rank correlations.
    ///
    /// - Throws: `UncertaintyError.invalidCorrelation` when the correlations do not form a
    ///   positive-definite matrix (the message names them; `issues(in:)` places them).
    public init(document: ScenarioDocument) throws(UncertaintyError) {
        try self.init(inputs: document.uncertainParameters.compactMap(UncertainInput.init),
                      correlations: document.correlations.map { RankCorrelation($0.paths[0], $0.paths[1], rho: $0.rho) })
    }

    /// Why a scenario's uncertain inputs cannot be sampled, one error per `correlations.<i>`
    /// entry at fault, placed at its file, line and column; empty when they can.
    public static func issues(in document: ScenarioDocument) -> [ScenarioError] {
        placed(document).issues
    }

    /// The input space of a scenario (its Cholesky factor computed once), or why there is
    /// none, placed as `issues(in:)` places it.
    static func placed(_ document: ScenarioDocument) -> (space: InputSpace?, issues: [ScenarioError]) {
        do {
            return (try InputSpace(document: document), [])
        } catch {
            guard case let .invalidCorrelation(message, entries) = error, !entries.isEmpty else {
                let place = document.correlations.first?.location
                    ?? SourceLocation(file: document.info.source, line: 0, column: 0)
                return (nil, [ScenarioError(place, path: "correlations", error.description)])
            }
            let located = document.correlations
            return (nil, entries.map { ScenarioError(located[$0].location, path: located[$0].path, message) })
        }
    }
}

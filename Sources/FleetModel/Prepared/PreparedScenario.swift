import Foundation

/// A scenario ready to evaluate, built once per command through one entry point: the
/// validated spec at base values, the uncertain inputs with their copula factor, the base
/// evaluator and its deterministic result, and where it all came from. `run`, `report`,
/// `sweep`, `sensitivity` and `bench` start from one; samples and sweep points write typed
/// values into its spec (`spec(setting:)`) instead of decoding the scenario again.
///
/// ```swift
/// let scenario = try PreparedScenario.open(sets: ["fleet.cohorts.gb200-use1.count=300000"])
/// let result = try scenario.evaluate(UncertaintyOptions(samples: 200))
/// ```
public struct PreparedScenario: Sendable {
    /// The scenario as opened, with every `--set` applied.
    public let document: ScenarioDocument
    /// The uncertain inputs and their dependence (the Cholesky factor of their copula).
    public let inputs: InputSpace
    /// The evaluator at base values; samples reuse its tables where their inputs allow.
    public let evaluator: FleetEvaluator
    /// The deterministic result: every input at base, with breakdown and the quadrature check.
    public let baseResult: FleetResult
    /// Where each uncertain input (in `inputs` order) is written in the spec.
    let places: SpecPlaces
    /// The evaluation behind `baseResult` (fleet and sites, unrounded): the sample model's base outputs.
    let baseDetail: FacilityModel.Detail

    /// The scenario a command names: a file, a shipped scenario's id, or the embedded default
    /// when `scenario` is nil, with each `--set PATH=VALUE` applied in order.
    ///
    /// - Throws: `ScenarioErrors` with every problem of the scenario at once (file, line,
    ///   column and path of each), before anything is evaluated; the physics' errors at base values.
    public static func open(_ scenario: String? = nil, sets: [String] = []) throws -> PreparedScenario {
        try PreparedScenario(document: ScenarioDocument.open(path: scenario, sets: sets))
    }

    /// Prepares an opened document: validates it (one decode), builds the input space and
    /// the base evaluator and evaluates it once.
    public init(document: ScenarioDocument) throws {
        let checked = document.validated()
        guard let spec = checked.spec, let inputs = checked.inputs, checked.issues.isEmpty else {
            throw ScenarioErrors(checked.issues)
        }
        var document = document
        document.info.weatherFiles = document.weatherFiles(spec)
        self.document = document
        self.inputs = inputs
        evaluator = try FleetEvaluator(spec: spec, baseDirectory: document.baseDirectory)
        // `evaluate(_:)` sets the run block from its options.
        let run = FleetResult.RunInfo(samples: 0, seed: 0, sampler: SamplerKind.random.rawValue, threads: 1,
                                      overrides: document.sets)
        (baseResult, baseDetail) = try evaluator.deterministic(scenario: document.info, inputs: document.inputs, run: run,
                                                               warnings: Self.unreadSets(document.sets, spec: spec))
        places = try SpecPlaces(inputs.inputs.map(\.path), in: spec, document: document)
    }

    /// A warning for each `--set` of a cooling field that its site's cooling type does not read
    /// (the value would silently change nothing).
    static func unreadSets(_ sets: [String], spec: FleetSpec) -> [String] {
        sets.compactMap { set in
            let path = set.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces)
            let parts = path.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0] == "sites", parts[2] == "cooling",
                  let cooling = spec.sites[id: String(parts[1])]?.cooling,
                  cooling.unreadKeys.contains(String(parts[3])) else { return nil }
            return "--set \(path): cooling type \(cooling.type.rawValue) does not read it; the value has no effect"
        }
    }

    /// The spec at base values, after every check.
    public var spec: FleetSpec { evaluator.spec }

    /// Id, title, source and SHA-256 of the scenario file.
    public var info: FleetResult.ScenarioInfo { document.info }

    /// Every `--set` applied, as PATH=VALUE, in order.
    public var sets: [String] { document.sets }

    /// The spec with the numeric inputs at `values`' paths set (canonical units), as decoding
    /// the scenario with those values gives it, bit for bit.
    ///
    /// - Throws: `ScenarioErrors` for a path that names no numeric input.
    public func spec(setting values: [String: Double]) throws -> FleetSpec {
        let paths = values.keys.sorted()
        return try SpecPlaces(paths, in: spec, document: document).spec(paths.map { values[$0]! })
    }

    /// The scenario with the numeric inputs at `paths` fixed, as `--set PATH=NUMBER` fixes them
    /// (an uncertain one stops being one; its correlations are dropped), built once for all the
    /// points of a sweep: the remaining input space, where its inputs are written, and where
    /// the fixed values are.
    func fixing(_ paths: [String]) throws -> (inputs: InputSpace, sampled: SpecPlaces, fixed: SpecPlaces) {
        let fixed = Set(paths)
        let kept = inputs.inputs.filter { !fixed.contains($0.path) }
        let space = kept.count == inputs.inputs.count ? inputs
            : try InputSpace(inputs: kept, correlations: inputs.correlations.filter {
                !fixed.contains($0.first) && !fixed.contains($0.second)
            })
        return (space, try SpecPlaces(space.inputs.map(\.path), in: spec, document: document),
                try SpecPlaces(paths, in: spec, document: document))
    }
}

/// Where chosen numeric inputs sit in a `FleetSpec`: a place per input, found once from its
/// dotted path, so writing a sample's values is a few stores and `FleetSpec.finish()` instead
/// of a decode. When some path has no place (none in the shipped scenarios), the scenario
/// is decoded with the values instead; both give the same spec, bit for bit.
struct SpecPlaces: Sendable {
    /// The spec the values are written into.
    let base: FleetSpec
    /// Every parameter's value in `base`, indexed like `document.parameters` (for decoding).
    let baseValues: [Double]
    /// One per input, or nil when some input has none.
    let places: [SpecPlace]?
    let document: ScenarioDocument
    /// Each input's index in `document.parameters`.
    let parameters: [Int]

    /// - Throws: `ScenarioErrors` for a path that names no numeric input of the scenario.
    init(_ paths: [String], in spec: FleetSpec, document: ScenarioDocument) throws {
        parameters = try paths.map { path in
            guard let index = document.parameterIndex(path) else {
                let hint = ClosestMatch.hint(for: path, among: document.parameters.map(\.path))
                throw ScenarioErrors([ScenarioError(ScenarioAssignment.location, path: path,
                                                    "no numeric input at this path\(hint)")])
            }
            return index
        }
        let found = paths.compactMap { spec.inputPlace($0) }
        places = found.count == paths.count ? found : nil
        base = spec
        baseValues = document.baseValues
        self.document = document
    }

    private init(base: FleetSpec, baseValues: [Double], places: [SpecPlace]?,
                 document: ScenarioDocument, parameters: [Int]) {
        self.base = base; self.baseValues = baseValues; self.places = places
        self.document = document; self.parameters = parameters
    }

    /// The spec with input j at `values[j]`, finished (options, refreshes).
    func spec(_ values: [Double]) throws -> FleetSpec {
        guard let places else {
            var all = baseValues
            for (j, p) in parameters.enumerated() { all[p] = values[j] }
            return try document.decode(FleetSpec.self, values: all)
        }
        var spec = base
        for (j, place) in places.enumerated() { place.write(values[j], into: &spec) }
        try spec.finish()
        return spec
    }

    /// These places over `spec`, the spec `fixed` gave for `values` (a sweep point's).
    func rebased(on spec: FleetSpec, fixed: SpecPlaces, values: [Double]) -> SpecPlaces {
        var all = baseValues
        for (j, p) in fixed.parameters.enumerated() { all[p] = values[j] }
        return SpecPlaces(base: spec, baseValues: all, places: places, document: document, parameters: parameters)
    }
}

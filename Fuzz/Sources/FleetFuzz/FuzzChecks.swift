import FleetModel

/// What the fuzzer exercises with one input text. Besides crashes, traps and hangs, it checks
/// the error contract: every error of a scenario text names a line and column, every error of a
/// flag names the flag (`--set`, `--vary`). A broken contract traps, and libFuzzer keeps the input.
enum FuzzChecks {
    /// The embedded default, loaded once; `--set` and `--vary` inputs are applied to copies of it.
    nonisolated(unsafe) static let base: ScenarioDocument? = try? ScenarioDocument.embeddedDefault()

    static func run(_ text: String) {
        // 1. The text as a whole scenario file (YAML or JSON), resolved against the embedded models.
        do {
            let document = try ScenarioDocument(text: text, file: "fuzz.yaml", models: .embedded)
            for error in document.fleetIssues() { requirePlace(error) }
        } catch let errors as ScenarioErrors {
            for error in errors.errors { requirePlace(error) }
        } catch {
            preconditionFailure("a scenario text threw \(type(of: error)), not ScenarioErrors: \(error)")
        }
        // 2. The text as a distribution: every quantile a sampler can ask for is finite and
        //    non-decreasing (beta(0.1, 50) gave NaN, beta(1e-320, 1e-320) looped forever).
        if let d = try? Distribution.parse(text) {
            var previous = -Double.infinity
            for u in [1e-15, 0.001, 0.25, 0.5, 0.75, 0.999, 1 - 1e-15] {
                let x = d.quantile(u)
                precondition(x.isFinite && x >= previous, "\(d.syntax): quantile(\(u)) = \(x)")
                previous = x
            }
            _ = d.checkedRange
        }
        guard let base else { return }
        // 3. The text as --set PATH=VALUE on the default scenario.
        var copy = base
        do {
            try copy.apply(sets: [text])
        } catch let errors as ScenarioErrors {
            for error in errors.errors {
                precondition(error.line > 0 || error.file == "--set", "a --set error without its flag: \(error)")
            }
        } catch {
            preconditionFailure("--set threw \(type(of: error)): \(error)")
        }
        // 4. Each line of the text as one --vary flag: the ranges parsed, the paths checked as
        //    `sweep` checks them, and the first grid points built.
        let flags = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        do {
            let spec = try SweepSpec.parse(flags)
            for path in spec.parameters { _ = try? base.parameter(at: path) }
            for i in 0..<min(spec.count, 64) {
                precondition(spec.values(at: i).allSatisfy(\.isFinite), "a sweep point is not finite")
            }
        } catch {
            precondition(error.description.hasPrefix("--vary"), "a --vary error without its flag: \(error)")
        }
    }

    /// A scenario text's error must name a line and column (in the text or in an embedded data file).
    private static func requirePlace(_ error: ScenarioError) {
        precondition(error.line > 0 && error.column > 0, "an error without its place: \(error)")
    }
}

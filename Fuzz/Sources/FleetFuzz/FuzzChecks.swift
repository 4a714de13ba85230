import FleetModel

/// What the fuzzer exercises with one input text.
enum FuzzChecks {
    /// The embedded default, loaded once; `--set` and `--vary` inputs are applied to copies of it.
    nonisolated(unsafe) static let base: ScenarioDocument? = try? ScenarioDocument.embeddedDefault()

    static func run(_ text: String) {
        // 1. The text as a whole scenario file (YAML or JSON), resolved against the embedded models.
        if let document = try? ScenarioDocument(text: text, file: "fuzz.yaml", models: .embedded) {
            _ = document.fleetIssues()
        }
        // 2. The text as a distribution.
        _ = try? Distribution.parse(text)
        // 3. The text as --set PATH=VALUE on the default scenario.
        if var copy = base {
            try? copy.apply(sets: [text])
        }
    }
}

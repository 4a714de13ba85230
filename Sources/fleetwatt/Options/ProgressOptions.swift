import ArgumentParser

/// What a command says on standard error while it works.
struct ProgressOptions: ParsableArguments {
    @Option(help: "Progress on standard error: auto (only when stderr is a terminal), always or never.")
    var progress: ProgressMode = .auto

    @Flag(help: "Print nothing but the result and errors.")
    var quiet = false
}

enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

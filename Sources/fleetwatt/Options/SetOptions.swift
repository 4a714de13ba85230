import ArgumentParser

/// `--set PATH=VALUE`: values overridden in the scenario (in every scenario, for compare).
struct SetOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a value: PATH=VALUE, where VALUE is a number, a string or a distribution such as "
            + "'triangular(250000, 400000, 600000)'. Repeatable. Example: --set fleet.cohorts.gb200-use1.count=300000",
        valueName: "path=value"))
    var sets: [String] = []
}

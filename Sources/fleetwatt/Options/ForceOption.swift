import ArgumentParser

/// `--force`: replace an earlier report in its folder.
struct ForceOption: ParsableArguments {
    @Flag(help: "Replace an earlier report in the folder: only the files a report wrote (listed in its .fleetwatt-report); anything else is refused.")
    var force = false
}

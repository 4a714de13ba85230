import ArgumentParser
import FleetModel
import FleetReport

/// `--shard I/N`, shared by the commands whose work splits over independent processes
/// (`run`, `report`, `sweep`, `sensitivity --method sobol`): evaluate only shard I's share and
/// write a partial result to `--out` for `fleetwatt merge`. A command adds it with
/// `@OptionGroup var sharding: ShardOptions` and one `writePartial` call at the top of its run.
struct ShardOptions: ParsableArguments {
    /// Parsed unconditionally, so `--shard -1/2` reaches `Shard.parse` and is told that I counts
    /// from 0 (ArgumentParser read "-1/2" as a flag and said "Missing value").
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Evaluate only shard I of N (0 ≤ I < N) and write a partial result to --out; "
            + "join all N with `fleetwatt merge`.", valueName: "I/N"))
    var shard: String?

    func validate() throws {
        guard let shard else { return }
        do { _ = try Shard.parse(shard) } catch { throw ValidationError(error.description) }
    }

    /// The parsed shard, nil without --shard.
    var parsed: Shard? { shard.flatMap { try? Shard.parse($0) } }
}

extension ShardOptions {
    /// Without --shard: false, and the command runs whole. With it: checks that `out` names a
    /// file (a partial result never goes to standard output) and none of `inputs` (the files
    /// the command reads), evaluates the shard with `make`, writes the partial result there
    /// (beside it, then renamed) and returns true.
    func writePartial(out: String?, reading inputs: [String], feedback: ProgressOptions,
                      _ make: (Shard, _ progress: @escaping (Int, Int) -> Void) throws -> PartialResult) throws -> Bool {
        guard let shard = parsed else { return false }
        guard let out else {
            throw CommandFailure.badInput("--shard \(shard): give --out FILE for the partial result, then join the parts "
                                          + "with fleetwatt merge PART… --out RESULT")
        }
        let destination = try OutputFile.check(out, avoiding: inputs)
        guard destination.kind == .file else {
            throw CommandFailure.badInput("--out \(PathText.shown(out)): a partial result is written to a regular file, not a device or FIFO")
        }
        let part = try ProgressBar.run(feedback.progress, quiet: feedback.quiet, label: "shard \(shard)") { tick in
            try make(shard, tick)
        }
        try destination.write(try part.encoded())
        if !feedback.quiet {
            printError("wrote \(PathText.shown(destination.name)) (shard \(shard), units \(part.header.range[0])..<\(part.header.range[1]))")
        }
        return true
    }
}

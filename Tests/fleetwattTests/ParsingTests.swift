import ArgumentParser
import FleetModel
import FleetReport
import Testing
@testable import fleetwatt

/// The command line parsed in process (no child process): usage errors, defaults and help.
@Suite("Command-line parsing")
struct ParsingTests {
    /// The error `parseAsRoot` throws for `arguments`, with its exit code and full message.
    private func usageError(_ arguments: [String]) -> (code: ExitCode, message: String)? {
        do {
            _ = try Fleetwatt.parseAsRoot(arguments)
            return nil
        } catch {
            return (Fleetwatt.exitCode(for: error), Fleetwatt.fullMessage(for: error))
        }
    }

    @Test(arguments: [
        ["run", "--bogus"],
        ["run", "--samples", "x"],
        ["run", "--samples", "-1"],
        ["run", "--sampler", "quantum"],
        ["run", "--threads", "0"],
        ["sensitivity", "--threads", "0"],
        ["sensitivity", "--samples", "10"],
        ["sensitivity", "--method", "morris"],
        ["report", "--out", "r", "--progress", "sometimes"],
        ["export-notebook", "--out", "n.ipynb", "--threads", "2000"],
        ["estimate", "--gpu", "h100-sxm"],
        ["estimate", "--gpu", "h100-sxm", "--gpu-hours", "10", "--count", "2", "--hours", "3"],
        ["sweep"],
        ["no-such-command"],
    ])
    func badUsageIsAValidationFailure(arguments: [String]) throws {
        let error = try #require(usageError(arguments), "\(arguments) parsed")
        #expect(error.code == .validationFailure, "\(arguments): \(error.code)")
        #expect(error.message.hasPrefix("Error: "), "\(error.message)")
    }

    /// The thread limit is the library's, 1024, and every sampling command checks it alike.
    @Test(arguments: ["run", "sweep", "sensitivity", "report", "export-notebook"])
    func threadLimitIsTheLibrarys(command: String) throws {
        #expect(MonteCarloRunner.maximumThreads == 1024)
        let extra = ["sweep": ["--vary", "pue=1.1,1.2"], "report": ["--out", "r"], "export-notebook": ["--out", "n.ipynb"]]
        let tooMany = try #require(usageError([command, "--threads", "1025"] + (extra[command] ?? [])))
        #expect(tooMany.message.contains("--threads must be 1 to 1024, got 1025"), "\(tooMany.message)")
        #expect(usageError([command, "--threads", "1024"] + (extra[command] ?? [])) == nil)
    }

    @Test func defaultsComeFromOnePlace() throws {
        let run = try #require(try Fleetwatt.parseAsRoot(["run"]) as? Run)
        #expect(run.sampling.runner.seed == 20_251_103)
        #expect(run.sampling.runner.seed == UncertaintyOptions.defaultSeed)
        #expect(run.sampling.sampler == .random)
        let sensitivity = try #require(try Fleetwatt.parseAsRoot(["sensitivity"]) as? fleetwatt.Sensitivity)
        #expect(sensitivity.runner.seed == UncertaintyOptions.defaultSeed)
        #expect(sensitivity.sampler == .sobol, "sensitivity keeps its own default sampler")
        let given = try #require(try Fleetwatt.parseAsRoot(["sensitivity", "--seed", "7", "--threads", "3"]) as? fleetwatt.Sensitivity)
        #expect(given.runner.seed == 7 && given.runner.threads == 3)
        let report = try #require(try Fleetwatt.parseAsRoot(["report", "--out", "r", "--quiet", "--progress", "never"]) as? Report)
        #expect(report.feedback.quiet && report.feedback.progress == .never)
        let notebook = try #require(try Fleetwatt.parseAsRoot(["export-notebook", "--out", "n.ipynb"]) as? ExportNotebook)
        #expect(!notebook.feedback.quiet && notebook.feedback.progress == .auto)
    }

    /// `--format csv-long` or an `--out` name ending in .long.csv asks for the long CSV; a plain
    /// .csv keeps the wide one, and --format wins over the name.
    @Test func longCSVIsAskedForByFormatOrFileName() throws {
        func format(_ arguments: [String]) throws -> FleetReport.OutputFormat? {
            (try Fleetwatt.parseAsRoot(["run"] + arguments) as? Run)?.output.format
        }
        #expect(try format(["--format", "csv-long"]) == .csvLong)
        #expect(try format(["--out", "out/x.long.csv"]) == .csvLong)
        #expect(try format(["--out", "out/X.LONG.CSV"]) == .csvLong)
        #expect(try format(["--out", "out/x.csv"]) == .csv)
        #expect(try format(["--out", "out/x.long.csv", "--format", "csv"]) == .csv)
    }

    /// The three Sobol base-sample flags share one check: 3 is refused by each, 8 accepted by each
    /// (bench also takes 0, no Sobol run).
    @Test func sobolBaseSampleFlagsAgree() throws {
        let commands: [[String]] = [["sensitivity", "--method", "sobol", "--base-samples"],
                                    ["report", "--out", "r", "--sensitivity", "sobol", "--sobol-base-samples"],
                                    ["bench", "--sobol-base-samples"]]
        for command in commands {
            let error = try #require(usageError(command + ["3"]), "\(command) accepted 3")
            #expect(error.code == .validationFailure)
            #expect(error.message.hasPrefix("Error: \(command.last!) must be ") && error.message.contains("8 to 1000000, got 3"),
                    "\(error.message)")
            #expect(usageError(command + ["8"]) == nil, "\(command) refused 8")
        }
        #expect(usageError(["bench", "--sobol-base-samples", "0"]) == nil)
    }

    /// The help gives the range the code enforces for a power cap.
    @Test func capFractionHelpGivesTheEnforcedRange() throws {
        let help = Fleetwatt.helpMessage(for: Power.self, columns: 400)
        #expect(help.contains("[0.1, 1]") && !help.contains("(0–1]"), "\(help)")
        let hw = try FleetModel.Catalog.embedded().decode(HardwareSpec.self, .hardware, id: "h100-sxm")
        #expect { try PowerCurve(hardware: hw, capFraction: 0.05) } throws: { "\($0)".contains("[0.1, 1]") }
        #expect(throws: Never.self) { try PowerCurve(hardware: hw, capFraction: 0.1) }
    }

    @Test func helpListsTheSharedOptions() {
        let sensitivity = Fleetwatt.helpMessage(for: fleetwatt.Sensitivity.self)
        for flag in ["--seed <seed>", "--threads <threads>", "--sampler <sampler>", "--progress <progress>", "--quiet"] {
            #expect(sensitivity.contains(flag), "sensitivity help lacks \(flag)")
        }
        #expect(!sensitivity.contains("--samples"), "sensitivity has no --samples")
        for help in [Fleetwatt.helpMessage(for: Report.self), Fleetwatt.helpMessage(for: ExportNotebook.self)] {
            #expect(help.contains("--progress <progress>") && help.contains("--quiet") && help.contains("--seed <seed>"))
            #expect(!help.contains("--format"), "report and export-notebook write files of one kind")
        }
        let root = Fleetwatt.helpMessage()
        for command in ["run", "report", "sweep", "sensitivity", "catalog", "export-notebook", "bench"] {
            #expect(root.contains("  \(command) "), "root help lists \(command)")
        }
    }
}

import Foundation
import Testing
import FleetTestSupport
@testable import FleetModel

/// `--shard I/N` and `merge` in the library: the parts of a Monte Carlo run, a sweep and a
/// Sobol analysis, written to the partial-result format and read back, join into exactly
/// (bit for bit) what the unsharded run gives; bad parts are refused naming the file.
@Suite("Shard and merge")
struct ShardMergeTests {
    struct Refused: Error {}

    /// The period model (two metrics, two years, six months), failing where b > 1.97 (about
    /// 1.5 % of samples) so that failed samples cross shard boundaries too.
    static let model: FunctionModel = {
        let inner = periodModel { x in x[0] * x[0] + 3 * x[1] }
        return FunctionModel(layout: inner.layout) { x, y in
            if x[1] > 1.97 { throw Refused() }
            try inner.function(x, &y)
        }
    }()

    static let space = try! InputSpace(inputs: [TestDistribution.exponential(1).input("a"),
                                                TestDistribution.uniform(0, 2).input("b")])

    /// 7,300 samples: 8 blocks of 1,024 (the last partial) and a 1,000-sample pilot, so
    /// later shards lay their bins from a pilot they do not hold.
    static let samples = 7_300

    static func header(_ kind: PartialHeader.Kind, shard: Shard, range: Range<Int>, seed: UInt64 = 11) -> PartialHeader {
        PartialHeader(kind: kind, command: "test", scenarioID: "test", scenarioSHA256: String(repeating: "a", count: 64),
                      resolvedSHA256: String(repeating: "b", count: 64), seed: seed, sampler: "random",
                      samples: samples, settings: [:], shard: shard, range: [range.lowerBound, range.upperBound], threads: 2)
    }

    /// Writes the part and reads it back, as merge does.
    static func roundTrip(_ part: PartialResult) throws -> PartialResult {
        try PartialResult.decode(try part.encoded(), file: "part")
    }

    @Test(arguments: [1, 3, 7], SamplerKind.allCases)
    func monteCarloPartsMergeToTheUnshardedSummary(shards: Int, sampler: SamplerKind) throws {
        let runner = MonteCarloRunner(samples: Self.samples, seed: 11, sampler: sampler, threads: 2)
        let whole = try runner.run(model: Self.model, inputs: Self.space)
        #expect(whole.failedSamples > 0 && whole.failedSamples < Self.samples / 10)
        var merge: MonteCarloMerge?
        for i in 0..<shards {
            let shard = try Shard(index: i, count: shards)
            let partial = try MonteCarloRunner(samples: Self.samples, seed: 11, sampler: sampler, threads: 1)
                .partial(model: Self.model, inputs: Self.space, shard: shard)
            let read = try Self.roundTrip(PartialResult(header: Self.header(.run, shard: shard, range: partial.range),
                                                        head: nil, content: .run(partial)))
            guard case .run(let p) = read.content else { Issue.record("not a run part"); return }
            #expect(p == partial)
            if merge == nil { merge = MonteCarloMerge(first: p) }
            try merge!.add(p)
        }
        let merged = try #require(merge).summary()
        #expect(merged == whole)
        // The year and month quantiles came from histograms, not from the pilot alone.
        #expect(whole.annual[0].values[.itEnergy]?.p50 != nil)
    }

    @Test func smallRunsKeepTheirSingleBlockResult() throws {
        // Up to one block (1,024 samples) the moments are Welford's over every sample in order,
        // as before blocks existed.
        let runner = MonteCarloRunner(samples: 1_000, seed: 4, threads: 2)
        let summary = try runner.run(model: Self.model, inputs: Self.space)
        var acc = MomentAccumulator()
        var u = [0.5, 0.5], x = [0.0, 0.0], y = [Double](repeating: 0, count: Self.model.layout.count)
        let sampler = RandomSampler(dimension: 2, seed: 4)
        var cursor = sampler.makeCursor()
        for i in 0..<1_000 {
            sampler.point(i, cursor: &cursor, into: &u)
            Self.space.map(u, into: &x)
            guard (try? Self.model.function(x, &y)) != nil else { continue }
            acc.add(y[0])
        }
        #expect(summary.totals[.itEnergy]?.mean == acc.mean)
        #expect(summary.totals[.itEnergy]?.sd == acc.standardDeviation)
    }

    @Test func combinedMomentsMatchOnePass() {
        // Chan et al.'s join agrees with Welford's single pass to rounding, and an empty side
        // changes nothing.
        var all = MomentAccumulator(), a = MomentAccumulator(), b = MomentAccumulator()
        for i in 0..<3_000 {
            let v = 1e6 + sin(Double(i)) * 50
            all.add(v)
            if i < 1_100 { a.add(v) } else { b.add(v) }
        }
        let joined = a.combined(with: b)
        #expect(joined.count == all.count)
        expectClose(joined.mean, all.mean, relative: 1e-14)
        expectClose(joined.variance, all.variance, relative: 1e-10)
        #expect(MomentAccumulator().combined(with: a) == a)
        #expect(a.combined(with: MomentAccumulator()) == a)
    }

    @Test(arguments: [1, 3, 7])
    func sobolPartsMergeToTheUnshardedIndices(shards: Int) throws {
        let model = SobolIndicesTests.model, space = SobolIndicesTests.space
        let whole = try SensitivityAnalysis.sobol(model: model, inputs: space, baseSamples: 200, bootstrap: 20,
                                                  seed: 8, sampler: .sobol, threads: 2)
        var joined: SobolPartial?
        for i in 0..<shards {
            let shard = try Shard(index: i, count: shards)
            let part = try SensitivityAnalysis.sobolPartial(model: model, inputs: space, baseSamples: 200, bootstrap: 20,
                                                            seed: 8, sampler: .sobol, range: shard.share(of: 200), threads: 1)
            let read = try Self.roundTrip(PartialResult(header: Self.header(.sobol, shard: shard, range: part.range),
                                                        head: nil, content: .sobol(part, metrics: model.layout.metrics,
                                                                                   chosen: nil, paths: ["x1", "x2", "x3"])))
            guard case .sobol(let p, _, _, _) = read.content else { Issue.record("not a sobol part"); return }
            if joined == nil { joined = p } else { try joined!.append(p) }
        }
        let merged = try SensitivityAnalysis.sobolEstimate(try #require(joined), layout: model.layout,
                                                           paths: space.inputs.map(\.path), bootstrap: 20, seed: 8,
                                                           metrics: nil, threads: 2)
        #expect(merged == whole)
    }

    @Test(arguments: [1, 3, 7])
    func sweepPartsHoldTheirPointsInGridOrder(shards: Int) throws {
        let spec = try SweepSpec.parse(["a.x=0:1:5", "a.y=1,2"])
        let f: @Sendable ([SweepValue]) throws -> [Metric: Stats] = { p in
            [.itEnergy: Stats(base: p[0].number! * 10 + p[1].number!)]
        }
        let whole = try spec.run(metrics: [.itEnergy], threads: 2, evaluate: f)
        var rows: [Sweep.Row] = []
        for i in 0..<shards {
            let share = try Shard(index: i, count: shards).share(of: spec.count)
            rows += try spec.run(metrics: [.itEnergy], threads: 2, points: share, evaluate: f).rows
        }
        #expect(rows == whole.rows)
    }

    @Test func sharesCoverEveryUnitOnceInOrder() throws {
        for n in [0, 1, 5, 8, 1_000] {
            for count in [1, 3, 7, 16] {
                let shares = try (0..<count).map { try Shard(index: $0, count: count).share(of: n) }
                #expect(shares.first?.lowerBound == 0 && shares.last?.upperBound == n)
                #expect(zip(shares, shares.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            }
        }
        #expect(throws: UncertaintyError.self) { try Shard.parse("3/3") }
        #expect(throws: UncertaintyError.self) { try Shard.parse("-1/3") }
        #expect(throws: UncertaintyError.self) { try Shard.parse("1/0") }
        #expect(throws: UncertaintyError.self) { try Shard.parse("1-3") }
        #expect(try Shard.parse("2/5") == Shard(index: 2, count: 5))
    }

    /// Writes three shards of a small run to files; `alter` may change one before writing.
    static func writeParts(_ folder: URL, alter: (Int, inout PartialHeader) -> Void = { _, _ in }) throws -> [String] {
        let runner = MonteCarloRunner(samples: 3_000, seed: 11, threads: 1)
        return try (0..<3).map { i in
            let shard = try Shard(index: i, count: 3)
            let part = try runner.partial(model: Self.model, inputs: Self.space, shard: shard)
            var header = Self.header(.run, shard: shard, range: part.range)
            alter(i, &header)
            let file = folder.appendingPathComponent("part-\(i).fwpart")
            try PartialResult(header: header, head: nil, content: .run(part)).encoded().write(to: file)
            return file.path
        }
    }

    static func refusal(_ files: [String]) -> String? {
        do {
            _ = try PartialMerge.merge(files: files)
            return nil
        } catch let e as PartialError {
            return e.description
        } catch {
            return "not a PartialError: \(error)"
        }
    }

    @Test func corruptedAndForeignFilesAreRefusedByName() throws {
        let folder = try TestSupport.tempFolder()
        let files = try Self.writeParts(folder)
        // One flipped byte in the payload: the checksum no longer matches.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: files[1]))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: files[1]))
        let flipped = try #require(Self.refusal(files))
        #expect(flipped.hasPrefix(files[1] + ": corrupted") && flipped.contains("checksum"), "\(flipped)")
        // Truncated.
        try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: files[1]))
        #expect(Self.refusal(files)?.hasPrefix(files[1] + ": corrupted") == true)
        // Not a partial result at all, and a newer format.
        try Data("{\"totals\": {}}\n".utf8).write(to: URL(fileURLWithPath: files[1]))
        #expect(Self.refusal(files)?.contains("not a fleetwatt partial result") == true)
        try Data(("fleetwatt.partial/2\n" + String(repeating: "x", count: 100)).utf8).write(to: URL(fileURLWithPath: files[1]))
        let newer = try #require(Self.refusal(files))
        #expect(newer.hasPrefix(files[1]) && newer.contains("fleetwatt.partial/2"), "\(newer)")
        // A file that does not exist.
        #expect(Self.refusal([files[0], folder.appendingPathComponent("nope").path]) == folder.appendingPathComponent("nope").path + ": no such file")
    }

    /// What is not a regular file is refused saying what it is, in the tool's words: a folder
    /// leaked "NSCocoaErrorDomain error 256", /dev/null (as root) "You don't have permission",
    /// a missing file Foundation's "The file doesn't exist".
    @Test func whatIsNotAPartFileIsRefusedSayingWhy() throws {
        let folder = try TestSupport.tempFolder()
        let files = try Self.writeParts(folder)
        let sub = folder.appendingPathComponent("dd").path
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        #expect(Self.refusal([files[0], sub]) == "\(sub): a folder, not a part file")
        #expect(Self.refusal(["/dev/null", files[0]]) == "/dev/null: not a regular file (a character device)")
        let missing = folder.appendingPathComponent("nothere.fwpart").path
        #expect(Self.refusal([missing]) == "\(missing): no such file")
    }

    /// `data`, a part file, with its header JSON changed by `edit` and the checksum made again
    /// (a forged file, which only the header's own checks can catch).
    static func forged(_ data: Data, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        let m = PartialResult.magic.count
        let length = Int(data[m..<(m + 8)].reversed().reduce(0) { $0 << 8 | UInt64($1) })
        var header = try #require(try JSONSerialization.jsonObject(with: data[(m + 8)..<(m + 8 + length)]) as? [String: Any])
        edit(&header)
        let json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        var file = PartialResult.magic
        withUnsafeBytes(of: Int64(json.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(json)
        file.append(data[(m + 8 + length)..<(data.count - 64)])
        file.append(Data(ScenarioHash.sha256Hex(file).utf8))
        return file
    }

    /// A forged header is refused in plain words, not Swift's `DecodingError` debug text
    /// (`keyNotFound(CodingKeys(stringValue: "shard", …))`, "not valid JSON" for valid JSON).
    @Test(arguments: [
        ("shard", nil, "corrupted: unreadable header: missing field 'shard'"),
        ("samples", "many", "corrupted: unreadable header: field 'samples': expected a whole number"),
        ("samples", 1.5, "corrupted: unreadable header: field 'samples': expected a whole number, got 1.5"),
        ("seed", [1], "corrupted: unreadable header: field 'seed': expected a whole number"),
    ] as [(String, (any Sendable)?, String)])
    func aForgedHeaderIsRefusedInPlainWords(_ key: String, _ value: (any Sendable)?, _ expected: String) throws {
        let folder = try TestSupport.tempFolder()
        let files = try Self.writeParts(folder)
        let data = try Data(contentsOf: URL(fileURLWithPath: files[1]))
        try Self.forged(data) { $0[key] = value }.write(to: URL(fileURLWithPath: files[1]))
        #expect(Self.refusal(files) == "\(files[1]): \(expected)")
    }

    @Test(arguments: ["seed", "sampler", "samples", "scenario", "resolved", "version", "settings"])
    func partsOfDifferentRunsAreRefused(field: String) throws {
        let folder = try TestSupport.tempFolder("mismatch-\(field)")
        let files = try Self.writeParts(folder) { i, h in
            guard i == 2 else { return }
            switch field {
            case "seed": h.seed = 12
            case "sampler": h.sampler = "lhs"
            case "samples": h.samples += 1
            case "scenario": h.scenarioSHA256 = String(repeating: "c", count: 64)
            case "resolved": h.resolvedSHA256 = String(repeating: "c", count: 64)
            case "version": h.toolVersion = "9.9.9"
            default: h.settings["block_size"] = "64"
            }
        }
        let message = try #require(Self.refusal(files))
        #expect(message.hasPrefix(files[2] + ": cannot merge with " + files[0] + ": different"), "\(message)")
    }

    @Test func duplicateAndMissingShardsAreRefused() throws {
        let folder = try TestSupport.tempFolder()
        let files = try Self.writeParts(folder)
        let copy = folder.appendingPathComponent("copy-of-1.fwpart").path
        try FileManager.default.copyItem(atPath: files[1], toPath: copy)
        let twice = try #require(Self.refusal(files + [copy]))
        #expect(twice.hasPrefix(copy + ": shard 1/3 is given twice (also " + files[1]), "\(twice)")
        let missing = try #require(Self.refusal([files[2], files[0]]))
        #expect(missing.contains("1 of its 3 shards missing: 1/3"), "\(missing)")
    }
}

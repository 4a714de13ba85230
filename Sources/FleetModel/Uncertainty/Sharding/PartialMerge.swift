import Foundation

/// `fleetwatt merge`: joins the partial results of a sharded run into exactly the result of
/// the unsharded run.
///
/// Every part is read and checked first (format, checksum, that all come from the same
/// scenario, models, seed, sampler, sample count, settings and version, that no shard is
/// given twice and none is missing), before anything is joined. Then the parts are read
/// again one at a time in shard order and joined, so memory holds one part plus the joined
/// state (for a Monte Carlo run: the moments, every sample's whole-term totals for exact
/// quantiles, and the year and month histograms).
public enum PartialMerge {
    /// What `merge` read: the joined result and the command the parts came from.
    public struct Merged: Sendable {
        public var output: Output
        public var header: PartialHeader
    }

    /// A result document (`run`, `report`, `sweep`, `sensitivity`) or a comparison (`compare`).
    public enum Output: Sendable {
        case result(FleetResult)
        case comparison(Comparison)
    }

    public static func merge(files: [String]) throws -> Merged {
        guard !files.isEmpty else { throw UncertaintyError.invalidOption("merge: give the partial results to join") }
        var headers: [(file: String, header: PartialHeader)] = []
        for file in files {
            let (header, _) = try PartialResult.readHeader(try read(file), file: file)
            headers.append((file, header))
        }
        let ordered = try check(headers)
        let first = ordered[0].header
        var head: FleetResult?
        var run: MonteCarloMerge?
        var rows: [Sweep.Row] = [], sweepShape: Sweep?
        var sobol: SobolPartial?, sobolInfo: (metrics: [Metric], chosen: [Metric]?, paths: [String])?
        var tornado: TornadoPartial?
        var compare: CompareMerge?, frame: Comparison?
        var nextUnit = 0
        for (file, header) in ordered {
            let part = try PartialResult.decode(try read(file), file: file)
            guard part.header == header else { throw PartialError(file: file, "changed while merge was reading it") }
            if header.shard.index == 0 {
                if case .compare(let p) = part.content {
                    guard let f = p.frame else { throw PartialError(file: file, "corrupted: shard 0 holds no comparison frame") }
                    frame = f
                } else {
                    guard let h = part.head else { throw PartialError(file: file, "corrupted: shard 0 holds no base result") }
                    head = h
                }
            }
            guard header.range.count == 2, header.range[0] == nextUnit else {
                throw PartialError(file: file, "holds units \(header.range) where \(nextUnit) was expected next")
            }
            nextUnit = header.range[1]
            do {
                switch part.content {
                case .run(let p):
                    if run == nil { run = MonteCarloMerge(first: p) }
                    try run!.add(p)
                case .sweep(_, let s):
                    if sweepShape == nil { sweepShape = s }
                    guard s.parameters == sweepShape!.parameters, s.metrics == sweepShape!.metrics else {
                        throw UncertaintyError.invalidOption("its grid differs from the first part's")
                    }
                    rows += s.rows
                case .sobol(let p, let metrics, let chosen, let paths):
                    if sobol == nil { sobol = p; sobolInfo = (metrics, chosen, paths) } else { try sobol!.append(p) }
                case .tornado(let p):
                    if tornado == nil { tornado = p } else { try tornado!.append(p) }
                case .compare(let p):
                    if compare == nil { compare = CompareMerge(first: p.variants) }
                    try compare!.add(p.variants)
                }
            } catch let e as UncertaintyError {
                throw PartialError(file: file, "does not follow the parts before it: \(e)")
            }
        }
        if let compare {
            guard let frame else { throw PartialError(file: ordered[0].file, "corrupted: no comparison frame") }
            return Merged(output: .comparison(try ComparisonEngine.summarize(try compare.paired(), frame: frame)),
                          header: first)
        }
        guard var result = head else { throw PartialError(file: ordered[0].file, "corrupted: no base result") }
        if let run {
            try run.summary().apply(to: &result)
        } else if let sweepShape {
            result.sweep = Sweep(parameters: sweepShape.parameters, metrics: sweepShape.metrics, rows: rows)
        } else if let sobol, let sobolInfo {
            let layout = OutputLayout(metrics: sobolInfo.metrics, years: [], months: [])
            let analysis = try SensitivityAnalysis.sobolEstimate(
                sobol, layout: layout, paths: sobolInfo.paths, bootstrap: Int(first.settings["bootstrap"] ?? "") ?? 0,
                seed: first.seed, metrics: sobolInfo.chosen, threads: MonteCarloRunner.defaultThreads)
            result.sensitivity = analysis.sensitivity
            result.diagnostics.warnings += analysis.warnings
        } else if let tornado {
            result.sensitivity = try SensitivityAnalysis.tornadoRanking(tornado)
        }
        return Merged(output: .result(result), header: first)
    }

    /// Refuses parts that do not belong together, duplicates and missing shards; returns the
    /// parts in shard order.
    static func check(_ parts: [(file: String, header: PartialHeader)]) throws(PartialError) -> [(file: String, header: PartialHeader)] {
        let (firstFile, first) = parts[0]
        for (file, header) in parts.dropFirst() {
            if let (field, mine, theirs) = first.mismatch(header) {
                throw PartialError(file: file, "cannot merge with \(PathText.shown(firstFile)): different \(field) (\(theirs) here, \(mine) there)")
            }
        }
        var byIndex: [Int: String] = [:]
        for (file, header) in parts {
            if let earlier = byIndex[header.shard.index] {
                throw PartialError(file: file, "shard \(header.shard) is given twice (also \(PathText.shown(earlier)))")
            }
            byIndex[header.shard.index] = file
        }
        let n = first.shard.count
        let missing = (0..<n).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let list = missing.prefix(10).map { "\($0)/\(n)" }.joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
            throw PartialError(file: firstFile, "\(missing.count) of its \(n) shards missing: \(list); "
                               + "give every part of the run (\(parts.count) given)")
        }
        return parts.sorted { $0.header.shard.index < $1.header.shard.index }
    }

    private static func read(_ file: String) throws(PartialError) -> Data {
        if let problem = InputFile.problem(file) { throw PartialError(file: file, problem.text(expecting: "part file")) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file), options: .mappedIfSafe)
        } catch {
            throw PartialError(file: file, "cannot be read (\((error as NSError).localizedDescription))")
        }
    }
}

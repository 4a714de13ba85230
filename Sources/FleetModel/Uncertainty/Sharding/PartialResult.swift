import Foundation

/// What a `--shard I/N` run writes: who made it and from what (the header), the
/// deterministic result (shard 0 only) and the shard's mergeable state.
///
/// File layout (format `fleetwatt.partial/1`): the line `fleetwatt.partial/1`, the header's
/// length (8 bytes, little-endian) and the header as JSON, the payload (little-endian binary:
/// doubles as their bit patterns, so every value round-trips exactly), and the SHA-256 of
/// everything before it as 64 hex digits. A file whose checksum does not match is refused.
public struct PartialResult: Sendable {
    public var header: PartialHeader
    /// The result with every input at base (and a tornado, for `report`): shard 0 only.
    public var head: FleetResult?
    public var content: Content

    public enum Content: Sendable {
        /// `run` and `report`: a stretch of Monte Carlo samples.
        case run(MonteCarloPartial)
        /// `sweep`: the rows of a stretch of grid points (`range` of the grid's points).
        case sweep(range: Range<Int>, Sweep)
        /// `sensitivity --method sobol`: the totals of a stretch of base samples.
        case sobol(SobolPartial, metrics: [Metric], chosen: [Metric]?, paths: [String])
        /// `compare`: every variant's totals over a stretch of samples (and, shard 0, the frame).
        case compare(ComparePartial)
        /// `sensitivity --method tornado`: the totals at a stretch of the 2k + 1 points.
        case tornado(TornadoPartial)
    }

    public init(header: PartialHeader, head: FleetResult?, content: Content) {
        self.header = header
        self.head = head
        self.content = content
    }

    static let magic = Data((PartialHeader.currentFormat + "\n").utf8)

    /// The file's bytes.
    public func encoded() throws -> Data {
        var w = PartialWriter()
        if let head { w.int(1); w.bytes(try FleetResult.encoder().encode(head)) } else { w.int(0) }
        switch content {
        case .run(let p): Self.write(p, to: &w)
        case .sweep(let range, let sweep):
            w.int(range.lowerBound); w.int(range.upperBound)
            w.bytes(try FleetResult.encoder().encode(sweep))
        case .sobol(let p, let metrics, let chosen, let paths):
            Self.write(p, metrics: metrics, chosen: chosen, paths: paths, to: &w)
        case .compare(let p):
            if let frame = p.frame { w.int(1); w.bytes(try FleetResult.encoder().encode(frame)) } else { w.int(0) }
            w.int(p.variants.count)
            for v in p.variants { Self.write(v, to: &w) }
        case .tornado(let p): Self.write(p, to: &w)
        }
        let headerJSON = try JSONEncoder.partialHeader.encode(header)
        var file = Self.magic
        var length = PartialWriter()
        length.int(headerJSON.count)
        file.append(length.data)
        file.append(headerJSON)
        file.append(w.data)
        file.append(Data(ScenarioHash.sha256Hex(file).utf8))
        return file
    }

    /// Checks a file's format line and checksum and reads its header; `payloadOffset` is
    /// where the payload starts.
    static func readHeader(_ data: Data, file: String) throws(PartialError) -> (PartialHeader, payload: Data) {
        let checksumLength = 64
        guard data.count >= magic.count + 8 + checksumLength else {
            if data.starts(with: Data("fleetwatt.partial/".utf8)) {
                throw PartialError(file: file, "corrupted: truncated (\(data.count) bytes)")
            }
            throw PartialError(file: file, "not a fleetwatt partial result (written by --shard I/N)")
        }
        guard data.starts(with: magic) else {
            if data.starts(with: Data("fleetwatt.partial/".utf8)) {
                let line = String(decoding: data.prefix(40).prefix { $0 != 0x0A }, as: UTF8.self)
                throw PartialError(file: file, "format \(line), but this fleetwatt (\(FleetModelInfo.toolVersion)) reads "
                                   + PartialHeader.currentFormat + "; merge with the version that wrote it")
            }
            throw PartialError(file: file, "not a fleetwatt partial result (written by --shard I/N)")
        }
        let body = data.prefix(data.count - checksumLength)
        let stored = String(decoding: data.suffix(checksumLength), as: UTF8.self)
        guard ScenarioHash.sha256Hex(body) == stored else {
            throw PartialError(file: file, "corrupted: its SHA-256 checksum does not match its contents (truncated or changed after it was written)")
        }
        var r = PartialReader(body, from: magic.count)
        var json = Data()
        do {
            let length = try r.count("header length", size: 1)
            let headerStart = body.startIndex + magic.count + 8
            json = body[headerStart..<(headerStart + length)]
            let header = try JSONDecoder().decode(PartialHeader.self, from: json)
            return (header, body[(headerStart + length)...])
        } catch {
            throw PartialError(file: file, "corrupted: unreadable header: \(headerProblem(error, json: json))")
        }
    }

    /// Why a header did not decode, in plain words ("missing field 'shard'"), not Swift's
    /// debug text of a `DecodingError`; `json` starts with the header's bytes.
    static func headerProblem(_ error: any Error, json: Data) -> String {
        if let malformed = error as? PartialReader.Malformed { return "malformed \(malformed.what)" }
        guard let error = error as? DecodingError else { return "\(error)" }
        func field(_ c: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            (c.codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
                .joined(separator: ".")
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is any BinaryInteger.Type: "a whole number"
            case is any BinaryFloatingPoint.Type: "a number"
            case is String.Type: "text"
            case is Bool.Type: "true or false"
            default: "\(type)"
            }
        }
        switch error {
        case let .keyNotFound(key, c): return "missing field '\(field(c, key))'"
        case let .valueNotFound(type, c): return "field '\(field(c))' is null; expected \(kind(type))"
        case let .typeMismatch(type, c): return "field '\(field(c))': expected \(kind(type))"
        case let .dataCorrupted(c):
            if !c.codingPath.isEmpty { return "field '\(field(c))': a value of the wrong kind" }
            // Foundation says "not valid JSON", without a path, also for valid JSON holding 1.5
            // where a whole number belongs. The field is the last, in decoding order, whose
            // removal stops that error (removing a later one leaves it; an earlier one goes missing first).
            guard let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
                return "not valid JSON"
            }
            for key in PartialHeader.CodingKeys.allCases.reversed().map(\.stringValue) where object[key] != nil {
                var without = object
                without[key] = nil
                guard let data = try? JSONSerialization.data(withJSONObject: without) else { continue }
                do { _ = try JSONDecoder().decode(PartialHeader.self, from: data) } catch DecodingError.dataCorrupted(let c)
                    where c.codingPath.isEmpty { continue } catch {}
                if let x = object[key] as? Double, x != x.rounded() { return "field '\(key)': expected a whole number, got \(x)" }
                return "field '\(key)': a value of the wrong kind"
            }
            return "a value of the wrong kind"
        @unknown default: return "\(error)"
        }
    }

    /// Reads a whole partial result.
    public static func decode(_ data: Data, file: String) throws(PartialError) -> PartialResult {
        let (header, payload) = try readHeader(data, file: file)
        var r = PartialReader(payload)
        do {
            var head: FleetResult?
            if try r.int("head flag") == 1 {
                head = try JSONDecoder().decode(FleetResult.self, from: try r.bytes("head"))
            }
            let content: Content
            switch header.kind {
            case .run: content = .run(try readRun(&r))
            case .sweep:
                let lo = try r.int(), hi = try r.int()
                guard lo <= hi else { throw PartialReader.Malformed(what: "range") }
                content = .sweep(range: lo..<hi, try JSONDecoder().decode(Sweep.self, from: try r.bytes("sweep")))
            case .sobol: content = try readSobol(&r)
            case .compare:
                var frame: Comparison?
                if try r.int("frame flag") == 1 {
                    frame = try JSONDecoder().decode(Comparison.self, from: try r.bytes("frame"))
                }
                let count = try r.count("variants", size: 8)
                var variants: [MonteCarloPartial] = []
                for _ in 0..<count { variants.append(try readRun(&r)) }
                guard !variants.isEmpty, variants.allSatisfy({ $0.range == variants[0].range }) else {
                    throw PartialReader.Malformed(what: "compare state")
                }
                content = .compare(ComparePartial(frame: frame, variants: variants))
            case .tornado: content = .tornado(try readTornado(&r))
            }
            guard r.isAtEnd else { throw PartialReader.Malformed(what: "trailing bytes") }
            return PartialResult(header: header, head: head, content: content)
        } catch let e as PartialReader.Malformed {
            throw PartialError(file: file, "corrupted: malformed \(e.what)")
        } catch {
            throw PartialError(file: file, "corrupted: \(error)")
        }
    }

    private static func write(_ p: MonteCarloPartial, to w: inout PartialWriter) {
        w.texts(p.layout.metrics.map(\.rawValue)); w.texts(p.layout.years); w.texts(p.layout.months)
        w.texts(p.layout.extras)
        w.int(p.samples); w.int(p.range.lowerBound); w.int(p.range.upperBound); w.int(p.blockSize)
        w.doubles(p.base)
        w.texts(p.inputPaths)
        w.int(p.blockMoments.count)
        for m in p.blockMoments { w.int(m.count); w.double(m.mean); w.double(m.m2) }
        w.int(p.totals.count)
        for t in p.totals { w.doubles(t) }
        w.int(p.streams.count)
        for q in p.streams {
            w.int(q.pilotSize); w.int(q.bins); w.int(q.count); w.doubles(q.pilot); w.counts(q.counts)
            w.double(q.lower); w.double(q.width); w.int(q.below); w.int(q.above); w.double(q.minimum); w.double(q.maximum)
        }
        writeFailures(p.failedCount, p.failures, to: &w)
        w.texts(p.notes)
    }

    private static func readRun(_ r: inout PartialReader) throws -> MonteCarloPartial {
        let metrics = try readMetrics(&r)
        let layout = OutputLayout(metrics: metrics, years: try r.texts("years"), months: try r.texts("months"),
                                  extras: try r.texts("extras"))
        let samples = try r.int(), lo = try r.int(), hi = try r.int(), blockSize = try r.int()
        guard 0 <= lo, lo <= hi, hi <= samples, blockSize > 0 else { throw PartialReader.Malformed(what: "sample range") }
        let base = try r.doubles("base values")
        let paths = try r.texts("input paths")
        let momentCount = try r.count("moments", size: 24)
        var moments: [MomentAccumulator] = []
        moments.reserveCapacity(momentCount)
        for _ in 0..<momentCount {
            moments.append(MomentAccumulator(count: try r.int(), mean: try r.double(), m2: try r.double()))
        }
        let totalCount = try r.count("totals", size: 8)
        var totals: [[Double]] = []
        for _ in 0..<totalCount { totals.append(try r.doubles("totals")) }
        let streamCount = try r.count("streams", size: 8)
        var streams: [StreamingQuantiles] = []
        streams.reserveCapacity(streamCount)
        for _ in 0..<streamCount {
            let pilotSize = try r.int(), bins = try r.int(), count = try r.int()
            let pilot = try r.doubles("pilot"), counts = try r.counts("bins")
            guard pilotSize >= 2, bins >= 1, counts.isEmpty || counts.count == bins else {
                throw PartialReader.Malformed(what: "quantile stream")
            }
            streams.append(StreamingQuantiles(pilotSize: pilotSize, bins: bins, count: count, pilot: pilot, counts: counts,
                                              lower: try r.double(), width: try r.double(), below: try r.int(),
                                              above: try r.int(), minimum: try r.double(), maximum: try r.double()))
        }
        let (failedCount, failures) = try readFailures(&r)
        let notes = try r.texts("notes")
        let slots = layout.count
        let blocks = (hi - lo + blockSize - 1) / blockSize
        guard base.count == slots, totals.count == metrics.count, streams.count == slots - metrics.count,
              moments.count == blocks * slots else { throw PartialReader.Malformed(what: "state sizes") }
        return MonteCarloPartial(layout: layout, samples: samples, range: lo..<hi, blockSize: blockSize, base: base,
                                 inputPaths: paths, blockMoments: moments, totals: totals, streams: streams,
                                 failedCount: failedCount, failures: failures, notes: notes)
    }

    private static func write(_ p: SobolPartial, metrics: [Metric], chosen: [Metric]?, paths: [String],
                              to w: inout PartialWriter) {
        w.int(p.k); w.int(p.baseSamples); w.int(p.range.lowerBound); w.int(p.range.upperBound)
        w.doubles(p.totals.values); w.flags(p.totals.failed)
        writeFailures(p.totals.failedCount, p.totals.failures, to: &w)
        w.texts(p.notes)
        w.texts(metrics.map(\.rawValue))
        if let chosen { w.int(1); w.texts(chosen.map(\.rawValue)) } else { w.int(0) }
        w.texts(paths)
    }

    private static func readSobol(_ r: inout PartialReader) throws -> Content {
        let k = try r.int(), baseSamples = try r.int(), lo = try r.int(), hi = try r.int()
        guard k > 0, 0 <= lo, lo <= hi, hi <= baseSamples else { throw PartialReader.Malformed(what: "base-sample range") }
        let values = try r.doubles("totals"), failed = try r.flags("failures")
        let (failedCount, failures) = try readFailures(&r)
        let notes = try r.texts("notes")
        let metrics = try readMetrics(&r)
        let chosen = try r.int("metric flag") == 1 ? try readMetrics(&r) : nil
        let paths = try r.texts("input paths")
        let evaluations = (hi - lo) * (k + 2)
        guard failed.count == evaluations, values.count == evaluations * metrics.count, paths.count == k else {
            throw PartialReader.Malformed(what: "sobol state sizes")
        }
        let totals = SensitivityAnalysis.Totals(values: values, failed: failed, failures: failures, failedCount: failedCount)
        return .sobol(SobolPartial(k: k, baseSamples: baseSamples, range: lo..<hi, totals: totals, notes: notes),
                      metrics: metrics, chosen: chosen, paths: paths)
    }

    private static func write(_ p: TornadoPartial, to w: inout PartialWriter) {
        w.texts(p.paths); w.doubles(p.lows); w.doubles(p.highs)
        w.texts(p.metrics.map(\.rawValue))
        if let chosen = p.chosen { w.int(1); w.texts(chosen.map(\.rawValue)) } else { w.int(0) }
        w.int(p.range.lowerBound); w.int(p.range.upperBound)
        w.doubles(p.totals.values); w.flags(p.totals.failed)
        writeFailures(p.totals.failedCount, p.totals.failures, to: &w)
    }

    private static func readTornado(_ r: inout PartialReader) throws -> TornadoPartial {
        let paths = try r.texts("input paths"), lows = try r.doubles("low values"), highs = try r.doubles("high values")
        let metrics = try readMetrics(&r)
        let chosen = try r.int("metric flag") == 1 ? try readMetrics(&r) : nil
        let lo = try r.int(), hi = try r.int()
        let values = try r.doubles("totals"), failed = try r.flags("failures")
        let (failedCount, failures) = try readFailures(&r)
        guard lows.count == paths.count, highs.count == paths.count, 0 <= lo, lo <= hi, hi <= 2 * paths.count + 1,
              failed.count == hi - lo, values.count == (hi - lo) * metrics.count else {
            throw PartialReader.Malformed(what: "tornado state sizes")
        }
        let totals = SensitivityAnalysis.Totals(values: values, failed: failed, failures: failures, failedCount: failedCount)
        return TornadoPartial(paths: paths, lows: lows, highs: highs, metrics: metrics, chosen: chosen, range: lo..<hi,
                              totals: totals)
    }

    private static func readMetrics(_ r: inout PartialReader) throws(PartialReader.Malformed) -> [Metric] {
        try r.texts("metrics").map { name throws(PartialReader.Malformed) in
            guard let m = Metric(rawValue: name) else { throw PartialReader.Malformed(what: "metric \(name)") }
            return m
        }
    }

    private static func writeFailures(_ count: Int, _ failures: [SampleFailure], to w: inout PartialWriter) {
        w.int(count)
        w.int(failures.count)
        for f in failures { w.int(f.index); w.doubles(f.inputs); w.text(f.reason) }
    }

    private static func readFailures(_ r: inout PartialReader) throws(PartialReader.Malformed) -> (Int, [SampleFailure]) {
        let count = try r.int()
        let kept = try r.count("failures", size: 8)
        var failures: [SampleFailure] = []
        for _ in 0..<kept {
            failures.append(SampleFailure(index: try r.int(), inputs: try r.doubles("failure inputs"),
                                          reason: try r.text("failure reason")))
        }
        return (count, failures)
    }
}

/// Who wrote a partial result and from what: the fields that must agree for parts to merge.
public struct PartialHeader: Codable, Sendable, Hashable {
    public static let currentFormat = "fleetwatt.partial/1"

    public enum Kind: String, Codable, Sendable {
        case run, sweep, sobol, compare, tornado
    }

    public var format: String = PartialHeader.currentFormat
    public var kind: Kind
    /// The command that wrote it (`run`, `report`, `sweep`, `sensitivity`).
    public var command: String
    public var toolVersion: String = FleetModelInfo.toolVersion
    public var scenarioID: String
    /// SHA-256 of the scenario file.
    public var scenarioSHA256: String
    /// SHA-256 of every input as resolved against models/ and the --set values (path,
    /// value or distribution, unit, source) and of the correlations: changes when models/ does.
    public var resolvedSHA256: String
    public var seed: UInt64
    public var sampler: String
    /// Monte Carlo samples (per grid point for a sweep; 0 for Sobol, whose size is a setting).
    public var samples: Int
    /// What else shapes the result: block and pilot sizes, the grid, the metrics, N.
    public var settings: [String: String]
    public var shard: Shard
    /// The units held (samples, grid points or base samples), [first, end).
    public var range: [Int]
    /// Worker threads of this shard (a run-time field; not compared).
    public var threads: Int
    /// `compare` only: each variant's name and changes (`NAME: PATH=VALUE,…`), in order.
    public var variants: [String]? = nil

    /// In decoding order (the order of the properties).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, kind, command, toolVersion = "tool_version", scenarioID = "scenario_id"
        case scenarioSHA256 = "scenario_sha256", resolvedSHA256 = "resolved_sha256", seed, sampler, samples
        case settings, shard, range, threads, variants
    }

    /// The first field in which `other` differs from this header where parts must agree,
    /// as (name, this value, other value); nil when they may merge.
    func mismatch(_ other: PartialHeader) -> (String, String, String)? {
        let mine: String = variants?.joined(separator: "; ") ?? "none"
        let theirs: String = other.variants?.joined(separator: "; ") ?? "none"
        let fields: [(String, String, String)] = [
            ("kind", "\(kind.rawValue) (\(command))", "\(other.kind.rawValue) (\(other.command))"),
            ("variants", mine, theirs),
            ("fleetwatt version", toolVersion, other.toolVersion),
            ("scenario", "\(scenarioID) sha256 \(scenarioSHA256.prefix(12))",
             "\(other.scenarioID) sha256 \(other.scenarioSHA256.prefix(12))"),
            ("models or --set values (resolved inputs)", "sha256 \(resolvedSHA256.prefix(12))",
             "sha256 \(other.resolvedSHA256.prefix(12))"),
            ("seed", "\(seed)", "\(other.seed)"),
            ("sampler", sampler, other.sampler),
            ("sample count", "\(samples)", "\(other.samples)"),
            ("shard count N", "\(shard.count)", "\(other.shard.count)"),
        ] + Set(settings.keys).union(other.settings.keys).sorted().map {
            ($0.replacingOccurrences(of: "_", with: " "), settings[$0] ?? "none", other.settings[$0] ?? "none")
        }
        return fields.first { $0.1 != $0.2 }
    }
}

/// A partial result that cannot be used or merged; names the file. Exit status 2.
public struct PartialError: InputError, Hashable, Sendable {
    public var file: String
    public var message: String
    public init(file: String, _ message: String) { self.file = file; self.message = message }
    public var description: String { "\(PathText.shown(file)): \(message)" }
}

extension JSONEncoder {
    /// Headers with sorted keys, so a part's bytes depend only on its contents.
    static var partialHeader: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}

/// The moments and quantile streams of every output slot over a stretch of a Monte Carlo
/// run, laid out for the reduction's inner loops; `MonteCarloRunner` feeds it waves of
/// outputs in sample order and takes `MomentAccumulator`s and `StreamingQuantiles` out.
///
/// The values are exactly those of adding each sample to one `MomentAccumulator` and one
/// `StreamingQuantiles` per slot (the same operations on the same values in the same
/// order), but stored as one array per field (means, squared deviations, bin edges,
/// counts of all streams in one block) and reduced a tile of slots at a time over all rows
/// of a wave, so a slot's state stays in cache while its samples go by and the Welford
/// update runs as vector code. Every slot gets the same valid samples, so the count of a
/// block and of the pilot is kept once.
///
/// A run that is not sharded (`foldsPilot`) counts the pilot's values into the bins as soon
/// as they are laid and frees the pilot (2,764 × 1,000 values of the default): a stream's
/// quantiles add the pilot's counts to the bins' anyway (`StreamingQuantiles.allCounts`).
/// A shard keeps its pilot values, which its partial result holds.
final class RunningStatistics: @unchecked Sendable {  // workers write disjoint slots
    let slots: Int
    let metricCount: Int
    let range: Range<Int>
    let blockSize: Int
    let pilotSize: Int
    let bins: Int
    /// Keep every block's moments (a shard) instead of joining them as they finish.
    let keepBlocks: Bool
    let foldsPilot: Bool
    private var streamCount: Int { slots - metricCount }
    private let firstBlock: Int

    /// Valid samples so far in the current block, in the stretch, and among the pilot's.
    private var blockValid = 0, valid = 0, pilotValid = 0
    /// The current block's mean and Σ (x − mean)² of every slot.
    private let mean: UnsafeMutableBufferPointer<Double>
    private let m2: UnsafeMutableBufferPointer<Double>
    /// Finished blocks: one joined state per slot, or every block's (`keepBlocks`).
    private let joined: UnsafeMutableBufferPointer<MomentAccumulator>
    /// Per stream: the bins' lower edge and width, extremes and out-of-span counts.
    private let lower: UnsafeMutableBufferPointer<Double>
    private let width: UnsafeMutableBufferPointer<Double>
    private let minimum: UnsafeMutableBufferPointer<Double>
    private let maximum: UnsafeMutableBufferPointer<Double>
    private let below: UnsafeMutableBufferPointer<Int>
    private let above: UnsafeMutableBufferPointer<Int>
    /// Bin counts of every stream, stream-major (stream i's bin b at i · bins + b), once laid.
    private var counts: UnsafeMutableBufferPointer<UInt32>?
    /// The pilot's values of every stream, stream-major (`pilotCapacity` per stream), until folded.
    private var pilot: UnsafeMutableBufferPointer<Double>?
    private let pilotCapacity: Int
    private var folded = false

    /// Slots reduced together over the rows of a wave.
    private static let tile = 64

    /// - Parameters:
    ///   - laid: every stream's bins laid in advance (a shard after the pilot), or nil.
    init(slots: Int, metricCount: Int, range: Range<Int>, blockSize: Int, pilotSize: Int, bins: Int,
         keepBlocks: Bool, laid: [StreamingQuantiles]?) {
        self.slots = slots; self.metricCount = metricCount; self.range = range
        self.blockSize = blockSize; self.pilotSize = pilotSize; self.bins = bins
        self.keepBlocks = keepBlocks
        foldsPilot = !keepBlocks && range.lowerBound == 0
        firstBlock = range.lowerBound / blockSize
        let blocksHeld = (range.count + blockSize - 1) / blockSize
        let streams = slots - metricCount
        func buffer<T>(_ value: T, _ n: Int) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: n)
            b.initialize(repeating: value)
            return b
        }
        mean = buffer(0, slots); m2 = buffer(0, slots)
        joined = buffer(MomentAccumulator(), keepBlocks ? blocksHeld * slots : slots)
        lower = buffer(0, streams); width = buffer(0, streams)
        minimum = buffer(.infinity, streams); maximum = buffer(-.infinity, streams)
        below = buffer(0, streams); above = buffer(0, streams)
        pilotCapacity = max(0, min(range.upperBound, pilotSize) - range.lowerBound)
        if pilotCapacity > 0, streams > 0 { pilot = buffer(0, streams * pilotCapacity) }
        if let laid {
            for i in 0..<streams {
                lower[i] = laid[i].lower
                width[i] = laid[i].width
            }
            counts = buffer(0, streams * bins)
        }
    }

    deinit {
        for b in [mean, m2, lower, width, minimum, maximum] { b.deallocate() }
        joined.deallocate(); below.deallocate(); above.deallocate()
        counts?.deallocate(); pilot?.deallocate()
    }

    /// Makes room for a wave before the workers reduce it: the bins, when the pilot fills in it.
    func prepare(_ wave: WaveResults) {
        if counts == nil, range.lowerBound == 0, (wave.first..<(wave.first + wave.count)).contains(pilotSize) {
            let c = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: streamCount * bins)
            c.initialize(repeating: 0)
            counts = c
        }
    }

    /// Reduces slots `lo ..< hi` of every row of `wave` (one worker's share; workers take
    /// disjoint slots). The shared counts are read, not advanced: `finish(_:)` does that.
    func reduce(_ wave: WaveResults, slots lo: Int, _ hi: Int) {
        var s0 = lo
        while s0 < hi {
            let s1 = min(hi, s0 + Self.tile)
            reduceTile(wave, s0, s1)
            s0 = s1
        }
    }

    private func reduceTile(_ wave: WaveResults, _ s0: Int, _ s1: Int) {
        let values = wave.values.pointer.baseAddress!, stride = wave.stride
        let t0 = max(s0, metricCount), mean = self.mean.baseAddress!, m2 = self.m2.baseAddress!
        var n = blockValid, k = pilotValid
        for r in 0..<wave.count {
            let j = wave.first + r
            if j > range.lowerBound, j % blockSize == 0 {
                finishBlock(j / blockSize - 1, s0..<s1, count: n)
                n = 0
            }
            if j == pilotSize, range.lowerBound == 0, t0 < s1 { layBins(t0..<s1, pilotCount: k) }
            guard !wave.failed[r] else { continue }
            n += 1
            let row = values + r * stride
            // MomentAccumulator.add, slot by slot.
            let count = Double(n)
            for s in s0..<s1 {
                let x = row[s]
                let d = x - mean[s]
                mean[s] += d / count
                m2[s] += d * (x - mean[s])
            }
            guard t0 < s1 else { continue }
            if j < pilotSize {
                addPilot(row, t0..<s1, at: k)
                k += 1
            } else {
                addBinned(row, t0..<s1)
            }
        }
    }

    /// StreamingQuantiles.addPilot for slots `streams`.
    @inline(__always)
    private func addPilot(_ row: UnsafePointer<Double>, _ streams: Range<Int>, at k: Int) {
        let pilot = self.pilot!.baseAddress!, minimum = self.minimum.baseAddress!, maximum = self.maximum.baseAddress!
        for s in streams {
            let i = s - metricCount, x = row[s]
            minimum[i] = min(minimum[i], x)
            maximum[i] = max(maximum[i], x)
            pilot[i * pilotCapacity + k] = x
        }
    }

    /// StreamingQuantiles.addBinned for slots `streams`.
    @inline(__always)
    private func addBinned(_ row: UnsafePointer<Double>, _ streams: Range<Int>) {
        let counts = self.counts!.baseAddress!, lower = self.lower.baseAddress!, width = self.width.baseAddress!
        let minimum = self.minimum.baseAddress!, maximum = self.maximum.baseAddress!
        let bins = bins, top = Double(bins)
        for s in streams {
            let i = s - metricCount, x = row[s]
            minimum[i] = min(minimum[i], x)
            maximum[i] = max(maximum[i], x)
            // ⌊q⌋ < 0 exactly when q < 0 and ⌊q⌋ ≥ bins when q ≥ bins, and in between ⌊q⌋ is q
            // truncated: the bins of `addBinned` without a call to floor.
            let q = (x - lower[i]) / width[i]
            if q < 0 {
                below[i] += 1
            } else if q >= top {
                above[i] += 1
            } else {
                counts[i * bins + Int(saturating: q, in: 0...(bins - 1))] += 1
            }
        }
    }

    /// Block b's moments of `slots` are finished (`count` valid samples): keep or join them.
    private func finishBlock(_ b: Int, _ slots: Range<Int>, count: Int) {
        for s in slots {
            let block = MomentAccumulator(count: count, mean: mean[s], m2: m2[s])
            if keepBlocks {
                joined[(b - firstBlock) * self.slots + s] = block
            } else {
                joined[s] = joined[s].combined(with: block)
            }
            mean[s] = 0
            m2[s] = 0
        }
    }

    /// StreamingQuantiles.layBins for slots `streams` over their `pilotCount` pilot values;
    /// when `foldsPilot`, those values are counted into the bins at once.
    private func layBins(_ streams: Range<Int>, pilotCount: Int) {
        for s in streams {
            let i = s - metricCount
            let values = UnsafeBufferPointer(rebasing: pilot![(i * pilotCapacity)..<(i * pilotCapacity + pilotCount)])
            (lower[i], width[i]) = StreamingQuantiles.binLayout(pilotMinimum: values.min() ?? 0,
                                                                pilotMaximum: values.max() ?? 0, bins: bins)
            guard foldsPilot else { continue }
            for x in values {
                counts![i * bins + StreamingQuantiles.pilotBin(x, lower: lower[i], width: width[i], bins: bins)] += 1
            }
        }
        if foldsPilot { folded = true }
    }

    /// Advances the shared counts past `wave` once every worker has reduced it, and frees a
    /// pilot folded into the bins.
    func finish(_ wave: WaveResults) {
        for r in 0..<wave.count {
            let j = wave.first + r
            if j > range.lowerBound, j % blockSize == 0 { blockValid = 0 }
            guard !wave.failed[r] else { continue }
            blockValid += 1
            valid += 1
            if j < pilotSize { pilotValid += 1 }
        }
        if folded, let p = pilot {
            p.deallocate()
            pilot = nil
        }
    }

    /// The moments (joined, or per block with `keepBlocks`) and quantile streams of the
    /// stretch, after its last wave.
    func results() -> (moments: [MomentAccumulator], streams: [StreamingQuantiles]) {
        if !range.isEmpty { finishBlock((range.upperBound - 1) / blockSize, 0..<slots, count: blockValid) }
        let streams = (0..<streamCount).map { i in
            let held = folded ? 0 : min(pilotValid, pilotCapacity)
            let pilotValues = pilot.map { Array($0[(i * pilotCapacity)..<(i * pilotCapacity + held)]) } ?? []
            let binCounts = counts.map { Array($0[(i * bins)..<((i + 1) * bins)]) } ?? []
            return StreamingQuantiles(pilotSize: pilotSize, bins: bins, count: valid, pilot: pilotValues,
                                      counts: binCounts, lower: lower[i], width: width[i], below: below[i],
                                      above: above[i], minimum: minimum[i], maximum: maximum[i])
        }
        return (Array(joined), streams)
    }
}

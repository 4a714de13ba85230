extension Int {
    /// `x` rounded toward zero and clamped to `range`; NaN gives the lower bound.
    ///
    /// Model code turns Doubles (hours, table positions, histogram bins) into indices with this,
    /// so that a NaN or an infinity that slipped through gives a wrong number rather than a trap
    /// (`Int(Double.nan)` stops the program).
    @inline(__always)
    init(saturating x: Double, in range: ClosedRange<Int>) {
        if !(x > Double(range.lowerBound)) {
            self = range.lowerBound
        } else if x >= Double(range.upperBound) {
            self = range.upperBound
        } else {
            self = Int(x)
        }
    }
}

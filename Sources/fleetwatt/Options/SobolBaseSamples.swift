import ArgumentParser
import FleetModel

/// The one check of a Sobol base sample count given on the command line: `sensitivity
/// --base-samples`, `report --sobol-base-samples` and `bench --sobol-base-samples` agree.
enum SobolBaseSamples {
    /// Refuses `n` outside `SensitivityAnalysis.commandBaseSamples`, naming `flag`; with
    /// `noneAllowed` 0 (no Sobol analysis) is accepted too.
    static func check(_ n: Int, flag: String, noneAllowed: Bool = false) throws {
        let range = SensitivityAnalysis.commandBaseSamples
        if range.contains(n) || (noneAllowed && n == 0) { return }
        throw ValidationError("\(flag) must be \(noneAllowed ? "0 (none) or " : "")\(range.lowerBound) to \(range.upperBound), got \(n)")
    }
}

import Foundation
import Testing
@testable import FleetModel
import FleetTestSupport

/// Random valid variants of the shipped scenarios and the evaluated totals.
enum PropertyFixtures {
    static let scenarios = ["h100-training-100k", "inference-phoenix-air", "openai-aws-2025"]
    /// Months evaluated per variant: a year and a summer, so ramps and hot months are in, and
    /// each evaluation stays fast in a debug build.
    static let months = 13

    static func document(_ name: String) throws -> ScenarioDocument { try ScenarioDocument.embedded(name: name) }

    /// Overrides that move every uncertain input to a random point of its distribution's support
    /// (clipped to base ± 50 % where the support is unbounded) and scale each cohort count.
    static func randomOverrides(_ doc: ScenarioDocument, _ rng: inout SeededGenerator) -> [String: Double] {
        var out: [String: Double] = [:]
        for p in doc.uncertainParameters {
            guard let d = p.distribution else { continue }
            let spread = max(abs(p.base) * 0.5, 1e-9)
            let lo = max(d.lowerBound, p.base - spread), hi = min(d.upperBound, p.base + spread)
            guard lo.isFinite, hi.isFinite, lo <= hi else { continue }
            out[p.path] = lo == hi ? lo : Double.random(in: lo...hi, using: &rng)
        }
        for c in cohortCountPaths(doc) { out[c] = (out[c] ?? doc.parameters[doc.parameterIndex(c)!].base) * Double.random(in: 0.2...3, using: &rng) }
        return out
    }

    static func cohortCountPaths(_ doc: ScenarioDocument) -> [String] {
        doc.parameters.map(\.path).filter { $0.hasPrefix("fleet.cohorts.") && $0.hasSuffix(".count") }
    }

    /// The spec for `overrides`, shortened to `months`, or nil when the variant fails the checks.
    static func spec(_ doc: ScenarioDocument, _ overrides: [String: Double]) throws -> FleetSpec? {
        var spec = try doc.decode(FleetSpec.self, overrides: overrides)
        guard spec.validationIssues().isEmpty else { return nil }
        spec.term.months = min(spec.term.months, months)
        return spec
    }

    static func totals(_ spec: FleetSpec, previous: FleetEvaluator? = nil) throws -> (FleetEvaluator, Evaluation) {
        let e = try FleetEvaluator(spec: spec, previous: previous)
        return (e, try e.evaluate())
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a), abs(b), 1e-300) }
}

@Suite("Properties of every valid scenario")
struct PropertyTests {
    /// Finite, non-negative energy, water, carbon and cost (the vPPA settlement may be a credit); IT energy below the fleet's
    /// nameplate ceiling; PUE ≥ 1 over the term and in each month — for random valid variants
    /// of each shipped scenario. (facility = IT + cooling + losses holds by construction;
    /// CoolingTests checks it hour by hour.)
    @Test(arguments: PropertyFixtures.scenarios)
    func randomVariantsObeyTheEnergyBalance(_ name: String) throws {
        let doc = try PropertyFixtures.document(name)
        var rng = SeededGenerator(seed: 20251103 &+ UInt64(name.utf8.count))
        var evaluated = 0
        var previous: FleetEvaluator?
        for _ in 0..<4 {
            let overrides = PropertyFixtures.randomOverrides(doc, &rng)
            guard let spec = try PropertyFixtures.spec(doc, overrides) else { continue }
            let (e, ev) = try PropertyFixtures.totals(spec, previous: previous)
            previous = e
            evaluated += 1
            let t = ev.total()
            for m in Metric.allCases {
                // A virtual PPA settles strike − wholesale: a credit (negative) when wholesale ends above the strike.
                let floor = m == .ppaSettlement ? -Double.infinity : 0
                #expect(t[m.index].isFinite && t[m.index] >= floor, "\(name): \(m.rawValue) = \(t[m.index])")
            }
            let it = t[Metric.itEnergy.index], facility = t[Metric.facilityEnergy.index]
            #expect(it > 0)
            // No fleet draws more than every unit (spares included) at its nameplate all term:
            // board TDP + host at full load + network + storage, W, × hours.
            let hours = ev.hours.reduce(0, +)
            var ceiling = 0.0
            for c in spec.fleet.cohorts.elements {
                let hw = try #require(spec.hardware.elements.first { $0.id == c.hardware })
                ceiling += c.count * (1 + c.spareFraction) * (hw.tdpW + hw.hostMaxW + hw.networkW + hw.storageW) * hours / 1e6
            }
            #expect(it <= ceiling, "\(name): IT energy \(it) MWh above the nameplate ceiling \(ceiling) MWh")
            #expect(facility >= it && t[Metric.pue.index] >= 1)
            #expect(t[Metric.peakFacilityPower.index] >= t[Metric.averageFacilityPower.index] * (1 - 1e-12))
            for month in 0..<ev.months {
                let mIT = ev[.itEnergy, month]
                if mIT > 0 { #expect(ev[.pue, month] >= 1, "\(name) month \(month): PUE \(ev[.pue, month])") }
            }
        }
        #expect(evaluated >= 3, "most random variants of \(name) are valid")
    }

    /// Multiplying every cohort's count by k multiplies the IT energy by k.
    @Test(arguments: [("h100-training-100k", 2.5), ("inference-phoenix-air", 0.4), ("openai-aws-2025", 1.7)])
    func itEnergyScalesWithTheCounts(_ name: String, _ k: Double) throws {
        let doc = try PropertyFixtures.document(name)
        var rng = SeededGenerator(seed: 7 &+ UInt64(name.utf8.count))
        var overrides = PropertyFixtures.randomOverrides(doc, &rng)
        let spec = try #require(try PropertyFixtures.spec(doc, overrides))
        for c in PropertyFixtures.cohortCountPaths(doc) { overrides[c]! *= k }
        let scaled = try #require(try PropertyFixtures.spec(doc, overrides))
        let (e, one) = try PropertyFixtures.totals(spec)
        let (_, many) = try PropertyFixtures.totals(scaled, previous: e)
        let a = one.total()[Metric.itEnergy.index], b = many.total()[Metric.itEnergy.index]
        #expect(PropertyFixtures.relative(b, k * a) < 1e-9, "\(name): IT \(a) × \(k) = \(k * a), got \(b)")
    }

    /// More GPUs in any one cohort never lower the IT or facility energy.
    @Test(arguments: PropertyFixtures.scenarios)
    func energyIsNonDecreasingInEachCount(_ name: String) throws {
        let doc = try PropertyFixtures.document(name)
        var rng = SeededGenerator(seed: 99 &+ UInt64(name.utf8.count))
        let overrides = PropertyFixtures.randomOverrides(doc, &rng)
        let spec = try #require(try PropertyFixtures.spec(doc, overrides))
        let (e, base) = try PropertyFixtures.totals(spec)
        let paths = PropertyFixtures.cohortCountPaths(doc)
        for path in [paths.first!, paths.last!] {
            var more = overrides
            more[path] = (overrides[path] ?? 1) * 1.3
            let grown = try #require(try PropertyFixtures.spec(doc, more))
            let (_, after) = try PropertyFixtures.totals(grown, previous: e)
            for m in [Metric.itEnergy, .facilityEnergy, .coolingEnergy, .waterOnsite, .carbonLocation, .electricityCost] {
                #expect(after.total()[m.index] >= base.total()[m.index] * (1 - 1e-12),
                        "\(name): \(m.rawValue) fell when \(path) grew")
            }
        }
    }

    /// The bounded edit distance that ranks suggestions agrees with the full one: it returns the
    /// distance when it is within the bound and nil exactly when it is not (the fuzzer's 10 s
    /// input ranked 590 long paths with the full table; the bound now cuts that short).
    @Test func boundedEditDistanceAgreesWithTheFullOne() {
        var rng = SeededGenerator(seed: 42)
        let alphabet = Array("ab.c_-1é")
        func word() -> [Unicode.Scalar] {
            String((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                .unicodeScalars.map { $0 }
        }
        for _ in 0..<2000 {
            let a = word(), b = word()
            let full = ClosestMatch.distance(a, b, atMost: Int.max)!
            let bound = Int.random(in: 0...8, using: &rng)
            let cut = ClosestMatch.distance(a, b, atMost: bound)
            #expect(cut == (full <= bound ? full : nil), "\(a) \(b) bound \(bound): full \(full), cut \(String(describing: cut))")
            #expect(full == ClosestMatch.distance(b, a, atMost: Int.max)!)
            #expect(full >= abs(a.count - b.count) && full <= max(a.count, b.count))
        }
        #expect(ClosestMatch.levenshtein("kitten", "sitting") == 3)
        #expect(ClosestMatch.suggestion(for: "corelations", among: ["contract", "correlations", "fleet"]) == "correlations")
        #expect(ClosestMatch.nearest(to: "us-texas", among: ["us-east-1", "us-tx"]) == "us-tx")
        // An abbreviation beats a closer edit: h100 -> v100 is 1 edit, h100 -> h100-sxm is 4.
        #expect(ClosestMatch.levenshtein("h100", "v100") == 1 && ClosestMatch.levenshtein("h100", "h100-sxm") == 4)
        #expect(ClosestMatch.nearest(to: "h100", among: ["v100", "h100-sxm", "h100-pcie-long"]) == "h100-sxm")
        #expect(ClosestMatch.suggestion(for: "H100", among: ["v100", "h100-sxm"]) == "h100-sxm")
        // Contained (not a prefix) comes after every prefix, and before edit distance.
        #expect(ClosestMatch.suggestion(for: "sxm", among: ["sx", "h100-sxm"]) == "h100-sxm")
        #expect(ClosestMatch.suggestion(for: "gb", among: ["a100", "gb300-nvl72", "gb200"]) == "gb200")
    }

    /// Decoding without key tracking (the Monte Carlo path) of a scenario that has `schema` and
    /// `correlations` keys: it indexed an empty table and trapped.
    @Test func decodeWithoutKeyTrackingDoesNotTrap() throws {
        let doc = try PropertyFixtures.document("h100-training-100k")
        let spec = try doc.decode(FleetSpec.self, checkUnknownKeys: false)
        #expect(spec.fleet.cohorts.count == 1)
    }
}

import Foundation
import Testing
@testable import FleetModel
import FleetTestSupport

/// The NumPy peer (`scripts/bench/numpy_peer.py`), the yardstick of docs/PERFORMANCE.md, implements
/// the same equations independently; its base totals must agree with fleetwatt's, so that the
/// speed it is compared at is the speed of the same model. When the model changes and the peer
/// does not, this test fails and says which metric moved.
@Suite("NumPy peer")
struct NumPyPeerTests {
    /// The Python that runs the peer: $FLEETWATT_PYTHON (scripts/test), else python3.
    static let python = TestSupport.python

    /// Whether that Python has what the peer imports (the test is skipped without it).
    static let peerAvailable: Bool =
        (try? TestSupport.run([python, "-c", "import numpy, scipy, yaml"]))?.status == 0

    /// Largest relative difference allowed on a base total. Measured (NumPy 2.4.6, SciPy 1.17.1):
    /// ≤ 4.5e-15 on all 29 metrics of the three shipped scenarios, which differ from fleetwatt's
    /// only in summation order (the peer reads the same part-load tables); 1e-12 leaves room for
    /// other NumPy versions' summation, and a changed equation moves a total by far more.
    static let tolerance = 1e-12

    static let scenarios = ["openai-aws-2025", "h100-training-100k", "inference-phoenix-air"]

    @Test("Peer --base agrees with fleetwatt's base totals on every metric", .enabled(if: peerAvailable, "the NumPy peer needs numpy, scipy and pyyaml (./scripts/test installs them; optional, as issue 13 asks)"),
          arguments: scenarios)
    func baseAgrees(name: String) throws {
        let root = TestSupport.repoRoot
        let path = root.appendingPathComponent("models/scenarios/\(name).yaml").path
        // fleetwatt's base totals: what `fleetwatt run --samples 0` reports as `totals.*.base`.
        let spec = try ScenarioDocument.load(path: path).decode(FleetSpec.self)
        let totals = try FleetEvaluator(spec: spec).evaluate().total()
        let run = try TestSupport.run([Self.python, "scripts/bench/numpy_peer.py", "--base", "--scenario", path], in: root)
        try #require(run.status == 0, "numpy_peer.py failed: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let base = try #require(json["base"] as? [String: Double])
        #expect(Set(base.keys) == Set(Metric.allCases.map(\.rawValue)), "the peer reports every metric")
        for m in Metric.allCases {
            let peer = try #require(base[m.rawValue], "peer lacks \(m.rawValue)")
            expectClose(peer, totals[m.index], relative: Self.tolerance, absolute: 1e-9, "\(name): \(m.rawValue)")
        }
    }
}

import Foundation
import Testing
import GSL

@Suite("GSLError")
struct GSLErrorTests {
    /// The named codes carry GSL's status numbers (gsl_errno.h, GSL 2.x).
    @Test func namedCodesAreGSLsStatusNumbers() {
        let expected: [(GSLError, Int32)] = [
            (.domain, 1), (.range, 2), (.invalidArgument, 4), (.failed, 5), (.outOfMemory, 8), (.badFunction, 9),
            (.maximumIterations, 11), (.badTolerance, 13), (.toleranceNotReached, 14), (.roundOff, 18),
            (.badLength, 19), (.notSquare, 20), (.divergent, 22),
        ]
        for (error, code) in expected { #expect(error.rawValue == code, "\(error)") }
        #expect(Set(expected.map(\.0)).count == expected.count, "no two names share a code")
    }

    /// Equality and `catch` patterns look at the code only; the context is for the message.
    @Test func identityIsTheCodeAndTheContextIsTheMessage() {
        let e = GSLError.roundOff.with(context: "QAG on [0, 24]")
        #expect(e == .roundOff && e != .maximumIterations)
        #expect(e.context == "QAG on [0, 24]" && GSLError.roundOff.context.isEmpty)
        #expect(e.description.hasPrefix("QAG on [0, 24]: ") && e.description.hasSuffix("(GSL status 18)"))
        #expect(e.reason.contains("roundoff"), "gsl_strerror: \(e.reason)")
        func caught(_ thrown: any Error) -> String {
            do { throw thrown } catch GSLError.roundOff { return "round-off" } catch GSLError.maximumIterations {
                return "iterations"
            } catch { return "other" }
        }
        #expect(caught(e) == "round-off")
        #expect(caught(GSLError.maximumIterations.with(context: "x")) == "iterations")
        #expect(caught(GSLError.domain) == "other")
    }

    /// A status from GSL itself comes through `check` with the wrapper's context.
    @Test func statusFromGSLCarriesTheWrappersContext() throws {
        let error = try #require(throws: GSLError.self) {
            try Quadrature.qag(0, 1, options: .init(relativeTolerance: 1e-12, limit: 2)) { sin(200 * $0) }
        }
        #expect(error == .maximumIterations)
        #expect(!error.context.isEmpty, "\(error)")
    }
}

import DiagonalNetworks
import Foundation
import Testing

/// The inverse of the link on the support (`DepthPotential.supportCoordinate(ofValue:logAlpha:)`): the output
/// rebuilt from the coordinate it returns is the output it was given, from α = 1e-300 to 1e3.
@Suite("Link inverse on the support")
struct LinkInverseTests {
    @Test(
        "σα[t^(−p) − (2−t)^(−p)] (D ≥ 3) or 2α sinh v (D = 2) at v = supportCoordinate(x) gives x back",
        arguments: [2, 3, 4, 7], [-1e300, -1e3, 1e-300, 1e-20, 0.7, 1e3])
    func roundTrip(depth: Int, value: Double) {
        let potential = DepthPotential(depth: depth)
        for logAlpha in [log(1e-300), log(1e-10), 0, log(1e3)] {
            let v = potential.supportCoordinate(ofValue: value, logAlpha: logAlpha)
            let sign: Double = value < 0 ? -1 : 1
            if depth > 2 { #expect(v < 0, "D = \(depth): t = e^v < 1 on the side of x's sign") }
            let rebuilt = TestInstances.supportOutput(depth: depth, coordinate: v, sign: sign, logAlpha: logAlpha)
            #expect(abs(rebuilt / value - 1) < 1e-12, "D = \(depth), x = \(value), ln α = \(logAlpha): v = \(v)")
        }
    }

    @Test("away from the boundary it agrees with the link itself: α·h_D(σ(1 − e^v)) = x", arguments: [3, 4, 5])
    func againstLink(depth: Int) {
        let potential = DepthPotential(depth: depth)
        for value in [-2.5, -0.3, 0.01, 1.7] {
            let v = potential.supportCoordinate(ofValue: value, logAlpha: log(0.5))
            let z = (value < 0 ? -1.0 : 1) * (1 - exp(v))
            #expect(abs(potential.scaledLink(z, logAlpha: log(0.5)).value / value - 1) < 1e-12)
        }
    }
}

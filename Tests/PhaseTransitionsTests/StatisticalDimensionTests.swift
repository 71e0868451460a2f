import Testing

@testable import PhaseTransitions

@Suite("ψ, the statistical dimension of the ℓ1 descent cone")
struct StatisticalDimensionTests {
    /// ψ(ε) and τ*(ε) as SciPy computes them (minimize_scalar, bounded, xatol 1e-12; independent code).
    @Test(arguments: [
        (0.01, 0.06124395943638552, 1.945111352342614), (0.1, 0.3287935054536299, 1.1401711408790938),
        (0.2, 0.5111296103730968, 0.861592117898214), (0.5, 0.8312999057064563, 0.43632655428433875),
    ])
    func psiMatchesSciPy(epsilon: Double, psi: Double, tau: Double) {
        #expect(abs(StatisticalDimension.psi(epsilon) - psi) < 1e-9)
        #expect(abs(StatisticalDimension.minimizer(epsilon: epsilon) - tau) < 1e-5)
    }

    @Test func endpointsAndShape() {
        #expect(StatisticalDimension.psi(0) == 0)
        #expect(StatisticalDimension.psi(1) == 1)
        let values = stride(from: 0.0, through: 1.0, by: 0.05).map(StatisticalDimension.psi)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
        // ψ(ε) ≥ ε (the descent cone contains the span of the support's signs) and ≤ 1.
        #expect(stride(from: 0.05, to: 1.0, by: 0.05).allSatisfy { StatisticalDimension.psi($0) >= $0 })
    }

    /// Donoho & Tanner's weak threshold for the cross-polytope: ρ_W(1/2) ≈ 0.385.
    @Test func weakThresholdAtOneHalf() {
        #expect(abs(StatisticalDimension.transition(delta: 0.5) - 0.385) < 0.001)
        #expect(abs(StatisticalDimension.transition(delta: 0.5) - 0.38568966618148115) < 1e-8)
        #expect(StatisticalDimension.transition(delta: 1) == 1)
    }

    @Test func minimizerIsTheMinimum() {
        for epsilon in [0.001, 0.3, 0.9, 0.999] {
            let tau = StatisticalDimension.minimizer(epsilon: epsilon)
            let best = StatisticalDimension.objective(tau, epsilon: epsilon)
            #expect(best <= StatisticalDimension.objective(tau * 1.01 + 1e-9, epsilon: epsilon))
            #expect(best <= StatisticalDimension.objective(tau * 0.99, epsilon: epsilon))
        }
    }
}

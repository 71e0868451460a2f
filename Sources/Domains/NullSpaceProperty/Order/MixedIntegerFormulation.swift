import LinearProgramming

/// α_s as one mixed-integer program, solved by GLPK's branch-and-cut (`glp_intopt`): an independent
/// second method for ρ_s that shares no search code with the branch-and-bound.
///
/// With aᵢ = α_{i} = max { |vᵢ| : A v = 0, ‖v‖₁ ≤ 1 } (n LPs), variables per column i: vᵢ ∈ [−aᵢ, aᵢ],
/// wᵢ ∈ [0, aᵢ] (wᵢ ≥ |vᵢ|), tᵢ ∈ [0, aᵢ] (tᵢ = τᵢ vᵢ on the chosen support, 0 elsewhere), and binaries
/// zᵢ⁺, zᵢ⁻ (i ∈ S with τᵢ = ±1):
///
///     maximize Σ tᵢ   s.t.  A v = 0,   Σ wᵢ ≤ 1,   wᵢ ≥ vᵢ,  wᵢ ≥ −vᵢ,  tᵢ ≤ wᵢ,
///                           tᵢ ≤ vᵢ + 2aᵢ(1 − zᵢ⁺),   tᵢ ≤ −vᵢ + 2aᵢ(1 − zᵢ⁻),   tᵢ ≤ aᵢ(zᵢ⁺ + zᵢ⁻),
///                           zᵢ⁺ + zᵢ⁻ ≤ 1,   Σ (zᵢ⁺ + zᵢ⁻) ≤ s,   Σ zᵢ⁺ ≥ Σ zᵢ⁻  (v ↦ −v symmetry).
///
/// Its optimum is max_{|S| ≤ s, τ} max { ⟨τ, v_S⟩ : A v = 0, ‖v‖₁ ≤ 1 } = α_s.
enum MixedIntegerFormulation {
    /// Column layout: v, w, t (n each), then z⁺, z⁻ (n each, binary; in [0, 1] when `relaxed`: the LP
    /// relaxation, whose optimum bounds α_s from above).
    static func program(
        matrix: NullSpaceMatrix, order s: Int, columnBounds a: [Double],
        relaxed: Bool = false
    ) -> LinearProgram<Double> {
        let n = matrix.columns, m = matrix.rows
        var lp = LinearProgram<Double>(direction: .maximize)
        for i in 0..<n { lp.addVariable(bounds: .between(-a[i], a[i])) }
        for i in 0..<n { lp.addVariable(bounds: .between(0, a[i])) }
        for i in 0..<n { lp.addVariable(bounds: .between(0, a[i]), cost: 1) }
        for _ in 0..<(2 * n) { lp.addVariable(bounds: .between(0, 1), isInteger: !relaxed) }
        let v = 0, w = n, t = 2 * n, plus = 3 * n, minus = 4 * n
        for r in 0..<m {
            lp.addConstraint(
                (0..<n).compactMap { matrix.matrix[r, $0] == 0 ? nil : (v + $0, matrix.matrix[r, $0]) }, .fixed(0))
        }
        lp.addConstraint((0..<n).map { (w + $0, 1.0) }, .atMost(1))
        for i in 0..<n {
            lp.addConstraint([(w + i, 1), (v + i, -1)], .atLeast(0))
            lp.addConstraint([(w + i, 1), (v + i, 1)], .atLeast(0))
            lp.addConstraint([(t + i, 1), (w + i, -1)], .atMost(0))
            lp.addConstraint([(t + i, 1), (v + i, -1), (plus + i, 2 * a[i])], .atMost(2 * a[i]))
            lp.addConstraint([(t + i, 1), (v + i, 1), (minus + i, 2 * a[i])], .atMost(2 * a[i]))
            lp.addConstraint([(t + i, 1), (plus + i, -a[i]), (minus + i, -a[i])], .atMost(0))
            lp.addConstraint([(plus + i, 1), (minus + i, 1)], .atMost(1))
        }
        lp.addConstraint((0..<n).flatMap { [(plus + $0, 1.0), (minus + $0, 1.0)] }, .atMost(Double(s)))
        lp.addConstraint((0..<n).flatMap { [(plus + $0, 1.0), (minus + $0, -1.0)] }, .atLeast(0))
        return lp
    }
}

extension NullSpaceMatrix {
    /// ρ_s by the MILP of `MixedIntegerFormulation` (GLPK branch-and-cut).
    ///
    /// - Parameters:
    ///   - s: the order, 1 ≤ s ≤ min(m, n).
    ///   - timeLimit: stop GLPK after this long; the result is then an interval [incumbent, bound]: GLPK's best
    ///     bound of its unexplored nodes where it is consistent, else the LP relaxation or the pick-1 bound.
    ///   - solver: the GLPK configuration of the n column LPs (and the MILP's relaxation).
    /// - Throws: ``NullSpacePropertyError`` for an invalid order or a failed LP/MILP.
    /// - Complexity: n LPs, then a MILP with 3n continuous and 2n binary variables (exponential worst case).
    public func mixedIntegerOrderConstant(
        order s: Int, timeLimit: Duration? = nil,
        solver: LPSolver = LPSolver()
    ) throws(NullSpacePropertyError) -> OrderConstant {
        try validate(order: s)
        let start = ContinuousClock.now
        var columnBounds: [Double] = []
        for j in 0..<columns { columnBounds.append(try supportConstant([j], solver: solver).alpha) }
        let pickOne = min(1, columnBounds.sorted(by: >).prefix(s).reduce(0, +))
        var milpSolver = solver
        milpSolver.options.timeLimit = timeLimit
        milpSolver.options.warmStart = nil
        let solution: LPSolution
        do {
            solution = try milpSolver.solve(
                MixedIntegerFormulation.program(matrix: self, order: s, columnBounds: columnBounds))
        } catch { throw .linearProgram(error) }
        let witness = Array(solution.x.prefix(columns))
        let found = [.optimal, .feasible].contains(solution.status) ? Incumbent.fromWitness(witness, order: s) : nil
        let complete = solution.status == .optimal
        let lower = found?.alpha ?? 0
        var upper = pickOne,
            source =
                "pick-1 bound α_s ≤ Σ of the s largest α_{j} (the MILP stopped: "
                + "\(solution.status.rawValue))"
        if complete {
            upper = abs(solution.objective - lower) <= 1e-7 ? lower : max(lower, solution.objective)
            source = "GLPK branch-and-cut proved optimality (to its tolerances)"
        } else if let best = solution.bestBound, best.isFinite, best >= lower - 1e-7, best * (1 + 1e-9) < upper {
            // GLPK's bound is trusted only where it is consistent: finite, not below the incumbent it must cover,
            // and tighter than the pick-1 bound (else that one stays).
            upper = max(lower, best * (1 + 1e-9))
            source =
                "GLPK's best bound of the unexplored branch-and-cut nodes (the MILP stopped: "
                + "\(solution.status.rawValue))"
        } else if let relaxation = try? solver.solve(
            MixedIntegerFormulation.program(
                matrix: self, order: s, columnBounds: columnBounds, relaxed: true)),
            relaxation.status == .optimal, relaxation.objective * (1 + 1e-9) < upper
        {
            upper = relaxation.objective * (1 + 1e-9)
            source =
                "the MILP's LP relaxation bound (the MILP stopped: \(solution.status.rawValue); GLPK reported no "
                + "usable bound of its branch-and-cut)"
        }
        let elapsed = (ContinuousClock.now - start).components
        return OrderConstant(
            order: s, method: .mixedInteger, lowerAlpha: lower,
            upperAlpha: max(lower, upper),
            incumbent: found ?? .none,
            complete: complete,
            upperBoundSource: source,
            lpsSolved: columns, naiveLPs: binomialDouble(columns, s) * Double(SignPattern.count(s)), supportsSolved: 0,
            shard: .whole, matrixDigest: digest,
            seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }
}

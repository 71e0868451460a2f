import Synchronization

/// Progress reports and checkpoints.
extension OrderSearch {
    func report(_ phase: String, done: Int, total: Int) {
        guard let progress = options.progress else { return }
        let (lps, alpha) = shared.withLock { ($0.lps, $0.incumbent.alpha) }
        progress(
            SearchProgress(
                phase: phase, done: done, total: total, lpsSolved: lps, lowerAlpha: alpha,
                seconds: seconds))
    }

    func template(_ state: Shared, solved: [SolvedSubset] = []) -> Checkpoint {
        Checkpoint(
            method: mode.rawValue, matrixDigest: matrix.digest, rows: matrix.rows, columns: matrix.columns,
            order: s, shard: options.shard, chunkSize: chunkSize, chunkCount: chunkCount,
            completedChunks: state.completed.sorted(), incumbent: state.incumbent, lpsSolved: state.lps,
            supportsSolved: state.supportsSolved, seconds: state.previousSeconds + seconds,
            solvedSubsets: solved, seeds: state.singletonWitnesses, localSearchDone: state.localSearchDone,
            closedSupports: state.closedSupports.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// Resumes from the checkpoint file, if there is one: its solved subsets go back into the tables, its
    /// finished chunks and supports are skipped, and its incumbent is trusted only after its support is re-solved.
    func restoreCheckpoint() throws(NullSpacePropertyError) {
        guard let path = options.checkpointPath, let saved = try Checkpoint.load(path: path) else { return }
        try saved.validate(against: template(Shared()), path: path)
        let resumes =
            !saved.completedChunks.isEmpty || !saved.solvedSubsets.isEmpty || saved.localSearchDone
            || !(saved.closedSupports ?? []).isEmpty
        guard !options.certifyBounds || !resumes else {
            throw .invalidParameter(
                "certified bounds cover one uninterrupted run; work finished in an earlier run "
                    + "(checkpoint \(path)) has no proven bounds — run without the checkpoint")
        }
        if let levels {
            for entry in saved.solvedSubsets {
                guard levels.accepts(entry) else {
                    throw Checkpoint.unusable(
                        path,
                        "it lists a solved subset \(entry.support) that does not fit "
                            + "a \(matrix.rows)×\(matrix.columns) matrix and order \(s)")
                }
                levels.setExact(entry.support, alphas: entry.alphas)
            }
        }
        if let wrong = saved.closedSupports?.first(where: { !coder.contains($0) }) {
            throw Checkpoint.unusable(path, "it lists a finished support \(wrong) that is no support of size \(s)")
        }
        var incumbent = saved.incumbent, lps = saved.lpsSolved
        if !incumbent.support.isEmpty {
            let check = try matrix.supportConstant(incumbent.support, solver: options.solver)
            lps += check.lpsSolved
            guard check.alpha >= incumbent.alpha - 1e-9 else {
                throw Checkpoint.unusable(
                    path,
                    "its incumbent claims α = \(incumbent.alpha) on S = "
                        + "\(incumbent.support), but re-solving that support gives α_S = \(check.alpha) (the file was edited or is damaged)"
                )
            }
            incumbent = Incumbent(
                alpha: check.alpha, support: check.support, signs: check.signs,
                witness: check.witness)
        }
        shared.withLock {
            $0.completed = Set(saved.completedChunks)
            $0.incumbent = incumbent
            $0.lps = lps
            $0.supportsSolved = saved.supportsSolved
            $0.previousSeconds = saved.seconds
            $0.singletonWitnesses = saved.seeds
            $0.localSearchDone = saved.localSearchDone
            $0.closedSupports = Set(saved.closedSupports ?? [])
        }
    }

    /// Saves the state (with `force`, always; otherwise at most once per second, and never more often than
    /// every 20 times the last save's own duration, so that large tables do not slow the search).
    func saveCheckpoint(force: Bool) throws(NullSpacePropertyError) {
        guard let path = options.checkpointPath else { return }
        let due: Bool = shared.withLock {
            let interval = max(.seconds(1), $0.lastSaveCost * 20)
            guard force || ContinuousClock.now - $0.lastSave >= interval else { return false }
            $0.lastSave = ContinuousClock.now
            return true
        }
        guard due else { return }
        let started = ContinuousClock.now
        let solved = levels?.exactEntries() ?? []
        let checkpoint = shared.withLock { template($0, solved: solved) }
        try checkpoint.save(path: path)
        shared.withLock { $0.lastSaveCost = ContinuousClock.now - started }
    }
}

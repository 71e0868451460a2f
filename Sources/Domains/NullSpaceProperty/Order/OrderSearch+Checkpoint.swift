import Synchronization

/// Progress reports and checkpoints.
extension OrderSearch {
    func report(_ phase: String, done: Int, total: Int) {
        guard let progress = options.progress else { return }
        let (lps, alpha) = shared.withLock { ($0.lps, $0.incumbent.alpha) }
        progress(SearchProgress(phase: phase, done: done, total: total, lpsSolved: lps, lowerAlpha: alpha, seconds: seconds))
    }

    func template(_ state: Shared) -> Checkpoint {
        Checkpoint(matrixDigest: matrix.digest, rows: matrix.rows, columns: matrix.columns, order: s,
                   shard: options.shard, chunkSize: chunkSize, chunkCount: chunkCount,
                   completedChunks: state.completed.sorted(), incumbent: state.incumbent, lpsSolved: state.lps,
                   supportsSolved: state.supportsSolved, seconds: state.previousSeconds + seconds)
    }

    func restoreCheckpoint() throws(NullSpacePropertyError) {
        guard let path = options.checkpointPath, let saved = try Checkpoint.load(path: path) else { return }
        try saved.validate(against: template(Shared()), path: path)
        guard !options.certifyBounds || saved.completedChunks.isEmpty else {
            throw .invalidParameter("certified bounds cover one uninterrupted run; chunks finished in an earlier run "
                + "(checkpoint \(path)) have no proven bounds — run without the checkpoint")
        }
        shared.withLock {
            $0.completed = Set(saved.completedChunks)
            $0.incumbent = saved.incumbent
            $0.incumbentFromWitness = true
            $0.lps = saved.lpsSolved
            $0.supportsSolved = saved.supportsSolved
            $0.previousSeconds = saved.seconds
        }
    }

    func saveCheckpoint(force: Bool) throws(NullSpacePropertyError) {
        guard let path = options.checkpointPath else { return }
        let checkpoint: Checkpoint? = shared.withLock {
            guard force || ContinuousClock.now - $0.lastSave >= .seconds(1) else { return nil }
            $0.lastSave = ContinuousClock.now
            return template($0)
        }
        try checkpoint?.save(path: path)
    }
}

import Synchronization

/// The order level: chunks of supports of size s, bounded, refined, solved or pruned.
extension OrderSearch {
    /// Processes one chunk of supports of size s; `false` when the time limit interrupted it.
    func processChunk(_ chunk: Int) throws(NullSpacePropertyError) -> Bool {
        let first = chunk * chunkSize, last = min(coder.count, first + chunkSize)
        var support = coder.subset(rank: first)
        for rank in first..<last {
            if timeIsUp { return false }
            if shared.withLock({ $0.incumbent.alpha }) >= 1 { break }
            try process(support)
            if rank + 1 < last { _ = coder.advance(&support) }
        }
        shared.withLock { _ = $0.completed.insert(chunk) }
        return true
    }

    /// The patterns of S whose bound exceeds the incumbent (all of them without pruning).
    func livePatterns(_ support: [Int]) -> [Int] {
        let all = Array(0..<SignPattern.count(s))
        guard let levels else { return all }
        let bounds = levels.averaged(support)
        let threshold = shared.withLock { $0.incumbent.alpha } - options.pruningTolerance
        return all.filter { bounds[$0] > threshold }
    }

    func process(_ support: [Int]) throws(NullSpacePropertyError) {
        var live = livePatterns(support)
        if live.isEmpty { return certifyPruned(support) }
        if let levels, s >= 4 {
            let subsets = (0..<s).map { j in
                var t = support; t.remove(at: j); return t
            }
            .filter { !levels.isExact($0) }
            .sorted { levels.bounds($0).max() ?? 0 > levels.bounds($1).max() ?? 0 }
            for subset in subsets {
                try store(try matrix.supportConstant(subset, solver: options.solver), in: levels)
                live = livePatterns(support)
                if live.isEmpty { return certifyPruned(support) }
            }
        }
        if options.certifyBounds { live = Array(0..<SignPattern.count(s)) }
        let order = live.sorted { ($0 ^ ($0 >> 1)) < ($1 ^ ($1 >> 1)) }
        let constant = try matrix.supportConstant(support, patterns: order, solver: options.solver)
        try record(constant, atOrderLevel: true)
        if options.certifyBounds {
            let proven = CertifiedBound.alphas(
                exact: matrix.exact, support: support, certificates: constant.certificates)
            offerCertified(support, alpha: proven.max() ?? 1)
        }
    }

    /// Records an exactly solved subset in the tables (and its proven bounds in certify mode).
    ///
    /// The proven table is written first: a thread that prunes with the new floating-point value then
    /// always finds the matching proven value.
    func store(_ constant: SupportConstant, in levels: LevelBounds) throws(NullSpacePropertyError) {
        certified?.setExact(
            constant.support,
            alphas: CertifiedBound.alphas(
                exact: matrix.exact, support: constant.support,
                certificates: constant.certificates))
        levels.setExact(constant.support, alphas: constant.patternValues.map(alphaOf))
        if levels.duals != nil {
            levels.setDuals(constant.support, vectors: constant.certificates.map(matrix.rowCombination))
        }
        try record(constant, atOrderLevel: false)
    }

    /// Certify mode: the proven bound of a pruned support.
    func certifyPruned(_ support: [Int]) {
        guard let certified else { return }
        offerCertified(support, alpha: certified.averaged(support).max() ?? 1)
    }

    func offerCertified(_ support: [Int], alpha: Double) {
        shared.withLock {
            var top = $0.certifiedTop.filter { $0.support != support } + [(support, alpha)]
            top.sort { $0.alpha > $1.alpha }
            $0.certifiedTop = Array(top.prefix(2))
        }
    }
}

import Foundation
import NullSpaceProperty
import Synchronization

/// A one-line progress bar on stderr (only when stderr is a terminal): phase, percentage, LPs, rate, ETA,
/// and the current lower bound on α.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
        var phase = ""
        var phaseStart = ContinuousClock.now
    }
    private let state = Mutex(State())

    init(enabled: Bool) { self.enabled = enabled }

    var callback: (@Sendable (SearchProgress) -> Void)? {
        guard enabled else { return nil }
        return { [self] progress in draw(progress) }
    }

    private func draw(_ progress: SearchProgress) {
        let now = ContinuousClock.now
        let phaseStart: ContinuousClock.Instant? = state.withLock { state in
            if state.phase != progress.phase { (state.phase, state.phaseStart) = (progress.phase, now) }
            if let last = state.lastDraw, now - last < .milliseconds(200), progress.done < progress.total { return nil }
            state.lastDraw = now
            state.drawn = true
            return state.phaseStart
        }
        guard let phaseStart else { return }
        let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 0
        let width = 24, filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let rate = progress.seconds > 0 ? Double(progress.lpsSolved) / progress.seconds : 0
        // The ETA extrapolates the current phase's own pace.
        let elapsed = phaseStart.elapsedSeconds
        let eta = fraction > 0 && elapsed > 0 ? elapsed * (1 - fraction) / fraction : .nan
        let phase = progress.phase.padding(toLength: 10, withPad: " ", startingAt: 0)
        let etaText = eta.isFinite ? String(format: "%.0fs", eta) : "?"
        let line =
            "\r\(phase) [\(bar)] "
            + String(format: "%3.0f%%  %d LPs  %.0f LP/s", fraction * 100, progress.lpsSolved, rate)
            + "  ETA \(etaText)  " + String(format: "α ≥ %.6f ", progress.lowerAlpha)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the bar's line.
    func finish() {
        if enabled, state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension ContinuousClock.Instant {
    /// Seconds since this instant.
    var elapsedSeconds: Double {
        let (seconds, attoseconds) = (ContinuousClock.now - self).components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

import Foundation
import Synchronization

/// The one progress line every long command (`nsp`, `phase`, `sweep`, `bp`) draws on stderr, only when stderr is a
/// terminal and `--quiet` is not given: `<phase> [#####-----]  42%  <details>  ETA 12s`.
///
/// Thread-safe (`Mutex`), redrawn at most five times a second (the last step always), so that callbacks from
/// worker threads cost nothing when nobody watches. The ETA extrapolates the current phase's own pace.
final class ProgressBar: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
        var phase = ""
        var phaseStart = ContinuousClock.now
    }
    private let enabled: Bool
    private let state = Mutex(State())

    /// A bar that draws only when `enabled` and stderr is a terminal.
    init(enabled: Bool) { self.enabled = enabled && isatty(2) == 1 }

    /// Draws `done` of `total` steps of `phase`, followed by `details` (computed only when the line is drawn).
    func update(phase: String, done: Int, total: Int, details: () -> String) {
        guard let phaseStart = claimDraw(phase: phase, final: done >= total) else { return }
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let width = 24, filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let elapsed = phaseStart.elapsedSeconds
        let eta = fraction > 0 && elapsed > 0 ? elapsed * (1 - fraction) / fraction : .nan
        let line =
            "\r\(phase.padding(toLength: 10, withPad: " ", startingAt: 0)) [\(bar)] "
            + String(format: "%3.0f%%  ", fraction * 100) + details()
            + "  ETA " + (eta.isFinite ? String(format: "%.0fs", eta) : "?") + " \u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Draws `phase` and `details` alone, for work whose size is unknown (no bar, no ETA): `<phase>  <details>`.
    func status(phase: String, details: () -> String) {
        guard claimDraw(phase: phase, final: false) != nil else { return }
        let line = "\r\(phase.padding(toLength: 10, withPad: " ", startingAt: 0))  " + details() + " \u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Whether to draw now (enabled, and the last drawing is 200 ms old or `final`), and the start of `phase`.
    private func claimDraw(phase: String, final: Bool) -> ContinuousClock.Instant? {
        guard enabled else { return nil }
        let now = ContinuousClock.now
        return state.withLock { state in
            if state.phase != phase { (state.phase, state.phaseStart) = (phase, now) }
            if let last = state.lastDraw, now - last < .milliseconds(200), !final { return nil }
            state.lastDraw = now
            state.drawn = true
            return state.phaseStart
        }
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

import Dispatch
import Foundation
import ScaleOut

/// SIGINT and SIGTERM during a long `nsp` search: the first one asks the search to stop (it saves its
/// final checkpoint and reports its interval), a second one ends the process at once.
final class InterruptHandler {
    /// The request the search polls.
    let stop = StopRequest()
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers (until ``uninstall()``).
    init() {
        let stop = self.stop
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isRequested { _exit(128 + number) }
                stop.request(reason: number)
                let name = number == SIGINT ? "SIGINT" : "SIGTERM"
                let note = "\n\(name): stopping, saving the checkpoint (again to quit now)\n"
                FileHandle.standardError.write(Data(note.utf8))
            }
            source.resume()
            return source
        }
    }

    /// Restores the default actions.
    func uninstall() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// The exit status after an interruption (128 + the signal number), `nil` when none came.
    var exitStatus: Int32? { stop.reason.map { 128 + $0 } }
}

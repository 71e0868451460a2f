import Foundation

/// Runs the built `sparsecert` executable (or a shell line using it), as a user would, and captures what
/// it prints.
struct CommandRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The folder holding the built products (the test bundle sits beside the executable).
    static var productsDirectory: URL {
        #if os(macOS)
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        return Bundle.main.bundleURL
    }

    /// Runs `sparsecert arguments…` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Output {
        try launch(productsDirectory.appendingPathComponent("sparsecert"), arguments, in: directory)
    }

    /// Runs a line with `/bin/sh -c` in `directory`, with the built `sparsecert` first on PATH.
    static func shell(_ line: String, in directory: URL) throws -> Output {
        try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", line], in: directory)
    }

    private static func launch(_ executable: URL, _ arguments: [String], in directory: URL?) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = productsDirectory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr on another thread so that neither pipe can fill up and block the child.
        let errors = ErrorReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errors.wait(), as: UTF8.self))
    }
}

/// Drains a pipe in the background.
private final class ErrorReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

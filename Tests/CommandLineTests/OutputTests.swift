import Foundation
import TestSupport
import Testing

/// Output that cannot be lost: a failed write to standard output or to a file exits non-zero with a
/// message, for every command; files are replaced atomically, or written through links, devices and FIFOs.
@Suite("output that cannot be lost")
struct OutputTests {
    /// A folder with a small problem `g.json`, an LP `lp.json` and a certificate `c.cert`.
    static func scratch() throws -> URL {
        let url = try TemporaryFolder("sparsecert-output").url
        try "{\"A\": [[1, \"1/2\", 0], [0, 1, 1]], \"y\": [1, 1]}".write(
            to: url.appendingPathComponent("g.json"), atomically: true, encoding: .utf8)
        try "{\"c\": [1, 1], \"A_eq\": [[1, 1]], \"b_eq\": [1]}".write(
            to: url.appendingPathComponent("lp.json"), atomically: true, encoding: .utf8)
        let certified = try CommandRunner.run(
            ["certify", "g.json", "--depth", "3", "--alpha", "1e-6", "--out", "c.cert"], in: url)
        #expect(certified.status == 0, "\(certified.stderr)")
        return url
    }

    /// One invocation of every command that prints to standard output.
    static let commands: [[String]] = [
        ["demo", "--plot", "demo.svg"],
        ["generate", "gaussian", "--rows", "3", "--columns", "6", "--sparsity", "1", "--out", "r.json"],
        ["lp", "lp.json"],
        ["bp", "g.json"],
        ["bp", "g.json", "--json"],
        ["nsp", "g.json", "--order", "1"],
        ["flow", "g.json", "--depth", "2", "--alpha", "1e-3"],
        ["certify", "g.json", "--depth", "3", "--alpha", "1e-6"],
        ["verify", "c.cert"],
        ["sweep", "g.json", "--depths", "2", "--alphas", "1e-2:1e-3:2"],
        ["phase", "--columns", "8", "--deltas", "0.5", "--rhos", "0.3", "--trials", "1", "--seed", "1", "--quiet"],
        ["--help"],
    ]

    @Test("a full disk on stdout (/dev/full) exits 1 with a message", arguments: commands)
    func fullDisk(arguments: [String]) throws {
        let folder = try Self.scratch()
        let output = try CommandRunner.shell(
            "sparsecert " + arguments.joined(separator: " ") + " > /dev/full", in: folder)
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stderr.contains("cannot write to standard output (No space left on device)"), "\(output.stderr)")
    }

    @Test("a closed pipe on stdout exits 1 with a message, not a silent SIGPIPE", arguments: commands)
    func closedPipe(arguments: [String]) throws {
        let folder = try Self.scratch()
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("sparsecert")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        try out.fileHandleForReading.close()
        process.standardOutput = out.fileHandleForWriting
        process.standardError = err
        try process.run()
        try out.fileHandleForWriting.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("cannot write to standard output (Broken pipe)"), "\(stderr)")
    }

    /// Every option that writes a file, with the command around it.
    static let fileOptions: [(arguments: [String], file: String)] = [
        (
            ["generate", "gaussian", "--rows", "3", "--columns", "6", "--sparsity", "1", "--format", "json", "--out"],
            "out.json"
        ),
        (["certify", "g.json", "--depth", "3", "--alpha", "1e-6", "--out"], "out.cert"),
        (["sweep", "g.json", "--depths", "2", "--alphas", "1e-2:1e-3:2", "--csv"], "out.csv"),
        (["sweep", "g.json", "--depths", "2", "--alphas", "1e-2:1e-3:2", "--plot"], "out.svg"),
        (["flow", "g.json", "--depth", "2", "--alpha", "1e-2", "--method", "ode", "--trajectory"], "out.json"),
        (["demo", "--plot"], "out.svg"),
        (
            [
                "phase", "--columns", "8", "--deltas", "0.5", "--rhos", "0.3", "--trials", "1", "--seed", "1",
                "--quiet", "--csv",
            ],
            "out.csv"
        ),
        (
            [
                "phase", "--columns", "8", "--deltas", "0.5", "--rhos", "0.3", "--trials", "1", "--seed", "1",
                "--quiet", "--plot",
            ],
            "out.svg"
        ),
    ]

    @Test(
        "files: a regular file is replaced atomically keeping its mode, a symlink is written through",
        arguments: fileOptions.indices)
    func regularAndSymlink(index: Int) throws {
        let (arguments, file) = Self.fileOptions[index]
        let folder = try Self.scratch()
        let manager = FileManager.default
        let target = folder.appendingPathComponent(file).path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try manager.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        let first = try CommandRunner.run(arguments + [file], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) != "old")
        #expect((try manager.attributesOfItem(atPath: target)[.posixPermissions] as? Int) == 0o640)
        #expect(try manager.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".tmp-") })

        let link = "link-" + file
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent(link).path, withDestinationPath: file)
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        let second = try CommandRunner.run(arguments + [link], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try manager.destinationOfSymbolicLink(atPath: folder.appendingPathComponent(link).path) == file)
        #expect(try String(contentsOfFile: target, encoding: .utf8) != "old")
    }

    @Test(
        "files: a device is written through and reports a full disk; a FIFO stays a FIFO",
        arguments: fileOptions.indices)
    func devicesAndFIFOs(index: Int) throws {
        let (arguments, file) = Self.fileOptions[index]
        let folder = try Self.scratch()
        let full = try CommandRunner.run(arguments + ["/dev/full"], in: folder)
        #expect(
            full.status == 1 && full.stderr.contains("/dev/full") && full.stderr.contains("No space left"),
            "\(full.stderr)")
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)

        let linkToFull = folder.appendingPathComponent("full-link").path
        try FileManager.default.createSymbolicLink(atPath: linkToFull, withDestinationPath: "/dev/full")
        let throughLink = try CommandRunner.run(arguments + ["full-link"], in: folder)
        #expect(throughLink.status == 1 && throughLink.stderr.contains("No space left"), "\(throughLink.stderr)")
        #expect(lstat(linkToFull, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)

        let name = "fifo-" + file
        let fifo = folder.appendingPathComponent(name).path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = try CommandRunner.shell(
            "timeout -s KILL 20 cat \(name) > fifo.out & sparsecert "
                + (arguments + [name]).joined(separator: " ") + "; status=$?; wait; exit $status",
            in: folder)
        #expect(reader.status == 0, "\(reader.stderr)")
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(
            (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("fifo.out").path)[.size]
                as? Int ?? 0) > 0)
    }

    @Test("JSON never holds the string \"inf\": null plus the non_finite map")
    func nonFinite() throws {
        let folder = try Self.scratch()
        // A zero column makes ρ₁ = ∞ exactly (a null vector supported on one index).
        try "{\"A\": [[1, 0, 0], [0, 1, 0]]}".write(
            to: folder.appendingPathComponent("z.json"), atomically: true, encoding: .utf8)
        let output = try CommandRunner.run(["nsp", "z.json", "--order", "1", "--json"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let flags = try #require(document["non_finite"] as? [String: String])
        #expect(flags["/constant"] == "inf" && flags["/upper"] == "inf")
        for pointer in flags.keys { #expect(document[String(pointer.dropFirst())] is NSNull, "\(pointer)") }
    }
}

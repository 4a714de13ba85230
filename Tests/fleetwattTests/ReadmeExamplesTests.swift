import Foundation
import Testing
import FleetTestSupport

/// The README's example commands, run as written: each command line of its ```sh blocks, in
/// order, from the root of a copy of the repository's tracked files (a fresh clone after
/// `./scripts/setup-and-run`, with the built `fleetwatt` first on PATH). Each must exit 0, and
/// none may change a tracked file (an example once overwrote a committed notebook).
@Suite("README examples")
struct ReadmeExamplesTests {
    /// The command lines of the ```sh blocks of `markdown`, in order (blank and comment lines left out).
    static func commands(in markdown: String) -> [String] {
        var out: [String] = []
        var fence: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("```") {
                fence = fence == nil ? String(text.dropFirst(3)) : nil
                continue
            }
            if fence == "sh", !text.isEmpty, !text.hasPrefix("#") { out.append(text) }
        }
        return out
    }

    @Test func extractionKeepsOnlyShellBlocks() {
        let markdown = "a\n```sh\nfleetwatt run   # note\n\n# comment\n```\n```\nfleetwatt table\n```\n```sh\nx y\n```\n"
        #expect(Self.commands(in: markdown) == ["fleetwatt run   # note", "x y"])
    }

    /// A copy of the repository's tracked files in a new temporary folder.
    private func cloneLikeCopy() throws -> URL {
        let root = TestSupport.repoRoot
        let listed = try TestSupport.run(["git", "-C", root.path, "ls-files", "-z"])
        try #require(listed.status == 0, "git ls-files: \(listed.stderr)")
        let copy = try TestSupport.tempFolder("readme-clone")
        for path in listed.stdout.split(separator: "\0").map(String.init) {
            let source = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            let target = copy.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        return copy
    }

    @Test func everyExampleRunsAsWrittenFromAFreshClone() throws {
        let readme = try #require(TestSupport.text(TestSupport.repoRoot.appendingPathComponent("README.md")))
        let all = Self.commands(in: readme)
        // The set-up and test scripts are what this test runs after: they are checked to exist.
        let scripts = all.filter { $0.hasPrefix("./scripts/") }
        for line in scripts {
            let script = String(line.prefix { $0 != " " })
            #expect(FileManager.default.isExecutableFile(atPath: TestSupport.repoRoot.appendingPathComponent(script).path),
                    "\(script) is not an executable file")
        }
        let examples = all.filter { !$0.hasPrefix("./scripts/") }
        #expect(examples.count >= 15, "found only \(examples.count) example commands in README.md")
        if examples.contains(where: { $0.contains("pandoc") }) {
            guard TestSupport.requireTools(["pandoc", "weasyprint", "xelatex"]) else { return }
        }

        let clone = try cloneLikeCopy()
        defer { try? FileManager.default.removeItem(at: clone) }
        let bin = TestSupport.fleetwattExecutable.deletingLastPathComponent().path
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for command in examples {
            let started = Date()
            let r = try TestSupport.run(["PATH=\(path)", "sh", "-c", TestSupport.forInstalledPandoc(command)], in: clone)
            let seconds = Date().timeIntervalSince(started)
            #expect(r.status == 0, "README example failed (exit \(r.status), \(Int(seconds)) s): \(command)\n\(r.stderr)")
        }

        // No example changes a file of the clone.
        let listed = try TestSupport.run(["git", "-C", TestSupport.repoRoot.path, "ls-files", "-z"])
        for file in listed.stdout.split(separator: "\0").map(String.init) {
            let original = TestSupport.repoRoot.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: original.path) else { continue }
            #expect(try Data(contentsOf: original) == (try? Data(contentsOf: clone.appendingPathComponent(file))),
                    "a README example changed or removed the tracked file \(file)")
        }
    }
}

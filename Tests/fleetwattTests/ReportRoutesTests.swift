import Foundation
import Testing
import FleetModel
import FleetTestSupport
@testable import FleetReport

/// The report of a real run turned into documents by the three routes the README and the
/// report's reproduce section give (weasyprint PDF, xelatex PDF, one HTML file), each exactly as
/// written there: it works with no warning about a character the fonts cannot draw, the main
/// body (up to the appendix) fits in 15 A4 pages, and every figure's caption reaches the document.
@Suite("Report routes", .serialized)
struct ReportRoutesTests {
    /// What the routes and the checks run. scripts/test installs them all; where one is
    /// missing the rendering tests are skipped, saying so.
    static let tools = ["pandoc", "weasyprint", "xelatex", "rsvg-convert", "pdftotext", "pdfinfo"]
    static let missing = tools.filter { (try? TestSupport.run(["sh", "-c", "command -v \($0)"]))?.status != 0 }
    static let skipReason = Comment(rawValue: "skipped: \(missing.joined(separator: ", ")) not installed; ./scripts/test installs them")

    /// Lines of pandoc's or a PDF engine's standard error that mean a character was left out.
    static let missingCharacter = ["missing character", "no glyph", "not found in font"]

    /// One report of the default scenario (sampled, with its tornado ranking), shared by the tests.
    nonisolated(unsafe) static var cached: (folder: URL, result: FleetResult)?

    static func report() throws -> (folder: URL, result: FleetResult) {
        if let cached { return cached }
        let out = try TestSupport.tempFolder("report-routes").appendingPathComponent("report")
        let r = try TestSupport.fleetwatt(["report", "--samples", "100", "--out", out.path, "--quiet", "--progress", "never"])
        try #require(r.status == 0, "\(r.stderr)")
        let result = try JSONDecoder().decode(FleetResult.self, from: Data(contentsOf: out.appendingPathComponent("result.json")))
        cached = (out, result)
        return (out, result)
    }

    /// Runs a route's command in the report folder, as the README writes it.
    static func render(_ command: String, in folder: URL) throws -> (seconds: Double, stderr: String) {
        let started = Date()
        let run = try TestSupport.run(["sh", "-c", TestSupport.forInstalledPandoc(command)], in: folder)
        #expect(run.status == 0, "\(command) failed: \(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map { $0.lowercased() }
        let lost = lines.filter { line in missingCharacter.contains { line.contains($0) } }
        #expect(lost.isEmpty, "\(command): \(lost.count) missing characters, e.g. \(lost.prefix(3))")
        return (Date().timeIntervalSince(started), run.stderr)
    }

    /// The PDF's text page by page (pdftotext separates pages with form feeds).
    static func pages(_ pdf: URL) throws -> [String] {
        let text = try TestSupport.run(["pdftotext", "-layout", pdf.path, "-"]).stdout
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// Text compared without spaces, line breaks and hyphens, which line breaking adds or moves,
    /// and with pandoc's typographic quotes made straight again.
    static func squeezed(_ s: String) -> String {
        let straight = s.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
        return String(straight.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "-" && $0 != "\u{AD}" })
    }

    /// Checks one PDF: A4, main body of at most 15 pages, every figure caption in its text.
    static func checkPDF(_ pdf: URL, route: String, figures: [Figure]) throws -> (pages: Int, body: Int) {
        let info = try TestSupport.run(["pdfinfo", pdf.path]).stdout
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        #expect(size.contains("(A4)") || (size.contains("595.") && size.contains("841.")), "\(route): not A4: \(size)")
        let pages = try pages(pdf)
        // The appendix starts on the first page whose text has its heading; the pages before it,
        // and that page when body text precedes the heading, are the main body.
        let start = try #require(pages.firstIndex { $0.contains("Appendix: assumptions") }, "\(route): no appendix heading")
        let before = pages[start].components(separatedBy: "Appendix: assumptions")[0]
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: "0123456789. "))
        let body = start + (before.isEmpty ? 0 : 1)
        #expect(body <= 15, "\(route): the main body takes \(body) A4 pages (at most 15)")
        let text = squeezed(pages.joined())
        for f in figures {
            #expect(text.contains(squeezed(f.caption)), "\(route): caption of \(f.name) missing: \(f.caption)")
        }
        return (pages.count, body)
    }

    @Test("weasyprint and xelatex PDFs: no missing character, main body ≤ 15 A4 pages, every caption",
          .enabled(if: missing.isEmpty, skipReason))
    func pdfRoutes() throws {
        let (folder, result) = try Self.report()
        let figures = Charts.figures(for: result)
        #expect(figures.count >= 8)
        for (route, command) in [("weasyprint", ReportStyle.pdfCommand), ("xelatex", ReportStyle.latexCommand)] {
            let pdf = folder.appendingPathComponent("report.pdf")
            try? FileManager.default.removeItem(at: pdf)
            let rendered = try Self.render(command, in: folder)
            if route == "xelatex" {
                // Everything the LaTeX route needs is in the metadata: pandoc has nothing to warn about.
                #expect(!rendered.stderr.contains("[WARNING]"), "xelatex route: \(rendered.stderr)")
            }
            let counted = try Self.checkPDF(pdf, route: route, figures: figures)
            print("\(route): \(counted.pages) pages, main body \(counted.body), \(String(format: "%.1f", rendered.seconds)) s")
        }
    }

    @Test("HTML route: one file with its figures and stylesheet inside, every caption",
          .enabled(if: missing.isEmpty, skipReason))
    func htmlRoute() throws {
        let (folder, result) = try Self.report()
        let rendered = try Self.render(ReportStyle.htmlCommand, in: folder)
        #expect(!rendered.stderr.contains("[WARNING]"), "HTML route: \(rendered.stderr)")
        let html = try #require(TestSupport.text(folder.appendingPathComponent("report.html")))
        #expect(!html.contains("src=\"figures/"), "a figure is linked, not embedded")
        #expect(!html.contains("href=\"report.css\""), "the stylesheet is linked, not embedded")
        // pandoc 2 embeds each SVG as a data URI, pandoc 3 as an inline <svg> element.
        let embedded = html.components(separatedBy: "data:image/svg+xml").count + html.components(separatedBy: "<svg").count - 2
        #expect(embedded >= Charts.figures(for: result).count, "\(embedded) figures embedded")
        let text = Self.squeezed(html)
        for f in Charts.figures(for: result) {
            let caption = Self.squeezed(f.caption.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))
            #expect(text.contains(caption), "caption of \(f.name) missing from report.html")
        }
        print("html: \(String(format: "%.1f", rendered.seconds)) s")
    }

    /// The README's report section and the report's reproduce section give the same commands.
    @Test func readmeAndReproduceSectionGiveTheSameCommands() throws {
        let readme = try #require(TestSupport.text(TestSupport.repoRoot.appendingPathComponent("README.md")))
        let (folder, _) = try Self.report()
        let md = try #require(TestSupport.text(folder.appendingPathComponent("report.md")))
        let reproduce = try #require(md.components(separatedBy: "# How to reproduce").last)
        for command in ReportStyle.commands {
            #expect(readme.contains("(cd out/pdf && \(command))\n"), "README lacks: \(command)")
            #expect(reproduce.contains("(cd DIR && \(command))\n"), "report.md lacks: \(command)")
        }
        #expect(readme.contains(ReportStyle.htmlOptionsBefore219) && reproduce.contains(ReportStyle.htmlOptionsBefore219))
    }
}

import Foundation
import MineralCLI
import Testing

/// Headless Chromium, where installed.
let chromiumBinary: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .map { URL(fileURLWithPath: $0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// The sample report's HTML in a real browser (headless Chromium, Debian's `chromium`; `.ci/run` installs it):
/// no horizontal overflow in a 390 px frame, and a page that renders at 1200 px, 390 px and to PDF.
@Suite(
    "HTML report in headless Chromium", .serialized, .enabled(if: chromiumBinary != nil, "chromium is not installed"))
struct HTMLReportBrowserTests {
    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mineral-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let report = commandLine().run(["report", "--sample", "--format", "html"])
        try Data(report.standardOutput.utf8).write(to: directory.appendingPathComponent("report.html"))
        return directory
    }

    static func run(_ arguments: [String]) throws -> ProcessOutcome {
        try runProcess(
            chromiumBinary!,
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"] + arguments)
    }

    @Test("in a 390 px frame the page is no wider than the frame (no horizontal scrolling on a phone)")
    func noOverflowOnPhone() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The page itself has no script; a wrapper measures it in an iframe as wide as a phone.
        let frame = """
            <!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="report.html" style="width:390px;height:3000px;border:0"></iframe>
            <script>var f=document.getElementById("f");f.onload=function(){var d=f.contentDocument.documentElement;
            document.body.setAttribute("data-scroll", d.scrollWidth);document.body.setAttribute("data-client", d.clientWidth);
            document.body.setAttribute("data-height", d.scrollHeight);};</script></body></html>
            """
        try Data(frame.utf8).write(to: directory.appendingPathComponent("frame.html"))
        let outcome = try Self.run([
            "--allow-file-access-from-files", "--virtual-time-budget=5000", "--window-size=1200,1400",
            "--dump-dom", directory.appendingPathComponent("frame.html").absoluteString,
        ])
        func attribute(_ name: String) -> Int? {
            guard let range = outcome.standardOutput.range(of: "\(name)=\"") else { return nil }
            return Int(outcome.standardOutput[range.upperBound...].prefix { $0.isNumber })
        }
        let scroll = try #require(
            attribute("data-scroll"), "the page did not load in the frame: \(outcome.standardError.prefix(300))")
        let client = try #require(attribute("data-client"))
        #expect(
            scroll <= client, "the report is \(scroll) px wide in a \(client) px frame: it scrolls sideways on a phone")
        #expect((attribute("data-height") ?? 0) > 2000, "the page rendered almost nothing")
    }

    @Test("screenshots at 1200 px and 390 px, and print to PDF, are real renders")
    func renders() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html").absoluteString
        for (width, name) in [(1200, "desktop.png"), (390, "phone.png")] {
            let file = directory.appendingPathComponent(name)
            _ = try Self.run(["--window-size=\(width),1600", "--screenshot=\(file.path)", page])
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            #expect(size > 30_000, "\(name) is \(size) bytes: an empty or broken render")
        }
        let pdf = directory.appendingPathComponent("report.pdf")
        _ = try Self.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page])
        let bytes = (try? Data(contentsOf: pdf)) ?? Data()
        #expect(bytes.starts(with: Data("%PDF".utf8)) && bytes.count > 20_000, "the PDF is \(bytes.count) bytes")
    }
}

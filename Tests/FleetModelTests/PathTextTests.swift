import Testing
import FleetModel

/// Paths in messages: as given, or quoted with control characters escaped so a message
/// stays on one line.
@Suite("Path text in messages")
struct PathTextTests {
    @Test(arguments: [
        ("models/x.yaml", "models/x.yaml"),
        ("naïve ⌘ name.yaml", "naïve ⌘ name.yaml"),
        ("bad\nname.yaml", #""bad\nname.yaml""#),
        ("tab\there \"q\" \\", #""tab\there \"q\" \\""#),
        ("bell\u{7}\r\u{2028}", #""bell\u{7}\r\u{2028}""#),
    ])
    func controlCharactersAreEscapedInQuotes(_ path: String, _ shown: String) {
        #expect(PathText.shown(path) == shown)
        #expect(!PathText.shown(path).contains("\n"))
    }
}

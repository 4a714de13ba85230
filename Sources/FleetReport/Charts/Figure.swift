/// One chart of a report: a file name, a caption and alternative text, and the SVG.
public struct Figure: Sendable, Equatable {
    /// File name stem: the figure is written as `figures/<name>.svg` and cited as `{#fig:<name>}`.
    public var name: String
    /// The caption printed under the figure.
    public var caption: String
    /// A text alternative that states what the chart shows (its main message).
    public var alt: String
    /// The SVG document (UTF-8 text).
    public var svg: String

    public init(name: String, caption: String, alt: String, svg: String) {
        self.name = name; self.caption = caption; self.alt = alt; self.svg = svg
    }
}

/// A run of text in one style: a piece of a line or of a table cell.
public struct Span: Hashable, Sendable {
  /// The text.
  public var text: String
  /// Its style.
  public var style: Style

  /// A span of `text` in `style`.
  public init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

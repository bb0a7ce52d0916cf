/// A one-row proportional bar drawn with eighth blocks (`▏▎▍▌▋▊▉█`), with an optional
/// target marker.
public struct Bar: Widget, Hashable, Sendable {
  /// Filled part, 0 to 1 (clamped).
  public var fraction: Double
  /// Where to draw the target marker, 0 to 1; none when nil.
  public var target: Double?
  /// Style of the filled part.
  public var style: Style
  /// Style of the unfilled part (spaces).
  public var emptyStyle: Style
  /// Style of the target marker.
  public var targetStyle: Style
  /// The marker character.
  public var targetSymbol: String

  /// Creates a bar.
  public init(
    fraction: Double, target: Double? = nil, style: Style = .plain, emptyStyle: Style = .plain,
    targetStyle: Style = .plain, targetSymbol: String = "│"
  ) {
    self.fraction = fraction
    self.target = target
    self.style = style
    self.emptyStyle = emptyStyle
    self.targetStyle = targetStyle
    self.targetSymbol = targetSymbol
  }

  private static let partials = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The bar's text for `width` columns (without the target marker).
  public func text(width: Int) -> String {
    guard width > 0 else { return "" }
    let clamped = fraction.isFinite ? max(0, min(1, fraction)) : 0
    let eighths = Int((clamped * Double(width * 8)).rounded())
    var text = String(repeating: "█", count: eighths / 8)
    if eighths % 8 > 0 { text += Bar.partials[eighths % 8 - 1] }
    return text + String(repeating: " ", count: width - DisplayWidth.of(text))
  }

  /// Draws the bar in the first row of `area`.
  public func render(in area: Rect, on surface: inout Surface) {
    guard !area.isEmpty else { return }
    let text = text(width: area.width)
    var column = area.x
    for character in text {
      surface.put(
        String(character), x: column, y: area.y, style: character == " " ? emptyStyle : style)
      column += 1
    }
    if let target, target.isFinite {
      let offset = Int((max(0, min(1, target)) * Double(area.width)).rounded(.down))
      surface.put(
        targetSymbol, x: area.x + min(offset, area.width - 1), y: area.y, style: targetStyle)
    }
  }
}

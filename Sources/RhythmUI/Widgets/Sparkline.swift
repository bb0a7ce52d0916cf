/// A one-row chart of values with `▁▂▃▄▅▆▇█`; missing values are blank.
public struct Sparkline: Widget, Hashable, Sendable {
  /// The values, oldest first; when there are more than columns, the newest are shown.
  public var values: [Double?]
  /// The value drawn as a full block; the largest value when nil.
  public var maximum: Double?
  /// Style of the bars.
  public var style: Style

  /// Creates a sparkline.
  public init(values: [Double?], maximum: Double? = nil, style: Style = .plain) {
    self.values = values
    self.maximum = maximum
    self.style = style
  }

  private static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The chart's text for `width` columns (right-aligned newest values, no padding).
  public func text(width: Int) -> String {
    guard width > 0 else { return "" }
    let shown = values.suffix(width)
    let top = maximum ?? shown.compactMap { $0 }.max() ?? 0
    return shown.map { value -> String in
      guard let value, value.isFinite else { return " " }
      guard top > 0 else { return Sparkline.levels[0] }
      let level = Int((max(0, min(value, top)) / top * 7).rounded())
      return Sparkline.levels[level]
    }.joined()
  }

  /// Draws the chart in the first row of `area`, left-aligned.
  public func render(in area: Rect, on surface: inout Surface) {
    guard !area.isEmpty else { return }
    surface.put(text(width: area.width), x: area.x, y: area.y, style: style, maxWidth: area.width)
  }
}

/// How a cell looks: foreground, background and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
  /// Text colour.
  public var foreground: Color
  /// Cell background colour.
  public var background: Color
  /// Bold, dim, italic, underline, reverse.
  public var attributes: TextAttributes

  /// Creates a style; everything defaults to the terminal's own look.
  public init(
    foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// Default colours, no attributes.
  public static let plain = Style()

  // MARK: - Builders

  /// This style with `attributes` added.
  public func adding(_ attributes: TextAttributes) -> Style {
    var copy = self
    copy.attributes.formUnion(attributes)
    return copy
  }

  /// This style, bold.
  public func bold() -> Style { adding(.bold) }
  /// This style, dim.
  public func dim() -> Style { adding(.dim) }
  /// This style, italic.
  public func italic() -> Style { adding(.italic) }
  /// This style, underlined.
  public func underlined() -> Style { adding(.underline) }
  /// This style, reversed (foreground and background swapped by the terminal).
  public func reversed() -> Style { adding(.reverse) }

  /// This style with another foreground colour.
  public func foreground(_ color: Color) -> Style {
    var copy = self
    copy.foreground = color
    return copy
  }

  /// This style with another background colour.
  public func background(_ color: Color) -> Style {
    var copy = self
    copy.background = color
    return copy
  }

  /// Snapshot text: `fg=yellow bg=i236 bold`; `plain` for the plain style.
  public var description: String {
    var parts: [String] = []
    if foreground != .default { parts.append("fg=\(foreground.name)") }
    if background != .default { parts.append("bg=\(background.name)") }
    parts.append(contentsOf: attributes.names)
    return parts.isEmpty ? "plain" : parts.joined(separator: " ")
  }
}

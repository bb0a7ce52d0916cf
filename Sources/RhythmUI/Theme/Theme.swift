/// A set of styles by ``ThemeRole``: the only place colours come from.
public struct Theme: Hashable, Sendable {
  /// The theme's name (`dark`, `light`, …) or the file it came from.
  public var name: String
  /// A style for each role; a missing role reads as ``Style/plain``.
  public var styles: [ThemeRole: Style]

  /// A theme called `name` with `styles`.
  public init(name: String, styles: [ThemeRole: Style]) {
    self.name = name
    self.styles = styles
  }

  /// The style for `role`.
  public subscript(role: ThemeRole) -> Style {
    styles[role] ?? .plain
  }
}

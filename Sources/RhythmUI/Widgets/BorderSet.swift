/// The box-drawing characters of a border (Unicode, never ncurses ACS).
public struct BorderSet: Hashable, Sendable {
  /// Top-left corner.
  public var topLeft: String
  /// Top-right corner.
  public var topRight: String
  /// Bottom-left corner.
  public var bottomLeft: String
  /// Bottom-right corner.
  public var bottomRight: String
  /// Top and bottom edges.
  public var horizontal: String
  /// Left and right edges.
  public var vertical: String

  /// Creates a border set.
  public init(
    topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
    horizontal: String, vertical: String
  ) {
    self.topLeft = topLeft
    self.topRight = topRight
    self.bottomLeft = bottomLeft
    self.bottomRight = bottomRight
    self.horizontal = horizontal
    self.vertical = vertical
  }

  /// Thin lines: `┌─┐│└┘`.
  public static let single = BorderSet(
    topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
  /// Rounded corners: `╭─╮│╰╯`.
  public static let rounded = BorderSet(
    topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
  /// Double lines: `╔═╗║╚╝`.
  public static let double = BorderSet(
    topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝", horizontal: "═", vertical: "║")
  /// Heavy lines: `┏━┓┃┗┛`.
  public static let heavy = BorderSet(
    topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
}

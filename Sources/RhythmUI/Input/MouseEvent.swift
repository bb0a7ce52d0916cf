/// A mouse action at a cell (column `x`, row `y`, from the top-left).
public struct MouseEvent: Hashable, Sendable {
  /// What the mouse did.
  public enum Kind: Hashable, Sendable {
    /// A (left) button click.
    case click
    /// The wheel rolled up.
    case wheelUp
    /// The wheel rolled down.
    case wheelDown
  }

  /// What the mouse did.
  public var kind: Kind
  /// Column.
  public var x: Int
  /// Row.
  public var y: Int

  /// Creates a mouse event.
  public init(_ kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}

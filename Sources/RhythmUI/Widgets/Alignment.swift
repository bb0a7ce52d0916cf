/// Horizontal placement of text in a wider cell range.
public enum Alignment: Hashable, Sendable {
  /// Flush left.
  case left
  /// Centred (extra column on the right).
  case center
  /// Flush right.
  case right

  /// The column offset of `textWidth` columns inside `width` columns.
  public func offset(textWidth: Int, in width: Int) -> Int {
    let free = max(0, width - textWidth)
    switch self {
    case .left: return 0
    case .center: return free / 2
    case .right: return free
    }
  }
}

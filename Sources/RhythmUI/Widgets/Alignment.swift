/// Horizontal placement of text in a wider cell range.
public enum Alignment: Hashable, Sendable {
  /// Flush left.
  case left
  /// Flush right.
  case right

  /// The column offset of `textWidth` columns inside `width` columns.
  public func offset(textWidth: Int, in width: Int) -> Int {
    switch self {
    case .left: return 0
    case .right: return max(0, width - textWidth)
    }
  }
}

/// Selection and scroll position of a ``ListView`` or ``Table``; kept by the caller.
public struct ListState: Hashable, Sendable {
  /// The selected row, if any.
  public var selection: Int?
  /// The first visible row (adjusted on render so the selection stays visible).
  public var offset: Int

  /// Creates a state.
  public init(selection: Int? = nil, offset: Int = 0) {
    self.selection = selection
    self.offset = offset
  }

  /// Moves the selection by `delta` rows, clamped to `0..<count` (selects row 0 if none).
  public mutating func move(by delta: Int, count: Int) {
    guard count > 0 else {
      selection = nil
      return
    }
    let current = selection ?? (delta > 0 ? -1 : count)
    selection = max(0, min(count - 1, current + delta))
  }

  /// The first visible row for a window of `height` rows over `count` rows: the stored
  /// offset, moved as little as possible so the selection is inside the window.
  public func visibleOffset(height: Int, count: Int) -> Int {
    guard height > 0, count > height else { return 0 }
    var first = max(0, min(offset, count - height))
    if let selection {
      if selection < first { first = selection }
      if selection >= first + height { first = selection - height + 1 }
    }
    return max(0, min(first, count - height))
  }

  /// Stores the offset ``visibleOffset(height:count:)`` gives, so scrolling stays put.
  public mutating func scrollToSelection(height: Int, count: Int) {
    offset = visibleOffset(height: height, count: count)
  }
}

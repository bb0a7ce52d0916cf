/// The selection and scroll offset of a ``Table``, kept by the caller between frames (ratatui's
/// `TableState`): the reducer moves the selection and scrolls, the table draws from them.
public struct TableState: Hashable, Sendable {
  /// The selected row, if any.
  public var selection: Int?
  /// The first row in sight.
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

  /// The first row in sight in a window of `height` rows over `count` rows: the stored
  /// offset, moved as little as possible so that the selection is in the window and the
  /// window is full.
  public func visibleOffset(height: Int, count: Int) -> Int {
    guard height > 0, count > height else { return 0 }
    var first = max(0, min(offset, count - height))
    if let selection {
      if selection < first { first = selection }
      if selection >= first + height { first = selection - height + 1 }
    }
    return max(0, min(first, count - height))
  }

  /// Stores the offset ``visibleOffset(height:count:)`` gives, so that the next move scrolls
  /// from where the window is.
  public mutating func scrollToSelection(height: Int, count: Int) {
    offset = visibleOffset(height: height, count: count)
  }
}

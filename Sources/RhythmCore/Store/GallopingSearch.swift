import Foundation

/// The search that sorted files are read with when the things looked for come in their order:
/// from where the last one was found, in steps doubling from there, then by halves, so that
/// tens of thousands of ids near each other cost a few comparisons each rather than a whole
/// binary search (and one looked for alone costs about what a binary search does).
enum GallopingSearch {
  /// The first position of `from..<count` whose item does not come before the one looked
  /// for (`count` when every one does), given `comesBefore` of a position, which is true for
  /// a run of positions at the start and false after; `nil` when `comesBefore` cannot tell
  /// for a position the search looks at (an item that cannot be read).
  static func lowerBound(from: Int, count: Int, comesBefore: (Int) -> Bool?) -> Int? {
    var low = from
    var step = 1
    while low + step - 1 < count {
      guard let before = comesBefore(low + step - 1) else { return nil }
      if !before { break }
      low += step
      step *= 2
    }
    var high = min(count, low + step - 1)
    while low < high {
      let middle = (low + high) / 2
      guard let before = comesBefore(middle) else { return nil }
      if before { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

/// A width and height in terminal columns and rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int

  /// Creates a size; negative values are kept as given (an empty area).
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// The zero size.
  public static let zero = Size(width: 0, height: 0)

  /// `80x24` style text.
  public var description: String { "\(width)x\(height)" }
}

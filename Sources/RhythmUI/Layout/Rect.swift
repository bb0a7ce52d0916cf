/// A rectangle of cells: origin at the top-left, `maxX`/`maxY` exclusive.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  /// Leftmost column.
  public var x: Int
  /// Top row.
  public var y: Int
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int

  /// Creates a rectangle.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// A rectangle at the origin with the given size.
  public init(size: Size) {
    self.init(x: 0, y: 0, width: size.width, height: size.height)
  }

  /// The empty rectangle at the origin.
  public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

  /// The column just right of the rectangle.
  public var maxX: Int { x + width }
  /// The row just below the rectangle.
  public var maxY: Int { y + height }
  /// The rectangle's size.
  public var size: Size { Size(width: width, height: height) }
  /// True when the rectangle holds no cell.
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// `x,y 10x4` style text.
  public var description: String { "\(x),\(y) \(width)x\(height)" }

  /// Shrinks every side by `amount` cells (a border is `inset(by: 1)`); never below zero size.
  public func inset(by amount: Int) -> Rect {
    inset(horizontal: amount, vertical: amount)
  }

  /// Shrinks the left and right sides by `horizontal`, the top and bottom by `vertical`.
  public func inset(horizontal: Int, vertical: Int) -> Rect {
    Rect(
      x: x + horizontal, y: y + vertical,
      width: max(0, width - 2 * horizontal), height: max(0, height - 2 * vertical))
  }

  /// True when the cell at (`x`, `y`) lies inside.
  public func contains(x column: Int, y row: Int) -> Bool {
    column >= x && column < maxX && row >= y && row < maxY
  }

  /// The overlap of two rectangles (empty, with zero size, when they do not meet).
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// A rectangle of at most `width`x`height` centred in this one (clamped to fit).
  public func centered(width innerWidth: Int, height innerHeight: Int) -> Rect {
    let clampedWidth = max(0, min(innerWidth, width))
    let clampedHeight = max(0, min(innerHeight, height))
    return Rect(
      x: x + (width - clampedWidth) / 2, y: y + (height - clampedHeight) / 2,
      width: clampedWidth, height: clampedHeight)
  }

  /// The top `rows` rows (clamped).
  public func top(_ rows: Int) -> Rect {
    Rect(x: x, y: y, width: width, height: max(0, min(rows, height)))
  }

  /// The bottom `rows` rows (clamped).
  public func bottom(_ rows: Int) -> Rect {
    let clamped = max(0, min(rows, height))
    return Rect(x: x, y: maxY - clamped, width: width, height: clamped)
  }
}

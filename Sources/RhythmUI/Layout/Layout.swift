/// Splits a rectangle into parts along one axis, by ``Constraint``s; pure arithmetic.
///
/// Fixed parts (`length`, `percentage`, `min`) are served first, in order, each clamped to the
/// space still free; what remains goes to the `fill` parts by weight (earlier parts get the
/// rounding remainder), or, with no `fill`, is shared among the `min` parts.
public struct Layout: Hashable, Sendable {
  /// The axis along which the parts follow each other.
  public enum Direction: Hashable, Sendable {
    /// Top to bottom: parts are rows.
    case vertical
    /// Left to right: parts are columns.
    case horizontal
  }

  /// The axis.
  public var direction: Direction
  /// One constraint per part.
  public var constraints: [Constraint]
  /// Cells left empty between adjacent parts.
  public var spacing: Int

  /// Creates a layout.
  public init(direction: Direction, constraints: [Constraint], spacing: Int = 0) {
    self.direction = direction
    self.constraints = constraints
    self.spacing = spacing
  }

  /// Parts stacked top to bottom.
  public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
    Layout(direction: .vertical, constraints: constraints, spacing: spacing)
  }

  /// Parts side by side, left to right.
  public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
    Layout(direction: .horizontal, constraints: constraints, spacing: spacing)
  }

  /// Splits `area` into one rectangle per constraint, in order.
  /// - Returns: `constraints.count` rectangles; parts that got no space have zero length.
  public func split(_ area: Rect) -> [Rect] {
    let axisLength = max(0, direction == .vertical ? area.height : area.width)
    let lengths = Layout.lengths(for: constraints, axisLength: axisLength, spacing: spacing)
    var offset = 0
    var result: [Rect] = []
    for length in lengths {
      let start = min(offset, axisLength)
      switch direction {
      case .vertical:
        result.append(Rect(x: area.x, y: area.y + start, width: area.width, height: length))
      case .horizontal:
        result.append(Rect(x: area.x + start, y: area.y, width: length, height: area.height))
      }
      offset = start + length + max(0, spacing)
    }
    return result
  }

  // MARK: - Arithmetic

  /// The length of each part along an axis of `axisLength` cells.
  static func lengths(for constraints: [Constraint], axisLength: Int, spacing: Int) -> [Int] {
    guard !constraints.isEmpty else { return [] }
    let total = max(0, axisLength - max(0, spacing) * (constraints.count - 1))
    var lengths = [Int](repeating: 0, count: constraints.count)
    var free = total
    for (index, constraint) in constraints.enumerated() {
      let wanted: Int
      switch constraint {
      case .length(let cells), .min(let cells): wanted = cells
      case .percentage(let percent): wanted = total * max(0, min(percent, 100)) / 100
      case .fill: wanted = 0
      }
      let granted = max(0, min(wanted, free))
      lengths[index] = granted
      free -= granted
    }
    guard free > 0 else { return lengths }
    var growing: [(index: Int, weight: Int)] = constraints.enumerated().compactMap {
      if case .fill(let weight) = $0.element { return ($0.offset, max(0, weight)) }
      return nil
    }
    if growing.isEmpty {
      growing = constraints.enumerated().compactMap {
        if case .min = $0.element { return ($0.offset, 1) }
        return nil
      }
    }
    let weightSum = growing.reduce(0) { $0 + $1.weight }
    guard weightSum > 0 else { return lengths }
    var handedOut = 0
    for part in growing {
      let share = free * part.weight / weightSum
      lengths[part.index] += share
      handedOut += share
    }
    for part in growing where handedOut < free && part.weight > 0 {
      lengths[part.index] += 1
      handedOut += 1
    }
    return lengths
  }
}

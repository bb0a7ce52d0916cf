/// How much of a layout axis one part takes (see ``Layout``).
public enum Constraint: Hashable, Sendable {
  /// Exactly this many cells (less when space runs out).
  case length(Int)
  /// A share of the space left after the fixed parts, by weight.
  case fill(Int)
  /// This percentage of the whole axis (after spacing).
  case percentage(Int)
  /// At least this many cells; grows to take left-over space when there is no `fill`.
  case min(Int)
}

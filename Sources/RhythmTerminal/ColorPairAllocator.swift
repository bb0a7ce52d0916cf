import RhythmUI

/// Maps ``Style`` colours to ncurses colour numbers and colour pairs, lazily, one pair per
/// (foreground, background); pure, so the mapping is tested without a terminal.
///
/// With fewer than 256 colours, `indexed` colours fall back to the nearest of the 8 or 16 ANSI
/// colours; in monochrome (no colours, `NO_COLOR`, `--no-color`) everything is pair 0.
public struct ColorPairAllocator: Sendable {
  /// A pair number, and whether the caller must still define it (`init_extended_pair`).
  public struct Allocation: Hashable, Sendable {
    /// The pair number (0 is the terminal's default colours).
    public var pair: Int32
    /// True the first time this pair is handed out.
    public var isNew: Bool
    /// ncurses foreground colour number (-1 for the default colour).
    public var foreground: Int32
    /// ncurses background colour number (-1 for the default colour).
    public var background: Int32

    /// Creates an allocation.
    public init(pair: Int32, isNew: Bool, foreground: Int32, background: Int32) {
      self.pair = pair
      self.isNew = isNew
      self.foreground = foreground
      self.background = background
    }
  }

  private struct Key: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// The terminal's colour count (`COLORS`); 0 in monochrome.
  public let colorCount: Int
  /// The terminal's pair count (`COLOR_PAIRS`).
  public let pairCount: Int
  private var pairs: [Key: Int32] = [:]

  /// Creates an allocator for a terminal with `colorCount` colours and `pairCount` pairs; pass
  /// `isColorEnabled: false` for monochrome.
  public init(colorCount: Int, pairCount: Int, isColorEnabled: Bool = true) {
    let enabled = isColorEnabled && colorCount >= 8 && pairCount > 1
    self.colorCount = enabled ? colorCount : 0
    self.pairCount = enabled ? pairCount : 0
  }

  /// True when colours are drawn at all.
  public var isMonochrome: Bool { colorCount == 0 }

  /// The pair for `foreground` on `background`; pair 0 in monochrome, for default-on-default,
  /// or when the terminal has no pairs left.
  public mutating func allocate(foreground: Color, background: Color) -> Allocation {
    let key = Key(
      foreground: colorNumber(for: foreground), background: colorNumber(for: background))
    guard !isMonochrome, key != Key(foreground: -1, background: -1) else {
      return Allocation(pair: 0, isNew: false, foreground: -1, background: -1)
    }
    if let existing = pairs[key] {
      return Allocation(
        pair: existing, isNew: false, foreground: key.foreground, background: key.background)
    }
    let next = Int32(pairs.count + 1)
    guard Int(next) < pairCount else {
      return Allocation(pair: 0, isNew: false, foreground: -1, background: -1)
    }
    pairs[key] = next
    return Allocation(
      pair: next, isNew: true, foreground: key.foreground, background: key.background)
  }

  /// The ncurses colour number for `color` on this terminal: -1 for the default colour.
  public func colorNumber(for color: Color) -> Int32 {
    guard !isMonochrome else { return -1 }
    switch color {
    case .default:
      return -1
    case .ansi(let number):
      return Int32(ansiFallback(Int(number) % 16))
    case .indexed(let number):
      if colorCount >= 256 { return Int32(number) }
      if number < 16 { return Int32(ansiFallback(Int(number))) }
      return Int32(
        ColorPairAllocator.nearestANSI(to: Int(number), among: colorCount >= 16 ? 16 : 8))
    }
  }

  /// An ANSI colour number this terminal has: bright colours become their base colour on
  /// 8-colour terminals.
  private func ansiFallback(_ number: Int) -> Int {
    colorCount >= 16 ? number : number % 8
  }

  // MARK: - Palette

  /// xterm's default RGB values of the 16 ANSI colours.
  static let ansiPalette: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
    (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  /// The RGB value of a 256-palette index (16–231 the 6×6×6 cube, 232–255 the grey ramp).
  static func rgb(ofIndexed number: Int) -> (Int, Int, Int) {
    if number < 16 { return ansiPalette[number] }
    if number >= 232 {
      let level = 8 + 10 * (number - 232)
      return (level, level, level)
    }
    let levels = [0, 95, 135, 175, 215, 255]
    let cube = number - 16
    return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
  }

  /// The ANSI colour (0..<`count`) closest to palette index `number` in RGB distance.
  static func nearestANSI(to number: Int, among count: Int) -> Int {
    let (red, green, blue) = rgb(ofIndexed: number)
    var best = 0
    var bestDistance = Int.max
    for (index, color) in ansiPalette.prefix(count).enumerated() {
      let distance =
        (red - color.0) * (red - color.0) + (green - color.1) * (green - color.1)
        + (blue - color.2) * (blue - color.2)
      if distance < bestDistance {
        best = index
        bestDistance = distance
      }
    }
    return best
  }
}

/// Terminal column widths of text: a pure-Swift table, the same on every machine.
///
/// libc `wcwidth` depends on the locale (it returns -1 for "é" under `LANG=C`), so tests would
/// vary by machine; this table follows Unicode's East Asian Width (Wide and Fullwidth) and
/// emoji presentation instead. A grapheme cluster (a base with combining marks, a ZWJ emoji
/// sequence, a flag) counts once.
public enum DisplayWidth {
  /// Columns one grapheme takes: 0 (control, lone combining mark), 1, or 2.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count > 1 {
      if scalars.contains(where: { $0.value == 0xFE0E }) { return min(1, width(of: first)) }
      if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
      if isRegionalIndicator(first) { return 2 }
    }
    let base = width(of: first)
    if base == 0 {
      // A cluster led by a zero-width scalar (e.g. a stray combining mark) takes the widest of
      // its other scalars.
      return scalars.dropFirst().map(width(of:)).max() ?? 0
    }
    return base
  }

  /// Columns a string takes.
  public static func of(_ text: String) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// `text` cut to at most `width` columns; with `ellipsis`, a cut string ends in "…".
  ///
  /// A wide grapheme that would straddle the limit is dropped, so the result may be one column
  /// narrower than `width`.
  public static func truncate(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
    guard width > 0 else { return "" }
    guard of(text) > width else { return text }
    let budget = ellipsis ? width - 1 : width
    var result = ""
    var used = 0
    for character in text {
      let columns = of(character)
      if used + columns > budget { break }
      result.append(character)
      used += columns
    }
    return ellipsis ? result + "…" : result
  }

  /// `text` fitted to exactly `width` columns: truncated with an ellipsis when too wide,
  /// padded with spaces on the right when short.
  public static func pad(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    let fitted = truncate(text, to: width)
    return fitted + String(repeating: " ", count: max(0, width - of(fitted)))
  }

  // MARK: - Table

  /// Width of a single scalar.
  static func width(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
      return 0
    default:
      break
    }
    if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
    if value == 0x200B { return 0 }
    if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  /// East Asian Wide and Fullwidth ranges (Unicode 15) outside emoji, which
  /// `isEmojiPresentation` covers.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
    0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
    0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
    0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B,
    0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]

  private static func isWide(_ value: UInt32) -> Bool {
    guard value >= 0x1100 else { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }
}

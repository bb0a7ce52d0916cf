/// A modal listing key bindings by section, poured into as many columns as fit.
public struct HelpOverlay: Widget, Hashable, Sendable {
  /// A titled group of hints.
  public struct Section: Hashable, Sendable {
    /// Section heading.
    public var title: String
    /// The bindings.
    public var hints: [KeyHint]

    /// Creates a section.
    public init(_ title: String, _ hints: [KeyHint]) {
      self.title = title
      self.hints = hints
    }
  }

  /// The sections, in order.
  public var sections: [Section]
  /// The modal's title.
  public var title: String
  /// Style of the box and descriptions.
  public var style: Style
  /// Style of section headings.
  public var sectionStyle: Style
  /// Style of the keys.
  public var keyStyle: Style

  /// Creates a help overlay.
  public init(
    sections: [Section], title: String = "Help", style: Style = .plain,
    sectionStyle: Style = Style.plain.bold(), keyStyle: Style = Style.plain.bold()
  ) {
    self.sections = sections
    self.title = title
    self.style = style
    self.sectionStyle = sectionStyle
    self.keyStyle = keyStyle
  }

  private enum Line {
    case heading(String)
    case hint(KeyHint)
    case blank
  }

  /// Draws the modal centred in `area`; entries that do not fit are left out.
  public func render(in area: Rect, on surface: inout Surface) {
    let keyWidth = sections.flatMap(\.hints).map { DisplayWidth.of($0.keys) }.max() ?? 0
    let entryWidth =
      sections.flatMap { section in
        [DisplayWidth.of(section.title)]
          + section.hints.map { keyWidth + 2 + DisplayWidth.of($0.description) }
      }.max() ?? 0
    let maxInnerWidth = max(1, area.width - 6)
    let maxInnerHeight = max(1, area.height - 4)
    let columnWidth = min(entryWidth, maxInnerWidth)
    let columnGap = 3
    let columnsThatFit = max(1, (maxInnerWidth + columnGap) / (columnWidth + columnGap))
    let columns = pour(into: columnsThatFit, height: maxInnerHeight)
    let usedHeight = columns.map(\.count).max() ?? 0
    let innerWidth = columns.count * columnWidth + max(0, columns.count - 1) * columnGap
    let modal = Modal(
      size: Size(width: innerWidth + 4, height: usedHeight + 2), style: style,
      block: Block(title: title, borderStyle: style, titleStyle: sectionStyle))
    modal.render(in: area, on: &surface)
    let content = modal.contentArea(in: area)
    for (index, lines) in columns.enumerated() {
      let x = content.x + index * (columnWidth + columnGap)
      let width = min(columnWidth, content.maxX - x)
      guard width > 0 else { break }
      for (row, line) in lines.enumerated() where row < content.height {
        let y = content.y + row
        switch line {
        case .heading(let text):
          surface.put(text, x: x, y: y, style: sectionStyle, maxWidth: width)
        case .hint(let hint):
          surface.put(hint.keys, x: x, y: y, style: keyStyle, maxWidth: width)
          let descriptionWidth = width - keyWidth - 2
          if descriptionWidth > 0 {
            let text = DisplayWidth.truncate(hint.description, to: descriptionWidth)
            surface.put(text, x: x + keyWidth + 2, y: y, style: style, maxWidth: descriptionWidth)
          }
        case .blank:
          break
        }
      }
    }
  }

  /// Splits the sections into at most `count` columns of at most `height` lines, starting a
  /// new column rather than splitting a section when it would fit whole in the next one.
  private func pour(into count: Int, height: Int) -> [[Line]] {
    var columns: [[Line]] = [[]]
    for section in sections {
      let lines = [Line.heading(section.title)] + section.hints.map { Line.hint($0) }
      let current = columns[columns.count - 1]
      let separated = current.isEmpty ? lines : [.blank] + lines
      if current.count + separated.count > height && !current.isEmpty && columns.count < count {
        columns.append(lines)
      } else {
        columns[columns.count - 1].append(contentsOf: separated)
      }
    }
    return columns.map { Array($0.prefix(height)) }
  }
}

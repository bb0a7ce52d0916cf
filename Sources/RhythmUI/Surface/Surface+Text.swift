// MARK: - Text views of a surface (tests and snapshots)

extension Surface {
  /// Each row's text, continuation cells skipped, trailing spaces kept.
  public var lines: [String] {
    (0..<size.height).map { row in
      var line = ""
      for column in 0..<size.width {
        let cell = self[column, row]
        if !cell.isContinuation { line += cell.text }
      }
      return line
    }
  }

  /// The runs of equal, non-plain style in row `y`, as inclusive column ranges.
  public func styleRuns(y: Int) -> [(columns: ClosedRange<Int>, style: Style)] {
    var runs: [(columns: ClosedRange<Int>, style: Style)] = []
    var column = 0
    while column < size.width {
      let style = self[column, y].style
      var end = column
      while end + 1 < size.width && self[end + 1, y].style == style { end += 1 }
      if style != .plain { runs.append((column...end, style)) }
      column = end + 1
    }
    return runs
  }

  /// The snapshot text of STYLE.md 3.7: `size WxH`, each row as `|…|`, then a `styles:` section
  /// with one line per non-plain run (`y=3 x=2..40 fg=yellow bold`; both ends inclusive).
  public func snapshotText() -> String {
    var text = "size \(size.width)x\(size.height)\n"
    for line in lines { text += "|\(line)|\n" }
    text += "styles:\n"
    for row in 0..<size.height {
      for run in styleRuns(y: row) {
        text += "y=\(row) x=\(run.columns.lowerBound)..\(run.columns.upperBound) \(run.style)\n"
      }
    }
    return text
  }
}

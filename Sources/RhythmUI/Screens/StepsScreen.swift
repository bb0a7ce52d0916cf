enum StepsLayout {
  static func listHeight(for size: Size, showsDetail: Bool) -> Int { size.height - 6 }
}
enum StepsScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    painter.panel("Steps", in: area, on: &surface)
  }
}

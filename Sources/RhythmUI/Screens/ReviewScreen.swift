enum ReviewScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    painter.panel("Review", in: area, on: &surface)
  }
}

enum MetricsScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    painter.panel("Metrics", in: area, on: &surface)
  }
}

enum CadencesScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    painter.panel("Cadences", in: area, on: &surface)
  }
}

enum PeopleScreen {
  static func render(
    _ state: AppState, in area: Rect, painter: Painter, on surface: inout Surface
  ) {
    painter.panel("People", in: area, on: &surface)
  }
}

/// Something that draws itself into an area of a ``Surface``.
///
/// Widgets are values configured by the caller (text, styles, state); they hold no globals and
/// never draw outside `area`.
public protocol Widget {
  /// Draws into `area` of `surface`.
  func render(in area: Rect, on surface: inout Surface)
}

import Foundation

/// The one table of key bindings: it drives input, the `?` help overlay and the status-bar
/// hints, so the three never disagree.
public struct KeyMap: Sendable {
  /// Every binding, in the order help shows them.
  public private(set) var bindings: [Binding]
  private var lookup: [KeyContext: [String: Int]]

  /// A keymap of `bindings`; for a key bound twice in one context, the first binding wins.
  public init(bindings: [Binding]) {
    self.bindings = bindings
    lookup = [:]
    for (index, binding) in bindings.enumerated() {
      for context in binding.contexts {
        for key in binding.keys where lookup[context, default: [:]][key] == nil {
          lookup[context, default: [:]][key] = index
        }
      }
    }
  }

  /// The binding `key` triggers in `context`, falling back to the global bindings (except
  /// in the input line, where unbound keys are text).
  public func binding(for key: String, in context: KeyContext) -> Binding? {
    if let index = lookup[context]?[key] { return bindings[index] }
    guard context != .input, let index = lookup[.global]?[key] else { return nil }
    return bindings[index]
  }

  /// The bindings of `context`, in table order.
  public func bindings(in context: KeyContext) -> [Binding] {
    bindings.filter { $0.contexts.contains(context) }
  }

  /// The status-bar hints for `context`: its own first, then the global ones.
  public func hints(for context: KeyContext) -> [Binding] {
    let own = bindings.filter { $0.hint != nil && $0.contexts.contains(context) }
    guard context != .input else { return own }
    return own + bindings.filter { $0.hint != nil && $0.contexts.contains(.global) }
  }
}

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

  // MARK: - User overrides

  /// This keymap with user overrides applied.
  ///
  /// The text holds `binding.id = key, key` lines (`#` comments), such as
  /// `steps.done = x, ctrl+d`. Unknown ids and unreadable keys are reported, not fatal.
  /// - Returns: the new keymap and one line per problem.
  public func overridden(by text: String) -> (keyMap: KeyMap, problems: [String]) {
    var updated = bindings
    var problems: [String] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let content =
        line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        .first.map(String.init) ?? ""
      let parts = content.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard parts.count == 2 else {
        if !content.trimmingCharacters(in: .whitespaces).isEmpty {
          problems.append("keys line \(number + 1): expected `binding.id = key, key`")
        }
        continue
      }
      guard let index = updated.firstIndex(where: { $0.id == parts[0] }) else {
        problems.append("keys line \(number + 1): no binding '\(parts[0])'")
        continue
      }
      let keys = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      let canonical = keys.compactMap { KeyEvent(canonical: $0)?.canonical }
      guard canonical.count == keys.count, !canonical.isEmpty else {
        problems.append("keys line \(number + 1): cannot read the keys '\(parts[1])'")
        continue
      }
      updated[index].keys = canonical
    }
    return (KeyMap(bindings: updated), problems)
  }
}

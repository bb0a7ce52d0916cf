import Foundation

extension Store {
  /// Undoes this device's latest operation that is not undone yet, with a new operation that
  /// puts back the values it replaced (an undone creation removes the record).
  /// - Returns: the operation undone.
  @discardableResult
  public func undo() throws(RhythmError) -> Operation {
    var undone: Operation?
    _ = try commit { store throws(RhythmError) -> [Change] in
      let own = try store.ownOperations()
      let undoneIDs = Set(own.compactMap(\.undoes))
      guard let target = own.last(where: { $0.undoes == nil && !undoneIDs.contains($0.id) }) else {
        throw .nothingToUndo
      }
      undone = target
      var fields: [String: JSONValue] = [:]
      if target.prior.isEmpty {
        fields["deleted"] = .bool(true)
      } else {
        for path in target.fields.keys { fields[path] = target.prior[path] ?? .null }
      }
      return [Change.restore(kind: target.kind, id: target.record, fields: fields)]
    } marking: {
      (undoes: undone?.id, redoes: nil)
    }
    guard let undone else { throw .nothingToUndo }
    return undone
  }

  /// Redoes the latest undo, when nothing else was done since.
  /// - Returns: the operation redone.
  @discardableResult
  public func redo() throws(RhythmError) -> Operation {
    var redone: Operation?
    var undoID: String?
    _ = try commit { store throws(RhythmError) -> [Change] in
      let own = try store.ownOperations()
      let redoneIDs = Set(own.compactMap(\.redoes))
      let byID = Dictionary(own.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      for operation in own.reversed() {
        guard let target = operation.undoes else {
          if operation.redoes != nil { continue }
          break  // a new change since the last undo: nothing to redo
        }
        if redoneIDs.contains(operation.id) { continue }
        guard let original = byID[target] else { break }
        redone = original
        undoID = operation.id
        var fields = original.fields
        if original.prior.isEmpty { fields["deleted"] = .bool(false) }
        return [Change.restore(kind: original.kind, id: original.record, fields: fields)]
      }
      throw .message("nothing to redo")
    } marking: {
      (undoes: nil, redoes: undoID)
    }
    guard let redone else { throw .message("nothing to redo") }
    return redone
  }

  /// Every operation that touched record `id`, oldest first, from all journals.
  public func history(of id: String) throws(RhythmError) -> [Operation] {
    var result: [Operation] = []
    let marker = Array(JSONValue.string(id).serialized().utf8)
    for device in Journal.devices(in: layout.journalFolder) {
      let path = layout.journalPath(for: device)
      guard let data = try FileIO.read(path) else { continue }
      for line in data.split(separator: 0x0A) where line.firstRange(of: marker) != nil {
        if let operation = try? Operation(line: Array(line)), operation.record == id {
          result.append(operation)
        }
      }
    }
    return result.sorted { $0.stamp < $1.stamp }
  }

  /// This device's operations, oldest first.
  func ownOperations() throws(RhythmError) -> [Operation] {
    let path = layout.journalPath(for: try deviceID())
    guard let data = try FileIO.read(path) else { return [] }
    var result: [Operation] = []
    for line in data.split(separator: 0x0A) {
      if let operation = try? Operation(line: Array(line)) { result.append(operation) }
    }
    return result
  }
}

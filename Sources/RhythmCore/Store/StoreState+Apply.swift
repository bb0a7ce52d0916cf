import Foundation

extension StoreState {
  /// Applies an operation: each field takes the operation's value unless a write with a
  /// greater stamp set it. Operations read from a journal and those this process just made go
  /// through here alike (the latter keep their typed values: no JSON is read).
  public mutating func apply(_ operation: Operation) {
    if latestStamp.map({ operation.stamp > $0 }) ?? true { latestStamp = operation.stamp }
    if let change = operation.change {
      change.apply(&self, operation.stamp)
    } else {
      apply(operation, as: operation.kind.recordType)
    }
  }

  private mutating func apply<R: Record>(_ operation: Operation, as type: R.Type) {
    apply(
      R.self, id: operation.record, stamp: operation.stamp,
      edits: R.schema.edits(from: operation.fields), raw: operation.fields)
  }

  /// Applies typed `edits` of the record `id`, made at `stamp`. `raw` is their journal form,
  /// kept for a record whose creation has not arrived yet.
  mutating func apply<R: Record>(
    _ type: R.Type, id: String, stamp: Stamp, edits: [FieldEdit<R>], raw: [String: JSONValue]
  ) {
    let key = RecordKey(kind: R.kind, id: id)
    guard var record = self[keyPath: R.section][id] ?? removed[key] as? R else {
      addOrphans(R.self, key: key, raw: raw, stamp: stamp)
      return
    }
    // A record read from a snapshot has no stamps: its fields count as the snapshot's.
    let floor = stamps[key] == nil ? snapshotStamp : nil
    var fieldStamps = stamps[key] ?? FieldStamps(fields: [:])
    let before = record
    for edit in edits where wins(stamp, at: edit.path, in: fieldStamps, of: R.self, floor: floor) {
      edit.write(&record)
      // A whole map older than some of its own keys keeps those newer keys.
      let prefix = edit.path + "."
      let newerKeys = fieldStamps.fields.filter { $0.key.hasPrefix(prefix) && $0.value > stamp }
      if !newerKeys.isEmpty {
        let keys = newerKeys.keys.map { String($0.dropFirst(prefix.count)) }
        R.schema.keep(keys, of: edit.path, from: before, into: &record)
      }
      fieldStamps.fields[edit.path] = stamp
    }
    stamps[key] = fieldStamps
    put(record, key: key)
  }

  /// Puts a record made by one operation (a creation read from a journal) when nothing is
  /// known of it yet: every field in `made` is written at `stamp`. Returns false, doing
  /// nothing, when the record or fields of it are already there (then `apply` decides).
  mutating func create<R: Record>(_ record: consuming R, stamp: Stamp, made: UInt64) -> Bool {
    let key = RecordKey(kind: R.kind, id: record.id)
    guard removed.isEmpty || removed[key] == nil, orphans.isEmpty || orphans[key] == nil else {
      return false
    }
    guard record.isLive else {
      guard self[keyPath: R.section][key.id] == nil, stamps[key] == nil else { return false }
      stamps[key] = FieldStamps(base: stamp, made: made)
      if latestStamp.map({ stamp > $0 }) ?? true { latestStamp = stamp }
      put(record, key: key)
      return true
    }
    // One hash each for the look-up and the insertion, in the section and in the stamps; what
    // was there is put back (rare).
    if let known = self[keyPath: R.section].updateValue(record, forKey: key.id) {
      self[keyPath: R.section][key.id] = known
      return false
    }
    if let known = stamps.updateValue(FieldStamps(base: stamp, made: made), forKey: key) {
      stamps[key] = known
      self[keyPath: R.section][key.id] = nil
      return false
    }
    if latestStamp.map({ stamp > $0 }) ?? true { latestStamp = stamp }
    return true
  }

  /// Whether a write at `stamp` of `path` beats what the record holds: the field's own stamp,
  /// and for one key of a map (`values.2026-11-23`) the stamp of the whole map too.
  private func wins<R: Record>(
    _ stamp: Stamp, at path: String, in fieldStamps: FieldStamps, of type: R.Type, floor: Stamp?
  ) -> Bool {
    if let current = fieldStamps.stamp(at: path, in: R.schema) ?? floor, current > stamp {
      return false
    }
    if let dot = path.firstIndex(of: "."),
      let whole = fieldStamps.stamp(at: String(path[..<dot]), in: R.schema), whole > stamp
    {
      return false
    }
    return true
  }

  /// Keeps the fields of a record that does not exist yet, and makes the record once they hold
  /// every field it needs.
  private mutating func addOrphans<R: Record>(
    _ type: R.Type, key: RecordKey, raw: [String: JSONValue], stamp: Stamp
  ) {
    var fields = orphans[key] ?? [:]
    for (path, json) in raw where fields[path].map({ $0.stamp < stamp }) ?? true {
      fields[path] = StampedValue(json: json, stamp: stamp)
    }
    // A single key of a map written before the whole map was is overwritten by it.
    let settled = fields.filter { path, value in
      guard let dot = path.firstIndex(of: "."), let whole = fields[String(path[..<dot])] else {
        return true
      }
      return value.stamp > whole.stamp
    }
    let values = settled.mapValues(\.json)
    guard let record = R.schema.record(id: key.id, from: values) else {
      orphans[key] = fields
      return
    }
    orphans[key] = nil
    stamps[key] = FieldStamps(fields: fields.mapValues(\.stamp))
    put(record, key: key)
  }

  /// Files a record under its section when live, aside when removed.
  private mutating func put<R: Record>(_ record: R, key: RecordKey) {
    if record.isLive {
      self[keyPath: R.section][key.id] = record
      if !removed.isEmpty { removed[key] = nil }
    } else {
      self[keyPath: R.section][key.id] = nil
      removed[key] = record
    }
  }

  /// A record as it stands now, live or removed.
  public func record<R: Record>(_ type: R.Type, id: String) -> R? {
    self[keyPath: R.section][id] ?? removed[RecordKey(kind: R.kind, id: id)] as? R
  }

  /// Puts records read from a snapshot (live or removed) without stamps: their fields count
  /// as written at `snapshotStamp`. Records are moved out of the runs (in order: a later line
  /// wins), not copied and then destroyed with them.
  mutating func load<R: Record>(_ runs: consuming [[R]]) {
    var section: [String: R] = [:]
    swap(&section, &self[keyPath: R.section])
    section.reserveCapacity(section.count + runs.reduce(0) { $0 + $1.count })
    runs.reverse()
    while var run = runs.popLast() {
      run.reverse()
      while let record = run.popLast() {
        if record.isLive {
          section[record.id] = record
        } else {
          section[record.id] = nil
          removed[RecordKey(kind: R.kind, id: record.id)] = record
        }
      }
    }
    swap(&section, &self[keyPath: R.section])
  }
}

extension StoreState {
  /// The state the operations make, in whatever order they come.
  public static func replaying(_ operations: some Sequence<Operation>) -> StoreState {
    var state = StoreState()
    for operation in operations { state.apply(operation) }
    return state
  }
}

extension StoreState {
  /// Every record, removed ones too, as the snapshot writes it: kind → id → fields.
  func fieldMaps() -> [RecordKind: [String: [String: JSONValue]]] {
    var result: [RecordKind: [String: [String: JSONValue]]] = [:]
    func add<R: Record>(_ type: R.Type) {
      var section: [String: [String: JSONValue]] = [:]
      section.reserveCapacity(self[keyPath: R.section].count)
      for (id, record) in self[keyPath: R.section] { section[id] = R.schema.fields(of: record) }
      result[R.kind] = section
    }
    for kind in RecordKind.allCases { add(kind.recordType) }
    for (key, record) in removed {
      func addRemoved<R: Record>(_ record: R) {
        result[key.kind, default: [:]][key.id] = R.schema.fields(of: record)
      }
      addRemoved(record)
    }
    return result
  }
}

import Foundation

/// Read access to the records an edit checks. A loaded `StoreState` (the cockpit) and a lazily
/// read `Store` (a command, which reads only what it needs) both provide it.
public protocol RecordReader {
  /// The live record `id` of `type`, if there is one.
  func live<R: Record>(_ type: R.Type, id: String) throws(RhythmError) -> R?
  /// Every live record of `type`, by id.
  func all<R: Record>(_ type: R.Type) throws(RhythmError) -> [String: R]
}

extension StoreState: RecordReader {
  public func live<R: Record>(_ type: R.Type, id: String) -> R? {
    self[keyPath: R.section][id]
  }

  public func all<R: Record>(_ type: R.Type) -> [String: R] {
    self[keyPath: R.section]
  }
}

extension Store: RecordReader {
  public func live<R: Record>(_ type: R.Type, id: String) throws(RhythmError) -> R? {
    guard let record = try currentRecord(R.self, id: id), record.isLive else { return nil }
    return record
  }

  public func all<R: Record>(_ type: R.Type) throws(RhythmError) -> [String: R] {
    try records(R.self)
  }
}

import Foundation

extension StampsFile {
  /// The entries of the records `keys` names that the file has, looked up in file order (by
  /// kind, then id bytes), each search starting where the one before ended (`place`). An
  /// entry that cannot be read is skipped, as `entry(_:id:)` skips it.
  func entries(for keys: some Collection<RecordKey>) -> [(key: RecordKey, entry: Entry)] {
    let sorted = StampsFile.sortedKeys(keys)
    var result: [(key: RecordKey, entry: Entry)] = []
    result.reserveCapacity(sorted.count)
    data.withUnsafeBytes { raw in
      var from = 0
      for key in sorted {
        guard let (position, same) = place(raw, of: key, from: from) else { continue }
        from = position
        guard same, let found = readEntry(raw, at: position) else { continue }
        result.append((key.key, found.entry))
      }
    }
    return result
  }
}

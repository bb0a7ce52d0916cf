import Foundation

extension StampsFile {
  /// The entries of the records `keys` names that the file has: looked up in file order
  /// (by kind, then id bytes), each search starting where the one before ended and moving
  /// in steps doubling from there, so that tens of thousands of records near each other cost
  /// a few comparisons each rather than a whole binary search.
  func entries(for keys: some Collection<RecordKey>) -> [(key: RecordKey, entry: Entry)] {
    let sorted = StampsFile.sortedKeys(keys)
    var result: [(key: RecordKey, entry: Entry)] = []
    result.reserveCapacity(sorted.count)
    data.withUnsafeBytes { raw in
      let total = entryCount
      var low = 0
      for key in sorted {
        // Whether the entry at `position` comes before the key (an unreadable one ends it).
        func before(_ position: Int) -> Bool {
          (compare(raw, entryAt: position, code: key.code, id: key.idBytes) ?? 1) < 0
        }
        var step = 1
        while low + step - 1 < total, before(low + step - 1) {
          low += step
          step *= 2
        }
        var high = min(total, low + step - 1)
        while low < high {
          let middle = (low + high) / 2
          if before(middle) { low = middle + 1 } else { high = middle }
        }
        guard low < total, compare(raw, entryAt: low, code: key.code, id: key.idBytes) == 0,
          let found = readEntry(raw, at: low)
        else { continue }
        result.append((key.key, found.entry))
      }
    }
    return result
  }
}

import Foundation

extension StepIndex {
  /// The bytes of an index, `bytes`, made for another file with the same content as the one it
  /// was written for (a checkpoint's snapshot, linked or copied into `store.json`): the
  /// identity at its head (size, mtime, inode) replaced by `identity`, so that reads trust it
  /// at once instead of checksumming the snapshot every time. Only for an index already
  /// matched by content (`read(path:matching:snapshot:)`).
  static func rebound(_ bytes: Data, to identity: FileIdentity) -> Data {
    // As `encode` writes it: u64 size, i64 seconds, i64 nanoseconds, u64 inode.
    let words = [
      identity.size, UInt64(bitPattern: identity.seconds),
      UInt64(bitPattern: identity.nanoseconds), identity.inode,
    ]
    var head = Data()
    for word in words { withUnsafeBytes(of: word.littleEndian) { head.append(contentsOf: $0) } }
    var result = bytes
    let start = result.startIndex + magic.count
    result.replaceSubrange(start..<(start + head.count), with: head)
    return result
  }
}

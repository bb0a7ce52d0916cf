import Foundation

/// A fast 64-bit checksum of a file's bytes (eight bytes at a time, multiplied and rotated),
/// so a cache can tell "same content" from "same name" when a copy, a restore or a checkout
/// gave the file a new inode and mtime. Not cryptographic: it guards against stale caches,
/// not against tampering (`store check` compares the caches with the journals for that).
enum ContentChecksum {
  /// The checksum of `bytes`.
  static func of(_ bytes: some ContiguousBytes) -> UInt64 {
    bytes.withUnsafeBytes { raw in
      var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
      let words = raw.count / 8
      for word in 0..<words {
        let value = raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
        hash = (hash ^ value) &* 0x0000_0100_0000_01B3
        hash = (hash << 29) | (hash >> 35)
      }
      for offset in (words * 8)..<raw.count {
        hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
      }
      return hash ^ (hash >> 31)
    }
  }
}

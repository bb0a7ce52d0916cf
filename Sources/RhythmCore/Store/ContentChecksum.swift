import Foundation

/// A fast 64-bit checksum of a file's bytes (eight bytes at a time, multiplied and rotated),
/// so a cache can tell "same content" from "same name" when a copy, a restore or a checkout
/// gave the file a new inode and mtime. Not cryptographic: it guards against stale caches,
/// not against tampering (`store check` compares the caches with the journals for that).
enum ContentChecksum {
  /// The checksum of `bytes`.
  static func of(_ bytes: some ContiguousBytes) -> UInt64 {
    bytes.withUnsafeBytes { raw in
      var running = Running(count: raw.count)
      running.add(raw)
      return running.value
    }
  }

  /// The checksum of bytes given a piece at a time (their total count known at the start).
  struct Running {
    private var hash: UInt64
    /// Bytes of a word not complete yet (at most 7), low byte first (as a little-endian load
    /// reads them: every platform Rhythm builds for).
    private var pending: UInt64 = 0
    private var pendingCount = 0

    /// A checksum of `count` bytes, none given yet.
    init(count: Int) {
      hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
    }

    /// Adds the next bytes.
    mutating func add(_ raw: UnsafeRawBufferPointer) {
      var start = 0
      while pendingCount > 0, pendingCount < 8, start < raw.count {
        pending |= UInt64(raw[start]) << UInt64(pendingCount * 8)
        pendingCount += 1
        start += 1
        if pendingCount == 8 {
          mix(pending)
          pending = 0
          pendingCount = 0
        }
      }
      let words = (raw.count - start) / 8
      for word in 0..<words {
        mix(raw.loadUnaligned(fromByteOffset: start + word * 8, as: UInt64.self))
      }
      for offset in (start + words * 8)..<raw.count {
        pending |= UInt64(raw[offset]) << UInt64(pendingCount * 8)
        pendingCount += 1
      }
    }

    /// The checksum of every byte added (the last bytes that make no whole word taken one by
    /// one).
    var value: UInt64 {
      var final = hash
      for offset in 0..<pendingCount {
        final = (final ^ ((pending >> UInt64(offset * 8)) & 0xFF)) &* 0x0000_0100_0000_01B3
      }
      return final ^ (final >> 31)
    }

    private mutating func mix(_ value: UInt64) {
      hash = (hash ^ value) &* 0x0000_0100_0000_01B3
      hash = (hash << 29) | (hash >> 35)
    }
  }
}

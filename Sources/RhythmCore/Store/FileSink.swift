import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file through a buffer of a fixed size, so that a large file (a 15 MB snapshot) is
/// never whole in memory, and counts where each byte lands. Made by
/// `FileIO.replaceAtomically(_:failing:beforeRename:writing:)`.
final class FileSink {
  /// The buffer size: bytes are written to the file once this many are waiting.
  static let capacity = 1 << 20

  let path: String
  private let descriptor: Int32
  private let failing: Bool
  private var buffer: [UInt8] = []
  /// How many bytes went to the file.
  private var written = 0

  init(descriptor: Int32, path: String, failing: Bool) {
    self.descriptor = descriptor
    self.path = path
    self.failing = failing
    buffer.reserveCapacity(FileSink.capacity)
  }

  /// How many bytes were appended so far (where the next one lands).
  var offset: Int { written + buffer.count }

  /// Appends `bytes` (a block as large as half the buffer goes to the file as it is, not
  /// through the buffer).
  func append(_ bytes: [UInt8]) throws(RhythmError) {
    guard bytes.count >= FileSink.capacity / 2, !failing else {
      buffer += bytes
      if buffer.count >= FileSink.capacity { try flush() }
      return
    }
    try flush()
    try FileIO.writeAll(descriptor, bytes, path: path)
    written += bytes.count
  }

  /// Appends bytes kept elsewhere (a run of an older file's lines): a large run goes to the
  /// file from where it is, without a copy.
  func append(contentsOf raw: UnsafeRawBufferPointer) throws(RhythmError) {
    guard raw.count >= FileSink.capacity / 2, !failing, let base = raw.baseAddress else {
      buffer.append(contentsOf: raw)
      if buffer.count >= FileSink.capacity { try flush() }
      return
    }
    try flush()
    var done = 0
    while done < raw.count {
      let count = write(descriptor, base + done, raw.count - done)
      if count < 0 {
        if errno == EINTR { continue }
        throw FileIO.failure(path, "cannot write")
      }
      done += count
    }
    written += raw.count
  }

  /// Appends a few bytes (a line).
  func append(_ bytes: ArraySlice<UInt8>) throws(RhythmError) {
    buffer += bytes
    if buffer.count >= FileSink.capacity { try flush() }
  }

  /// Appends the UTF-8 bytes of `text`.
  func append(_ text: String) throws(RhythmError) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= FileSink.capacity { try flush() }
  }

  /// Writes what is waiting to the file. With `failing` (the fault-injection seam) the first
  /// write stops halfway with `ENOSPC`, as on a full disk.
  func flush() throws(RhythmError) {
    if failing {
      try FileIO.writeAll(descriptor, Array(buffer.prefix(buffer.count / 2)), path: path)
      errno = ENOSPC
      throw FileIO.failure(path, "cannot write")
    }
    try FileIO.writeAll(descriptor, buffer, path: path)
    written += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }

  /// The `ContentChecksum` of everything appended, read back from the file a chunk at a time
  /// (the bytes just written are in the page cache).
  func checksum() throws(RhythmError) -> UInt64 {
    try flush()
    var running = ContentChecksum.Running(count: written)
    var chunk = [UInt8](repeating: 0, count: FileSink.capacity)
    var position = 0
    while position < written {
      let want = min(chunk.count, written - position)
      let count = chunk.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return pread(descriptor, base, want, off_t(position))
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { throw FileIO.failure(path, "cannot read back") }
      chunk.withUnsafeBytes { raw in
        running.add(UnsafeRawBufferPointer(rebasing: raw[0..<count]))
      }
      position += count
    }
    return running.value
  }
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of file the store writes. A test seam, `RHYTHM_FAIL_WRITE=<kind>`, makes every
/// write to one kind fail as a full disk would, so tests can see what each failure leaves.
enum StoreFile: String, Sendable {
  case journal, snapshot, index, backup, stamps

  /// The kind `RHYTHM_FAIL_WRITE` names, if any.
  static func failing(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> StoreFile? {
    environment["RHYTHM_FAIL_WRITE"].flatMap { StoreFile(rawValue: $0) }
  }
}

/// The few POSIX file operations the store needs for durability, with errors as
/// `RhythmError.io`: append-and-fsync, atomic replace, folder fsync, permissions.
///
/// The writes take `failing`: when it is true the write fails halfway with `ENOSPC`, as on a
/// full disk, through the same clean-up as a real failure (the store's fault-injection seam).
enum FileIO {
  /// Reads a whole file; `nil` when it does not exist.
  static func read(_ path: String) throws(RhythmError) -> Data? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      if errno == ENOENT { return nil }
      throw failure(path, "cannot read")
    }
    defer { close(descriptor) }
    return try readAll(descriptor, path: path, from: 0)
  }

  /// Reads a file from byte `offset` to its end, or `count` bytes of it.
  static func read(_ path: String, from offset: Int, count: Int? = nil) throws(RhythmError) -> Data
  {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path, "cannot read") }
    defer { close(descriptor) }
    return try readAll(descriptor, path: path, from: offset, count: count)
  }

  private static func readAll(
    _ descriptor: Int32, path: String, from offset: Int, count: Int? = nil
  ) throws(RhythmError) -> Data {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure(path, "cannot stat") }
    let size = min(max(0, Int(info.st_size) - offset), count ?? Int.max)
    var data = Data(count: size)
    var done = 0
    while done < size {
      let count = data.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return pread(descriptor, base + done, size - done, off_t(offset + done))
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path, "cannot read")
      }
      if count == 0 { break }
      done += count
    }
    if done < size { data.removeSubrange(done..<size) }
    return data
  }

  /// Appends `bytes` to `path` (created 0600 when missing) and flushes them to disk before
  /// returning. A new file also has its folder flushed, so the file itself survives a crash.
  /// A failed append may leave part of `bytes` behind: the caller cuts it off.
  static func appendDurably(_ bytes: [UInt8], to path: String, failing: Bool = false)
    throws(RhythmError)
  {
    let existed = access(path, F_OK) == 0
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw failure(path, "cannot open for writing") }
    defer { close(descriptor) }
    try writeAll(descriptor, bytes, path: path, failing: failing)
    guard fsync(descriptor) == 0 else { throw failure(path, "cannot flush to disk") }
    if !existed { try syncFolder(of: path) }
  }

  /// Cuts `path` to `length` bytes and flushes it (repairing a torn last line).
  static func truncate(_ path: String, to length: Int) throws(RhythmError) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path, "cannot open for repair") }
    defer { close(descriptor) }
    guard ftruncate(descriptor, off_t(length)) == 0, fsync(descriptor) == 0 else {
      throw failure(path, "cannot repair")
    }
  }

  /// Replaces `path` with `bytes` atomically: a temporary file is written and flushed, renamed
  /// over `path`, and the folder flushed. Readers see the old file or the new, never a mix.
  /// A failure leaves `path` as it was and removes the temporary file.
  /// - Parameter beforeRename: runs once the new content is safely on disk, just before it
  ///   takes the place of the old.
  static func replaceAtomically(
    _ path: String, with bytes: some Collection<UInt8>, failing: Bool = false,
    beforeRename: () -> Void = {}
  ) throws(RhythmError) {
    try replaceAtomically(path, failing: failing, beforeRename: beforeRename) {
      (sink) throws(RhythmError) in try sink.append(Array(bytes))
    }
  }

  /// `replaceAtomically(_:with:failing:beforeRename:)` for a file written a piece at a time:
  /// `writing` appends to the sink (at most a buffer's worth is ever in memory); the file takes
  /// the place of `path` only once all of it is written and flushed to disk.
  static func replaceAtomically<T>(
    _ path: String, failing: Bool = false, beforeRename: () -> Void = {},
    writing: (FileSink) throws(RhythmError) -> T
  ) throws(RhythmError) -> T {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw failure(temporary, "cannot create") }
    let result: T
    do throws(RhythmError) {
      let sink = FileSink(descriptor: descriptor, path: temporary, failing: failing)
      result = try writing(sink)
      try sink.flush()
      guard fsync(descriptor) == 0 else { throw failure(temporary, "cannot flush to disk") }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    beforeRename()
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw failure(path, "cannot replace")
    }
    try syncFolder(of: path)
    return result
  }

  /// Makes a folder (0700) and its parents when missing.
  static func makeFolder(_ path: String) throws(RhythmError) {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else { throw .io(path: path, reason: "exists and is not a folder") }
      return
    }
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .io(path: path, reason: "cannot create the folder")
    }
  }

  /// Size, modification time and inode: what tells whether a file changed.
  static func identity(_ path: String) -> FileIdentity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileIdentity(
      size: UInt64(info.st_size), seconds: Int64(info.st_mtim.tv_sec),
      nanoseconds: Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
  }

  /// The size of a file, 0 when it does not exist.
  static func size(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return Int(info.st_size)
  }

  /// Whether something exists at `path`.
  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// Makes a hard link (used to keep the previous snapshot as a backup without copying it).
  static func hardLink(_ source: String, to destination: String, failing: Bool = false)
    throws(RhythmError)
  {
    if failing {
      errno = ENOSPC
      throw failure(destination, "cannot link")
    }
    guard link(source, destination) == 0 else { throw failure(destination, "cannot link") }
  }

  /// Renames `source` to `destination` (used to move a damaged snapshot aside).
  static func move(_ source: String, to destination: String, failing: Bool = false)
    throws(RhythmError)
  {
    if failing {
      errno = ENOSPC
      throw failure(destination, "cannot move")
    }
    guard rename(source, destination) == 0 else { throw failure(source, "cannot move") }
  }

  /// Sets the permission bits of `path`; returns the previous ones when they were different.
  static func restrict(_ path: String, to mode: mode_t) throws(RhythmError) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { throw failure(path, "cannot stat") }
    let previous = info.st_mode & 0o7777
    guard previous != mode else { return nil }
    guard chmod(path, mode) == 0 else { throw failure(path, "cannot set its permissions") }
    return previous
  }

  /// Removes a file, ignoring a missing one.
  static func remove(_ path: String) {
    unlink(path)
  }

  /// Flushes the folder that holds `path`, so a new or renamed entry survives a crash.
  static func syncFolder(of path: String) throws(RhythmError) {
    let folder = (path as NSString).deletingLastPathComponent
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(folder, "cannot open the folder") }
    defer { close(descriptor) }
    _ = fsync(descriptor)
  }

  static func writeAll(
    _ descriptor: Int32, _ bytes: [UInt8], path: String, failing: Bool = false
  ) throws(RhythmError) {
    if failing {
      try writeAll(descriptor, Array(bytes.prefix(bytes.count / 2)), path: path)
      errno = ENOSPC
      throw failure(path, "cannot write")
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return write(descriptor, base + written, bytes.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path, "cannot write")
      }
      written += count
    }
  }

  static func failure(_ path: String, _ what: String) -> RhythmError {
    .io(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
  }
}

/// What identifies one version of a file: a change to it changes one of these.
struct FileIdentity: Equatable {
  var size: UInt64
  var seconds: Int64
  var nanoseconds: Int64
  var inode: UInt64
}

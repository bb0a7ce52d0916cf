import Foundation

/// The system's random source, read 16 KB at a time from `/dev/urandom`:
/// `SystemRandomNumberGenerator` makes one system call per number, and a record id takes
/// sixteen, which made ids the largest cost of importing 50,000 steps (1.6 million calls).
/// Where `/dev/urandom` cannot be read, it draws on `SystemRandomNumberGenerator`.
struct BufferedSystemRandom: RandomNumberGenerator, Sendable {
  private var buffer = [UInt64](repeating: 0, count: 2048)
  private var position = 2048

  mutating func next() -> UInt64 {
    if position == buffer.count {
      refill()
      position = 0
    }
    defer { position += 1 }
    return buffer[position]
  }

  private mutating func refill() {
    let size = buffer.count * MemoryLayout<UInt64>.size
    var filled = 0
    if let file = FileHandle(forReadingAtPath: "/dev/urandom") {
      let data = (try? file.read(upToCount: size)) ?? Data()
      try? file.close()
      filled = data.count / MemoryLayout<UInt64>.size
      _ = buffer.withUnsafeMutableBytes { raw in
        data.copyBytes(
          to: raw.bindMemory(to: UInt8.self), count: filled * MemoryLayout<UInt64>.size)
      }
    }
    var system = SystemRandomNumberGenerator()
    for index in filled..<buffer.count { buffer[index] = system.next() }
  }
}

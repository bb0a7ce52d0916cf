import Foundation

/// Makes unique, time-sortable record ids: ULIDs (48 bits of milliseconds, 80 random bits) in
/// lower-case Crockford base 32, 26 characters. Ids made later sort later.
public struct RecordIDGenerator: Sendable {
  private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
  private var random: any RandomNumberGenerator & Sendable
  /// Whether the source is seeded: its ids draw one number per character, as they always
  /// have (a derived id must stay the same on every device and version).
  private let seeded: Bool

  /// A generator drawing on the system's random source.
  public init() {
    random = BufferedSystemRandom()
    seeded = false
  }

  /// A generator with a seeded source, for deterministic demos and tests.
  public init(seed: UInt64) {
    random = SplitMix64(seed: seed)
    seeded = true
  }

  /// A new id for something made at `date`.
  public mutating func next(at date: Date) -> String {
    let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000).rounded(.down))
    var bytes = [UInt8](repeating: 0, count: 26)
    var time = millis
    for index in stride(from: 9, through: 0, by: -1) {
      bytes[index] = Self.alphabet[Int(time & 31)]
      time >>= 5
    }
    if seeded {
      for index in 10..<26 {
        bytes[index] = Self.alphabet[Int(random.next() & 31)]
      }
    } else {
      // 80 random bits from two draws (12 characters from the first, 4 from the second),
      // not one system draw per character.
      var bits = random.next()
      for index in 10..<26 {
        if index == 22 { bits = random.next() }
        bytes[index] = Self.alphabet[Int(bits & 31)]
        bits >>= 5
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The id every device derives for the same `key` at `date`: the time part as usual, the
  /// rest from a hash of `key`. Records that two devices may make independently for the same
  /// thing (the review of one occurrence) get one id, so their writes merge field by field.
  public static func derived(at date: Date, from key: String) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    var generator = RecordIDGenerator(seed: hash)
    return generator.next(at: date)
  }

  /// Whether `text` could be an id (26 base-32 characters).
  public static func isValid(_ text: String) -> Bool {
    text.utf8.count == 26 && text.utf8.allSatisfy { alphabet.contains($0) }
  }
}

/// A small, fast, seedable random source (SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A source whose sequence is fixed by `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

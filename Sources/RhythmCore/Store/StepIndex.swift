import Foundation

/// A compact binary index of the snapshot (`store.idx`), written with it: where each section
/// is, the snapshot's header, and one fixed-size entry per step with what listing, resolving
/// ids and insights need (id, owner, cadence, due, status, completion, where its line is).
/// It lets a command over 50,000 steps read a few MB of fixed records instead of decoding
/// 15 MB of JSON. It is a cache: when it does not match the snapshot it is rebuilt. It matches
/// when the snapshot's size, mtime and inode are those it was written for, or, when those
/// changed (a copy, a restore), when the snapshot's bytes have the checksum it was written for.
struct StepIndex {
  /// The format's name and version. The header holds one section range per record kind, in
  /// `RecordKind.allCases` order, so adding a kind changes the layout: the version goes up
  /// and an index of an older layout is rebuilt, never misread.
  static let magic = Array("RHYIDX04".utf8)
  static let entrySize = 56
  static let noCadence = UInt16.max

  /// One step as the index holds it.
  struct Entry {
    var id: String
    var status: UInt8  // 0 open, 1 done, 2 dropped, 3 deleted
    var shortLength: UInt8
    var owner: UInt16
    var cadence: UInt16
    var due: Int32
    var completedMillis: Int64  // Int64.min when not completed
    var line: Range<Int>
  }

  let snapshotIdentity: FileIdentity
  let sections: [RecordKind: Range<Int>]
  let header: SnapshotHeader
  /// Owner handles and cadence ids, referred to by number from entries.
  let strings: [String]
  /// Every review's id and cadence (a string number), sorted by id.
  let reviews: [(id: String, cadence: UInt16)]
  let data: Data
  let entriesStart: Int
  let count: Int

  // MARK: - Reading

  /// Reads `path`; `nil` when it is missing, from another version, or not for the snapshot
  /// whose file is `identity` and whose bytes are `snapshot`.
  static func read(path: String, matching identity: FileIdentity, snapshot: Data) -> StepIndex? {
    guard let data = try? FileIO.read(path), data.count > 8 + 40 + 160,
      Array(data.prefix(8)) == magic
    else { return nil }
    return StepIndex(data: data, identity: identity, snapshot: snapshot)
  }

  private init?(data: Data, identity: FileIdentity, snapshot: Data) {
    var reader = BinaryReader(data: data, offset: 8)
    let stored = FileIdentity(
      size: reader.u64(), seconds: reader.i64(), nanoseconds: reader.i64(), inode: reader.u64())
    let checksum = reader.u64()
    // Same file: trusted at once. Same size, other file: trusted when its bytes are the same.
    guard
      stored == identity
        || stored.size == identity.size && ContentChecksum.of(snapshot) == checksum
    else { return nil }
    snapshotIdentity = stored
    var sections: [RecordKind: Range<Int>] = [:]
    for kind in RecordKind.allCases {
      let start = Int(reader.u64())
      let end = Int(reader.u64())
      guard start <= end else { return nil }
      sections[kind] = start..<end
    }
    self.sections = sections
    guard let headerText = reader.string32(),
      let header = StepIndex.decodeHeader(headerText)
    else { return nil }
    self.header = header
    let stringCount = Int(reader.u32())
    var strings: [String] = []
    strings.reserveCapacity(stringCount)
    for _ in 0..<stringCount {
      guard let text = reader.string16() else { return nil }
      strings.append(text)
    }
    self.strings = strings
    let reviewCount = Int(reader.u32())
    var reviews: [(id: String, cadence: UInt16)] = []
    reviews.reserveCapacity(reviewCount)
    for _ in 0..<reviewCount {
      let id = reader.fixedString(26)
      reviews.append((id, reader.u16()))
    }
    self.reviews = reviews
    count = Int(reader.u32())
    entriesStart = reader.offset
    guard reader.ok, data.count >= entriesStart + count * StepIndex.entrySize else { return nil }
    self.data = data
  }

  /// The entry at `position` (0..<count).
  func entry(at position: Int) -> Entry {
    var reader = BinaryReader(data: data, offset: entriesStart + position * StepIndex.entrySize)
    let id = reader.fixedString(26)
    let status = reader.u8()
    let shortLength = reader.u8()
    let owner = reader.u16()
    let cadence = reader.u16()
    let due = Int32(bitPattern: reader.u32())
    let lineLength = Int(reader.u32())
    let completed = reader.i64()
    let lineOffset = Int(reader.u64())
    return Entry(
      id: id, status: status, shortLength: shortLength, owner: owner, cadence: cadence, due: due,
      completedMillis: completed, line: lineOffset..<(lineOffset + lineLength))
  }

  /// Calls `body` with the id bytes of each entry, without making strings (for id lookups).
  func withIDBytes(_ body: (Int, UnsafeRawBufferPointer) -> Void) {
    data.withUnsafeBytes { raw in
      for position in 0..<count {
        let start = entriesStart + position * StepIndex.entrySize
        body(position, UnsafeRawBufferPointer(rebasing: raw[start..<(start + 26)]))
      }
    }
  }

  /// The position of the step `id` (entries are sorted by id), if the index has it.
  func position(of id: String) -> Int? {
    let target = Array(id.utf8)
    var low = 0
    var high = count - 1
    while low <= high {
      let middle = (low + high) / 2
      let order: Int = data.withUnsafeBytes { raw in
        let start = entriesStart + middle * StepIndex.entrySize
        let bytes = UnsafeRawBufferPointer(rebasing: raw[start..<(start + 26)])
        var end = 26
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        let candidate = UnsafeRawBufferPointer(rebasing: bytes[0..<end])
        if candidate.elementsEqual(target) { return 0 }
        return candidate.lexicographicallyPrecedes(target) ? -1 : 1
      }
      if order == 0 { return middle }
      if order < 0 { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
  }

  /// The cadence id of the review `id`, if the index knows the review.
  func cadence(ofReview id: String) -> String? {
    var low = 0
    var high = reviews.count - 1
    while low <= high {
      let middle = (low + high) / 2
      if reviews[middle].id == id { return strings[Int(reviews[middle].cadence)] }
      if reviews[middle].id < id { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
  }

  /// The number of the string `text`, if the index has it.
  func stringNumber(_ text: String) -> UInt16? {
    strings.firstIndex(of: text).map { UInt16($0) }
  }

  /// Calls `body` with the owner number, status, due and completion of each entry: the scan
  /// that filters and insights use, with no allocation per entry.
  func scan(_ body: (Int, UInt16, UInt8, Int32, Int64, UInt16) -> Void) {
    data.withUnsafeBytes { raw in
      for position in 0..<count {
        let start = entriesStart + position * StepIndex.entrySize
        let status = raw.load(fromByteOffset: start + 26, as: UInt8.self)
        let owner = raw.loadUnaligned(fromByteOffset: start + 28, as: UInt16.self)
        let cadence = raw.loadUnaligned(fromByteOffset: start + 30, as: UInt16.self)
        let due = raw.loadUnaligned(fromByteOffset: start + 32, as: Int32.self)
        let completed = raw.loadUnaligned(fromByteOffset: start + 40, as: Int64.self)
        body(position, owner, status, due, completed, cadence)
      }
    }
  }

  // MARK: - Writing

  /// Puts the identity of the snapshot file, once it has its place, into index bytes made
  /// before (`encode(writer:header:cadenceOfReview:)`).
  static func stamp(_ identity: FileIdentity, into bytes: inout [UInt8]) {
    var out = BinaryWriter()
    out.u64(identity.size)
    out.i64(identity.seconds)
    out.i64(identity.nanoseconds)
    out.u64(identity.inode)
    guard bytes.count >= magic.count + out.bytes.count else { return }
    bytes.replaceSubrange(magic.count..<(magic.count + out.bytes.count), with: out.bytes)
  }

  /// The index bytes for a snapshot written by `writer`, with room (zeros) for the identity
  /// of its file, which is known only once the file has its place (`stamp(_:into:)`): made
  /// while the snapshot goes to disk.
  static func encode(
    writer: SnapshotWriter, header: SnapshotHeader, cadenceOfReview: [String: String]
  ) -> [UInt8] {
    let steps = writer.steps
    var strings: [String] = []
    var numbers: [String: UInt16] = [:]
    func number(_ text: String) -> UInt16 {
      if let known = numbers[text] { return known }
      let next = UInt16(truncatingIfNeeded: strings.count)
      strings.append(text)
      numbers[text] = next
      return next
    }
    var owners: [UInt16] = []
    var cadences: [UInt16] = []
    owners.reserveCapacity(steps.count)
    cadences.reserveCapacity(steps.count)
    // Steps next to each other mostly share an owner or a review: one lookup each.
    var last: (owner: String, number: UInt16)?
    var lastReview: (id: String, cadence: UInt16)?
    // By position: a placement's fields are read where they are, the placement not copied.
    for position in steps.indices {
      let owner = steps[position].owner
      if let last, last.owner == owner {
        owners.append(last.number)
      } else {
        let number = number(owner)
        last = (owner, number)
        owners.append(number)
      }
      var cadence = noCadence
      if let review = steps[position].review {
        if let lastReview, lastReview.id == review {
          cadence = lastReview.cadence
        } else {
          if let id = cadenceOfReview[review] { cadence = number(id) }
          lastReview = (review, cadence)
        }
      }
      cadences.append(cadence)
    }
    let reviewRows = cadenceOfReview.keys.sorted().map { ($0, number(cadenceOfReview[$0] ?? "")) }
    var out = BinaryWriter()
    putHead(
      into: &out, checksum: writer.checksum, sections: writer.sections, header: header,
      strings: strings, reviews: reviewRows, entries: steps.count)
    let shortLengths = ShortIDs.lengths(for: steps.map(\.id))
    for position in steps.indices {
      putEntry(
        steps[position], shortLength: shortLengths[position], owner: owners[position],
        cadence: cadences[position], into: &out)
    }
    return out.bytes
  }

  /// Writes what comes before the entries, with room for them reserved: zeros where the
  /// snapshot file's identity goes (`stamp(_:into:)`), the snapshot's checksum and section
  /// ranges, its header, the strings entries refer to by number, every review's cadence, and
  /// the number of entries.
  static func putHead(
    into out: inout BinaryWriter, checksum: UInt64, sections: [RecordKind: Range<Int>],
    header: SnapshotHeader, strings: [String], reviews: [(id: String, cadence: UInt16)],
    entries: Int
  ) {
    out.bytes.reserveCapacity(4096 + reviews.count * 28 + entries * entrySize)
    out.bytes += magic
    out.bytes += [UInt8](repeating: 0, count: 32)  // the identity: size, seconds, nanos, inode
    out.u64(checksum)
    for kind in RecordKind.allCases {
      let range = sections[kind] ?? 0..<0
      out.u64(UInt64(range.lowerBound))
      out.u64(UInt64(range.upperBound))
    }
    out.string32(encodeHeader(header))
    out.u32(UInt32(strings.count))
    for text in strings { out.string16(text) }
    out.u32(UInt32(reviews.count))
    for (id, cadence) in reviews {
      out.fixed26(id)
      out.u16(cadence)
    }
    out.u32(UInt32(entries))
  }

  /// Writes the entry of the step at `step`, its owner and cadence given by string number.
  static func putEntry(
    _ step: SnapshotWriter.StepPlacement, shortLength: Int, owner: UInt16, cadence: UInt16,
    into out: inout BinaryWriter
  ) {
    out.fixed26(step.id)
    out.u8(step.status)
    out.u8(UInt8(min(26, shortLength)))
    out.u16(owner)
    out.u16(cadence)
    out.u32(UInt32(bitPattern: step.due))
    out.u32(UInt32(step.length))
    out.i64(step.completedMillis)
    out.u64(UInt64(step.offset))
  }

  /// An instant's milliseconds as the snapshot writes them (whole seconds, then milliseconds
  /// rounded, as `ISOInstant.format` does).
  static func millis(_ date: Date) -> Int64 {
    let interval = date.timeIntervalSince1970
    let whole = interval.rounded(.down)
    return Int64(whole) * 1000 + Int64(((interval - whole) * 1000).rounded())
  }

  static func statusCode(_ fields: [String: JSONValue]) -> UInt8 {
    if fields["deleted"] == .bool(true) { return 3 }
    switch fields["status"]?.stringValue {
    case "done": return 1
    case "dropped": return 2
    default: return 0
    }
  }

  static func statusCode(_ step: Step) -> UInt8 {
    if step.deleted == true { return 3 }
    switch step.status {
    case .done: return 1
    case .dropped: return 2
    case .open: return 0
    }
  }

  private static func encodeHeader(_ header: SnapshotHeader) -> String {
    var journals: [String: JSONValue] = [:]
    for (device, position) in header.journals {
      journals[device] = .array([.number(Double(position.bytes)), .number(Double(position.lines))])
    }
    return JSONValue.object([
      "schemaVersion": .number(Double(header.schemaVersion)), "journals": .object(journals),
      "stamp": .string(header.stamp?.description ?? ""),
    ]).serialized()
  }

  private static func decodeHeader(_ text: String) -> SnapshotHeader? {
    guard case .object(let object) = try? JSONParser.parse(text),
      let version = object["schemaVersion"]?.numberValue,
      case .object(let journals) = object["journals"] ?? .null
    else { return nil }
    var header = SnapshotHeader(schemaVersion: Int(version))
    for (device, value) in journals {
      guard case .array(let pair) = value, pair.count == 2, let bytes = pair[0].numberValue,
        let lines = pair[1].numberValue
      else { return nil }
      header.journals[device] = JournalPosition(bytes: Int(bytes), lines: Int(lines))
    }
    if let stamp = object["stamp"]?.stringValue, !stamp.isEmpty {
      let parts = stamp.split(separator: "@", maxSplits: 1)
      if parts.count == 2 {
        header.stamp = Stamp(timeText: String(parts[0]), device: String(parts[1]))
      }
    }
    return header
  }
}

// MARK: - Binary helpers

/// Little-endian reads from a byte buffer; `ok` turns false on a read past the end.
private struct BinaryReader {
  let data: Data
  var offset: Int
  var ok = true

  init(data: Data, offset: Int) {
    self.data = data
    self.offset = offset
  }

  mutating func take<T: FixedWidthInteger>(_ type: T.Type) -> T {
    let size = MemoryLayout<T>.size
    guard offset + size <= data.count else {
      ok = false
      return 0
    }
    let value = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    offset += size
    return T(littleEndian: value)
  }

  mutating func u8() -> UInt8 { take(UInt8.self) }
  mutating func u16() -> UInt16 { take(UInt16.self) }
  mutating func u32() -> UInt32 { take(UInt32.self) }
  mutating func u64() -> UInt64 { take(UInt64.self) }
  mutating func i64() -> Int64 { take(Int64.self) }

  mutating func fixedString(_ length: Int) -> String {
    guard offset + length <= data.count else {
      ok = false
      return ""
    }
    var end = offset + length
    while end > offset, data[end - 1] == 0x20 { end -= 1 }
    let text = String(decoding: data[offset..<end], as: UTF8.self)
    offset += length
    return text
  }

  mutating func string16() -> String? {
    let length = Int(u16())
    guard ok else { return nil }
    let text = fixedString(length)
    return ok ? text : nil
  }

  mutating func string32() -> String? {
    let length = Int(u32())
    guard ok else { return nil }
    let text = fixedString(length)
    return ok ? text : nil
  }
}

/// Little-endian writes into a byte array.
struct BinaryWriter {
  var bytes: [UInt8] = []

  mutating func put<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  mutating func u8(_ value: UInt8) { put(value) }
  mutating func u16(_ value: UInt16) { put(value) }
  mutating func u32(_ value: UInt32) { put(value) }
  mutating func u64(_ value: UInt64) { put(value) }
  mutating func i64(_ value: Int64) { put(value) }

  /// The first 26 bytes of `text`, padded with spaces.
  mutating func fixed26(_ text: String) {
    var count = 0
    for byte in text.utf8.prefix(26) {
      bytes.append(byte)
      count += 1
    }
    bytes.append(contentsOf: repeatElement(0x20, count: 26 - count))
  }

  mutating func string16(_ text: String) {
    let utf8 = Array(text.utf8.prefix(Int(UInt16.max)))
    u16(UInt16(utf8.count))
    bytes += utf8
  }

  mutating func string32(_ text: String) {
    let utf8 = Array(text.utf8)
    u32(UInt32(utf8.count))
    bytes += utf8
  }
}

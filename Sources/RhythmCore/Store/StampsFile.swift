import Foundation

/// `store.stamps`: the per-field stamps of the snapshot's records (and the fields held for
/// records whose creation had not arrived), which the snapshot itself does not keep. With it,
/// an operation older than the snapshot (a pull) is merged into the records it touches, field
/// by field, exactly as a replay would, instead of replaying every journal.
///
/// A binary file, little-endian, sorted by record so that one record's entry is found by a
/// binary search of the offset table without reading the rest:
///
/// ```
/// "RHYSTMP1"
/// u32 tie length, tie (UTF-8: the header of the snapshot it belongs to, `tie(of:)`)
/// u32 device count, then per device: u16 length, UTF-8
/// u32 entry count, then u32 offset of each entry (sorted by kind, then id bytes)
/// entries: u8 kind, u16 id length, id, u8 flags (1: has stamps, 2: has a base stamp),
///          [base stamp], u64 made, u16 field count, per field: u16 path length, path, stamp,
///          u16 held count, per held field: u16 path length, path, stamp, u32 length, JSON
/// stamp: i64 millis, u32 counter, u16 device
/// ```
///
/// A file whose tie is not the snapshot's header is stale (the snapshot was rewritten without
/// it) and is not read.
struct StampsFile: @unchecked Sendable {
  static let magic = Array("RHYSTMP1".utf8)

  /// One record's entry.
  struct Entry: Sendable {
    var stamps: FieldStamps?
    /// Fields that arrived before the record's creation.
    var held: [String: StampedValue] = [:]
  }

  let data: Data
  let tie: String
  private let devices: [String]
  private let count: Int
  private let table: Int

  /// What ties a stamps file to its snapshot: the snapshot's header (schema, greatest stamp,
  /// and how far each journal was read), which the snapshot's content follows from.
  static func tie(of header: SnapshotHeader) -> String {
    var text = "v\(header.schemaVersion);" + (header.stamp?.description ?? "-")
    for device in header.journals.keys.sorted() {
      if let position = header.journals[device] {
        text += ";\(device)=\(position.bytes)/\(position.lines)"
      }
    }
    return text
  }

  /// Reads the file at `path` when it is there, whole and tied to `header`.
  static func read(path: String, header: SnapshotHeader) -> StampsFile? {
    guard FileIO.exists(path),
      let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped),
      let file = StampsFile(data: data), file.tie == tie(of: header)
    else { return nil }
    return file
  }

  /// The tie of the stamps file at `path`, reading only the start of the file.
  static func readTie(path: String) -> String? {
    guard let head = try? FileIO.read(path, from: 0, count: min(FileIO.size(path), 64 * 1024)),
      head.count >= magic.count + 4, head.prefix(magic.count).elementsEqual(magic)
    else { return nil }
    return head.withUnsafeBytes { raw -> String? in
      var reader = ByteReader(raw, offset: magic.count)
      guard let length = reader.u32() else { return nil }
      return reader.text(Int(length))
    }
  }

  /// Reads the header and device table of `data`; nil when it is not a stamps file.
  init?(data: Data) {
    let parsed = data.withUnsafeBytes { raw -> (String, [String], Int, Int)? in
      var reader = ByteReader(raw)
      guard let magic = reader.bytes(StampsFile.magic.count),
        magic.elementsEqual(StampsFile.magic),
        let tieLength = reader.u32(), let tie = reader.text(Int(tieLength)),
        let deviceCount = reader.u32()
      else { return nil }
      var devices: [String] = []
      for _ in 0..<deviceCount {
        guard let length = reader.u16(), let device = reader.text(Int(length)) else { return nil }
        devices.append(device)
      }
      guard let count = reader.u32(), reader.offset + Int(count) * 4 <= raw.count else {
        return nil
      }
      return (tie, devices, Int(count), reader.offset)
    }
    guard let (tie, devices, count, table) = parsed else { return nil }
    self.data = data
    self.tie = tie
    self.devices = devices
    self.count = count
    self.table = table
  }

  /// The entry of one record, if the file has one (a binary search).
  func entry(_ kind: RecordKind, id: String) -> Entry? {
    guard let code = RecordKind.allCases.firstIndex(of: kind) else { return nil }
    let key = SortKey(
      key: RecordKey(kind: kind, id: id), code: UInt8(code), idBytes: Array(id.utf8))
    return data.withUnsafeBytes { raw -> Entry? in
      guard let (position, same) = place(raw, of: key, from: 0), same else { return nil }
      return readEntry(raw, at: position)?.entry
    }
  }

  /// Every entry, in file order; stops at a damaged one.
  func eachEntry(_ body: (RecordKey, Entry) -> Void) {
    data.withUnsafeBytes { raw in
      for position in 0..<count {
        guard let (key, entry) = readEntry(raw, at: position) else { return }
        body(key, entry)
      }
    }
  }

  fileprivate func offset(_ raw: UnsafeRawBufferPointer, of position: Int) -> Int? {
    var reader = ByteReader(raw, offset: table + position * 4)
    return reader.u32().map(Int.init)
  }

  /// The order of the entry at `position` against (`code`, `id`): negative when it comes first.
  func compare(
    _ raw: UnsafeRawBufferPointer, entryAt position: Int, code: UInt8, id: [UInt8]
  ) -> Int? {
    guard let start = offset(raw, of: position) else { return nil }
    var reader = ByteReader(raw, offset: start)
    guard let kind = reader.u8(), let length = reader.u16(),
      let bytes = reader.bytes(Int(length))
    else { return nil }
    if kind != code { return kind < code ? -1 : 1 }
    for (left, right) in zip(bytes, id) where left != right { return left < right ? -1 : 1 }
    return bytes.count == id.count ? 0 : (bytes.count < id.count ? -1 : 1)
  }

  /// The first position at or after `from` whose entry does not come before `key`, and
  /// whether its key is `key`'s (`GallopingSearch`); `nil` when an entry cannot be read.
  func place(
    _ raw: UnsafeRawBufferPointer, of key: SortKey, from: Int
  ) -> (position: Int, same: Bool)? {
    // The order of the entry at `position` against the key (negative: it comes first).
    func order(_ position: Int) -> Int? {
      compare(raw, entryAt: position, code: key.code, id: key.idBytes)
    }
    guard
      let position = GallopingSearch.lowerBound(
        from: from, count: count, comesBefore: { order($0).map { $0 < 0 } })
    else { return nil }
    guard position < count else { return (position, false) }
    guard let found = order(position) else { return nil }
    return (position, found == 0)
  }

  func readEntry(
    _ raw: UnsafeRawBufferPointer, at position: Int
  ) -> (key: RecordKey, entry: Entry)? {
    guard let start = offset(raw, of: position) else { return nil }
    var reader = ByteReader(raw, offset: start)
    guard let code = reader.u8(), Int(code) < RecordKind.allCases.count,
      let length = reader.u16(), let id = reader.text(Int(length)), let flags = reader.u8()
    else { return nil }
    var entry = Entry()
    if flags & 1 != 0 {
      var stamps = FieldStamps(fields: [:])
      if flags & 2 != 0 {
        guard let base = stamp(&reader) else { return nil }
        stamps.base = base
      }
      guard let made = reader.u64(), let fieldCount = reader.u16() else { return nil }
      stamps.made = made
      if fieldCount > 0 { stamps.fields.reserveCapacity(Int(fieldCount)) }
      for _ in 0..<fieldCount {
        guard let pathLength = reader.u16(), let path = reader.text(Int(pathLength)),
          let stamp = stamp(&reader)
        else { return nil }
        stamps.fields[path] = stamp
      }
      entry.stamps = stamps
    }
    guard let heldCount = reader.u16() else { return nil }
    for _ in 0..<heldCount {
      guard let pathLength = reader.u16(), let path = reader.text(Int(pathLength)),
        let stamp = stamp(&reader), let jsonLength = reader.u32(),
        let json = reader.bytes(Int(jsonLength)), let value = try? JSONParser.parse(Data(json))
      else { return nil }
      entry.held[path] = StampedValue(json: value, stamp: stamp)
    }
    return (RecordKey(kind: RecordKind.allCases[Int(code)], id: id), entry)
  }

  private func stamp(_ reader: inout ByteReader) -> Stamp? {
    guard let millis = reader.u64(), let counter = reader.u32(), let device = reader.u16(),
      Int(device) < devices.count
    else { return nil }
    return Stamp(
      millis: Int64(bitPattern: millis), counter: Int(counter), device: devices[Int(device)])
  }

  /// The stamps of an entry that can decide a later write, spelled out (`held:` before a held
  /// field's path): the id's is left out (it never changes), and so is a map key's no newer
  /// than its whole map (the whole map's stamp decides). Two entries equal in these merge
  /// every operation alike.
  static func significant(_ entry: Entry, of kind: RecordKind) -> [String: Stamp] {
    func all<R: Record>(_ type: R.Type) -> [String: Stamp] {
      entry.stamps?.all(in: R.schema) ?? [:]
    }
    let every = all(kind.recordType)
    var result = every.filter { path, stamp in
      guard path != "id" else { return false }
      guard let dot = path.firstIndex(of: "."), let whole = every[String(path[..<dot])] else {
        return true
      }
      return stamp > whole
    }
    for (path, value) in entry.held { result["held:" + path] = value.stamp }
    return result
  }

  // MARK: - Writing

  /// The file for `state`'s stamps and held fields, tied to `header`; `nil` when a record
  /// holds more than the format counts (65,535 stamped paths): then there is no file, and an
  /// older operation means a replay.
  static func encode(_ state: StoreState, header: SnapshotHeader) -> [UInt8]? {
    // Each record's place in the tables, by kind: found by walking them (no key is hashed),
    // then put in id order.
    var places: [[Place]] = Array(repeating: [], count: RecordKind.allCases.count)
    var ids: [[String]] = Array(repeating: [], count: RecordKind.allCases.count)
    for (index, key) in zip(state.stamps.indices, state.stamps.keys) {
      guard let code = RecordKind.allCases.firstIndex(of: key.kind) else { continue }
      places[code].append(.stamped(index))
      ids[code].append(key.id)
    }
    for (index, key) in zip(state.orphans.indices, state.orphans.keys)
    where state.stamps[key] == nil {
      guard let code = RecordKind.allCases.firstIndex(of: key.kind) else { continue }
      places[code].append(.held(index))
      ids[code].append(key.id)
    }
    var writer = EntryWriter()
    let count = state.stamps.count + state.orphans.count
    // Room for the entries (about 60 bytes each) and the offset table put before them.
    writer.body.reserveCapacity(count * (64 + 4) + 65_536)
    var offsets: [Int] = []
    offsets.reserveCapacity(count)
    for code in places.indices {
      for position in SectionOrder.order(of: ids[code]) {
        offsets.append(writer.body.count)
        let stamps: FieldStamps?
        let held: [String: StampedValue]
        switch places[code][position] {
        case .stamped(let index):
          let (key, value) = state.stamps[index]
          stamps = value
          held = state.orphans.isEmpty ? [:] : state.orphans[key] ?? [:]
        case .held(let index):
          stamps = nil
          held = state.orphans[index].value
        }
        guard
          writer.putEntry(id: ids[code][position], code: UInt8(code), stamps: stamps, held: held)
        else { return nil }
      }
    }
    return assemble(&writer, offsets: offsets, header: header)
  }

  /// Where a record's entry comes from: its stamps (and any held fields), or held fields alone.
  private enum Place {
    case stamped(Dictionary<RecordKey, FieldStamps>.Index)
    case held(Dictionary<RecordKey, [String: StampedValue]>.Index)
  }

  /// The file for a state read from the snapshot `base` belongs to, with operations applied
  /// to the records in `changed` only (a compaction of a tail): their entries come from
  /// `state`, every other entry is copied from `base` as it is (its devices keep their
  /// numbers), so writing it costs what the tail changed plus a copy.
  static func encode(
    _ state: StoreState, changed: some Collection<RecordKey>, base: StampsFile,
    header: SnapshotHeader
  ) -> [UInt8]? {
    let keys = sortedKeys(changed)
    var writer = EntryWriter(devices: base.devices)
    writer.body.reserveCapacity(base.data.count + keys.count * (64 + 4) + 65_536)
    var offsets: [Int] = []
    offsets.reserveCapacity(base.count + keys.count)
    let copied = base.data.withUnsafeBytes { raw -> Bool in
      // The base's entries from `range`, as one run of bytes, their offsets shifted.
      func copy(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, let start = base.offset(raw, of: range.lowerBound),
          let end = range.upperBound < base.count
            ? base.offset(raw, of: range.upperBound) : raw.count,
          start < end, end <= raw.count
        else { return range.isEmpty }
        let shift = writer.body.count - start
        for position in range {
          guard let offset = base.offset(raw, of: position), offset >= start, offset < end
          else { return false }
          offsets.append(offset + shift)
        }
        writer.body.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
        return true
      }
      // Between two changed records, the base's entries are copied as one run; each changed
      // record's place is found by binary search (it replaces an entry of the same key).
      var position = 0
      for key in keys {
        guard let (at, same) = base.place(raw, of: key, from: position), copy(position..<at)
        else { return false }
        offsets.append(writer.body.count)
        guard writer.putEntry(key.key, code: key.code, in: state) else { return false }
        position = same ? at + 1 : at
      }
      return copy(position..<base.count)
    }
    guard copied else { return nil }
    return assemble(&writer, offsets: offsets, header: header)
  }

  /// A record key with its kind's code and its id's bytes (what sorts it).
  struct SortKey {
    var key: RecordKey
    var code: UInt8
    var idBytes: [UInt8]
  }

  /// `keys` in file order: by kind, then by id bytes.
  static func sortedKeys(_ keys: some Collection<RecordKey>) -> [SortKey] {
    var byKind: [[RecordKey]] = Array(repeating: [], count: RecordKind.allCases.count)
    for key in keys {
      if let code = RecordKind.allCases.firstIndex(of: key.kind) { byKind[code].append(key) }
    }
    var result: [SortKey] = []
    result.reserveCapacity(keys.count)
    for (code, group) in byKind.enumerated() {
      for index in SectionOrder.order(of: group.map(\.id)) {
        result.append(
          SortKey(key: group[index], code: UInt8(code), idBytes: Array(group[index].id.utf8)))
      }
    }
    return result
  }

  /// The header, device table and offset table put before the entries, in the entries' own
  /// buffer when it has room (a large file is not copied whole again).
  private static func assemble(
    _ writer: inout EntryWriter, offsets: [Int], header: SnapshotHeader
  ) -> [UInt8]? {
    guard writer.devices.count <= Int(UInt16.max) else { return nil }
    var head = EntryWriter()
    head.body = magic
    let tie = Array(tie(of: header).utf8)
    head.put(UInt32(truncatingIfNeeded: tie.count))
    head.body += tie
    head.put(UInt32(truncatingIfNeeded: writer.devices.count))
    for name in writer.devices { _ = head.put(text: name) }
    head.put(UInt32(truncatingIfNeeded: offsets.count))
    let start = head.body.count + offsets.count * 4
    for offset in offsets { head.put(UInt32(truncatingIfNeeded: start + offset)) }
    var file: [UInt8] = []
    swap(&file, &writer.body)
    file.insert(contentsOf: head.body, at: 0)
    return file
  }
}

/// Appends the parts of entries to bytes, numbering devices as they come.
private struct EntryWriter {
  var body: [UInt8] = []
  private(set) var devices: [String] = []
  private var numbers: [String: UInt16] = [:]
  private var last: (device: String, number: UInt16)?

  init() {}

  /// A writer whose devices are numbered as `devices` are, first.
  init(devices: [String]) {
    self.devices = devices
    for (number, device) in devices.enumerated() {
      numbers[device] = UInt16(truncatingIfNeeded: number)
    }
  }

  /// One record's entry, from `state`'s stamps and held fields of it; false when it does not
  /// fit the format.
  mutating func putEntry(_ key: RecordKey, code: UInt8, in state: StoreState) -> Bool {
    putEntry(id: key.id, code: code, stamps: state.stamps[key], held: state.orphans[key] ?? [:])
  }

  /// One record's entry from its stamps and held fields; false when it does not fit the
  /// format.
  mutating func putEntry(
    id: String, code: UInt8, stamps: FieldStamps?, held: [String: StampedValue]
  ) -> Bool {
    body.append(code)
    guard put(text: id) else { return false }
    body.append((stamps == nil ? 0 : 1) | (stamps?.base == nil ? 0 : 2))
    if let stamps {
      if let base = stamps.base { put(base) }
      put(stamps.made)
      guard put(count: stamps.fields.count) else { return false }
      for (path, stamp) in stamps.fields {
        guard put(text: path) else { return false }
        put(stamp)
      }
    }
    guard put(count: held.count) else { return false }
    for (path, value) in held {
      guard put(text: path) else { return false }
      put(value.stamp)
      let json = Array(value.json.serialized().utf8)
      put(UInt32(truncatingIfNeeded: json.count))
      body += json
    }
    return true
  }

  mutating func put<T: FixedWidthInteger>(_ value: T) {
    Swift.withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) }
  }

  /// A 16-bit count; false when it does not fit.
  mutating func put(count: Int) -> Bool {
    guard count <= Int(UInt16.max) else { return false }
    put(UInt16(count))
    return true
  }

  /// Text with its 16-bit length; false when it is too long.
  mutating func put(text: String) -> Bool {
    let length = text.utf8.count
    guard put(count: length) else { return false }
    body.append(contentsOf: text.utf8)
    return true
  }

  mutating func put(_ stamp: Stamp) {
    put(UInt64(bitPattern: stamp.millis))
    put(UInt32(truncatingIfNeeded: stamp.counter))
    put(number(of: stamp.device))
  }

  private mutating func number(of device: String) -> UInt16 {
    if let last, last.device == device { return last.number }
    let number: UInt16
    if let known = numbers[device] {
      number = known
    } else {
      number = UInt16(truncatingIfNeeded: devices.count)
      numbers[device] = number
      devices.append(device)
    }
    last = (device, number)
    return number
  }
}

/// Reads little-endian numbers and text from bytes, front to back; nil past the end.
private struct ByteReader {
  let raw: UnsafeRawBufferPointer
  var offset: Int

  init(_ raw: UnsafeRawBufferPointer, offset: Int = 0) {
    self.raw = raw
    self.offset = offset
  }

  mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
    guard count >= 0, offset + count <= raw.count else { return nil }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)])
  }

  mutating func text(_ count: Int) -> String? {
    bytes(count).map { String(decoding: $0, as: UTF8.self) }
  }

  private mutating func number<T: FixedWidthInteger>(_ type: T.Type) -> T? {
    guard offset + MemoryLayout<T>.size <= raw.count else { return nil }
    defer { offset += MemoryLayout<T>.size }
    return T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
  }

  mutating func u8() -> UInt8? { number(UInt8.self) }
  mutating func u16() -> UInt16? { number(UInt16.self) }
  mutating func u32() -> UInt32? { number(UInt32.self) }
  mutating func u64() -> UInt64? { number(UInt64.self) }
}

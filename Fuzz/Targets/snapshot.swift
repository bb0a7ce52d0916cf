// Fuzz target: the snapshot reader (`SnapshotReader`: header, sections, record lines).
//
// Whatever the file holds, reading it and decoding every section (typed and as field maps)
// either works or throws `RhythmError`.
import Foundation

@testable import RhythmCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  guard let reader = try? SnapshotReader(path: "store.json", data: bytes) else { return 0 }
  _ = try? reader.decodeSection(Person.self)
  _ = try? reader.decodeSection(Team.self)
  _ = try? reader.decodeSection(Cadence.self)
  _ = try? reader.decodeSection(Review.self)
  _ = try? reader.decodeSection(Step.self)
  _ = try? reader.decodeSection(Decision.self)
  _ = try? reader.decodeSection(Note.self)
  _ = try? reader.decodeSection(Metric.self)
  _ = try? reader.decodeSection(Priority.self)
  _ = try? reader.decodeSection(Exchange.self)
  for kind in RecordKind.allCases {
    _ = try? reader.fieldMaps(of: kind)
  }
  return 0
}

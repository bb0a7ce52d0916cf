import Foundation

/// Where a store keeps its files.
///
/// ```
/// <store>/journal/<device>.jsonl   operations, one JSON line each (the source of truth; in git)
/// <store>/store.json               snapshot: the replayed state (a cache; not in git)
/// <store>/store.idx                binary index of the snapshot (a cache; not in git)
/// <store>/store.stamps             per-field stamps of the snapshot (a cache; not in git)
/// <store>/journal/checkpoints/     a snapshot, stamps and index per device, at times (in git)
/// <store>/backups/                 previous snapshots
/// <store>/device                   this machine's device id (not in git)
/// <store>/lock                     advisory lock for writers
/// ```
public struct StoreLayout: Sendable {
  public let folder: String

  /// The layout of the store in `folder`.
  public init(folder: String) {
    self.folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
  }

  public var journalFolder: String { folder + "/journal" }
  public var snapshotPath: String { folder + "/store.json" }
  public var indexPath: String { folder + "/store.idx" }
  public var stampsPath: String { folder + "/store.stamps" }
  public var backupsFolder: String { folder + "/backups" }
  public var devicePath: String { folder + "/device" }
  public var lockPath: String { folder + "/lock" }
  public var gitignorePath: String { folder + "/.gitignore" }

  /// The journal file of `device`.
  public func journalPath(for device: String) -> String {
    journalFolder + "/" + device + "." + Journal.fileExtension
  }

  /// What the store's own `.gitignore` keeps out of git: everything but the journals.
  static let gitignore = """
    # Rhythm: only the journals are shared; the rest is rebuilt from them on each machine.
    store.json
    store.idx
    store.stamps
    backups/
    device
    lock
    *.tmp-*

    """

  /// The default store folder: `RHYTHM_STORE`, else `$XDG_DATA_HOME/rhythm`, else
  /// `~/.local/share/rhythm`.
  public static func defaultFolder(environment: [String: String]) -> String {
    if let store = environment["RHYTHM_STORE"], !store.isEmpty { return store }
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/rhythm" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share/rhythm"
  }
}

import Foundation
import RhythmCore

/// A step archive built on another thread, handed to the run loop when done.
final class ArchiveBuild: @unchecked Sendable {
  /// How often the run loop looks for the archive while it is built.
  static let pollMilliseconds = 5

  private let lock = NSLock()
  /// Guarded by `lock`.
  private var built: StepArchive?

  /// Starts building the archive of `source`.
  init(_ source: StepArchiveSource) {
    Thread.detachNewThread { [self] in
      let archive = source.build()
      lock.withLock { built = archive }
    }
  }

  /// The archive once it is built.
  func take() -> StepArchive? {
    lock.withLock { built }
  }
}

// MARK: - A working state kept current

extension Program {
  /// How far back the working state holds finished steps: the home screen's windows.
  public static func workingCutoff(today: Day) -> Day {
    today.adding(days: -(CockpitSummary.windowWeeks + 2) * 7)
  }

  /// Starts building the archive of the state's archived steps, if it has any and the build
  /// waits to start.
  func startArchive() {
    guard archiveWaits else { return }
    archiveWaits = false
    archiveBuild = state.archiveSource.map { ArchiveBuild($0) }
  }

  /// Hands the archive to the state when its build is done.
  func takeBuiltArchive() {
    guard let archive = archiveBuild?.take() else { return }
    archiveBuild = nil
    dispatch(.stepArchiveLoaded(archive))
  }

  /// What reached the store since the state last looked (another process's operations read
  /// by a refresh or a commit, an undo's): taken in as operations, with the snapshot's stamps
  /// of the records they touch (`store.stamps`: an operation older than the snapshot, a pull,
  /// merges as a replay would), or by reading the working state again when the snapshot was
  /// rewritten, or an operation is older than it and there are no stamps for it.
  /// - Parameter always: say `message` even when nothing arrived.
  func takeIn(message: String?, always: Bool = false) -> [Action] {
    guard let store else { return [] }
    if store.snapshotStamp != loadedSnapshotStamp {
      return reloadWorkingState(message: message)
    }
    let fresh = store.unseenOperations(&seenOperations)
    let stamps = fresh.isEmpty ? nil : store.snapshotStamps(for: fresh)
    if stamps == nil, let snapshotStamp = loadedSnapshotStamp,
      fresh.contains(where: { $0.stamp < snapshotStamp })
    {
      // Fields the snapshot holds without their stamps may lose to it: only a replay of the
      // journals gives the right values, which a compaction writes.
      do throws(RhythmError) {
        try store.compact()
      } catch {
        return [.storeFailed(error.description)]
      }
      return reloadWorkingState(message: message)
    }
    guard !fresh.isEmpty || always else { return [] }
    if let stamps, !stamps.isEmpty {
      return [.snapshotStampsArrived(stamps), .operationsArrived(fresh, message: message)]
    }
    return [.operationsArrived(fresh, message: message)]
  }

  /// Reads the working state again and starts building its archive.
  func reloadWorkingState(message: String?) -> [Action] {
    guard let store else { return [] }
    do throws(RhythmError) {
      let (data, source) = try store.workingState(
        stepsFrom: Program.workingCutoff(today: state.today))
      _ = store.unseenOperations(&seenOperations)
      loadedSnapshotStamp = store.snapshotStamp
      archiveWaits = false
      archiveBuild = source.map { ArchiveBuild($0) }
      return [.workingStateLoaded(data, archive: source, message: message)]
    } catch {
      return [.storeFailed(error.description)]
    }
  }
}

import ArgumentParser
import Foundation
import RhythmCore

/// `rhythm undo`: undoes this device's latest change (itself an operation, so it can be redone).
struct UndoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo", abstract: "Undo the latest change made on this machine.")

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let store = try CommandContext(storeOptions).openStore()
    let operation = try store.undo()
    Output.line("undid: \(UndoCommand.describe(operation))")
  }

  /// A short description of an operation: "step 1a2b: status, completedAt".
  static func describe(_ operation: RhythmCore.Operation) -> String {
    let what =
      operation.prior.isEmpty ? "created" : operation.fields.keys.sorted().joined(separator: ", ")
    return "\(operation.kind.rawValue) \(operation.record.suffix(6)): \(what)"
  }
}

/// `rhythm redo`: redoes the latest undo.
struct RedoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "redo", abstract: "Redo the latest undo.")

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let store = try CommandContext(storeOptions).openStore()
    Output.line("redid: \(UndoCommand.describe(try store.redo()))")
  }
}

import Foundation
import RhythmCore

/// What the reducer asks the ``Program`` to do: data, so tests can assert on it.
public enum Effect: Equatable, Sendable {
  /// Make these changes durable in the store, in one commit.
  case commit([Change])
  /// Undo the store's last `count` operations (one cockpit action may be several), then reload.
  case undo(count: Int)
  /// Redo the last `count` undone operations, then reload.
  case redo(count: Int)
  /// Read a step's history for the detail pane.
  case loadHistory(stepID: String)
  /// Ring the bell (a key that does nothing here).
  case bell
  /// Leave the cockpit.
  case quit
  /// Accept the input line again, once the effects before this one are done (a person just
  /// added for the capture that named them).
  case submit
  /// Hand the terminal to `$EDITOR` on a temporary file holding `text`; the result comes back
  /// as ``Action/editorClosed(_:_:)``.
  case openEditor(text: String, request: EditorRequest)
}

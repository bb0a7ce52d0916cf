import ArgumentParser
import Foundation

/// `--store DIR`, which every command takes; `RHYTHM_STORE` is the same from the environment.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long, help: "The store folder (default: $RHYTHM_STORE, else $XDG_DATA_HOME/rhythm).")
  var store: String?
}

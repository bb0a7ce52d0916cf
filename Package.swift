// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Rhythm",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "rhythm", targets: ["rhythm"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // MARK: - System libraries
    // No pkgConfig: SwiftPM drops the -D flags ncursesw.pc gives and warns about them;
    // shim.h defines what they would (see DECISIONS.md).
    .systemLibrary(
      name: "CNCurses",
      providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
    ),

    // MARK: - Layers
    .target(name: "RhythmCore"),
    .target(name: "RhythmUI", dependencies: ["RhythmCore"]),
    .target(name: "RhythmTerminal", dependencies: ["RhythmUI", "CNCurses"]),
    // The sample organisation of `rhythm demo` and `rhythm init --demo`.
    .target(name: "RhythmDemo", dependencies: ["RhythmCore"]),
    .executableTarget(
      name: "rhythm",
      dependencies: [
        "RhythmCore", "RhythmUI", "RhythmTerminal", "RhythmDemo",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: - Benchmarks
    .executableTarget(
      name: "rhythm-bench",
      dependencies: ["RhythmCore", "RhythmUI"],
      path: "Benchmarks/Sources/rhythm-bench"
    ),

    // MARK: - Tests
    .target(name: "RhythmTestSupport", dependencies: ["RhythmCore", "RhythmUI"]),
    .testTarget(name: "RhythmCoreTests", dependencies: ["RhythmCore"]),
    .testTarget(name: "RhythmDemoTests", dependencies: ["RhythmDemo", "RhythmCore"]),
    .testTarget(
      name: "RhythmUITests",
      dependencies: ["RhythmUI", "RhythmTestSupport", "RhythmDemo"],
      exclude: ["__Snapshots__"]
    ),
    .testTarget(name: "RhythmTerminalTests", dependencies: ["RhythmTerminal"]),
    .testTarget(name: "EndToEndTests", dependencies: ["RhythmCore", "RhythmTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)

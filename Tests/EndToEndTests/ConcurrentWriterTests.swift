import Foundation
import Testing

/// Two processes writing to one store at once.
@Suite("Concurrent writers")
struct ConcurrentWriterTests {
  @Test(
    "two processes adding 500 steps each leave exactly 1000 distinct steps; a reader never fails")
  func twoWritersThousandSteps() throws {
    let fixture = try CLIFixture()
    try fixture.makeStore(people: ["maria", "li"])
    let writers = try ["maria", "li"].map { owner in
      try RunningProcess(
        "/bin/sh",
        [
          "-c",
          """
          for i in $(seq 500); do
            "$RHYTHM" step add "s$i @\(owner) due:+3d" > /dev/null || exit 1
          done
          """,
        ],
        environment: fixture.environment(["RHYTHM": fixture.binary]))
    }
    // A reader lists the steps every 0.2 s meanwhile: it must never fail nor see a torn line.
    let stop = fixture.root + "/stop-reading"
    let reader = try RunningProcess(
      "/bin/sh",
      [
        "-c",
        """
        while [ ! -e "$STOP" ]; do
          "$RHYTHM" step list --json > /dev/null || echo "exit $?"
          sleep 0.2
        done
        """,
      ],
      environment: fixture.environment(["RHYTHM": fixture.binary, "STOP": stop]))
    let results = writers.map { $0.wait() }
    _ = FileManager.default.createFile(atPath: stop, contents: nil)
    let read = reader.wait()
    #expect(read.status == 0 && read.stdout.isEmpty && read.stderr.isEmpty, "reader: \(read)")
    for result in results {
      #expect(result.status == 0 && result.stderr.isEmpty, "writer: \(result)")
    }
    let steps = try fixture.steps()
    #expect(steps.count == 1000)
    #expect(Set(steps.map(\.id)).count == 1000)
    #expect(Set(steps.map(\.short)).count == 1000)
    for owner in ["maria", "li"] {
      let titles = Set(steps.filter { $0.owner == owner }.map(\.title))
      #expect(titles == Set((1...500).map { "s\($0)" }), "\(owner)'s titles")
    }
    let check = try fixture.run("store", "check")
    #expect(check.status == 0 && check.stderr.isEmpty, "\(check)")
    #expect(check.stdout.contains("1000 steps"), "\(check)")
  }
}

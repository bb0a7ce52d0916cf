import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and measures it: wall time and the peak resident memory of the child.
enum ProcessRunner {
  /// One run's figures.
  struct Measurement {
    var milliseconds: Double
    var peakKilobytes: Int
    var status: Int32
  }

  /// Runs `arguments` (the first is the program path) with `environment` added, output
  /// discarded unless `capture`.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], capture: Bool = false
  ) -> (Measurement, String) {
    var environ = ProcessInfo.processInfo.environment
    for (key, value) in environment { environ[key] = value }
    let envStrings = environ.map { "\($0.key)=\($0.value)" }
    var pipe: [Int32] = [0, 0]
    _ = Glibc.pipe(&pipe)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    if capture {
      posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = envStrings.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
      posix_spawn_file_actions_destroy(&actions)
    }
    var pid: pid_t = 0
    let started = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else {
      close(pipe[0])
      close(pipe[1])
      return (Measurement(milliseconds: 0, peakKilobytes: 0, status: -1), "")
    }
    close(pipe[1])
    var output = Data()
    if capture {
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while true {
        let count = read(pipe[0], &buffer, buffer.count)
        if count <= 0 { break }
        output.append(contentsOf: buffer[0..<count])
      }
    }
    close(pipe[0])
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
    return (
      Measurement(
        milliseconds: elapsed, peakKilobytes: Int(usage.ru_maxrss), status: (status >> 8) & 0xFF),
      String(decoding: output, as: UTF8.self)
    )
  }

  /// Peak memory of one run, in MB, as GNU time reports it. A child spawned straight from
  /// this (large) process would report this process's peak as its own (Linux carries the peak
  /// across a vfork and exec); `time` forks the program from its own small process.
  static func peakMegabytes(_ arguments: [String], environment: [String: String] = [:]) -> Double {
    let output = NSTemporaryDirectory() + "rhythm-bench-peak-\(getpid())"
    _ = run(["/usr/bin/time", "-f", "%M", "-o", output] + arguments, environment: environment)
    defer { unlink(output) }
    let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    let kilobytes = text.split(separator: "\n").last.flatMap {
      Double($0.trimmingCharacters(in: .whitespaces))
    }
    return (kilobytes ?? 0) / 1024
  }

  /// Runs `make(run)` `count` times and returns the median time and the peak memory.
  static func median(
    runs count: Int, environment: [String: String] = [:], _ make: (Int) -> [String]
  ) -> (milliseconds: Double, peakMegabytes: Double, failures: Int) {
    var times: [Double] = []
    var failures = 0
    for run in 0..<count {
      let (measurement, _) = self.run(make(run), environment: environment)
      if measurement.status != 0 { failures += 1 }
      times.append(measurement.milliseconds)
    }
    times.sort()
    let peak = peakMegabytes(make(count), environment: environment)
    return (times[times.count / 2], peak, failures)
  }
}

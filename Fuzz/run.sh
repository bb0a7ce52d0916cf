#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer + AddressSanitizer) and runs each for N runs, one after
# the other, printing per target: runs, seconds, and whether it crashed.
#
#   Fuzz/run.sh RUNS [TARGET...]     e.g. Fuzz/run.sh 1000000, Fuzz/run.sh 2000 rrule
#
# FUZZ_CONFIG=debug builds faster and runs slower (CI's smoke); the default is release.
# The modules under test are built once with the sanitizers (`swift build --target`, with
# -enable-testing so a target may reach internal decoders); each target in Fuzz/Targets is one
# file linked against their objects. Seeds are read from Fuzz/Corpus/<target> (never written);
# new inputs go to .build-fuzz/fuzz-<config>/corpus/<target>, crashes to …/artifacts/, and
# each target's output to …/logs/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:?usage: Fuzz/run.sh RUNS [TARGET...]}
shift
config=${FUZZ_CONFIG:-release}
scratch=.build-fuzz
work=$scratch/fuzz-$config
sanitize=-sanitize=fuzzer,address
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for file in Fuzz/Targets/*.swift; do targets+=("$(basename "$file" .swift)"); done
fi

echo "== building the modules under test ($config, $sanitize)"
mkdir -p "$work/fuzzers" "$work/artifacts" "$work/logs"
if ! swift build --scratch-path "$scratch" -c "$config" --target RhythmTerminal \
  -Xswiftc "$sanitize" -Xswiftc -enable-testing >"$work/logs/build.log" 2>&1; then
  cat "$work/logs/build.log"
  exit 1
fi
products="$scratch/$config"
optimize=-Onone
[ "$config" = release ] && optimize=-O

for target in "${targets[@]}"; do
  [ -f "Fuzz/Targets/$target.swift" ] || { echo "no target Fuzz/Targets/$target.swift"; exit 2; }
  echo "== linking $target"
  objects=("$products"/RhythmCore.build/*.o)
  if grep -q "^import RhythmTerminal" "Fuzz/Targets/$target.swift"; then
    objects+=("$products"/RhythmUI.build/*.o "$products"/RhythmTerminal.build/*.o)
  fi
  swiftc -parse-as-library -swift-version 6 "$optimize" "$sanitize" \
    -I "$products/Modules" -I Sources/CNCurses \
    "Fuzz/Targets/$target.swift" "${objects[@]}" -lncursesw -o "$work/fuzzers/$target"
done

# Swift's own crash reporter reads the stack in a way AddressSanitizer reports as an overflow;
# libFuzzer prints the stack of a crash anyway.
export SWIFT_BACKTRACE=enable=no
failed=0
summary=()
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  log="$work/logs/$target.log"
  dictionary=()
  [ -f "Fuzz/Dictionaries/$target.dict" ] && dictionary=(-dict="Fuzz/Dictionaries/$target.dict")
  echo "== fuzzing $target for $runs runs (log: $log)"
  started=$(date +%s%N)
  status=0
  "$work/fuzzers/$target" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-" "${dictionary[@]}" \
    "$corpus" "Fuzz/Corpus/$target" >"$log" 2>&1 || status=$?
  tenths=$((($(date +%s%N) - started) / 100000000))
  executed=$(grep -o "stat::number_of_executed_units: [0-9]*" "$log" | grep -o "[0-9]*$" || true)
  if [ "$status" -eq 0 ]; then
    result=ok
  else
    failed=1
    artifact=$(grep -o "Test unit written to .*" "$log" | sed "s/Test unit written to //" || true)
    result="CRASHED (exit $status${artifact:+, input $artifact}; see $log)"
    tail -n 30 "$log"
  fi
  summary+=("$(printf "%-16s %10s runs %6d.%d s  %s" "$target" "${executed:-?}" $((tenths / 10)) $((tenths % 10)) "$result")")
done

echo "== summary"
printf "%s\n" "${summary[@]}"
exit "$failed"

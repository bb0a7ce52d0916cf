#!/usr/bin/env bash
# Benchmarks Rhythm on generated stores (1,000 to 200,000 steps) against Taskwarrior 2.6 on the
# same steps, in the same run. Whole processes, release build, medians. Not a test: it prints
# figures: the command line, the import of a Taskwarrior export (and CSV) next to `task import`
# of the same file, the cockpit's first frame and its Steps screen at scale, and replay (a fresh
# clone, a copied folder, a pull of older operations, the command that compacts). Usage: Benchmarks/run.sh [--sizes 1000,50000] [--runs 9]
# [--no-taskwarrior] [--import-only]
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v task >/dev/null 2>&1 || need+=(taskwarrior)
[ -x /usr/bin/time ] || need+=(time)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

swift build -c release --static-swift-stdlib --product rhythm >&2
swift build -c release --static-swift-stdlib --product rhythm-bench >&2

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(swift --version 2>&1 | head -1)"
.build/release/rhythm-bench --rhythm .build/release/rhythm --work .bench "$@"
if [[ " $* " != *" --import-only "* ]]; then
  # The sizes run.sh was given (--sizes a,b), for the scripts that take them.
  sizes=$(printf '%s\n' "$@" | awk 'prev == "--sizes" {print} {prev = $0}')
  sizes=${sizes:-1000,10000,50000,200000}
  Benchmarks/first-frame.sh
  SIZES="${sizes//,/ }" Benchmarks/cockpit-scale.sh
  Benchmarks/replay.sh "$sizes"
  Benchmarks/pull.sh "$sizes"
  # A compacting command needs more open steps than the tail it carries: 50,000 steps and up.
  large=$(echo "$sizes" | tr , '\n' | awk '$1 >= 50000' | paste -sd, -)
  if [ -n "$large" ]; then Benchmarks/compaction.sh "$large"; fi
fi
# The ten-device, 2,000,000-operation store with and without a checkpoint takes minutes and
# gigabytes: Benchmarks/checkpoint.sh 2000000 runs it.

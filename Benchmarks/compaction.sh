#!/usr/bin/env bash
# Ordinary compaction figures: the command that crosses the compaction tail. On a copy of each
# generated store (.bench/store-N, made by rhythm-bench once) the journal gets exactly as many
# lines past the snapshot as a command carries (`compactionTail`: 512, or a 128th of the steps:
# 1,562 at 200,000), title edits of open steps; a first command reads them (no compaction), and
# the next, `rhythm step done ID`, adds one more and so compacts. Prints that command's time
# and peak memory (whole process, release build, median of RUNS runs, a fresh copy each run).
# With OLD=path, the same for that binary (e.g. main's), measured alternately on the same
# files. Not a test: it prints figures.
# Usage: Benchmarks/compaction.sh [SIZES]   (default 50000,200000; RUNS=5, OLD unset)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${1:-50000,200000}
runs=${RUNS:-5}
source Benchmarks/timing.sh
generate_stores "$sizes"

# One timed `step done $2` on store $1, by binary $3: prints "milliseconds peak-MB".
crossing() {
  "$3" step list --owner p07 --store "$1" >/dev/null
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v "$3" step done "$2" --store "$1" >/dev/null 2>"$scratch/time" || {
    echo "failed: $(tail -3 "$scratch/time")" >&2
    exit 1
  }
  end=$(date +%s%N)
  awk -F': ' -v ns=$((end - start)) '/Maximum resident set size/ { mb = $2 / 1024 }
    END { printf "%.1f %.1f\n", ns / 1e6, mb }' "$scratch/time"
}

printf "load before: %s\n" "$(cut -d' ' -f1-3 /proc/loadavg)"
for size in ${sizes//,/ }; do
  store=$work/store-$size
  base=$scratch/base-$size
  rm -rf "$base"
  cp -a "$store" "$base"
  rm -rf "$base/backups"
  tail=$((size / 128 > 512 ? size / 128 : 512))
  journal=$(ls "$base"/journal/*.jsonl | head -1)
  device=$(basename "$journal" .jsonl)
  # Lines some earlier run left past the snapshot count too.
  held=$(grep -m1 '"journals"' "$base/store.json" | sed 's/.*"lines":\([0-9]*\).*/\1/')
  add=$((tail - ($(wc -l <"$journal") - held)))
  # Title edits of the open steps, stamped after the journal's last line.
  last=$(tail -1 "$journal" | sed 's/.*"ts":"\([0-9]*\)-\([0-9]*\)".*/\1 \2/')
  awk -v tail="$add" -v device="$device" -v last="$last" 'BEGIN { split(last, ts, " ") }
    NR <= tail {
      printf "{\"by\":\"bench\",\"dev\":\"%s\",\"fields\":{\"title\":\"Edited %d\"},\"id\":\"opcompaction%d\",\"kind\":\"step\",\"prior\":{},\"rec\":\"%s\",\"ts\":\"%s-%d\"}\n", \
        device, NR, NR, $1, ts[1], ts[2] + NR
    }' "$store-open.txt" >>"$journal"
  done_id=$(sed -n "$((add + 1))p" "$store-open.txt")
  : >"$scratch/new"
  : >"$scratch/old"
  for _ in $(seq "$runs"); do
    rm -rf "$scratch/copy" && cp -a "$base" "$scratch/copy"
    crossing "$scratch/copy" "$done_id" "$rhythm" >>"$scratch/new"
    if [ -n "${OLD:-}" ]; then
      rm -rf "$scratch/copy" && cp -a "$base" "$scratch/copy"
      crossing "$scratch/copy" "$done_id" "$OLD" >>"$scratch/old"
    fi
  done
  printf "%-8s tail %-5s compacting step done: %s\n" "$size" "$tail" "$(line "$scratch/new")"
  if [ -n "${OLD:-}" ]; then
    printf "%-8s %-10s old binary: %s   (%s)\n" "" "" "$(line "$scratch/old")" "$OLD"
  fi
done
printf "load after: %s (medians of %s runs; 2 shared cores)\n" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$runs"

#!/usr/bin/env bash
# Pull figures: what the next command costs after `git pull` brings 500 operations from two
# other devices, stamped older than this machine's snapshot (they were made before its last
# changes, and arrive late). For each size (steps; the generated store of rhythm-bench), the
# store is opened once (snapshot, index and store.stamps written), then two journals of 250
# edits each (titles, statuses, due dates of existing steps) are added, and the median of RUNS
# runs of `rhythm step list --owner p07 --status open` (whole process, release build) is
# printed with its peak memory (/usr/bin/time -v):
#   no pull     the same command before the pull (what the command costs anyway)
#   merged      the first command after the pull: the older lines are merged with the
#               snapshot's per-field stamps (store.stamps), no replay
#   next        the command after that (the pull is still in the tail)
#   no stamps   the first command after the pull with store.stamps removed: every journal is
#               replayed and the caches rewritten (what every pull cost before store.stamps)
# Standalone: builds what it needs, generates stores once under .bench/ (kept between runs).
# Not a test: it prints figures.
# Usage: Benchmarks/pull.sh [SIZES]   (default 1000,10000,50000,200000; RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${1:-1000,10000,50000,200000}
runs=${RUNS:-5}
source Benchmarks/timing.sh
generate_stores "$sizes"

# Writes the pulled journals of two devices into folder $2 from the journals in $1: 250 edits
# each of existing steps, stamped just below the greatest stamp of $1's journals (older than
# the snapshot, newer than most of what they edit).
pulled() {
  cat "$1"/*.jsonl | awk -v out="$2" '
    /"kind":"step"/ && /"prior":\{\}/ {
      if (match($0, /"rec":"[^"]*"/)) ids[n++] = substr($0, RSTART + 7, RLENGTH - 8)
    }
    match($0, /"ts":"[0-9]+-[0-9]+"/) {
      split(substr($0, RSTART + 6, RLENGTH - 7), part, "-")
      if (part[1] > millis || (part[1] == millis && part[2] + 0 > counter)) {
        millis = part[1]; counter = part[2] + 0
      }
    }
    END {
      for (d = 0; d < 2; d++) {
        device = "pull000" d
        file = out "/" device ".jsonl"
        for (i = 0; i < 250; i++) {
          id = ids[int((i * 2 + d) * n / 500)]
          c = counter - 250 + i
          if (c < 0) { c = i; millis = sprintf("%016d", millis - 1000) }
          kind = i % 3
          if (kind == 0) fields = "\"title\":\"Pulled title " d "-" i "\""
          else if (kind == 1) fields = "\"completedAt\":\"2026-11-20T10:00:00Z\",\"status\":\"done\""
          else fields = "\"due\":\"2026-12-0" (1 + i % 9) "\""
          printf "{\"by\":\"%s\",\"dev\":\"%s\",\"fields\":{%s},\"id\":\"pull%d-%d\",\"kind\":\"step\",\"prior\":{},\"rec\":\"%s\",\"ts\":\"%s-%04d\"}\n", \
            device, device, fields, d, i, id, millis, c > file
        }
      }
    }'
}

printf "load before: %s\n" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-8s %-22s %-22s %-22s %-22s\n" steps "no pull" "merged (first)" "next" "no stamps (replay)"
IFS=, read -ra list <<<"$sizes"
for size in "${list[@]}"; do
  store=$work/store-$size
  [ -d "$store/journal" ] || { echo "no store for $size" >&2; exit 1; }
  # The machine before the pull: snapshot, index and stamps up to date.
  rm -rf "$scratch/before" "$scratch/pull"
  mkdir -p "$scratch/before" "$scratch/pull"
  cp -r "$store/journal" "$store/.gitignore" "$scratch/before/"
  measure "$scratch/before" >/dev/null
  [ -f "$scratch/before/store.stamps" ] || { echo "no store.stamps written" >&2; exit 1; }
  pulled "$scratch/before/journal" "$scratch/pull"
  : >"$scratch/none"
  : >"$scratch/merged"
  : >"$scratch/next"
  : >"$scratch/replay"
  for _ in $(seq "$runs"); do
    measure "$scratch/before" >>"$scratch/none"
    rm -rf "$scratch/clone"
    cp -a "$scratch/before" "$scratch/clone"
    cp "$scratch/pull"/*.jsonl "$scratch/clone/journal/"
    measure "$scratch/clone" >>"$scratch/merged"
    measure "$scratch/clone" >>"$scratch/next"
    rm -rf "$scratch/clone"
    cp -a "$scratch/before" "$scratch/clone"
    cp "$scratch/pull"/*.jsonl "$scratch/clone/journal/"
    rm "$scratch/clone/store.stamps"
    measure "$scratch/clone" >>"$scratch/replay"
  done
  printf "%-8s %-22s %-22s %-22s %-22s\n" "$size" "$(line "$scratch/none")" "$(line "$scratch/merged")" "$(line "$scratch/next")" \
    "$(line "$scratch/replay")"
done
printf "load after: %s (medians of %s runs; 2 shared cores: compare within one run)\n" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$runs"

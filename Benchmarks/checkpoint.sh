#!/usr/bin/env bash
# Checkpoint figures: a five-year team store opened from a fresh clone. Generates (once, under
# .bench/team-OPS/) the journals of 10 devices holding OPS operations in all (default
# 2,000,000): one step created for every ten operations, the rest edits of earlier steps
# (titles, statuses, due dates; a tenth of them of another device's steps), the devices' clocks
# interleaved. Then prints, for `rhythm step list --owner p07 --status open` (whole process,
# release build, median of RUNS runs; time and peak memory from /usr/bin/time -v):
#   replay      a fresh clone (journal/ only, no checkpoint): every journal replayed (one run,
#               REPLAY=0 skips it: at 2,000,000 operations it takes long and a lot of memory)
#   checkpoint  a fresh clone whose journal/ holds a checkpoint (written by
#               `rhythm store checkpoint` on another clone) and PAST operations past it from
#               two devices (default 1,000): it starts from the checkpoint and reads only the
#               lines past it (more than a command carries, e.g. PAST=50000, are replayed at
#               once into a new snapshot)
#   warm        the next command on that clone
# and the checkpoint's size. With OLD=path, the same two figures for that binary (an older
# build, e.g. main's), measured on the same files alternately with this build. Not a test: it
# prints figures.
# Usage: Benchmarks/checkpoint.sh [OPS]   (default 2000000; RUNS=5, REPLAY=1, PAST=1000, OLD
# unset)
set -euo pipefail
cd "$(dirname "$0")/.."

ops=${1:-2000000}
past=${PAST:-1000}
runs=${RUNS:-5}
source Benchmarks/timing.sh
team=$PWD/.bench/team-$ops

# Writes the journals of 10 devices, OPS operations in all, into folder $1 (ops numbered from
# $2, so that a second call makes later operations of the same steps).
generate() {
  awk -v out="$1" -v ops="$ops" -v from="$2" -v count="$3" -v devices="$4" '
  # A step id: device and number, then 6 base32 characters that look random (as the end of
  # a ULID does: short ids are told apart by their ending).
  function stepid(d, k,   h, s, c) {
    h = (k * 2654435761 + d * 40503) % 1073741824
    s = ""
    for (c = 0; c < 6; c++) { s = s substr(alphabet, h % 32 + 1, 1); h = int(h / 32) }
    return sprintf("01tm%02d%014d%s", d, k, s)
  }
  BEGIN {
    alphabet = "0123456789abcdefghjkmnpqrstvwxyz"
    base = 1700000000000
    per = int(ops / 10)
    for (d = 0; d < devices; d++) {
      device = sprintf("team%04d", d)
      file = out "/" device ".jsonl"
      if (from == 0 && d == 0) {
        for (p = 0; p < 40; p++) {
          printf "{\"by\":\"%s\",\"dev\":\"%s\",\"fields\":{\"id\":\"p%02d\",\"name\":\"Person %d\"},\"id\":\"opperson%d\",\"kind\":\"person\",\"prior\":{},\"rec\":\"p%02d\",\"ts\":\"%016.0f-%04d\"}\n", \
            device, device, p, p, p, p, base - 1000, p >> file
        }
      }
      for (i = from; i < from + count; i++) {
        millis = sprintf("%016.0f", base + i * 10 + d)
        if (i % 10 == 0 && i < per) {
          k = int(i / 10)
          id = stepid(d, k)
          owner = sprintf("p%02d", (k * 7 + d) % 40)
          due = sprintf("20%02d-%02d-%02d", 22 + int(k / 6000) % 5, 1 + k % 12, 1 + k % 28)
          fields = sprintf("\"createdAt\":\"2022-01-01T09:00:00Z\",\"due\":\"%s\",\"id\":\"%s\",\"owner\":\"%s\",\"status\":\"open\",\"tags\":[],\"title\":\"Step %d of %s\"", due, id, owner, k, device)
        } else {
          made = int((i < per ? i : per) / 10)
          if (made < 1) made = 1
          k = (i * 7919) % made
          other = (i % 10 == 3) ? (d + 1) % devices : d
          id = stepid(other, k)
          kind = i % 3
          if (kind == 0) fields = sprintf("\"title\":\"Step %d, edit %d\"", k, i)
          else if (kind == 1) fields = "\"completedAt\":\"2026-11-20T10:00:00Z\",\"status\":\"done\""
          else fields = sprintf("\"due\":\"2026-%02d-%02d\"", 1 + i % 12, 1 + i % 28)
        }
        printf "{\"by\":\"%s\",\"dev\":\"%s\",\"fields\":{%s},\"id\":\"op%s%d\",\"kind\":\"step\",\"prior\":{},\"rec\":\"%s\",\"ts\":\"%s-0000\"}\n", \
          device, device, fields, device, i, id, millis >> file
      }
    }
  }'
}

if [ ! -f "$team/done" ]; then
  rm -rf "$team"
  mkdir -p "$team/journal"
  echo "generating $ops operations of 10 devices" >&2
  generate "$team/journal" 0 $((ops / 10)) 10
  touch "$team/done"
fi

# A fresh clone of $1's journal folder at $2 (journals hard-linked: nothing writes them).
clone() {
  rm -rf "$2"
  mkdir -p "$2/journal"
  cp -al "$1"/*.jsonl "$2/journal/"
  [ -d "$1/checkpoints" ] && cp -r "$1/checkpoints" "$2/journal/"
  return 0
}

printf "load before: %s\n" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf "%s operations, 10 devices, journals %s MB\n" "$ops" "$(du -sm "$team/journal" | cut -f1)"
: >"$scratch/replay"
if [ "${REPLAY:-1}" = 1 ]; then
  clone "$team/journal" "$scratch/first"
  measure "$scratch/first" >>"$scratch/replay"
  printf "%-12s %s\n" replay "$(line "$scratch/replay")"
else
  # The checkpoint's author still needs a snapshot: one replay, not timed.
  clone "$team/journal" "$scratch/first"
  "$rhythm" step list --owner p07 --status open --store "$scratch/first" >/dev/null
fi
# Another clone writes a checkpoint; two devices then add PAST operations past it.
"$rhythm" store checkpoint --store "$scratch/first" >&2
mkdir -p "$scratch/shared"
cp -al "$team/journal"/*.jsonl "$scratch/shared/"
cp -r "$scratch/first/journal/checkpoints" "$scratch/shared/"
for file in "$scratch/shared"/*.jsonl; do
  cp "$file" "$file.copy" && mv "$file.copy" "$file"  # unlink before appending
done
generate "$scratch/shared" $((ops / 10)) $((past / 2)) 2
printf "%-12s %s operations\n" "past it" "$past"
printf "%-12s %s MB (snapshot, stamps and index)\n" "checkpoint" "$(du -sm "$scratch/shared/checkpoints" | cut -f1)"
: >"$scratch/from"
: >"$scratch/warm"
: >"$scratch/old-from"
: >"$scratch/old-warm"
for _ in $(seq "$runs"); do
  clone "$scratch/shared" "$scratch/clone"
  measure "$scratch/clone" >>"$scratch/from"
  measure "$scratch/clone" >>"$scratch/warm"
  if [ -n "${OLD:-}" ]; then
    clone "$scratch/shared" "$scratch/clone"
    (rhythm=$OLD && measure "$scratch/clone" >>"$scratch/old-from")
    (rhythm=$OLD && measure "$scratch/clone" >>"$scratch/old-warm")
  fi
done
printf "%-12s %s\n" "from it" "$(line "$scratch/from")"
printf "%-12s %s\n" warm "$(line "$scratch/warm")"
if [ -n "${OLD:-}" ]; then
  printf "%-12s %s   (%s)\n" "old: from it" "$(line "$scratch/old-from")" "$OLD"
  printf "%-12s %s\n" "old: warm" "$(line "$scratch/old-warm")"
fi
printf "load after: %s (medians of %s runs; 2 shared cores)\n" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$runs"

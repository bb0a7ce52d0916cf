#!/usr/bin/env bash
# Replay figures: what a team's store costs to open when its caches are not there or not
# trusted. For each size (steps; the generated store also holds size/5 decisions, ~1,700
# reviews, people and cadences, all in one journal), prints the median of RUNS runs of
# `rhythm step list --owner p07 --status open` (whole process, release build) and its peak
# memory (/usr/bin/time -v):
#   fresh clone   the store folder holds only journal/ and .gitignore (as `git clone` gives):
#                 the first command replays every journal and writes the snapshot and index
#   copied folder the whole folder copied (`cp -r`: new inodes and mtimes), first command
#   warm          the next command on the same folder
# Standalone: builds what it needs, generates stores once under .bench/ (kept between runs).
# Not a test: it prints figures.
# Usage: Benchmarks/replay.sh [SIZES]   (default 1000,10000,50000,200000; RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${1:-1000,10000,50000,200000}
runs=${RUNS:-5}
source Benchmarks/timing.sh
generate_stores "$sizes"

printf "load before: %s\n" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-8s %-10s %-22s %-22s %-16s\n" steps journal "fresh clone" "copied folder" warm
IFS=, read -ra list <<<"$sizes"
for size in "${list[@]}"; do
  store=$work/store-$size
  [ -d "$store/journal" ] || { echo "no store for $size" >&2; exit 1; }
  journal=$(du -sm "$store/journal" | cut -f1)
  : >"$scratch/fresh"
  : >"$scratch/copied"
  : >"$scratch/warm"
  for _ in $(seq "$runs"); do
    rm -rf "$scratch/clone"
    mkdir -p "$scratch/clone"
    cp -r "$store/journal" "$store/.gitignore" "$scratch/clone/"
    measure "$scratch/clone" >>"$scratch/fresh"
    measure "$scratch/clone" >>"$scratch/warm"
    rm -rf "$scratch/copy"
    cp -r "$scratch/clone" "$scratch/copy"
    measure "$scratch/copy" >>"$scratch/copied"
  done
  printf "%-8s %-10s %-22s %-22s %-16s\n" "$size" "${journal} MB" "$(line "$scratch/fresh")" \
    "$(line "$scratch/copied")" "$(line "$scratch/warm")"
done
printf "load after: %s (medians of %s runs; 2 shared cores: compare within one run)\n" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$runs"

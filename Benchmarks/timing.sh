# Sourced by replay.sh, pull.sh and checkpoint.sh: installs /usr/bin/time when missing, builds
# the release `rhythm`, sets the fixed environment and a scratch folder, and gives the timing
# helpers they share. Not run on its own.

[ -x /usr/bin/time ] || {
  echo "installing time" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
}
swift build -c release --static-swift-stdlib --product rhythm >&2
rhythm=$PWD/.build/release/rhythm
export TZ=UTC RHYTHM_NOW=2026-11-25T09:00:00Z RHYTHM_USER=bench
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# One timed run of the first command on store $1: prints "milliseconds peak-MB" (the time to
# the millisecond from the clock: /usr/bin/time's own is in hundredths of a second).
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v "$rhythm" step list --owner p07 --status open --store "$1" >/dev/null 2>"$scratch/time" || {
    echo "failed: $(tail -3 "$scratch/time")" >&2
    exit 1
  }
  end=$(date +%s%N)
  awk -F': ' -v ns=$((end - start)) '/Maximum resident set size/ { mb = $2 / 1024 }
    END { printf "%.1f %.1f\n", ns / 1e6, mb }' "$scratch/time"
}

# The median of column $1 of "ms MB" lines.
median() { sort -n -k"$1" | awk -v k="$1" '{ v[NR] = $k } END { printf "%s", v[int((NR + 1) / 2)] }'; }

# "ms, MB": the medians of the lines in file $1.
line() { printf "%s ms, %s MB" "$(median 1 <"$1")" "$(median 2 <"$1")"; }

# Builds rhythm-bench and generates the stores of sizes $1 (comma-separated) under .bench/ once
# (kept between runs); sets work to that folder.
generate_stores() {
  swift build -c release --static-swift-stdlib --product rhythm-bench >&2
  work=$PWD/.bench
  .build/release/rhythm-bench --sizes "$1" --work "$work" --generate-only >&2
}

#!/usr/bin/env bash
# Convergence at scale: CLONES clones of one team store, shared through a bare git remote, make
# OPERATIONS random edits in all (fields of the same steps, done / reopen / drop, new steps,
# undo, decisions, skipped and moved reviews) in ROUNDS rounds; in each round every clone, in a
# random order, makes its share and then runs `rhythm sync`. Then every clone syncs until nothing
# new arrives. Prints the operations, the wall time of each sync (median, max), the first command
# on a fresh clone of the final remote (a replay of every journal), and whether every clone and
# the fresh one print byte-identical `step list --json`, `decision list --json` and `log --json`.
# Not a test: it prints figures. Release build, real clocks.
# Usage: Benchmarks/converge.sh [CLONES] [OPERATIONS]   (default 10 10000; ROUNDS=10, SEED=n)
set -euo pipefail
cd "$(dirname "$0")/.."

clones=${1:-10}
operations=${2:-10000}
rounds=${ROUNDS:-10}
seed=${SEED:-$((RANDOM * 32768 + RANDOM))}
RANDOM=$seed

need=()
command -v git >/dev/null 2>&1 || need+=(git)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
swift build -c release --static-swift-stdlib --product rhythm >&2
rhythm=$PWD/.build/release/rhythm

work=$PWD/.bench/converge
rm -rf "$work"
mkdir -p "$work/home"
export HOME=$work/home TZ=UTC GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
unset RHYTHM_NOW RHYTHM_STORE XDG_DATA_HOME
people=(maria li ana ben chloe dev eva finn gus hana)
mondays=(2027-01-04 2027-01-11 2027-01-18 2027-01-25 2027-02-01)
tuesdays=(2027-01-05 2027-01-12 2027-01-19 2027-01-26 2027-02-02)
errors=$work/errors.log
: >"$errors"
failed=0

now_ms() { echo $(($(date +%s%N) / 1000000)); }
pick() { local -n list=$1; echo "${list[RANDOM % ${#list[@]}]}"; }
# rhythm in clone $1 (as its person); stdout kept, a failure counted and logged.
run() {
  local clone=$1
  shift
  if ! RHYTHM_USER=${people[clone % ${#people[@]}]} "$rhythm" "$@" --store "$work/clone$clone" 2>>"$errors"; then
    failed=$((failed + 1))
    return 0
  fi
}
configure() {
  git -C "$work/clone$1" config user.name "${people[$1 % ${#people[@]}]}"
  git -C "$work/clone$1" config user.email "${people[$1 % ${#people[@]}]}@example.com"
}
# The step ids clone $1 lists now, one a line, in ids$1.
look() { "$rhythm" step list --json --store "$work/clone$1" | grep -o '"id":"[0-9a-z]*"' | cut -d'"' -f4 >"$work/ids$1"; }

echo "setting up: $clones clones, $operations operations in $rounds rounds (seed $seed)" >&2
git init --quiet --bare "$work/origin.git"
"$rhythm" init --store "$work/clone0" >/dev/null
for handle in "${people[@]}"; do run 0 person add "$handle" >/dev/null; done
run 0 cadence add Weekly --rule "weekly mon 10:00" --tz UTC --facilitator maria >/dev/null
for number in $(seq 1 40); do
  run 0 step add "Step $number" --owner "$(pick people)" --due "2026-12-$(printf %02d $((number % 28 + 1)))" >/dev/null
done
git init --quiet "$work/clone0"
configure 0
git -C "$work/clone0" remote add origin "$work/origin.git"
run 0 sync >/dev/null
look 0
hot=$(head -8 "$work/ids0")
mapfile -t hot <<<"$hot"
for clone in $(seq 1 $((clones - 1))); do
  git clone --quiet "$work/origin.git" "$work/clone$clone"
  configure "$clone"
  look "$clone"
done
# Operations each clone has made and not undone (undo needs one).
declare -a own
for clone in $(seq 0 $((clones - 1))); do own[clone]=0; done
if [ "$failed" -ne 0 ]; then
  echo "set-up failed:" >&2
  cat "$errors" >&2
  exit 1
fi

# One random operation in clone $1.
operate() {
  local clone=$1 roll id serial=$2
  mapfile -t ids <"$work/ids$clone"
  if [ ${#ids[@]} -eq 0 ] || [ $((RANDOM % 2)) -eq 0 ]; then id=$(pick hot); else id=$(pick ids); fi
  roll=$((RANDOM % 100))
  if [ "$roll" -lt 14 ]; then
    run "$clone" step edit "$id" --title "Title $serial by clone$clone" >/dev/null
  elif [ "$roll" -lt 28 ]; then
    run "$clone" step "$(pick statuses)" "$id" >/dev/null
  elif [ "$roll" -lt 38 ]; then
    run "$clone" step edit "$id" --due "2026-12-$(printf %02d $((RANDOM % 31 + 1)))" >/dev/null
  elif [ "$roll" -lt 48 ]; then
    run "$clone" step edit "$id" --owner "$(pick people)" >/dev/null
  elif [ "$roll" -lt 56 ]; then
    run "$clone" step edit "$id" --success "Success $serial" >/dev/null
  elif [ "$roll" -lt 66 ] && [ "${own[clone]}" -gt 0 ]; then
    run "$clone" undo >/dev/null
    own[clone]=$((own[clone] - 1))
    look "$clone"
    return
  elif [ "$roll" -lt 82 ]; then
    run "$clone" step add "New $serial by clone$clone" --owner "$(pick people)" \
      --due "2026-12-$(printf %02d $((RANDOM % 31 + 1)))" >/dev/null
    look "$clone"
  elif [ "$roll" -lt 88 ]; then
    run "$clone" decision add "Decision $serial" --by "$(pick people)" >/dev/null
  elif [ "$roll" -lt 94 ]; then
    run "$clone" cadence skip Weekly "$(pick mondays)" >/dev/null
  else
    local week=$((RANDOM % ${#mondays[@]}))
    run "$clone" cadence move Weekly "${mondays[week]}" "${tuesdays[week]}" >/dev/null
  fi
  own[clone]=$((own[clone] + 1))
}
statuses=(done reopen drop)

syncs=$work/syncs.ms
: >"$syncs"
# `rhythm sync` in clone $1, timed; prints its report.
sync_clone() {
  local start report
  start=$(now_ms)
  report=$(run "$1" sync)
  echo $(($(now_ms) - start)) >>"$syncs"
  look "$1"
  echo "$report"
}

serial=0
per_clone=$((operations / clones / rounds))
started=$(now_ms)
for round in $(seq 1 "$rounds"); do
  for clone in $(seq 0 $((clones - 1)) | shuf --random-source=<(yes "$seed.$round")); do
    for _ in $(seq 1 "$per_clone"); do
      serial=$((serial + 1))
      operate "$clone" "$serial"
    done
    sync_clone "$clone" >/dev/null
  done
  echo "round $round: $serial operations, $(($(now_ms) - started)) ms so far, $failed failed" >&2
done
played=$(($(now_ms) - started))

passes=0
while :; do
  passes=$((passes + 1))
  quiet=1
  for clone in $(seq 0 $((clones - 1))); do
    [ "$(sync_clone "$clone")" = "nothing to commit; up to date; nothing to push" ] || quiet=0
  done
  [ "$quiet" -eq 1 ] && break
  [ "$passes" -ge 5 ] && break
done

git clone --quiet "$work/origin.git" "$work/fresh"
start=$(now_ms)
memory=$({ /usr/bin/time -f "%M" "$rhythm" step list --json --store "$work/fresh" >"$work/fresh.steps"; } 2>&1)
replay=$(($(now_ms) - start))
lines=$(cat "$work"/fresh/journal/*.jsonl | wc -l)
steps=$(grep -o '"id":"' "$work/fresh.steps" | wc -l)

converged=yes
reads=("step list --json" "decision list --json" "log --json")
for number in "${!reads[@]}"; do
  # shellcheck disable=SC2086
  "$rhythm" ${reads[number]} --store "$work/fresh" >"$work/fresh.read$number"
  for clone in $(seq 0 $((clones - 1))); do
    # shellcheck disable=SC2086
    "$rhythm" ${reads[number]} --store "$work/clone$clone" >"$work/clone.read"
    if ! cmp -s "$work/clone.read" "$work/fresh.read$number"; then
      converged="NO (clone$clone differs from a fresh clone in rhythm ${reads[number]})"
    fi
  done
done

median=$(sort -n "$syncs" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
max=$(sort -n "$syncs" | tail -1)
count=$(wc -l <"$syncs")
echo "converge: seed $seed, $(nproc) cores"
echo "operations: $lines in the journals from $serial commands ($failed failed; what they said, such as 'already done', is in $errors), $steps steps"
echo "clones: $clones, $rounds rounds, $passes passes of sync to settle"
echo "commands: $((played / 1000)) s for the rounds ($((played / serial)) ms per command with syncs)"
echo "sync: $count syncs, median ${median} ms, max ${max} ms"
echo "fresh clone, first command (replay of every journal): $replay ms, $((memory / 1024)) MB"
echo "converged: $converged"

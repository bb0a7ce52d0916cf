#!/usr/bin/env bash
# kill -9 and concurrency at scale (issue 9). Not a test: it prints figures, and exits 1 if any
# reported change was lost, an id or title appears twice, or `store check` failed.
#
# 1. Writer trials: a loop of `rhythm step add` / `step done` on a temporary store, killed with
#    SIGKILL (its whole process group) after a random delay of 0-250 ms.
# 2. Cockpit trials: a live review in tmux; steps are captured one after another, each counted
#    as reported once the status line confirms it; the cockpit is killed with SIGKILL 0-800 ms
#    after the review is on screen.
#    After every trial of 1 and 2: every change reported so far (a printed id, a `done` that
#    exited 0, a confirmed capture) is in the store, `store check` exits 0, and no id or title
#    appears twice.
# 3. W writers x O operations at once (three adds, then a done of the last add, repeated) while
#    a cockpit shows the Steps screen; then the same checks, and the cockpit must show the
#    final number of open steps.
#
# Usage: Benchmarks/stress.sh [--writer-trials N] [--cockpit-trials N] [--writers W]
#                             [--operations O] [--rhythm PATH] [--work DIR]
# Defaults: 1000 trials each, 4 writers x 1000 operations, a release build.
set -euo pipefail
cd "$(dirname "$0")/.."

writer_trials=1000
cockpit_trials=1000
writers=4
operations=1000
rhythm=""
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --writer-trials) writer_trials=$2; shift 2 ;;
    --cockpit-trials) cockpit_trials=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    --operations) operations=$2; shift 2 ;;
    --rhythm) rhythm=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "usage: $0 [--writer-trials N] [--cockpit-trials N] [--writers W] [--operations O] [--rhythm PATH] [--work DIR]" >&2; exit 2 ;;
  esac
done

need=()
for tool in jq tmux setsid; do command -v "$tool" >/dev/null 2>&1 || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]/setsid/util-linux}" >/dev/null
fi
if [ -z "$rhythm" ]; then
  swift build -c release --static-swift-stdlib --product rhythm >&2
  rhythm=.build/release/rhythm
fi
rhythm=$(cd "$(dirname "$rhythm")" && pwd)/$(basename "$rhythm")

[ -n "$work" ] || work=$(mktemp -d "${TMPDIR:-/tmp}/rhythm-stress.XXXXXX")
mkdir -p "$work"
socket=rhythm-stress-$$
printf 'set -g status off\nset -g escape-time 0\nset -g history-limit 0\n' >"$work/tmux.conf"
tmux_() { tmux -L "$socket" -f "$work/tmux.conf" "$@"; }
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export TZ=UTC RHYTHM_USER=stress TERM=xterm-256color LANG=C.UTF-8
unset RHYTHM_NOW RHYTHM_STORE

now_ms() { date +%s%3N; }
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }
failures=0
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }

# check STORE REPORTED LABEL: every change in REPORTED (lines "a<TAB>short<TAB>title" for an
# add, "d<TAB>short<TAB>title" for a done, "c<TAB>-<TAB>title" for a cockpit capture) is in the
# store; no id twice, nor a reported title; store check passes. Sets `lost` and `duplicates`.
check() {
  local store=$1 reported=$2 label=$3
  if ! "$rhythm" --store "$store" step list --json >"$work/list.json" 2>"$work/list.err"; then
    fail "$label: step list failed: $(head -3 "$work/list.err")"
  fi
  jq -r '.[] | [.id, .status, .title] | @tsv' "$work/list.json" >"$work/state.tsv"
  lost=$(awk -F'\t' '
    NR == FNR { id[$3] = $1; status[$3] = $2; next }
    $1 == "a" { if (!($3 in id) || substr(id[$3], length(id[$3]) - length($2) + 1) != $2) n++ }
    $1 == "d" { if (status[$3] != "done") n++ }
    $1 == "c" { if (!($3 in id)) n++ }
    END { print n + 0 }' "$work/state.tsv" "$reported")
  # An id twice, or a reported title twice (the demo's own steps repeat titles).
  duplicates=$(( $(cut -f1 "$work/state.tsv" | sort | uniq -d | wc -l) + $(awk -F'\t' '
    NR == FNR { count[$3]++; next }
    !seen[$3]++ && count[$3] > 1 { n++ }
    END { print n + 0 }' "$work/state.tsv" "$reported") ))
  [ "$lost" -eq 0 ] || fail "$label: $lost reported changes missing"
  [ "$duplicates" -eq 0 ] || fail "$label: $duplicates ids or titles twice"
  if ! "$rhythm" --store "$store" store check >/dev/null 2>"$work/check.err"; then
    fail "$label: store check: $(head -3 "$work/check.err")"
  fi
}

# alive PID: the process runs (a zombie, killed and not yet reaped, does not).
alive() {
  local state
  state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# complete_lines FILE: the lines of FILE that were written whole (a kill may cut the last one).
complete_lines() { head -n "$(wc -l <"$1")" "$1"; }

started=$(now_ms)
echo "stress: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $rhythm"

# MARK: - 1. Writer trials

store=$work/writers-killed
"$rhythm" --store "$store" init >/dev/null
"$rhythm" --store "$store" person add maria >/dev/null
reported=$work/writer-reported.tsv
: >"$reported"
writer_lost=0
writer_duplicates=0
writer_errors=0
phase=$(now_ms)
for trial in $(seq "$writer_trials"); do
  out=$work/writer.out
  TRIAL=$trial RHYTHM="$rhythm" STORE="$store" setsid sh -c '
    i=0
    while :; do
      i=$((i + 1))
      title="k$TRIAL-$i"
      id=$("$RHYTHM" --store "$STORE" step add "$title @maria due:+3d") || exit 1
      printf "a\t%s\t%s\n" "$id" "$title"
      if [ $((i % 2)) -eq 0 ]; then
        "$RHYTHM" --store "$STORE" step done "$id" >/dev/null || exit 1
        printf "d\t%s\t%s\n" "$id" "$title"
      fi
    done' >"$out" 2>"$work/writer.err" &
  pid=$!
  sleep_ms $((RANDOM % 250))
  # The group at once (the shell and its `rhythm`); before setsid has run there is no group
  # yet, and no child either: then the process itself. (Killed children may stay zombies for
  # a while, until init reaps them; they no longer run.)
  kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
  status=0
  { wait "$pid"; } 2>/dev/null || status=$?
  if [ "$status" -ne 137 ]; then
    writer_errors=$((writer_errors + 1))
    fail "writer trial $trial: exit $status: $(head -3 "$work/writer.err")"
  fi
  complete_lines "$out" >>"$reported"
  check "$store" "$reported" "writer trial $trial"
  writer_lost=$((writer_lost > lost ? writer_lost : lost))
  writer_duplicates=$((writer_duplicates > duplicates ? writer_duplicates : duplicates))
done
writer_ms=$(($(now_ms) - phase))
adds=$(grep -c '^a' "$reported" || true)
dones=$(grep -c '^d' "$reported" || true)
echo "writer kill -9: $writer_trials trials; changes reported $((adds + dones)) ($adds adds, $dones dones); lost $writer_lost; duplicates $writer_duplicates; writer errors $writer_errors; store has $(wc -l <"$work/state.tsv") steps; $((writer_ms / 1000)) s"

# MARK: - 2. Cockpit trials

store=$work/cockpit-killed
"$rhythm" --store "$store" init --demo >/dev/null
reported=$work/cockpit-reported.tsv
: >"$reported"
cockpit_lost=0
cockpit_duplicates=0
cockpit_errors=0
phase=$(now_ms)
for trial in $(seq "$cockpit_trials"); do
  pidfile=$work/cockpit.pid
  rm -f "$pidfile"
  session=c$trial
  tmux_ new-session -d -s "$session" -x 120 -y 40 -e "TZ=$TZ" -e "RHYTHM_USER=$RHYTHM_USER" -e "LANG=$LANG" \
    "sh -c 'echo \$\$ > $pidfile; exec $rhythm --store $store cockpit --review pipeline --start'"
  deadline=$(($(now_ms) + 20000))
  until [ -s "$pidfile" ] && tmux_ capture-pane -p -t "$session" 2>/dev/null | grep -q "● LIVE"; do
    if [ "$(now_ms)" -gt "$deadline" ]; then break; fi
    sleep 0.01
  done
  if ! tmux_ capture-pane -p -t "$session" 2>/dev/null | grep -q "● LIVE"; then
    cockpit_errors=$((cockpit_errors + 1))
    fail "cockpit trial $trial: the live review did not open"
    tmux_ kill-session -t "$session" 2>/dev/null || true
    continue
  fi
  pid=$(cat "$pidfile")
  (sleep_ms $((RANDOM % 800)); kill -9 "$pid" 2>/dev/null) &
  killer=$!
  capture=0
  while alive "$pid"; do
    capture=$((capture + 1))
    title="kill c$trial n$capture ok"
    tmux_ send-keys -t "$session" a 2>/dev/null || break
    tmux_ send-keys -t "$session" -l "$title @lea due:+3d" 2>/dev/null || break
    tmux_ send-keys -t "$session" Enter 2>/dev/null || break
    deadline=$(($(now_ms) + 5000))
    while alive "$pid" && [ "$(now_ms)" -lt "$deadline" ]; do
      if tmux_ capture-pane -p -t "$session" 2>/dev/null | grep -qF ": $title"; then
        printf 'c\t-\t%s\n' "$title" >>"$reported"
        break
      fi
      sleep 0.005
    done
  done
  { wait "$killer"; } 2>/dev/null || true
  tmux_ kill-session -t "$session" 2>/dev/null || true
  check "$store" "$reported" "cockpit trial $trial"
  cockpit_lost=$((cockpit_lost > lost ? cockpit_lost : lost))
  cockpit_duplicates=$((cockpit_duplicates > duplicates ? cockpit_duplicates : duplicates))
done
cockpit_ms=$(($(now_ms) - phase))
echo "cockpit kill -9 mid-review: $cockpit_trials trials; captures reported $(wc -l <"$reported"); lost $cockpit_lost; duplicates $cockpit_duplicates; cockpits that did not start $cockpit_errors; $((cockpit_ms / 1000)) s"

# MARK: - 3. Writers at once while a cockpit reads

store=$work/concurrent
"$rhythm" --store "$store" init >/dev/null
for w in $(seq "$writers"); do "$rhythm" --store "$store" person add "w$w" >/dev/null; done
tmux_ new-session -d -s reader -x 120 -y 40 -e "TZ=$TZ" -e "RHYTHM_USER=$RHYTHM_USER" -e "LANG=$LANG" \
  "$rhythm --store $store cockpit --screen steps"
deadline=$(($(now_ms) + 20000))
until tmux_ capture-pane -p -t reader 2>/dev/null | grep -q "┌ Steps"; do
  [ "$(now_ms)" -lt "$deadline" ] || { fail "the reading cockpit did not open"; break; }
  sleep 0.01
done
phase=$(now_ms)
pids=()
for w in $(seq "$writers"); do
  W=$w OPS=$operations RHYTHM="$rhythm" STORE="$store" sh -c '
    for i in $(seq "$OPS"); do
      if [ $((i % 4)) -eq 0 ]; then
        "$RHYTHM" --store "$STORE" step done "$id" >/dev/null || exit 1
        printf "d\t%s\t%s\n" "$id" "$title"
      else
        title="w$W-$i"
        id=$("$RHYTHM" --store "$STORE" step add "$title @w$W due:+3d") || exit 1
        printf "a\t%s\t%s\n" "$id" "$title"
      fi
    done' >"$work/concurrent-$w.out" 2>"$work/concurrent-$w.err" &
  pids+=($!)
done
concurrent_errors=0
for index in "${!pids[@]}"; do
  if ! wait "${pids[$index]}"; then
    concurrent_errors=$((concurrent_errors + 1))
    fail "writer $((index + 1)) failed: $(head -3 "$work/concurrent-$((index + 1)).err")"
  elif [ -s "$work/concurrent-$((index + 1)).err" ]; then
    concurrent_errors=$((concurrent_errors + 1))
    fail "writer $((index + 1)) wrote to stderr: $(head -3 "$work/concurrent-$((index + 1)).err")"
  fi
done
concurrent_ms=$(($(now_ms) - phase))
cat "$work"/concurrent-*.out >"$work/concurrent-reported.tsv"
check "$store" "$work/concurrent-reported.tsv" "concurrent writers"
concurrent_lost=$lost
concurrent_duplicates=$duplicates
open=$(awk -F'\t' '$2 == "open"' "$work/state.tsv" | wc -l)
caught_up=no
deadline=$(($(now_ms) + 20000))
while [ "$(now_ms)" -lt "$deadline" ]; do
  if tmux_ capture-pane -p -t reader 2>/dev/null | grep -q "┌ Steps · $open shown"; then
    caught_up=yes
    break
  fi
  sleep 0.05
done
[ "$caught_up" = yes ] || fail "the reading cockpit does not show $open open steps: $(tmux_ capture-pane -p -t reader 2>/dev/null | sed -n 2p)"
reported_count=$(wc -l <"$work/concurrent-reported.tsv")
echo "concurrency: $writers writers x $operations operations at once ($(grep -c '^a' "$work/concurrent-reported.tsv" || true) adds, $(grep -c '^d' "$work/concurrent-reported.tsv" || true) dones) while a cockpit read; changes reported $reported_count; lost $concurrent_lost; duplicates $concurrent_duplicates; writer errors $concurrent_errors; cockpit showed the final $open open steps: $caught_up; $((concurrent_ms / 1000)) s ($((reported_count * 1000 / (concurrent_ms > 0 ? concurrent_ms : 1))) operations/s)"

echo "total: $(( ($(now_ms) - started) / 1000 )) s wall time; failures $failures"
[ "$failures" -eq 0 ]

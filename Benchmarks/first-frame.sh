#!/usr/bin/env bash
# Time from start to the first full cockpit frame, in tmux at 160x48 (as PERF-NOTES measured
# vit and calcurse), on the demo store and on the benchmark's large stores; and the bytes the
# cockpit writes to the terminal to move the selection one row on the Steps screen.
# Polling capture-pane costs about 4 ms itself (PERF-NOTES), included in the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
rhythm=${RHYTHM:-.build/release/rhythm}
runs=${RUNS:-5}
socket=rhythm-bench-$$
export RHYTHM_NOW=2026-11-25T09:00:00Z TZ=UTC TERM=xterm-256color
trap 'tmux -L $socket kill-server 2>/dev/null || true' EXIT

demo=$(mktemp -d)/demo
"$rhythm" --store "$demo" init --demo >/dev/null

now_ms() { date +%s%3N; }

# first_frame STORE: milliseconds until the status bar of the first frame is on screen.
first_frame() {
  local store=$1 start end
  tmux -L "$socket" kill-server 2>/dev/null || true
  start=$(now_ms)
  tmux -L "$socket" new-session -d -x 160 -y 48 -e RHYTHM_NOW -e TZ "$rhythm --store '$store'"
  until tmux -L "$socket" capture-pane -p 2>/dev/null | grep -q "1-6 screens"; do
    if [ $(( $(now_ms) - start )) -gt 20000 ]; then echo "timeout" >&2; return 1; fi
  done
  end=$(now_ms)
  tmux -L "$socket" kill-server 2>/dev/null || true
  echo $((end - start))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo ""
echo "cockpit: start to first full frame (tmux 160x48, median of $runs)"
for store in "$demo" .bench/store-50000 .bench/store-200000; do
  [ -d "$store" ] || continue
  times=$(for _ in $(seq "$runs"); do first_frame "$store"; done | median)
  echo "  $(basename "$store"): ${times} ms"
done

if [ -d .bench/store-50000 ]; then
  log=$(mktemp)
  tmux -L "$socket" new-session -d -x 120 -y 40 -e RHYTHM_NOW -e TZ "$rhythm --store .bench/store-50000 cockpit --screen steps"
  deadline=$(( $(now_ms) + 20000 ))
  until tmux -L "$socket" capture-pane -p | grep -q "1-6 screens"; do
    if [ "$(now_ms)" -gt "$deadline" ]; then echo "  the Steps screen did not open" >&2; exit 1; fi
  done
  tmux -L "$socket" send-keys j
  tmux -L "$socket" send-keys k
  sleep 0.5
  tmux -L "$socket" pipe-pane -o "cat > $log"
  tmux -L "$socket" send-keys j
  sleep 0.5
  tmux -L "$socket" pipe-pane
  echo "  bytes written to move the selection one row (Steps, 50,000 steps): $(wc -c < "$log")"
  tmux -L "$socket" kill-server 2>/dev/null || true
fi

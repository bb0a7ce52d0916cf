#!/usr/bin/env bash
# The cockpit at scale (issue 10, item 6), on the benchmark's generated stores (run rhythm-bench
# first, or Benchmarks/run.sh): in tmux at 160x48, from start to the Steps screen drawn after
# pressing `3`, two ways:
# - "3 at once": `3` is sent as soon as tmux has started the program, and the clock stops when
#   the Steps screen is on the pane. This is what a user who presses 3 at once waits for; the
#   cockpit reads the store while it starts the terminal and keeps keys pressed meanwhile.
# - "3 after a frame" (the figure of sessions 3 and 4): `3` is sent once the first full frame
#   (its status bar) is seen, so the figure also holds one round of polling for that frame.
# Then until `j` pressed right after it is answered (the frame changes); and the resident and
# peak memory once everything is loaded (1.5 s later). Medians of RUNS.
# Moving and a typed filter character are timed in process by rhythm-bench (CockpitBench).
# Polling capture-pane costs about 4 ms itself (PERF-NOTES), included in the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
rhythm=${RHYTHM:-.build/release/rhythm}
runs=${RUNS:-5}
sizes=${SIZES:-1000 10000 50000 200000}
socket=rhythm-scale-$$
export RHYTHM_NOW=2026-11-25T09:00:00Z TZ=UTC TERM=xterm-256color
trap 'tmux -L $socket kill-server 2>/dev/null || true' EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
screen() { tmux -L "$socket" capture-pane -p -e 2>/dev/null; }

# one_run STORE: prints "steps_ms keys_ms rss_mb peak_mb".
one_run() {
  local store=$1 start steps keys before pid rss peak
  tmux -L "$socket" kill-server 2>/dev/null || true
  start=$(now_ms)
  tmux -L "$socket" new-session -d -x 160 -y 48 -e RHYTHM_NOW -e TZ "$rhythm --store '$store'"
  until screen | grep -q "1-6 screens"; do
    if [ $(( $(now_ms) - start )) -gt 20000 ]; then echo "timeout" >&2; return 1; fi
  done
  tmux -L "$socket" send-keys 3
  until screen | grep -q "Steps ·"; do
    if [ $(( $(now_ms) - start )) -gt 20000 ]; then echo "timeout" >&2; return 1; fi
  done
  steps=$(( $(now_ms) - start ))
  before=$(screen)
  tmux -L "$socket" send-keys j
  while [ "$(screen)" = "$before" ]; do
    if [ $(( $(now_ms) - start )) -gt 20000 ]; then echo "timeout" >&2; return 1; fi
  done
  keys=$(( $(now_ms) - start ))
  sleep 1.5
  pid=$(pgrep -P "$(tmux -L "$socket" list-panes -F '#{pane_pid}')" rhythm || tmux -L "$socket" list-panes -F '#{pane_pid}')
  rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status")
  peak=$(awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$pid/status")
  tmux -L "$socket" kill-server 2>/dev/null || true
  echo "$steps $keys $rss $peak"
}

# at_once STORE: milliseconds from start to the Steps screen, `3` sent as the program starts.
at_once() {
  local store=$1 start
  tmux -L "$socket" kill-server 2>/dev/null || true
  start=$(now_ms)
  tmux -L "$socket" new-session -d -x 160 -y 48 -e RHYTHM_NOW -e TZ "$rhythm --store '$store'"
  tmux -L "$socket" send-keys 3
  until screen | grep -q "Steps ·"; do
    if [ $(( $(now_ms) - start )) -gt 20000 ]; then echo "timeout" >&2; return 1; fi
  done
  echo $(( $(now_ms) - start ))
  tmux -L "$socket" kill-server 2>/dev/null || true
}

# tmux's own share: a new session whose shell prints one word, until capture-pane shows it.
tmux_alone() {
  local start
  tmux -L "$socket" kill-server 2>/dev/null || true
  start=$(now_ms)
  tmux -L "$socket" new-session -d -x 160 -y 48 "sh -c 'echo tmux-is-up; sleep 5'"
  until screen | grep -q "tmux-is-up"; do
    if [ $(( $(now_ms) - start )) -gt 20000 ]; then echo "timeout" >&2; return 1; fi
  done
  echo $(( $(now_ms) - start ))
  tmux -L "$socket" kill-server 2>/dev/null || true
}

echo ""
echo "cockpit at scale: start, \`3\` at once (tmux 160x48, median of $runs)"
echo "tmux alone (a new session showing one word): $(for _ in $(seq "$runs"); do tmux_alone; done | median) ms, included below"
echo "steps    Steps screen: 3 at once  3 after a frame  j answered  resident MB  peak MB"
for size in $sizes; do
  store=.bench/store-$size
  [ -d "$store" ] || continue
  # The two ways alternate, so that both see the same minutes of a shared machine.
  results=$(for _ in $(seq "$runs"); do echo "$(at_once "$store") $(one_run "$store")"; done)
  column() { echo "$results" | awk -v c="$1" '{print $c}' | median; }
  printf "%-8s %-24s %-16s %-11s %-12s %s\n" "$size" "$(column 1) ms" "$(column 2) ms" \
    "$(column 3) ms" "$(column 4)" "$(column 5)"
done

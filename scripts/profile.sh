#!/usr/bin/env bash
# Profiles a benchmark under load (never part of the tests): runs scripts/bench.sh's program with longer
# timed windows, attaches dotnet-trace (sampled thread stacks) and dotnet-counters (GC, allocation) to
# it during the measured window, reads every thread's CPU time from /proc over the same window, and
# prints where the process's CPU goes by stage (scripts/lib/profile_stages.py).
#
#   scripts/profile.sh ingest    the grain-level ingest window (sessions, not the ping)
#   scripts/profile.sh http      the gateway's full-speed wrk window
#
# Tools: dotnet-trace and dotnet-counters from NuGet, installed into $DOTNET_TOOLS (default /tmp/dntools).
# Output: artifacts/profile/<mode>-<time>.{nettrace,speedscope.json,counters.csv,threads.txt,txt}.
set -euo pipefail
mode="${1:?usage: scripts/profile.sh ingest|http}"
source "$(dirname "$0")/lib/azurite.sh"
cd "$repo_root"

tools="${DOTNET_TOOLS:-/tmp/dntools}"
for tool in dotnet-trace dotnet-counters; do
  if [ ! -x "$tools/$tool" ]; then
    dotnet tool install --tool-path "$tools" "$tool" --version 10.0.750501
  fi
done

seconds="${PROFILE_SECONDS:-15}"
case "$mode" in
  ingest) marker="measuring"; nth=2 ;;          # the second timed window is the sessions'
  http) marker="wrk 64 connections.*:5191"; nth=2 ;; # the gateway's warm-up, then its timed run
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac

ensure_azurite
dotnet build bench/WellnessPlatform.Benchmarks -c Release --nologo -v quiet
out="$repo_root/artifacts/profile"
mkdir -p "$out"
stamp="$mode-$(date -u +%Y%m%d-%H%M%S)"
log="$out/$stamp.bench.txt"

# The timed windows are lengthened so the trace sits inside one; the table it prints is for the profile only.
BENCH_WINDOW_SECONDS=$((seconds + 6)) dotnet bench/WellnessPlatform.Benchmarks/bin/Release/net10.0/WellnessPlatform.Benchmarks.dll "$mode" >"$log" 2>"$log.err" &
bench_pid=$!
trap 'kill "$bench_pid" 2>/dev/null || true' EXIT

until [ "$(grep -c -E "$marker" "$log.err" 2>/dev/null || true)" -ge "$nth" ]; do
  kill -0 "$bench_pid" 2>/dev/null || { echo "the benchmark ended before its window; see $log.err" >&2; exit 1; }
  sleep 0.2
done
sleep 2 # past the window's first moments

# Per thread: its name, then utime and stime (fields 14 and 15 of stat, counted after the name's closing parenthesis).
threads() {
  local t stat
  for t in /proc/"$bench_pid"/task/*; do
    stat="$(cat "$t/stat" 2>/dev/null)" || continue
    printf '%s\t%s\n' "$(cat "$t/comm")" "$(echo "${stat##*) }" | cut -d' ' -f12,13)"
  done
}
threads >"$out/$stamp.threads-before.txt"
"$tools/dotnet-counters" collect -p "$bench_pid" --counters System.Runtime,WellnessPlatform --refresh-interval 1 --format csv \
  -o "$out/$stamp.counters.csv" --duration "00:00:00:$seconds" >/dev/null &
counters_pid=$!
"$tools/dotnet-trace" collect -p "$bench_pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$seconds" \
  -o "$out/$stamp.nettrace" >/dev/null
threads >"$out/$stamp.threads-after.txt"
wait "$counters_pid" || true

wait "$bench_pid" || true
trap - EXIT
"$tools/dotnet-trace" convert --format Speedscope "$out/$stamp.nettrace" -o "$out/$stamp.json" >/dev/null && mv "$out/$stamp.speedscope.json" "$out/$stamp.speedscope.json" 2>/dev/null || true
python3 scripts/lib/profile_stages.py "$mode" "$out/$stamp" "$seconds" | tee "$out/$stamp.txt"

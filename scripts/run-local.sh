#!/usr/bin/env bash
# Runs WellnessPlatform locally with demo data through the .NET Aspire AppHost: Azurite (tables kept
# in .data/azurite-aspire, so state survives restarts), three silos clustered through Azure Table
# membership (each also serves the API and the pages), and the Aspire dashboard with their traces,
# metrics and logs. The first silo seeds a demo employer on first start.
#
#   ./scripts/run-local.sh            the AppHost (three silos + dashboard)
#   ./scripts/run-local.sh --single   one process: Azurite in .data/azurite, MailDev (inbox on :1080) and one silo, no dashboard
set -euo pipefail
source "$(dirname "$0")/lib/azurite.sh"
cd "$repo_root"
ensure_azurite

# A process is running unless it is gone or a zombie (exited, not yet reaped).
running() { local state; state="$(ps -o stat= -p "$1" 2>/dev/null)" && [ "${state#Z}" = "$state" ]; }

# wait_gone SECONDS PID...: waits until none of the processes runs, or the time is up.
wait_gone() {
  local deadline=$((SECONDS + $1)) pid alive
  shift
  while :; do
    alive=""
    for pid in "$@"; do
      running "$pid" && alive=1
    done
    [ -z "$alive" ] && return 0
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

if [ "${1:-}" = "--single" ]; then
  host_pid=""

  # Ctrl+C signals the whole foreground process group (Azurite has its own session, so not it). This
  # script then stops things in order, whatever the host made of the Ctrl+C: the host first (leaving
  # the cluster cleanly needs storage), waiting for it a bounded time, then Azurite with SIGINT so it
  # saves its tables. SIGTERM (kill) and SIGHUP (a closed terminal; the host ignores it) take the same
  # path: before, a kill of this script stopped Azurite at once and left the host running without storage.
  stop_all() {
    trap - INT TERM HUP EXIT
    if [ -n "$host_pid" ] && running "$host_pid"; then
      echo "Stopping the host, then Azurite..."
      kill -TERM "$host_pid" 2>/dev/null || true
      # The host's own shutdown gives up after 30 s (HostOptions.ShutdownTimeout); this is the backstop.
      if ! wait_gone 45 "$host_pid"; then
        echo "The host did not stop within 45 s; killing it." >&2
        kill -KILL "$host_pid" 2>/dev/null || true
      fi
      wait "$host_pid" 2>/dev/null || true
    fi
    stop_azurite
    stop_maildev
  }
  trap 'stop_all; exit 130' INT
  trap 'stop_all; exit 143' TERM
  trap 'stop_all; exit 129' HUP
  trap stop_all EXIT

  # Release, as production runs (a Debug build is several times slower on the request path).
  dotnet build src/WellnessPlatform.Host -c Release --nologo -v quiet
  start_azurite 10002 "$repo_root/.data/azurite"
  start_maildev 1025 1080 "$repo_root/.data/maildev"
  url="http://127.0.0.1:5080"
  echo
  echo "WellnessPlatform (single process) is starting at $url; Ctrl+C stops it, then Azurite."
  echo "Emails it sends (reminders, notices) arrive in MailDev's inbox: http://127.0.0.1:1080"
  echo
  # As "dotnet run --launch-profile http" would run it (content root, URL, environment), but as one
  # process whose id this script holds.
  (
    cd src/WellnessPlatform.Host
    trap '' HUP
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" exec dotnet bin/Release/net10.0/WellnessPlatform.Host.dll
  ) &
  host_pid=$!
  status=0
  wait "$host_pid" || status=$?
  exit "$status"
fi

cat <<MSG

WellnessPlatform is starting (Ctrl+C stops the silos, then Azurite, then the rest; a few seconds):
  Web pages and API:  http://127.0.0.1:5081  (also :5082 and :5083, one per silo)
  Sign in:            http://127.0.0.1:5081/signin  (pick a demo user)
  API page:           http://127.0.0.1:5081/api-docs
  Aspire dashboard:   the "Login URL" printed below (traces, metrics, logs of all silos)
  HR adherence:       see README "Try it" for tokens and curl

MSG

# Ctrl+C straight to the AppHost stops every resource at once: Azurite went in 0.4 s and the silos
# could not leave the cluster (their membership rows stayed Active). So the AppHost gets a session of
# its own, Ctrl+C reaches only this script, and the script stops the silos first, then Azurite (SIGINT,
# so it saves its tables), then the AppHost with the orchestrator and the dashboard.
aspire_silos() {
  local pid
  for pid in $(pgrep -f "$repo_root/src/WellnessPlatform.Host/bin/" || true); do
    grep -qsz '^WellnessPlatform__Cluster__ClusterId=wellness-aspire$' "/proc/$pid/environ" && echo "$pid"
  done
}

stop_apphost() {
  trap - INT TERM HUP EXIT
  echo "Stopping the silos, then Azurite, then the AppHost..."
  local -a silos storage
  mapfile -t silos < <(aspire_silos)
  if [ "${#silos[@]}" -gt 0 ]; then
    kill -TERM "${silos[@]}" 2>/dev/null || true
    if ! wait_gone 45 "${silos[@]}"; then
      echo "A silo did not stop within 45 s; killing it." >&2
      kill -KILL "${silos[@]}" 2>/dev/null || true
    fi
  fi
  mapfile -t storage < <(pgrep -f "$repo_root/node_modules/.bin/azurite-table .*--tablePort 10012" || true)
  if [ "${#storage[@]}" -gt 0 ]; then
    kill -INT "${storage[@]}" 2>/dev/null || true
    wait_gone 10 "${storage[@]}" || true
  fi
  kill -TERM -- "-$apphost_pid" 2>/dev/null || true
  wait_gone 30 "$apphost_pid" || kill -KILL -- "-$apphost_pid" 2>/dev/null || true
  wait "$apphost_pid" 2>/dev/null || true
}

setsid dotnet run --project src/WellnessPlatform.AppHost -c Release --launch-profile http &
apphost_pid=$!
trap 'stop_apphost; exit 130' INT
trap 'stop_apphost; exit 143' TERM
trap 'stop_apphost; exit 129' HUP
trap stop_apphost EXIT
status=0
wait "$apphost_pid" || status=$?
exit "$status"

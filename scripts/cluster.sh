#!/usr/bin/env bash
# A real cluster on this machine: Azurite and N silo processes on loopback (each also serves the API
# and pages), clustered through Orleans' Azure Table membership. State lives in .data/cluster.
#
#   ./scripts/cluster.sh start [N]   build, start Azurite and N silos (default 3), wait until all are ready
#   ./scripts/cluster.sh stop        stop the silos (graceful), then Azurite
#   ./scripts/cluster.sh status      readiness of each silo
#
# Silo i serves http://127.0.0.1:(5100+i); the first one seeds the demo employer.
set -euo pipefail
source "$(dirname "$0")/lib/azurite.sh"
cd "$repo_root"
dir="$repo_root/.data/cluster"
table_port=10022
host_dll="$repo_root/src/WellnessPlatform.Host/bin/Release/net10.0/WellnessPlatform.Host.dll"

start() {
  local n="${1:-3}"
  ensure_azurite
  dotnet build src/WellnessPlatform.Host -c Release --nologo -v quiet
  mkdir -p "$dir"
  start_azurite "$table_port" "$dir/azurite"
  [ -n "${AZURITE_PID:-}" ] && echo "$AZURITE_PID" > "$dir/azurite.pid"
  local tables="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
  for i in $(seq 1 "$n"); do
    (
      cd "$(dirname "$host_dll")"
      ASPNETCORE_ENVIRONMENT=Development \
      ASPNETCORE_URLS="http://127.0.0.1:$((5100 + i))" \
      ConnectionStrings__Tables="$tables" \
      WellnessPlatform__Cluster__ClusterId=wellness-cluster \
      WellnessPlatform__Cluster__ServiceId=wellness-cluster \
      WellnessPlatform__Cluster__SiloPort=$((11200 + i)) \
      WellnessPlatform__Cluster__GatewayPort=$((30200 + i)) \
      WellnessPlatform__Demo__Seed=$([ "$i" = 1 ] && echo true || echo false) \
      setsid dotnet "$host_dll" >"$dir/silo-$i.log" 2>&1 &
      echo $! > "$dir/silo-$i.pid"
    )
  done
  for i in $(seq 1 "$n"); do
    for _ in $(seq 1 120); do
      curl -fs "http://127.0.0.1:$((5100 + i))/health/ready" >/dev/null 2>&1 && break
      sleep 0.5
    done
    echo "silo-$i: $(curl -s "http://127.0.0.1:$((5100 + i))/health/ready" || echo 'not ready; see .data/cluster/silo-'$i'.log')"
  done
}

stop() {
  for pid_file in "$dir"/silo-*.pid; do
    [ -f "$pid_file" ] || continue
    kill -TERM "$(cat "$pid_file")" 2>/dev/null || true
  done
  for pid_file in "$dir"/silo-*.pid; do
    [ -f "$pid_file" ] || continue
    for _ in $(seq 1 60); do kill -0 "$(cat "$pid_file")" 2>/dev/null || break; sleep 0.5; done
    rm -f "$pid_file"
  done
  if [ -f "$dir/azurite.pid" ]; then
    AZURITE_PID="$(cat "$dir/azurite.pid")" stop_azurite
    rm -f "$dir/azurite.pid"
  fi
  echo "cluster stopped"
}

status() {
  for pid_file in "$dir"/silo-*.pid; do
    [ -f "$pid_file" ] || continue
    local i="${pid_file##*silo-}"; i="${i%.pid}"
    echo "silo-$i (pid $(cat "$pid_file")): $(curl -s "http://127.0.0.1:$((5100 + i))/health/ready" || echo down)"
  done
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start [N] | stop | status" >&2; exit 2 ;;
esac

# Shared by the run and test scripts: installs the repository's npm packages (Azurite, MailDev, axe-core,
# kubernetes-models for the manifest schema tests, and oidc-provider for the test identity providers) into
# node_modules and starts or stops Azurite's table service. Source it; do not run it.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
azurite_bin="$repo_root/node_modules/.bin/azurite-table"

ensure_azurite() {
  # A node_modules from before a package was added lacks it: check each, not only Azurite.
  if [ ! -x "$azurite_bin" ] || [ ! -f "$repo_root/node_modules/axe-core/axe.min.js" ] ||
    [ ! -f "$repo_root/node_modules/kubernetes-models/package.json" ] ||
    [ ! -f "$repo_root/node_modules/yaml/package.json" ] || [ ! -x "$repo_root/node_modules/.bin/maildev" ] ||
    [ ! -f "$repo_root/node_modules/oidc-provider/package.json" ]; then
    echo "Installing Azurite, MailDev, axe-core, kubernetes-models and oidc-provider from npm (package-lock.json)..."
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_listening NAME LOG PORT...: returns once every port accepts a connection, or fails after 10 s.
wait_listening() {
  local name="$1" log="$2" port all
  shift 2
  for _ in $(seq 1 100); do
    all=1
    for port in "$@"; do
      port_open "$port" || all=""
    done
    [ -n "$all" ] && return 0
    sleep 0.1
  done
  echo "$name did not start on port(s) $*; see $log" >&2
  return 1
}

# start_azurite PORT DATA_FOLDER: starts the table service unless something already listens there.
start_azurite() {
  local port="$1" data="$2"
  if port_open "$port"; then
    echo "Something already listens on 127.0.0.1:$port; using it as Azure Table storage."
    AZURITE_PID=""
    return
  fi
  mkdir -p "$data"
  # Its own session, so a Ctrl+C meant for the host does not stop storage before the host has shut down.
  setsid "$azurite_bin" --tableHost 127.0.0.1 --tablePort "$port" --location "$data" \
    --disableTelemetry --silent >"$data/azurite.log" 2>&1 &
  AZURITE_PID=$!
  wait_listening Azurite "$data/azurite.log" "$port"
}

# Azurite saves its tables every few seconds; SIGINT makes it save and close cleanly.
stop_azurite() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill -INT "$AZURITE_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$AZURITE_PID" 2>/dev/null || return 0
      sleep 0.1
    done
    kill -KILL "$AZURITE_PID" 2>/dev/null || true
  fi
}

# start_maildev SMTP_PORT WEB_PORT LOG_FOLDER: a local SMTP server with a web inbox, unless one already listens.
start_maildev() {
  local smtp="$1" web="$2" logs="$3"
  if port_open "$smtp"; then
    echo "Something already listens on 127.0.0.1:$smtp; using it as the SMTP server."
    MAILDEV_PID=""
    return
  fi
  mkdir -p "$logs"
  setsid "$repo_root/node_modules/.bin/maildev" --smtp "$smtp" --web "$web" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --silent >"$logs/maildev.log" 2>&1 &
  MAILDEV_PID=$!
  wait_listening MailDev "$logs/maildev.log" "$smtp" "$web"
}

stop_maildev() {
  if [ -n "${MAILDEV_PID:-}" ] && kill -0 "$MAILDEV_PID" 2>/dev/null; then
    kill -TERM "$MAILDEV_PID" 2>/dev/null || true
  fi
}

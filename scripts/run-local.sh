#!/usr/bin/env bash
# Runs WellnessPlatform locally with demo data through the .NET Aspire AppHost: Azurite (tables kept
# in .data/azurite-aspire, so state survives restarts), three silos clustered through Azure Table
# membership (each also serves the API and the pages), and the Aspire dashboard with their traces,
# metrics and logs. The first silo seeds a demo employer on first start.
#
#   ./scripts/run-local.sh            the AppHost (three silos + dashboard)
#   ./scripts/run-local.sh --single   one process: Azurite in .data/azurite and one silo, no dashboard
set -euo pipefail
source "$(dirname "$0")/lib/azurite.sh"
cd "$repo_root"
ensure_azurite

if [ "${1:-}" = "--single" ]; then
  start_azurite 10002 "$repo_root/.data/azurite"
  trap stop_azurite EXIT
  url="http://127.0.0.1:5080"
  echo
  echo "WellnessPlatform (single process) is starting at $url; Ctrl+C stops it and Azurite."
  echo
  ASPNETCORE_ENVIRONMENT=Development dotnet run --project src/WellnessPlatform.Host --launch-profile http
  exit 0
fi

cat <<MSG

WellnessPlatform is starting (Ctrl+C stops everything, about 15 s):
  Web pages and API:  http://127.0.0.1:5081  (also :5082 and :5083, one per silo)
  Sign in:            http://127.0.0.1:5081/signin  (pick a demo user)
  API page:           http://127.0.0.1:5081/api-docs
  Aspire dashboard:   the "Login URL" printed below (traces, metrics, logs of all silos)
  HR adherence:       see README "Try it" for tokens and curl

MSG
exec dotnet run --project src/WellnessPlatform.AppHost --launch-profile http

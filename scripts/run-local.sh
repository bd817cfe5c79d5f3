#!/usr/bin/env bash
# Runs WellnessPlatform locally with demo data: Azurite (tables kept in .data/azurite, so state
# survives restarts), one silo co-hosted with the gateway, and a demo tenant seeded on first start.
set -euo pipefail
source "$(dirname "$0")/lib/azurite.sh"
cd "$repo_root"

ensure_azurite
start_azurite 10002 "$repo_root/.data/azurite"
trap stop_azurite EXIT

url="http://127.0.0.1:5080"
cat <<MSG

WellnessPlatform is starting at $url (Ctrl+C stops it and Azurite).
  OpenAPI document:      $url/openapi/v1.json
  Exercise catalog:      curl $url/api/exercises
  HR adherence (demo):   curl "$url/api/tenants/demo/adherence?weeks=6"
  An employee's streak:  curl $url/api/tenants/demo/employees/emp-001/progress
  Today's routine:       curl $url/api/tenants/demo/employees/emp-001/routine/today

MSG

ASPNETCORE_ENVIRONMENT=Development dotnet run --project src/WellnessPlatform.Host --launch-profile http

#!/usr/bin/env bash
# Runs the benchmarks (never part of the tests): installs what they need (Azurite from npm for the
# storage and cold-start figures, wrk from Debian's packages for HTTP ingest), builds in Release and
# prints one Markdown table. Usage: scripts/bench.sh [all|ingest|writes|dashboard|memory [N]|http|coldstart|scale [PEOPLE [ENROLLED]]]
set -euo pipefail
source "$(dirname "$0")/lib/azurite.sh"
cd "$repo_root"

ensure_azurite
# Only the HTTP figures use wrk.
if [[ "${1:-all}" =~ ^(all|http)$ ]] && ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi

dotnet build bench/WellnessPlatform.Benchmarks -c Release --nologo -v quiet
exec dotnet bench/WellnessPlatform.Benchmarks/bin/Release/net10.0/WellnessPlatform.Benchmarks.dll "${@:-all}"

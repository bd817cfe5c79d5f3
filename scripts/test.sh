#!/usr/bin/env bash
# Runs every test: installs Azurite, MailDev, axe-core and kubernetes-models from npm (the grain,
# integration and browser tests start their own Azurite and MailDev instances; the deploy tests check
# deploy/k8s against the Kubernetes API schemas) and Debian's Chromium (for the browser tests), builds once, then runs all
# test projects and prints one closing line of totals. Screenshots and accessibility results go
# to artifacts/.
set -euo pipefail
source "$(dirname "$0")/lib/azurite.sh"
source "$(dirname "$0")/lib/chromium.sh"
cd "$repo_root"

ensure_azurite
ensure_chromium
dotnet build WellnessPlatform.sln -c Release --nologo -v minimal

log="$(mktemp)"
status=0
# One test project at a time: on two cores the suites that start silos, Azurite and Chromium run
# faster in turn than together, and fixed ports of the AppHost never meet another suite's.
dotnet test WellnessPlatform.sln -c Release --no-build --nologo -maxcpucount:1 \
  --blame-hang-timeout 5m --results-directory artifacts/test-results 2>&1 | tee "$log" || status=$?

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed"
exit "$status"

#!/usr/bin/env bash
# Runs every test of the repository: .NET (unit, HTTP, the Azure Functions app as built and published, Azurite
# integration), Terraform policy, and the scenario page in headless Chromium. Installs the npm tools it needs from the
# lockfiles; NuGet packages, the Azure Functions worker's included, restore from the configured feed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# The registry sometimes drops a connection mid-install; a few attempts keep that from failing the whole run.
npm_ci() {
  local attempt
  for attempt in 1 2 3; do
    npm ci --prefix "$1" --no-audit --no-fund --loglevel=error --fetch-retries=4 --fetch-timeout=120000 && return 0
    echo "npm ci ($1) failed (attempt $attempt of 3)" >&2
    sleep $((attempt * 10))
  done
  return 1
}

for dir in tests/azurite tests/ui; do
  if [ -f "$dir/package-lock.json" ]; then
    echo "== npm ci ($dir)"
    npm_ci "$dir"
  fi
done

echo "== dotnet build"
dotnet build ArchiveForecast.Functions.sln -c Release -nologo -v:q -clp:ErrorsOnly

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "== dotnet test"
set +e
dotnet test ArchiveForecast.Functions.sln -c Release --no-build -nologo \
  --logger "console;verbosity=minimal" 2>&1 | tee "$results"
dotnet_status=${PIPESTATUS[0]}
set -e

node_status=0
if [ -x tests/terraform-policy/run.sh ]; then
  echo "== terraform fmt + policy tests"
  bash tests/terraform-policy/run.sh || node_status=1
fi
if [ -f tests/ui/package.json ]; then
  echo "== scenario page in headless Chromium"
  (cd tests/ui && npm test) || node_status=1
fi

sum() { grep -Eo "$1: +[0-9]+" "$results" | awk '{ n += $2 } END { print n + 0 }'; }
echo "dotnet: $(sum Passed) passed, $(sum Failed) failed"
if [ "$dotnet_status" -ne 0 ] || [ "$node_status" -ne 0 ]; then
  echo "FAILED (dotnet exit $dotnet_status, node suites $node_status)"
  exit 1
fi

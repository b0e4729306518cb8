#!/usr/bin/env bash
# Offline checks of terraform/: formatting, then the policy rules and the provider-schema check.
# `terraform validate` is not among them: it needs providers downloaded from the Terraform registry.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# A few attempts: the registry sometimes drops a connection mid-install.
for attempt in 1 2 3; do
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error --fetch-retries=4 >/dev/null) && break
  [ "$attempt" -lt 3 ] || exit 1
  sleep $((attempt * 10))
done
terraform fmt -check -recursive -diff "$repo/terraform"
node --test "$here"/*.test.js

#!/usr/bin/env bash
# Offline checks of terraform/: formatting, Terraform's own decoding of the configuration, then the policy rules,
# the provider-schema check and the variables' validation blocks.
# `terraform validate` is not among them: it needs providers downloaded from the Terraform registry;
# `terraform providers` decodes every block and meta-argument without them.
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
terraform -chdir="$repo/terraform" providers >/dev/null
node --test "$here"/*.test.js

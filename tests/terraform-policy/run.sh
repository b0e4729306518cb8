#!/usr/bin/env bash
# Offline checks of terraform/: formatting, then the policy rules and the provider-schema check.
# `terraform validate` is not among them: it needs providers downloaded from the Terraform registry.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
terraform fmt -check -recursive -diff "$repo/terraform"
node --test "$here"/*.test.js

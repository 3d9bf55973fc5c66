#!/usr/bin/env bash
# Validates deploy/kubernetes (base and overlays, rendered) against the Kubernetes OpenAPI schemas with the pinned
# kubernetes-models (package-lock.json). Skips, saying so, when node/npm or the npm registry cannot be reached.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "deploy/kubernetes/validate: skipped, node and npm are not installed"
  exit 0
fi
if [ ! -d node_modules/kubernetes-models ]; then
  if ! timeout -k 5 90 npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1; then
    echo "deploy/kubernetes/validate: skipped, the npm registry cannot be reached"
    exit 0
  fi
fi
node validate.mjs

#!/usr/bin/env bash
# The API governance gates CI runs (.ci/run), in this order; any failure fails CI:
#   1. breaking changes of every committed OpenAPI document (api-specs/canonical/*.json) against the base revision:
#      tests/ApiCompat (.NET, always runs);
#   2. Spectral (spectral:oas + OWASP API Security + the project's rules, tests/governance/.spectral.yaml) on every
#      committed OpenAPI document: 0 errors;
#   3. breaking changes of the GraphQL schema (api-specs/graphql/schema.graphql) against the same base: graphql-breaking.mjs.
# A break passes only when api-specs/approved-breaks.json lists it with a reason. Steps 2 and 3 need the npm packages
# pinned by package.json and package-lock.json here: when npm or its registry is unreachable they are skipped with a
# message, and CI goes on.
#
# The base revision: $GOVERNANCE_BASE when set; else the merge base with main (origin/main when there is no local main);
# on main itself (CI's clean checkout, where that merge base is HEAD) the first parent, HEAD~1, so each commit on main
# is checked against the main it was added to. A checkout without history (depth 1) has no base: the comparisons are
# skipped with a message (fetch at least 2 commits).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
approved=api-specs/approved-breaks.json
schema=api-specs/graphql/schema.graphql
status=0

base=${GOVERNANCE_BASE:-}
if [ -z "$base" ]; then
  main=$(git rev-parse --verify -q main || git rev-parse --verify -q origin/main || true)
  base=$( [ -n "$main" ] && git merge-base HEAD "$main" 2>/dev/null || true)
  if [ -z "$base" ] || [ "$base" = "$(git rev-parse HEAD)" ]; then
    base=$(git rev-parse --verify -q 'HEAD~1' || true)
  fi
fi
if [ -n "$base" ] && ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
  echo "governance: the base revision $base is not in this clone" >&2; exit 1
fi
[ -n "$base" ] && echo "governance: comparing with $(git rev-parse --short "$base")" || echo "governance: no base revision (a clone without history): breaking-change checks skipped"

# 1. OpenAPI breaking changes (.NET: always).
if [ -n "$base" ]; then
  compat=tests/ApiCompat/bin/Release/net10.0/ApiCompat.dll
  dotnet build tests/ApiCompat --configuration Release --nologo -v quiet  # this commit's checker, never a stale build
  dotnet "$compat" --base-ref "$base" --specs api-specs/canonical --approved "$approved" || status=1
fi

# npm ci into this folder (node_modules is ignored by git); few, short retries so an unreachable registry skips fast.
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "governance: Spectral and GraphQL breaking changes skipped: npm unreachable (npm or node not found)"; exit "$status"
fi
if ! timeout -k 5 120 npm ci --prefix tests/governance --no-audit --no-fund --silent --fetch-retries=1 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=5000 >/tmp/governance-npm.$$ 2>&1; then
  rm -f /tmp/governance-npm.$$
  echo "governance: Spectral and GraphQL breaking changes skipped: npm unreachable (npm ci could not install tests/governance/package-lock.json)"; exit "$status"
fi
rm -f /tmp/governance-npm.$$

# 2. Spectral: errors fail, warnings are printed for reviewers.
for document in api-specs/canonical/*.json; do
  if timeout -k 5 60 tests/governance/node_modules/.bin/spectral lint "$document" --ruleset tests/governance/.spectral.yaml \
      --fail-severity error --display-only-failures --quiet; then
    echo "governance: spectral: $document has no errors"
  else
    echo "governance: spectral: $document has errors (above)" >&2; status=1
  fi
done

# 3. GraphQL breaking changes.
if [ -n "$base" ]; then
  if old=$(git show "$base:$schema" 2>/dev/null); then
    work=$(mktemp -d)
    printf '%s\n' "$old" >"$work/base.graphql"
    timeout -k 5 60 node tests/governance/graphql-breaking.mjs "$work/base.graphql" "$schema" "$schema" "$approved" || status=1
    rm -rf "$work"
  else
    echo "governance: $schema is new since the base: nothing to compare"
  fi
fi

exit "$status"

#!/usr/bin/env bash
# Reports breaking changes of api-specs/graphql/schema.graphql against another revision (default: main's merge base; on
# main itself, the revision before the schema's latest change) with @graphql-inspector/cli. Exit 1 on a breaking change; exit 0 with a notice when npx or the npm
# registry is unreachable, or when the base revision has no schema yet.
set -euo pipefail
cd "$(dirname "$0")/.."
schema=api-specs/graphql/schema.graphql
base=${1:-$(git merge-base HEAD main 2>/dev/null || true)}
if [ -z "${1:-}" ] && { [ -z "$base" ] || [ "$base" = "$(git rev-parse HEAD)" ]; }; then
  # On main itself (CI's clone) the merge base is HEAD: compare with the schema before its latest change instead.
  last=$(git log -n1 --format=%H -- "$schema" 2>/dev/null || true)
  base=$( { [ -n "$last" ] && git rev-parse --verify -q "$last~1"; } || git rev-parse --verify -q HEAD~1 || true)
fi
if [ -z "$base" ]; then
  echo "graphql-breaking: no revision to compare with; skipped"; exit 0
fi

if ! command -v npx >/dev/null 2>&1; then
  echo "graphql-breaking: npx not found; skipped"; exit 0
fi
if ! old=$(git show "$base:$schema" 2>/dev/null); then
  echo "graphql-breaking: $base has no $schema; nothing to compare"; exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s\n' "$old" > "$work/base.graphql"
if ! timeout 100 npx --yes @graphql-inspector/cli@5 --version >/dev/null 2>&1; then
  echo "graphql-breaking: @graphql-inspector/cli could not be fetched from npm; skipped"; exit 0
fi
npx --yes @graphql-inspector/cli@5 diff "$work/base.graphql" "$schema"

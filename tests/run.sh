#!/usr/bin/env bash
# Runs every test of the product. On a fresh Debian machine it first installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests need from Debian, by the command each package provides: redis-server and redis-tools' redis-cli (the
# integration tests start real servers and a real Redis Cluster on free ports), redis-sentinel (the failover test starts
# three sentinels), promtool from prometheus (alert rules and the live /metrics scrape) and chromium (the operations
# console's browser tests, GraphiQL's rendering). The Redis ones are required; without the other two those tests skip, saying so.
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
command -v redis-sentinel >/dev/null 2>&1 || missing+=(redis-sentinel)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "tests/run.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "tests/run.sh: could not install ${missing[*]}; the tests that need them skip or fail below" >&2
  fi
fi
for tool in redis-server redis-cli redis-sentinel; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "tests/run.sh: $tool is missing; install it (e.g. sudo apt-get install redis-server redis-tools redis-sentinel)" >&2
    exit 1
  fi
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Gateway.sln --configuration Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line, whatever the runner printed above it.
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
# The failed tests by name with the first lines of their message, last, where a reader of only the tail sees them.
if [ "${failed:-0}" != 0 ]; then
  echo "Failed tests:"
  grep -E -A4 '^\s*failed [A-Za-z_]' "$log" | cut -c1-300 | grep -v -E '^\s*at ' || true
fi
echo "Tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"

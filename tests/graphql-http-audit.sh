#!/usr/bin/env bash
# The official GraphQL over HTTP audit (npm package graphql-http, pinned below) against the gateway, started here with
# the ERP simulator on free 127.0.0.1 ports. Exit 1 when an audit answers "error" (MUST) or "warn" (SHOULD); exit 0 with
# "skipped: npm unreachable" when npm or its registry cannot be reached. Uses the Release build, building it if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
GRAPHQL_HTTP_VERSION=1.23.1

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "graphql-http-audit: skipped: npm unreachable (npm or node not found)"; exit 0
fi

work=$(mktemp -d)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Into a temporary folder, never the work tree; few, short retries so an unreachable registry skips within the minute.
if ! timeout 60 npm install --prefix "$work/npm" --no-save --no-audit --no-fund --silent --fetch-retries=1 --fetch-retry-mintimeout=1000 --fetch-retry-maxtimeout=5000 \
  "graphql-http@$GRAPHQL_HTTP_VERSION" >"$work/npm.log" 2>&1; then
  echo "graphql-http-audit: skipped: npm unreachable (graphql-http@$GRAPHQL_HTTP_VERSION could not be installed)"; exit 0
fi

gateway_dll=src/Gateway/bin/Release/net10.0/Gateway.dll
sim_dll=src/ErpSimulator/bin/Release/net10.0/ErpSimulator.dll
if [ ! -f "$gateway_dll" ] || [ ! -f "$sim_dll" ]; then
  dotnet build src/Gateway --configuration Release --nologo -v quiet
  dotnet build src/ErpSimulator --configuration Release --nologo -v quiet
fi

free_port() { node -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"; }

# Waits for a port to accept connections (bash's /dev/tcp, as deploy/demo.sh does) while its process lives.
wait_for() {
  local name=$1 pid=$2 port=$3
  for _ in $(seq 1 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "graphql-http-audit: the $name did not start; its output:" >&2
  cat "$work/$name.log" >&2
  exit 1
}

admin_token="audit-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
sim_port=$(free_port)
dotnet "$sim_dll" --contentRoot "$PWD/src/ErpSimulator/bin/Release/net10.0" --urls "http://127.0.0.1:$sim_port" >"$work/simulator.log" 2>&1 &
pids+=($!)
wait_for simulator "${pids[-1]}" "$sim_port"

gateway_port=$(free_port)
dotnet "$gateway_dll" --contentRoot "$PWD/src/Gateway/bin/Release/net10.0" --urls "http://127.0.0.1:$gateway_port" \
  --Erp:Legacy:BaseUrl="http://127.0.0.1:$sim_port" --Erp:Cloud:BaseUrl="http://127.0.0.1:$sim_port" \
  --Gateway:AdminToken="$admin_token" >"$work/gateway.log" 2>&1 &
pids+=($!)
wait_for gateway "${pids[-1]}" "$gateway_port"

GATEWAY_URL="http://127.0.0.1:$gateway_port" ADMIN_TOKEN="$admin_token" GRAPHQL_HTTP_DIR="$work/npm/node_modules/graphql-http" \
  node tests/graphql-http-audit.mjs

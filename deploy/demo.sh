#!/usr/bin/env bash
# Runs the gateway with the simulated ERPs and their seeded demo data: embedded defaults, no Redis.
#   simulator  http://127.0.0.1:9080   (legacy SOAP /legacy/, cloud REST /cloud/api, control /_sim)
#   gateway    http://127.0.0.1:8080   (canonical API /v1, Swagger UI /swagger, health /health/ready)
# Ctrl+C or SIGTERM stops both, and the script returns once both have exited; so does either one exiting.
# SIM_URL and GATEWAY_URL move them elsewhere. DEMO_SKIP_BUILD=1 skips the two Release builds: for callers that have just
# built the Release binaries themselves (the test of this script does, since the test run's own build produced them).
set -euo pipefail
cd "$(dirname "$0")/.."

SIM_URL=${SIM_URL:-http://127.0.0.1:9080}
GATEWAY_URL=${GATEWAY_URL:-http://127.0.0.1:8080}
# Demo storefront JWT settings: deploy/demo-token.sh mints tokens with the same values. Never use these in production.
export DEMO_JWT_ISSUER=${DEMO_JWT_ISSUER:-https://demo-issuer.gateway.local}
export DEMO_JWT_AUDIENCE=${DEMO_JWT_AUDIENCE:-gateway-api}
export DEMO_JWT_SIGNING_KEY=${DEMO_JWT_SIGNING_KEY:-demo-signing-key-change-me-0123456789abcdef}
# The simulator posts its change events to the gateway, signed with this demo secret, so caches stay fresh.
DEMO_WEBHOOK_SECRET=${DEMO_WEBHOOK_SECRET:-demo-webhook-secret-change-me}

if [[ ${DEMO_SKIP_BUILD:-} != 1 ]]; then
  dotnet build src/ErpSimulator --configuration Release --nologo -v quiet
  dotnet build src/Gateway --configuration Release --nologo -v quiet
fi

# Both hosts run in the background and the script waits for them: bash runs a trap only once the foreground command
# has finished, so with a host in the foreground a SIGTERM would wait for that host and never reach the other one.
children=()
stop() {
  trap - EXIT INT TERM
  kill "${children[@]}" 2>/dev/null || true
  wait "${children[@]}" 2>/dev/null || true
}
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

# --contentRoot: each host reads the appsettings.json beside its binaries, wherever this script is started from.
dotnet src/ErpSimulator/bin/Release/net10.0/ErpSimulator.dll --contentRoot "$PWD/src/ErpSimulator/bin/Release/net10.0" --urls "$SIM_URL" \
  --Simulator:WebhookUrls="$GATEWAY_URL/events/erp" --Simulator:WebhookSecret="$DEMO_WEBHOOK_SECRET" &
sim=$!
children+=("$sim")

# Wait for the simulator's port (bash's /dev/tcp: no curl needed on a fresh machine).
hostport=${SIM_URL#http://}
for _ in $(seq 1 150); do
  (exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}") 2>/dev/null && break
  sleep 0.2
done
kill -0 "$sim" 2>/dev/null || { echo "deploy/demo.sh: the ERP simulator did not start (see above)" >&2; exit 1; }

echo "ERP simulator on $SIM_URL; gateway starting on $GATEWAY_URL (Swagger UI: $GATEWAY_URL/swagger)"
dotnet src/Gateway/bin/Release/net10.0/Gateway.dll --contentRoot "$PWD/src/Gateway/bin/Release/net10.0" --urls "$GATEWAY_URL" \
  --Erp:Legacy:BaseUrl="$SIM_URL" --Erp:Cloud:BaseUrl="$SIM_URL" \
  --Events:WebhookSecret="$DEMO_WEBHOOK_SECRET" \
  --Gateway:AdminToken="${ADMIN_TOKEN:-demo-admin-token-change-me}" \
  --Auth:Jwt:Issuer="$DEMO_JWT_ISSUER" --Auth:Jwt:Audience="$DEMO_JWT_AUDIENCE" --Auth:Jwt:SigningKey="$DEMO_JWT_SIGNING_KEY" &
children+=("$!")

# Until either host exits (the EXIT trap then stops the other) or a signal runs its trap.
wait -n

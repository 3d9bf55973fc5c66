#!/usr/bin/env bash
# The benchmark suite: the gateway measured side by side with its baselines in one run, so that every figure is a
# ratio that holds from machine to machine. Not part of the test suite. Writes tests/Benchmarks/results/latest.{json,md}
# (latest-cluster.{json,md} with BENCH_REDIS=cluster).
#
#   tests/Benchmarks/run.sh              # about 9 minutes on 2 cores
#   DURATION=5 tests/Benchmarks/run.sh   # shorter wrk runs
#   BENCH_REDIS=cluster tests/Benchmarks/run.sh   # every gateway on a 3-primary Redis Cluster instead of one redis-server;
#                                                 # writes results/latest-cluster.{json,md} beside the single Redis's
#   ONLY="cold proxy" tests/Benchmarks/run.sh   # only these scenarios: read proxy graphql overload cold freshness
#                                        # (the report shows n/a for the rest; a check that a row works, not a run)
#
# Pinning: with two or more cores, every server (gateways, simulator, Redis, nginx, bare Kestrel) runs on the cores
# in SERVER_CPUS and the load generators (wrk, probe) on LOAD_CPUS, so they never fight for a core unnoticed.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
bench=$root/tests/Benchmarks

DURATION=${DURATION:-10}
BENCH_REDIS=${BENCH_REDIS:-single}
case "$BENCH_REDIS" in
  single) results_name=latest ;;
  cluster) results_name=latest-cluster ;;
  *) echo "benchmarks: BENCH_REDIS is single or cluster, not $BENCH_REDIS" >&2; exit 2 ;;
esac
CONNECTIONS=${CONNECTIONS:-32}
cores=$(nproc)
if [ "$cores" -ge 2 ]; then
  SERVER_CPUS=${SERVER_CPUS:-0-$((cores - 2))}
  LOAD_CPUS=${LOAD_CPUS:-$((cores - 1))}
else
  SERVER_CPUS=0 LOAD_CPUS=0
fi

# --- what a fresh Debian machine lacks -------------------------------------------------------------------------
missing=()
for tool in wrk:wrk nginx:nginx-light redis-server:redis-server redis-cli:redis-tools curl:curl jq:jq pgrep:procps; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "benchmarks: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "benchmarks: building (Release)"
# In parallel: the five projects share no project (only the gateway references Gateway.Erp and Gateway.Core), and most
# of each build is the SDK's start-up and up-to-date checks.
build_logs=$(mktemp -d)
build_pids=()
for project in src/ErpSimulator src/Gateway tests/Benchmarks/BareKestrel tests/Benchmarks/BareYarp tests/Benchmarks/Probe; do
  dotnet build "$project" --configuration Release --nologo -v quiet >"$build_logs/${project//\//_}.log" 2>&1 &
  build_pids+=($!)
done
for pid in "${build_pids[@]}"; do
  wait "$pid" || { cat "$build_logs"/*.log >&2; echo "benchmarks: the build failed" >&2; exit 1; }
done
rm -rf "$build_logs"

work=$(mktemp -d)
chmod 755 "$work"          # nginx's workers (www-data) read the static file from here
raw=$work/raw
mkdir -p "$raw"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# --- helpers ----------------------------------------------------------------------------------------------------
free_port() { # a port nothing listens on (bash's /dev/tcp, no extra tools)
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
serve() { # name, command...: a server pinned to the server cores, its log in $work
  local name=$1; shift
  taskset -c "$SERVER_CPUS" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
}
wait_http() { # url: up to 60 s for a server to answer
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "benchmarks: $1 did not come up" >&2; exit 1
}
want() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }
probe() { taskset -c "$LOAD_CPUS" dotnet "$bench/Probe/bin/Release/net10.0/Probe.dll" "$@"; }
measure() { # name, wrk arguments...: closed-loop throughput and latency, answers counted by status
  local name=$1; shift
  echo "benchmarks: $(date -u +%T) $name"
  # Warm-up first, discarded: JIT tiering and connection set-up belong to no one's steady state. 10 s unless WARMUP says
  # otherwise: shorter where the process is hot already, longer for a .NET host's first round (round_warmup).
  local warm=() next_is_duration=0 arg
  for arg in "$@"; do
    if [ "$next_is_duration" = 1 ]; then warm+=("${WARMUP:-10}s"); next_is_duration=0; continue; fi
    [ "$arg" = "--duration" ] && next_is_duration=1
    warm+=("$arg")
  done
  taskset -c "$LOAD_CPUS" wrk --threads 1 "${warm[@]}" >/dev/null 2>&1 || true
  # With SERVER_PID, the measured server's own CPU time over the run too: how busy its core was, and what a request
  # cost it. A server that was not busy all the time was held back by the load generator, not by its own work.
  local cpu_before=0
  [ -n "${SERVER_PID:-}" ] && cpu_before=$(cpu_ticks "$SERVER_PID")
  taskset -c "$LOAD_CPUS" wrk --threads 1 --latency "$@" >"$raw/$name.txt" 2>&1
  local cpu_seconds=null
  [ -n "${SERVER_PID:-}" ] && cpu_seconds=$(jq -n "($(cpu_ticks "$SERVER_PID") - $cpu_before) / $(getconf CLK_TCK)")
  jq -n --arg name "$name" \
    --arg rps "$(awk '/^Requests\/sec:/ {print $2}' "$raw/$name.txt")" \
    --arg requests "$(awk '/ requests in / {print $1}' "$raw/$name.txt")" \
    --arg seconds "$(awk '/ requests in / {sub(/s,$/, "", $4); print $4}' "$raw/$name.txt")" \
    --argjson cpu "$cpu_seconds" \
    --argjson statuses "$(sed -n 's/^STATUSES //p' "$raw/$name.txt")" \
    --argjson latency "$(sed -n 's/^LATENCY_US //p' "$raw/$name.txt")" \
    '{($name): ({rps: ($rps|tonumber), statuses: $statuses, p50Ms: ($latency.p50/1000), p99Ms: ($latency.p99/1000)}
      + (if $cpu == null then {} else {serverBusyPercent: (100 * $cpu / ($seconds|tonumber)), serverCpuUsPerRequest: (1000000 * $cpu / ($requests|tonumber))} end))}' >"$raw/$name.json"
}
cpu_ticks() { # pid: user + system CPU time so far, in clock ticks (fields 14 and 15, counted after the "(name)" field)
  awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat"
}
round_warmup() { # round [quick]: seconds of warm-up; after the first round the processes are hot and need only new connections
  # The first lasts 20 s for a .NET host with much code on its path (the gateway, YARP alone): on one saturated core
  # the runtime's background JIT (tiered PGO) needs about that long to optimize it. nginx, and bare Kestrel with its
  # handful of methods, are at their steady state well within 10 s ("quick"); so is a second path through a host
  # that the first has warmed.
  if [ "$1" -gt 1 ]; then echo 2; elif [ "${2:-}" = quick ]; then echo "${WARMUP:-10}"; else echo "${FIRST_WARMUP:-20}"; fi
}
median_of_rounds() { # name: the scenario's figure from its rounds in raw/rounds/name.*.json
  # The run of median req/s, with the median of the rounds' p50 and p99 (each round's p99 kept beside it): one round's
  # stall, on either side, then moves neither figure (at 18:17Z nginx's median round alone had a p99 of 21.8 ms).
  jq -s --arg name "$1" '
    map(.[]) as $rounds
    | def median(f): [$rounds[] | f] | sort | .[(length / 2 | floor)];
    ($rounds | sort_by(.rps) | .[(length / 2 | floor)])
    + {p50Ms: median(.p50Ms), p99Ms: median(.p99Ms), p99MsOfRounds: [$rounds[] | .p99Ms]}
    | {($name): .}' "$raw/rounds/$1".*.json >"$raw/$1.json"
}
record() { # name, json: a measurement made by the probe
  jq -n --arg name "$1" --argjson value "$2" '{($name): $value}' >"$raw/$1.json"
}
erp_stats() { probe stats --sim "$sim"; }

# --- the servers --------------------------------------------------------------------------------------------------
redis_port=$(free_port); sim_port=$(free_port); bare_port=$(free_port); static_port=$(free_port); proxy_port=$(free_port)
bare_yarp_port=$(free_port)
g1_port=$(free_port); g2_port=$(free_port); g3_port=$(free_port); traced_port=$(free_port)
sim=http://127.0.0.1:$sim_port
admin_token=bench-admin-$RANDOM$RANDOM
webhook_secret=bench-webhook-$RANDOM$RANDOM

if [ "$BENCH_REDIS" = cluster ]; then
  # Three primaries, no replicas, each with its cluster bus port (+10000) free too; ready when every node says so.
  redis_endpoints=()
  for node in 1 2 3; do
    while :; do
      port=$(free_port)
      (exec 3<>"/dev/tcp/127.0.0.1/$((port + 10000))") 2>/dev/null || break
    done
    mkdir -p "$work/redis$node"
    serve "redis$node" redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work/redis$node" \
      --cluster-enabled yes --cluster-config-file nodes.conf
    redis_endpoints+=("127.0.0.1:$port")
  done
  for endpoint in "${redis_endpoints[@]}"; do
    until redis-cli -p "${endpoint##*:}" ping >/dev/null 2>&1; do sleep 0.1; done
  done
  redis-cli --cluster create "${redis_endpoints[@]}" --cluster-replicas 0 --cluster-yes >"$work/redis-cluster.log"
  for endpoint in "${redis_endpoints[@]}"; do
    until redis-cli -p "${endpoint##*:}" cluster info | grep -q '^cluster_state:ok'; do sleep 0.1; done
  done
  redis_connection=$(IFS=,; echo "${redis_endpoints[*]}")
else
  serve redis redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no
  redis_connection=127.0.0.1:$redis_port
fi
start_sim() { # extra simulator settings...: the ERPs, posting their change events to the first gateway
  serve sim dotnet src/ErpSimulator/bin/Release/net10.0/ErpSimulator.dll --urls "$sim" \
    --Logging:LogLevel:Default=Warning \
    --Simulator:WebhookUrls="http://127.0.0.1:$g1_port/events/erp" --Simulator:WebhookSecret="$webhook_secret" "$@"
  wait_http "$sim/_sim/stats"
}
start_sim

gateway() { # name port [settings...]: a gateway instance on the shared Redis, with the benchmark's proxy route
  local name=$1 port=$2; shift 2
  serve "$name" dotnet src/Gateway/bin/Release/net10.0/Gateway.dll --urls "http://127.0.0.1:$port" \
    --Logging:LogLevel:Default=Warning \
    --ConnectionStrings:Redis="$redis_connection" \
    --Erp:Legacy:BaseUrl="$sim" --Erp:Cloud:BaseUrl="$sim" \
    --Gateway:AdminToken="$admin_token" --Events:WebhookSecret="$webhook_secret" \
    --Auth:Anonymous:Scopes:0=catalog:read --Auth:Anonymous:RequestsPerSecond=1000000 --Auth:Anonymous:Burst=1000000 \
    --Auth:Anonymous:DailyQuota=1000000000 \
    --ReverseProxy:Routes:bench:ClusterId=bench --ReverseProxy:Routes:bench:Match:Path="/bench/{**rest}" \
    --ReverseProxy:Routes:bench:Transforms:0:PathRemovePrefix=/bench \
    --ReverseProxy:Clusters:bench:Destinations:upstream:Address="http://127.0.0.1:$static_port/" "$@"
}
gateway g1 "$g1_port"
g1=http://127.0.0.1:$g1_port
wait_http "$g1/health/live"

# A partner whose plan is far above what the load generator can send: the limiter runs on every request (and leases
# from Redis), it just never says no, so the scenario measures its cost, not its refusals.
sample=$(curl -fsS "$sim/_sim/sample?skus=200&customers=100")
customers=$(jq -c '[.customers[].customerId]' <<<"$sample")
partner=$(curl -fsS -X POST "$g1/admin/partners" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"scopes\":[\"catalog:read\",\"pricing:read\",\"inventory:read\"],\"customerIds\":$customers,\"plan\":{\"requestsPerSecond\":1000000,\"burst\":1000000,\"dailyQuota\":1000000000}}")
partner_id=$(jq -r .partnerId <<<"$partner")
api_key=$(curl -fsS -X POST "$g1/admin/partners/$partner_id/keys" -H "Authorization: Bearer $admin_token" | jq -r .key)
key_header="X-Api-Key: $api_key"

# --- 1. cached canonical read -------------------------------------------------------------------------------------
sku=$(jq -r '.skus[0]' <<<"$sample")
curl -fsS -H "$key_header" "$g1/v1/products/$sku" -o "$work/product.json"      # fills the cache
curl -fsS -H "$key_header" "$g1/v1/products/$sku" -o "$work/product.json"
cp "$work/product.json" "$work/static.json" && chmod 644 "$work/static.json"
serve bare dotnet "$bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll" --urls "http://127.0.0.1:$bare_port" --BodyFile "$work/product.json"
sed -e "s|@STATIC_PORT@|$static_port|g" -e "s|@PROXY_PORT@|$proxy_port|g" -e "s|@ROOT@|$work|g" "$bench/nginx.conf" >"$work/nginx.conf"
taskset -c "$SERVER_CPUS" nginx -c "$work/nginx.conf" -p "$work"
wait_http "http://127.0.0.1:$bare_port/"; wait_http "http://127.0.0.1:$static_port/static.json"; wait_http "http://127.0.0.1:$proxy_port/static.json"
# Its one worker process, whose CPU time is measured (none found: the nginx rows go without their CPU figures).
nginx_worker=$(pgrep -P "$(cat "$work/nginx.pid")" | head -1 || true)
# The same gateway with tracing on, a tenth of its traces recorded and exported over OTLP to nginx's static server,
# which answers /v1/traces 200 and drops the spans (a collector's cost is not the gateway's).
gateway traced "$traced_port" --OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$static_port" \
  --OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf --Telemetry:Tracing:SamplingRatio=0.1
traced=http://127.0.0.1:$traced_port
wait_http "$traced/health/live"
curl -fsS -H "$key_header" "$traced/v1/products/$sku" -o /dev/null

wrk_args=(--connections "$CONNECTIONS" --duration "${DURATION}s" --script "$bench/wrk/get.lua")
# Rounds are shorter, there being three of each: the median of three 8 s runs.
round_args=(--connections "$CONNECTIONS" --duration "${ROUND_DURATION:-8}s" --script "$bench/wrk/get.lua")
# nginx has nothing to warm but its connections.
if want read; then
SERVER_PID=$nginx_worker WARMUP=2 measure read_nginx_static "${wrk_args[@]}" "http://127.0.0.1:$static_port/static.json"
# The ratios that carry goals are measured in ROUNDS interleaved rounds (bare, keyed, anonymous, then again), so that a
# slow spell of a shared machine hits all three alike, and each reports its median run. Later rounds need only a short
# warm-up: the processes are hot by then.
mkdir -p "$raw/rounds"
for round in $(seq 1 "${ROUNDS:-3}"); do
  SERVER_PID=$pid_bare WARMUP=$(round_warmup "$round" quick) measure "rounds/read_bare_kestrel.$round" "${round_args[@]}" "http://127.0.0.1:$bare_port/v1/products/$sku"
  SERVER_PID=$pid_g1 WARMUP=$(round_warmup "$round") measure "rounds/read_gateway_key_limits.$round" "${round_args[@]}" --header "$key_header" "$g1/v1/products/$sku"
  # Auth off: no credential at all (the public catalog, Auth:Anonymous); the limiter still runs, per client address.
  SERVER_PID=$pid_g1 WARMUP=$(round_warmup "$round" quick) measure "rounds/read_gateway_anonymous.$round" "${round_args[@]}" "$g1/v1/products/$sku"
  # The keyed read again, on the instance with tracing on at 10% sampling.
  SERVER_PID=$pid_traced WARMUP=$(round_warmup "$round") measure "rounds/read_gateway_traced.$round" "${round_args[@]}" --header "$key_header" "$traced/v1/products/$sku"
done
for name in read_bare_kestrel read_gateway_key_limits read_gateway_anonymous read_gateway_traced; do median_of_rounds "$name"; done
kill "$pid_traced"; wait "$pid_traced" 2>/dev/null || true
saturation=$(jq '.read_gateway_key_limits.rps' "$raw/read_gateway_key_limits.json")
# Latency at half the saturation rate, paced by wrk (64 connections, each waiting between requests), beside bare
# Kestrel paced the same way: the floor of the machine and of the load generator.
pause_ms=$(jq -n "[1, (64000 / ($saturation / 2) | floor)] | max")
paced_args=(--connections 64 --duration "${DURATION}s" --script "$bench/wrk/paced.lua")
# Both are hot from the rounds: a short warm-up opens the connections.
WARMUP=2 measure read_gateway_half_saturation "${paced_args[@]}" --header "$key_header" "$g1/v1/products/$sku" -- "$pause_ms"
WARMUP=2 measure read_bare_half_saturation "${paced_args[@]}" "http://127.0.0.1:$bare_port/v1/products/$sku" -- "$pause_ms"

fi

# --- 2. proxy overhead --------------------------------------------------------------------------------------------
if want proxy; then
WARMUP=2 measure proxy_direct "${wrk_args[@]}" "http://127.0.0.1:$static_port/static.json"
# YARP alone with the same route, nothing else in the pipeline: what the proxy costs on .NET before the gateway's edge.
serve bare_yarp dotnet "$bench/BareYarp/bin/Release/net10.0/BareYarp.dll" --urls "http://127.0.0.1:$bare_yarp_port" \
  --ReverseProxy:Routes:bench:ClusterId=bench --ReverseProxy:Routes:bench:Match:Path="/bench/{**rest}" \
  --ReverseProxy:Routes:bench:Transforms:0:PathRemovePrefix=/bench \
  --ReverseProxy:Clusters:bench:Destinations:upstream:Address="http://127.0.0.1:$static_port/"
wait_http "http://127.0.0.1:$bare_yarp_port/bench/static.json"
# Interleaved rounds and medians here too: the proxies' figures move most from run to run.
for round in $(seq 1 "${ROUNDS:-3}"); do
  WARMUP=$(round_warmup "$round" quick) measure "rounds/proxy_nginx.$round" "${round_args[@]}" "http://127.0.0.1:$proxy_port/static.json"
  SERVER_PID=$pid_g1 WARMUP=$(round_warmup "$round") measure "rounds/proxy_yarp.$round" "${round_args[@]}" "$g1/bench/static.json"
  SERVER_PID=$pid_bare_yarp WARMUP=$(round_warmup "$round") measure "rounds/proxy_yarp_bare.$round" "${round_args[@]}" "http://127.0.0.1:$bare_yarp_port/bench/static.json"
done
for name in proxy_nginx proxy_yarp proxy_yarp_bare; do median_of_rounds "$name"; done
kill "$pid_bare_yarp"; wait "$pid_bare_yarp" 2>/dev/null || true

fi

# --- 3. GraphQL storefront page: 20 products with price and availability ------------------------------------------
if want graphql; then
customer=$(jq -r '.customers[0].customerId' <<<"$sample")
jq -n --arg customer "$customer" '{query: ("query Page($c: ID!) { products(first: 20) { edges { node { sku name price(quantity: 10, customerId: $c) { unitPrice source } availability { availableToPromise } } } } }"), variables: {c: $customer}}' >"$work/graphql.json"
curl -fsS -X POST "$sim/_sim/stats/reset" >/dev/null
curl -fsS -H "$key_header" -H 'Content-Type: application/json' --data @"$work/graphql.json" "$g1/graphql" -o "$work/graphql-answer.json"
if jq -e '.errors' "$work/graphql-answer.json" >/dev/null; then   # a page of errors would be measured as a fast page
  echo "benchmarks: the GraphQL page answered errors: $(head -c 500 "$work/graphql-answer.json")" >&2; exit 1
fi
cold=$(erp_stats)
curl -fsS -X POST "$sim/_sim/stats/reset" >/dev/null
curl -fsS -H "$key_header" -H 'Content-Type: application/json' --data @"$work/graphql.json" "$g1/graphql" -o /dev/null
warm=$(erp_stats)
record graphql_erp_calls "$(jq -n --argjson cold "$cold" --argjson warm "$warm" '{cold: $cold.readCalls, warm: $warm.readCalls}')"
SERVER_PID=$pid_g1 WARMUP=5 measure graphql_page "${wrk_args[@]/get.lua/post-json.lua}" --header "$key_header" "$g1/graphql" -- "$work/graphql.json"

fi

# --- 5. rate-aware overload: far more demand than the cloud ERP's quota (20/s) ------------------------------------
if want overload; then
jq -r '.customers[].customerId as $c | .skus[0:50][] as $s | "/v1/prices?customerId=\($c)&sku=\($s)&quantity=\(1 + ($s|tonumber) % 40)"' <<<"$sample" >"$work/prices.txt"
curl -fsS -X POST "$sim/_sim/stats/reset" >/dev/null
# A short warm-up: the flood's first seconds are part of what it measures (the budgets start empty).
WARMUP=3 measure overload_prices --connections 200 --duration "$((DURATION + 5))s" --timeout 30s --script "$bench/wrk/paths.lua" \
  --header "$key_header" "$g1" -- "$work/prices.txt"
record overload_erp "$(erp_stats)"
record gateway_peak_rss_mb "$(awk '/VmHWM/ {print $2/1024}' "/proc/$pid_g1/status")"

fi

# --- 7. distinct cold SKUs at ten times the cloud ERP's quota, batched across requests and not ---------------------
# Each request prices one SKU nobody asked for; a gateway of its own (the same build) runs the baseline with the batching
# window at 0. The baseline first, on other SKUs, and the quota rested between the two (its bucket refills in 2 s).
cold_customer=$(jq -r '.customers[0].customerId' <<<"$sample")
if want cold; then
  g4_port=$(free_port)
  gateway g4 "$g4_port" --Erp:Cloud:CoalescingWindow=00:00:00 --Erp:Legacy:CoalescingWindow=00:00:00
  wait_http "http://127.0.0.1:$g4_port/health/live"
  record cold_unbatched "$(probe cold --sim "$sim" --gateway "http://127.0.0.1:$g4_port" --customer "$cold_customer" \
    --rps 200 --seconds "${COLD_SECONDS:-5}" --skus-from 3000 --header "$key_header")"
  kill "$pid_g4"; wait "$pid_g4" 2>/dev/null || true
  sleep 3
  record cold_batched "$(probe cold --sim "$sim" --gateway "$g1" --customer "$cold_customer" \
    --rps 200 --seconds "${COLD_SECONDS:-5}" --skus-from 5000 --header "$key_header")"
fi

# --- 4. freshness across three instances on one Redis, and one hot key read by all three -------------------------------------------------------------
if want freshness; then
gateway g2 "$g2_port"; gateway g3 "$g3_port"
wait_http "http://127.0.0.1:$g2_port/health/live"; wait_http "http://127.0.0.1:$g3_port/health/live"
gateways=$g1,http://127.0.0.1:$g2_port,http://127.0.0.1:$g3_port
record hot_key "$(probe hotkey --sim "$sim" --gateways "$gateways" --requests 300 --header "$key_header")"
record freshness "$(probe freshness --sim "$sim" --gateways "$gateways" --changes "${CHANGES:-200}" --header "$key_header")"
# The same at about 7 changes a second, a rate the ERP's read quota (20/s) follows with room to spare: what is left is
# propagation and the ERP's own latency (the simulator's 20-60 ms per call), not waiting for quota.
record freshness_paced "$(probe freshness --sim "$sim" --gateways "$gateways" --changes "${CHANGES:-200}" --interval 150 \
  --header "$key_header")"
# The same with two readers per instance reading the changing SKU without pause all along, as a hot SKU is read: reads
# in flight at the change meet the invalidation, and one instance's re-read must serve the others.
record freshness_readers "$(probe freshness --sim "$sim" --gateways "$gateways" --changes "${CHANGES:-200}" --interval 150 \
  --readers 2 --header "$key_header")"
# Once more with the ERP answering in 1 ms instead of 20-60 (the same seed, so the same data): what is left is the
# gateway's own part of the lag (event delivery, invalidation on every instance, the one shared re-read). The restarted
# ERP counts each SKU's sequence from 1 again, which the ledger rightly drops for a SKU it has seen at 1 already, so these
# changes go to SKUs outside the sample the runs above changed (--exclude-sample).
kill "$pid_sim"; wait "$pid_sim" 2>/dev/null || true
start_sim --Simulator:LatencyMs=1
fresh_skus=(--exclude-sample "$(( ${CHANGES:-200} > 200 ? 200 : ${CHANGES:-200} ))")
# Twenty changes first, unrecorded: the gateways' circuit to the restarted ERP closes again on its first answers, and
# their connections to it are new (the first changes of the run of 09:45Z took 65-80 ms with 5 of these).
probe freshness --sim "$sim" --gateways "$gateways" --changes 20 "${fresh_skus[@]}" --skus-from 500 --header "$key_header" >/dev/null
# 200 changes like every freshness row (a p99 of 100 is the second-worst change alone), one every 250 ms: each costs two
# ERP reads here (the probe's first read of a SKU nobody read yet, then the re-read). At one every 150 ms that was 13
# reads a second, and the few that waited for the quota's budget made the p99 (50 ms, the p90 24 ms).
record freshness_fast_erp "$(probe freshness --sim "$sim" --gateways "$gateways" --changes "${CHANGES:-200}" --interval 250 \
  "${fresh_skus[@]}" --header "$key_header")"
record freshness_fast_erp_readers "$(probe freshness --sim "$sim" --gateways "$gateways" --changes "${CHANGES:-200}" --interval 250 \
  "${fresh_skus[@]}" --readers 2 --header "$key_header")"

fi

# --- report -------------------------------------------------------------------------------------------------------
out=$bench/results
mkdir -p "$out"
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
jq -s --arg date "$(date -u +%Y-%m-%dT%H:%MZ)" --arg machine "$machine" --arg pinning "servers on CPU $SERVER_CPUS, load generators on CPU $LOAD_CPUS" \
  --argjson duration "$DURATION" --argjson connections "$CONNECTIONS" \
  --arg redis "$BENCH_REDIS" \
  'add + {meta: {date: $date, machine: $machine, pinning: $pinning, durationSeconds: $duration, connections: $connections, redis: $redis}}' \
  "$raw"/*.json >"$out/$results_name.json"
probe report --results "$out/$results_name.json" >"$out/$results_name.md"
cat "$out/$results_name.md"

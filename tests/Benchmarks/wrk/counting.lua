-- Shared by the scenarios: counts answers by status in every wrk thread and prints them as one JSON line at the end,
-- so a benchmark can tell "fast" from "fast because it answered 429".
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    table.insert(parts, string.format('"%d":%d', status, n))
  end
  io.write(string.format('STATUSES {%s}\n', table.concat(parts, ",")))
  io.write(string.format('LATENCY_US {"p50":%d,"p90":%d,"p99":%d,"max":%d}\n',
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end

-- A GET paced by wrk itself: each connection waits the first script argument (ms) before its next request, so the
-- offered rate is about connections x 1000 / (delay + latency). wrk's own cost is tiny, unlike a .NET generator's,
-- whose pauses showed up as a p99 of 90 ms even against bare Kestrel at 5,000 req/s.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "counting.lua")

local pause

function init(args)
  pause = tonumber(args[1])
end

function delay()
  return pause
end

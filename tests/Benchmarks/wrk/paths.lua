-- GET a random path from the file named by the first script argument (one path per line), with the counting above.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "counting.lua")

local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    table.insert(paths, line)
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
